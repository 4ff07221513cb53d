import type { Page } from 'playwright-core';
import { url } from './site.ts';

/** One result as the search page shows it. */
export interface SearchResult {
  title: string;
  href: string;
  excerpt: string;
}

/** Searches on the site's search page (under the test base path) and returns the results shown first. */
export async function searchPage(page: Page, query: string): Promise<SearchResult[]> {
  await page.goto(url(`search/?q=${encodeURIComponent(query)}`));
  await page
    .locator('.search-status')
    .filter({ hasText: /result/ })
    .waitFor();
  return page.locator('.search-results li').evaluateAll((items) =>
    items.map((li) => ({
      title: li.querySelector('.search-result-title')!.textContent ?? '',
      href: li.querySelector('a')!.getAttribute('href') ?? '',
      excerpt: li.querySelector('.search-result-excerpt')!.textContent ?? '',
    })),
  );
}
