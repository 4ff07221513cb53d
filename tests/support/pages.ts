import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The page slugs the quality checks look at: the paper with the most math, and its neighbours. */
export const KEY_PAGES = {
  home: '',
  topic: 'topics/spiking/',
  tag: 'tags/sparse-autoencoders/',
  paper: 'papers/aptx-neuron-a-unified-trainable-neuron-architecture-integrating/',
  search: 'search/?q=spiking',
  map: 'map/',
  notFound: 'no-such-page/',
} as const;

/** One browser for a test file; contexts are cheap, so each test opens its own. */
export async function openBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await launchBrowser();
  return { browser, close: () => browser.close() };
}

/**
 * A fresh page that records failed requests, requests leaving the site, console errors and
 * uncaught exceptions, so tests can assert that none happened.
 */
export async function newPage(
  browser: Browser,
  origin: string,
  options: {
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
    javaScriptEnabled?: boolean;
    /** Let the test inject its own scripts (axe) past the pages' Content-Security-Policy. */
    bypassCSP?: boolean;
  } = {},
): Promise<{ page: Page; context: BrowserContext; problems: string[]; requests: string[] }> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('request', (request) => {
    requests.push(request.url());
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:'))
      problems.push(`request left the site: ${request.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 404/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, context, problems, requests };
}

/**
 * Runs axe-core on the page and returns its serious and critical violations, readably. The page
 * must come from `newPage(…, { bypassCSP: true })`: the site's policy refuses injected scripts.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            o: object,
          ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.slice(0, 5).join(', ')}`);
}
