import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_PAGES, newPage, openBrowser, seriousViolations } from '../support/pages.ts';
import { url } from '../support/site.ts';
import { inject } from 'vitest';

let browser: Browser;
let close: () => Promise<void>;
beforeAll(async () => ({ browser, close } = await openBrowser()));
afterAll(() => close());

/** A phone and a desktop: the header, sidebar and search change between them. */
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

describe('accessibility (axe-core: no serious or critical violation)', () => {
  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, path] of Object.entries(KEY_PAGES)) {
        it(`${name} page, ${widthName}, ${scheme}`, async () => {
          const { page, context, problems } = await newPage(browser, inject('origin'), {
            colorScheme: scheme,
            viewport,
            bypassCSP: true,
          });
          await page.goto(url(path));
          if (name === 'search') await page.locator('.search-results li').first().waitFor();
          const violations = await seriousViolations(page);
          expect(violations, `${url(path)} (${widthName}, ${scheme})\n${violations.join('\n')}`).toEqual([]);
          expect(problems).toEqual([]);
          await context.close();
        });
      }
    }
  }

  it('every control has an accessible name on a phone and on a desktop (the search dialog open)', async () => {
    for (const viewport of Object.values(WIDTHS)) {
      const { page, context } = await newPage(browser, inject('origin'), { viewport });
      await page.goto(url(KEY_PAGES.paper));
      await page.getByRole('banner').getByRole('link', { name: 'Search' }).click();
      await page.locator('dialog[open] input[type=search]').waitFor();
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea')]
          // What the reader can reach: rendered and visible (not in a closed <details> or a hidden part).
          .filter((el) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }))
          .filter((el) => {
            const labelled = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
            const labels = (el as HTMLInputElement).labels?.length;
            return !labelled && !labels && !(el.innerText ?? '').trim() && !(el as HTMLInputElement).placeholder;
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(unnamed, `${viewport.width}px`).toEqual([]);
      await context.close();
    }
  });

  it('every page has the landmarks: banner, navigation, main, contentinfo', async () => {
    const { page, context } = await newPage(browser, inject('origin'));
    for (const path of Object.values(KEY_PAGES)) {
      await page.goto(url(path));
      for (const role of ['banner', 'main', 'contentinfo'] as const)
        await expect(page.getByRole(role).count(), `${path} ${role}`).resolves.toBe(1);
      expect(await page.getByRole('navigation').count(), path).toBeGreaterThanOrEqual(2);
    }
    await context.close();
  });
});

describe('keyboard', () => {
  it('the skip link is the first stop and jumps to the content; topics are reachable by Tab', async () => {
    const { page, context } = await newPage(browser, inject('origin'));
    await page.goto(url());
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    // Tab through the header and sidebar until the "Spiking…" topic link has focus, then follow it.
    for (let i = 0; i < 40; i++) {
      const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (text.startsWith('Spiking networks')) break;
      await page.keyboard.press('Tab');
    }
    await Promise.all([page.waitForURL(/topics\/spiking\/$/), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Spiking networks and neuromorphic computing');
    await context.close();
  });

  it('the theme toggle works from the keyboard and is remembered', async () => {
    const { page, context } = await newPage(browser, inject('origin'), { colorScheme: 'light' });
    await page.goto(url());
    const toggle = page.locator('[data-theme-toggle]');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect(background()).resolves.toBe('rgb(21, 23, 27)');
    await page.goto(url('topics/'));
    await expect(background()).resolves.toBe('rgb(21, 23, 27)');
    await context.close();
  });
});

describe('without JavaScript', () => {
  it('reading and navigating work, and the search entry leads to a page that says what to do', async () => {
    const { page, context } = await newPage(browser, inject('origin'), { javaScriptEnabled: false });
    await page.goto(url());
    await page
      .getByRole('link', { name: /Spiking networks/ })
      .first()
      .click();
    const first = page.locator('.paper-list-title a').first();
    const title = await first.textContent();
    await first.click();
    await expect(page.locator('article h1').textContent()).resolves.toBe(title);
    await expect(page.locator('article h1').count()).resolves.toBe(1);
    await page
      .getByRole('banner')
      .getByRole('link', { name: /Search/ })
      .click();
    expect(page.url()).toBe(url('search/'));
    await expect(page.getByText('Search runs in your browser and needs JavaScript').isVisible()).resolves.toBe(true);
    await context.close();
  });
});
