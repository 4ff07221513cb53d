/**
 * Every page fits every screen: no built page scrolls sideways on a small phone (320 px) or a
 * common one (390 px) — long DOIs, URLs, BibTeX and formulae wrap or scroll in their own box —
 * the sidebar fits or scrolls on its own on a short desktop screen, and a curator note's
 * figure stays readable on a phone and follows the dark theme. (The map's own checks are in
 * map.test.ts.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPage, openBrowser } from '../support/pages.ts';
import { htmlFiles, url } from '../support/site.ts';

let browser: Browser;
let close: () => Promise<void>;
beforeAll(async () => ({ browser, close } = await openBrowser()));
afterAll(() => close());

/** The URL path of a built file: `papers/x/index.html` → `papers/x/`, `404.html` as it is. */
const pathOf = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

/**
 * In a page of the site: loads each URL in an iframe as wide as each width in turn (a viewport
 * of its own, so media and container queries see that width, as on a phone), `parallel` frames
 * at a time, and returns a line for each that scrolls sideways: by how much, and what sticks
 * out farthest — the element or text reaching farthest right, not counting what a box of its
 * own scrolls or clips. Frames keep the site's stylesheet in memory: every page at two widths
 * takes a fraction of the time of as many top-level navigations. `plant` adds a line too long
 * to wrap to each page (to see that the check catches it).
 */
async function pagesScrollingSideways(
  page: Page,
  urls: string[],
  widths: number[],
  options: { parallel?: number; plant?: boolean } = {},
): Promise<{ failures: string[]; measured: number; scrollbarTakesRoom: boolean }> {
  return page.evaluate(
    async ({ urls, widths, parallel, plant }) => {
      function sidewaysOverflow(win: Window): string | null {
        const doc = win.document;
        const by = doc.documentElement.scrollWidth - win.innerWidth;
        if (by <= 0) return null;
        const inOwnBox = (node: Node) => {
          for (let el = node.parentElement; el && el !== doc.documentElement; el = el.parentElement) {
            if (win.getComputedStyle(el).overflowX !== 'visible') return true;
          }
          return false;
        };
        const name = (el: Element) =>
          `<${el.localName}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}>`;
        let widest = '';
        let right = win.innerWidth;
        for (const el of doc.body.querySelectorAll('*')) {
          const r = el.getBoundingClientRect().right;
          if (r > right && !inOwnBox(el)) [right, widest] = [r, name(el)];
        }
        // A long word sticks out of its paragraph without the paragraph doing so.
        const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          const range = doc.createRange();
          range.selectNodeContents(text);
          const r = range.getBoundingClientRect().right;
          if (r > right && !inOwnBox(text))
            [right, widest] = [r, `text in ${name(text.parentElement!)}: “${text.textContent!.trim().slice(0, 60)}”`];
        }
        return `scrolls sideways by ${by} px; widest: ${widest} (right edge at ${Math.round(right)} px)`;
      }

      document.body.replaceChildren();
      const queue = [...urls];
      const failures: string[] = [];
      let measured = 0;
      let scrollbarTakesRoom = false;
      const worker = async () => {
        const frame = document.createElement('iframe');
        frame.height = '800';
        document.body.append(frame);
        for (let url = queue.shift(); url; url = queue.shift()) {
          frame.width = String(widths[0]);
          // Measured as soon as it has loaded: before a redirect page's refresh could leave it.
          await new Promise((resolve) => {
            frame.onload = resolve;
            frame.src = url;
          });
          const win = frame.contentWindow!;
          if (plant) {
            const line = win.document.createElement('p');
            line.className = 'planted';
            line.textContent = 'doi:10.1007/978-3-031-44207-0_31 '.repeat(4);
            line.style.whiteSpace = 'nowrap';
            win.document.querySelector('main')!.append(line);
          }
          // One load, each width in turn: a narrower frame is laid out anew, media and container
          // queries included (the same results as a load at each width, at half the cost).
          for (const width of widths) {
            frame.width = String(width);
            if (win.document.documentElement.clientWidth !== win.innerWidth) scrollbarTakesRoom = true;
            const overflow = sidewaysOverflow(win);
            if (overflow) failures.push(`${new URL(url).pathname} at ${width} px ${overflow}`);
            measured++;
          }
        }
        frame.remove();
      };
      await Promise.all(Array.from({ length: parallel }, worker));
      return { failures: failures.sort(), measured, scrollbarTakesRoom };
    },
    { urls, widths, parallel: options.parallel ?? 4, plant: options.plant ?? false },
  );
}

