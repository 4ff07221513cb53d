/**
 * Screenshots of the key pages, desktop and mobile, light and dark, saved to the git-ignored
 * `test-results/screenshots/` so anyone can look at what a change did. Each shot also checks
 * the page fits its viewport (no sideways scrolling on a phone).
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KEY_PAGES, newPage, openBrowser } from '../support/pages.ts';
import { url } from '../support/site.ts';

const OUT = 'test-results/screenshots';
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, mobile: { width: 390, height: 844 } } as const;

let browser: Browser;
let close: () => Promise<void>;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  ({ browser, close } = await openBrowser());
});
afterAll(() => close());

describe('screenshots', () => {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${device}, ${scheme}`, async () => {
        const { page, context } = await newPage(browser, inject('origin'), { colorScheme: scheme, viewport });
        for (const [name, path] of Object.entries(KEY_PAGES)) {
          await page.goto(url(path));
          if (name === 'search') await page.locator('.search-results li').first().waitFor();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${name} scrolls sideways by ${overflow}px on ${device}`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: `${OUT}/${name}-${device}-${scheme}.png`, fullPage: true });
        }
        await context.close();
      });
    }
  }

  // Without JavaScript: on a phone the topic list starts closed and opens on a tap; on a wide
  // screen it is always shown.
  it.each([
    ['mobile', false],
    ['desktop', true],
  ] as const)('the topic list on %s (shown at first: %s)', async (device, shownAtFirst) => {
    const { page, context } = await newPage(browser, inject('origin'), {
      viewport: VIEWPORTS[device],
      javaScriptEnabled: false,
    });
    await page.goto(url('topics/spiking/'));
    const topicLink = page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: /Spiking networks/ });
    await expect(topicLink.isVisible()).resolves.toBe(shownAtFirst);
    if (!shownAtFirst) await page.locator('.sidebar summary').click();
    await expect(topicLink.isVisible()).resolves.toBe(true);
    await context.close();
  });
});
