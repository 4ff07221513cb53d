import type { Page } from 'playwright-core';
import { url } from './site.ts';

/** One result as the search page shows it. */
export interface SearchResult {
  title: string;
  href: string;
  /** First author, year, venue: as the lists write it. */
  byline: string;
  /** For a paper with only some of the query's words, which ones ("Has …, · not …"); else empty. */
  words: string;
  excerpt: string;
}

/** The status line once a search has run: results, papers with some of the words, or none. */
export const SEARCH_DONE = /result|paper/;

/** Searches on the site's search page (under the test base path) and returns the results shown first. */
export async function searchPage(page: Page, query: string, params = ''): Promise<SearchResult[]> {
  await page.goto(url(`search/?q=${encodeURIComponent(query)}${params}`));
  await page.locator('.search-status').filter({ hasText: SEARCH_DONE }).waitFor();
  return shownResults(page);
}

/** The results on screen. */
export function shownResults(page: Page): Promise<SearchResult[]> {
  return page.locator('.search-results li').evaluateAll((items) =>
    items.map((li) => {
      const text = (part: string) => li.querySelector<HTMLElement>(`[data-part="${part}"]`)!;
      const words = text('words');
      return {
        title: text('title').textContent ?? '',
        href: li.querySelector('a')!.getAttribute('href') ?? '',
        byline: text('byline').textContent ?? '',
        words: words.hidden ? '' : (words.textContent ?? ''),
        excerpt: text('excerpt').textContent ?? '',
      };
    }),
  );
}