describe('no page scrolls sideways on a phone', () => {
  const WIDTHS = [320, 390];

  it('every built page fits 320 and 390 px', async () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(250);
    const { page, context } = await newPage(browser, inject('origin'));
    await page.goto(url('404.html'));
    const result = await pagesScrollingSideways(
      page,
      files.map((file) => url(pathOf(file))),
      WIDTHS,
    );
    await context.close();
    expect(result.measured).toBe(files.length * WIDTHS.length);
    // As on a phone, the page's scrollbar takes no room from it.
    expect(result.scrollbarTakesRoom).toBe(false);
    expect(result.failures, result.failures.join('\n')).toEqual([]);
  }, 300_000);

  it('finds what sticks out, and names it (the check works)', async () => {
    const { page, context } = await newPage(browser, inject('origin'));
    await page.goto(url('404.html'));
    const { failures } = await pagesScrollingSideways(page, [url(), url('map/')], [390, 320], { plant: true });
    await context.close();
    expect(failures).toHaveLength(4);
    expect(failures[0]).toMatch(
      /^\/neurons\/ at 320 px scrolls sideways by \d+ px; widest: text in <p\.planted>: “doi:10\.1007\//,
    );
  });
});

describe('the sidebar on a short desktop screen', () => {
  it.each([720, 800])('fits below the header at 1280×%i px or scrolls on its own, to its last link', async (height) => {
    const { page, context } = await newPage(browser, inject('origin'), { viewport: { width: 1280, height } });
    for (const path of [
      '',
      'papers/',
      'map/',
      'papers/aptx-neuron-a-unified-trainable-neuron-architecture-integrating/',
    ]) {
      await page.goto(url(path));
      // At the top, and scrolled down, where the sidebar sticks under the header (at the very end
      // of a page it leaves with the content, as sticky boxes do).
      for (const pageScroll of [0, 300]) {
        await page.evaluate((y) => window.scrollTo(0, y), pageScroll);
        const box = await page.evaluate(() => {
          const sidebar = document.querySelector<HTMLElement>('.sidebar')!;
          // Scroll the sidebar to its end: its last links must then be wholly in view.
          sidebar.scrollTop = sidebar.scrollHeight;
          const rect = (el: Element) => el.getBoundingClientRect();
          const links = [...sidebar.querySelectorAll('.sidebar-more a')].map(rect);
          return {
            headerBottom: rect(document.querySelector('.site-header')!).bottom,
            top: rect(sidebar).top,
            bottom: rect(sidebar).bottom,
            scrolls: sidebar.scrollHeight > sidebar.clientHeight,
            overflowY: getComputedStyle(sidebar).overflowY,
            linksTop: Math.min(...links.map((r) => r.top)),
            linksBottom: Math.max(...links.map((r) => r.bottom)),
            linkCount: links.length,
          };
        });
        const where = `/${path} at 1280×${height}, page scrolled ${pageScroll} px`;
        expect(box.linkCount, where).toBe(2);
        expect(box.top, `${where}: the sidebar starts under the header`).toBeGreaterThanOrEqual(box.headerBottom - 0.5);
        expect(box.bottom, `${where}: the sidebar ends below the screen`).toBeLessThanOrEqual(height + 0.5);
        if (box.scrolls) expect(box.overflowY, where).toBe('auto');
        expect(box.linksTop, `${where}: "All papers · Tags" is cut at the top`).toBeGreaterThanOrEqual(box.top);
        expect(box.linksBottom, `${where}: "All papers · Tags" is cut at the bottom`).toBeLessThanOrEqual(
          Math.min(box.bottom, height) + 0.5,
        );
      }
    }
    await context.close();
  });
});

