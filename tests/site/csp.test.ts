/**
 * The Content-Security-Policy: every page carries a strict one, a reader's whole flow raises no
 * violation and no console error, and the policy is enforced (an injected inline script is
 * blocked) — so an escaping mistake could never run scraped text as script.
 */
import { parse } from 'node-html-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KEY_PAGES, newPage, openBrowser } from '../support/pages.ts';
import { htmlFiles, read, url } from '../support/site.ts';

let browser: Browser;
let close: () => Promise<void>;
beforeAll(async () => ({ browser, close } = await openBrowser()));
afterAll(() => close());

/** The policy of a built page, as directives. */
function policy(file: string): Map<string, string[]> {
  const meta = parse(read(file)).querySelector('meta[http-equiv="content-security-policy"]');
  const directives = new Map<string, string[]>();
  for (const part of (meta?.getAttribute('content') ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = list;
    document.addEventListener('securitypolicyviolation', (event) =>
      list.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations ?? []);
}

describe('Content-Security-Policy', () => {
  it('every HTML page carries a strict policy: no unsafe-inline or unsafe-eval for scripts', () => {
    for (const file of htmlFiles()) {
      const directives = policy(file);
      expect(directives.size, file).toBeGreaterThan(0);
      const scripts = directives.get('script-src') ?? [];
      expect(scripts, file).toContain("'self'");
      expect(scripts, file).not.toContain("'unsafe-inline'");
      expect(scripts, file).not.toContain("'unsafe-eval'");
      expect(directives.get('object-src'), file).toEqual(["'none'"]);
      expect(directives.get('base-uri'), file).toEqual(["'self'"]);
      expect(directives.get('form-action'), file).toEqual(["'self'"]);
      expect(directives.get('style-src') ?? [], file).not.toContain("'unsafe-inline'");
    }
  });

  it('a reader’s flow raises no violation and no console error, and still finds results', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: inject('origin') });
    const violations = await recordViolations(page);
    // Read a paper, toggle the theme, copy its link.
    await page.goto(url(KEY_PAGES.paper));
    await page.locator('[data-theme-toggle]').click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    // Search in the modal.
    await page.keyboard.press('/');
    await page.locator('dialog[open] input[type=search]').fill('spiking');
    await page.locator('dialog[open] .search-results li').first().waitFor();
    // Search on the search page, then land on a paper from a result, highlighted.
    await page.goto(url('search/?q=retina'));
    await page.locator('.search-results li').first().waitFor();
    await Promise.all([page.waitForURL(/highlight=retina/), page.locator('.search-results a').first().click()]);
    await page.locator('article mark').first().waitFor();
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is enforced: an inline script injected into a page does not run', async () => {
    const { page, context } = await newPage(browser, inject('origin'));
    const violations = await recordViolations(page);
    await page.goto(url(KEY_PAGES.paper));
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    });
    await expect(
      page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected),
    ).resolves.toBeUndefined();
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src(-elem)? inline/)]);
    await context.close();
  });
});

describe('_headers (Netlify, Cloudflare Pages)', () => {
  it('sends the pages’ policy with frame-ancestors, nosniff, a referrer policy, and caches hashed files long', () => {
    const headers = read('_headers');
    const page = parse(read('index.html')).querySelector('meta[http-equiv="content-security-policy"]')!;
    const pagePolicy = page.getAttribute('content')!.replace(/;\s*$/, '');
    expect(headers).toContain(`/neurons/*\n  Content-Security-Policy: ${pagePolicy}; frame-ancestors 'none'\n`);
    expect(headers).toContain('  X-Content-Type-Options: nosniff\n');
    expect(headers).toMatch(/ {2}Referrer-Policy: strict-origin-when-cross-origin\n/);
    expect(headers).toContain('/neurons/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    expect(headers).toMatch(/\/neurons\/pagefind\/\*\n {2}Cache-Control: public, max-age=\d+/);
    expect(headers).not.toMatch(/%[A-Z]+%/);
  });
});
