/**
 * Lighthouse accessibility, as a reader's audit tool scores it: 100 on the home page, a topic,
 * a paper and the search page, on a phone and on a desktop.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, chromiumPath } from '../support/browser.ts';
import { KEY_PAGES } from '../support/pages.ts';
import { url } from '../support/site.ts';

let chrome: chromeLauncher.LaunchedChrome;
beforeAll(async () => {
  chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
  });
});
afterAll(() => chrome?.kill());

const PAGES = { home: KEY_PAGES.home, topic: KEY_PAGES.topic, paper: KEY_PAGES.paper, search: KEY_PAGES.search };

describe('Lighthouse accessibility', () => {
  for (const formFactor of ['mobile', 'desktop'] as const) {
    for (const [name, path] of Object.entries(PAGES)) {
      it(`${name} page, ${formFactor}: 100`, async () => {
        const result = await lighthouse(
          url(path),
          { port: chrome.port, onlyCategories: ['accessibility'], logLevel: 'error', output: 'json' },
          formFactor === 'desktop' ? desktopConfig : undefined,
        );
        const lhr = result!.lhr;
        const failing = Object.values(lhr.audits)
          .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
          .map((audit) => `${audit.id}: ${audit.title}`);
        expect(Math.round((lhr.categories.accessibility!.score ?? 0) * 100), failing.join('\n')).toBe(100);
      });
    }
  }
});
