/**
 * Scraped text is untrusted. This builds a real site (ingest → Astro → Pagefind) from a scrape
 * full of code, markup and frontmatter breakers, then reads every page in Chromium: the text
 * must be shown as it is, and nothing in it may run, at build time or in the browser.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTitle } from '../../src/ingest/clean/segments.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { newPage, openBrowser } from '../support/pages.ts';
import { scrape, scratchProject } from '../support/project.ts';
import { BASE, buildEnvironment, SITE_URL } from '../support/site-setup.ts';
import { serveStatic } from '../support/static-server.ts';

const SECOND_SENTENCE = ' It goes on with a second sentence about spiking neurons.';
// [title, abstract, text that must appear literally on the paper page]
const HOSTILE: [string, string, string][] = [
  [
    'Exporting Neurons',
    'export const x = () => { globalThis.__pwned = "esm" }; is how this abstract starts.' + SECOND_SENTENCE,
    'export const x = () => { globalThis.__pwned = “esm” };',
  ],
  [
    'Importing Neurons',
    "import fs from 'node:fs' and then fs.rmSync('/') is how this one starts." + SECOND_SENTENCE,
    'import fs from ‘node:fs’',
  ],
  [
    'Expression Neurons',
    'An expression {process.exit(1)} and {globalThis.__pwned = "expr"} sit in the middle.' + SECOND_SENTENCE,
    '{process.exit(1)} and {globalThis.__pwned = “expr”}',
  ],
  [
    'Script Neurons',
    'A <script>window.__pwned = "script"</script> tag in an abstract.' + SECOND_SENTENCE,
    '<script>window.__pwned = “script”</script>',
  ],
  [
    'Image Neurons',
    'An <img src=x onerror="window.__pwned = \'img\'"> tag in an abstract.' + SECOND_SENTENCE,
    '<img src=x onerror=',
  ],
  [
    'Component Neurons',
    'A component <Foo client:load /> and <Fragment set:html="<b>x</b>" /> in an abstract.' + SECOND_SENTENCE,
    '<Foo client:load />',
  ],
  [
    'Title: "quoted" # not a comment --- <script>window.__pwned = "title"</script>',
    'A normal abstract about frontmatter breakers in titles.' + SECOND_SENTENCE,
    'A normal abstract',
  ],
];

let browser: Browser;
let close: () => Promise<void>;
let origin: string;
let stopServer: () => void;
let cleanup: () => void;
const ingestErrors: string[] = [];

beforeAll(async () => {
  const project = scratchProject(
    { 'hostile.txt': scrape(HOSTILE.map(([title, abstract]) => [title, abstract])) },
    { site: true },
  );
  cleanup = project.cleanup;
  const result = await ingest(project.paths);
  ingestErrors.push(...result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message));
  // A build that ran `process.exit(1)` or threw from an `export` would fail here.
  execFileSync(path.join(project.root, 'node_modules/.bin/astro'), ['build', '--silent'], {
    cwd: project.root,
    env: { ...buildEnvironment(), BASE_PATH: BASE, SITE_URL },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const served = await serveStatic(path.join(project.root, 'dist'), BASE);
  origin = served.origin;
  stopServer = () => served.server.close();
  ({ browser, close } = await openBrowser());
});

afterAll(async () => {
  await close?.();
  stopServer?.();
  cleanup?.();
});

describe('hostile scraped text', () => {
  it('ingests without errors (nothing to refuse: it is all just text)', () => {
    expect(ingestErrors).toEqual([]);
  });

  it('every hostile paper is shown literally and nothing runs in the browser', async () => {
    const { page, context, problems } = await newPage(browser, origin);
    await page.goto(`${origin}${BASE}papers/`);
    const links = await page
      .locator('.paper-list-title a')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toHaveLength(HOSTILE.length);
    for (const [title, , literal] of HOSTILE) {
      const shownTitle = cleanTitle(title); // typography only: straight quotes become curly
      const [, href] = links.find(([text]) => text === shownTitle)!;
      await page.goto(`${origin}${href}`);
      const shown = await page.locator('article').innerText();
      expect(shown, title).toContain(literal);
      await expect(page.locator('article h1').textContent()).resolves.toBe(shownTitle);
      await expect(page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
      // No element came from the text: the only scripts are our own inline one(s), no <img> or <foo>.
      await expect(page.locator('article script, article img, article foo, article b').count()).resolves.toBe(0);
      await expect(page.evaluate(() => document.title)).resolves.toMatch(/· Neuron Papers$/);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('search shows hostile excerpts as text too', async () => {
    const { page, context, problems } = await newPage(browser, origin);
    await page.goto(`${origin}${BASE}search/?q=script`);
    await page.locator('.search-results li').first().waitFor();
    await expect(page.locator('.search-results script, .search-results img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });
});