describe('a curator note’s figure', () => {
  const NOTE = 'papers/sparse-autoencoders-find-highly-interpretable-features/';

  it('keeps a readable size on a phone, scrolling in its own box that says so; fits a desktop', async () => {
    for (const width of [320, 390, 1280]) {
      const { page, context } = await newPage(browser, inject('origin'), { viewport: { width, height: 800 } });
      await page.goto(url(NOTE));
      const figure = await page.locator('.note-figure').evaluate((el) => {
        const scroller = el.querySelector<HTMLElement>('.note-figure-scroll')!;
        const img = el.querySelector('img')!;
        return {
          imageWidth: img.getBoundingClientRect().width,
          natural: Number(img.getAttribute('width')),
          scrolls: scroller.scrollWidth > scroller.clientWidth,
          boxRight: scroller.getBoundingClientRect().right,
          tabindex: scroller.getAttribute('tabindex'),
          name: scroller.getAttribute('aria-labelledby')
            ? document.getElementById(scroller.getAttribute('aria-labelledby')!)?.textContent
            : scroller.getAttribute('aria-label'),
          hint: el.querySelector<HTMLElement>('.note-figure-hint')?.checkVisibility() ?? false,
        };
      });
      // The diagram's 13 px text shows at 12.8 px or more: the image is not shrunk below 26rem.
      expect(figure.imageWidth / figure.natural, `${width} px`).toBeGreaterThanOrEqual(416 / 420);
      expect(figure.boxRight, `${width} px`).toBeLessThanOrEqual(width);
      expect(figure.scrolls, `${width} px`).toBe(width < 1280);
      expect(figure.hint, `${width} px: the line that says it scrolls`).toBe(width < 1280);
      expect(figure.tabindex).toBe('0');
      expect(figure.name).toMatch(/many sparse features/);
      await context.close();
    }
  });

  it('is dark in the dark theme (no glare), light in the light one, also when the toggle picks it', async () => {
    const brightness = async (scheme: 'light' | 'dark', toggled = false) => {
      const { page, context } = await newPage(browser, inject('origin'), {
        colorScheme: toggled ? (scheme === 'dark' ? 'light' : 'dark') : scheme,
        viewport: { width: 1280, height: 900 },
      });
      await page.goto(url(NOTE));
      if (toggled) await page.locator('[data-theme-toggle]').click();
      const img = page.locator('.note-figure img');
      await img.scrollIntoViewIfNeeded();
      await img.evaluate((el: HTMLImageElement) => el.decode());
      const png = (await img.screenshot()).toString('base64');
      await context.close();
      return meanLightness(png);
    };
    const dark = await brightness('dark');
    const light = await brightness('light');
    expect(dark.mean, 'mean lightness in the dark theme').toBeLessThan(0.3);
    // Its light text is a few per cent of it; the old light boxes were a third.
    expect(dark.brightShare, 'share of near-white pixels in the dark theme').toBeLessThan(0.08);
    expect(light.mean, 'mean lightness in the light theme').toBeGreaterThan(0.7);
    // The theme toggle (html[data-theme]) wins over the system's preference.
    expect((await brightness('dark', true)).mean).toBeLessThan(0.3);
  });
});

/** The mean lightness (0–1) of a PNG and the share of its pixels that are near white, read in a blank page. */
async function meanLightness(base64: string): Promise<{ mean: number; brightShare: number }> {
  const page = await browser.newPage();
  const result = await page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.width, img.height];
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const pixels = ctx.getImageData(0, 0, img.width, img.height).data;
    let sum = 0;
    let bright = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const l = (0.2126 * pixels[i]! + 0.7152 * pixels[i + 1]! + 0.0722 * pixels[i + 2]!) / 255;
      sum += l;
      if (l > 0.85) bright++;
    }
    const count = pixels.length / 4;
    return { mean: sum / count, brightShare: bright / count };
  }, base64);
  await page.close();
  return result;
}
