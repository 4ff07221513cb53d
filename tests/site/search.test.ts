import { readFile } from 'node:fs/promises';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPage, openBrowser } from '../support/pages.ts';
import { parse } from 'node-html-parser';
import { SEARCH_DONE, searchPage, shownResults } from '../support/search.ts';
import { htmlFiles, read, url } from '../support/site.ts';

let browser: Browser;
let close: () => Promise<void>;
beforeAll(async () => ({ browser, close } = await openBrowser()));
afterAll(() => close());

/** Opens the search page for a query and returns the titles of the first results shown. */
async function titlesFor(page: Page, query: string): Promise<string[]> {
  return (await searchPage(page, query)).map((result) => result.title);
}

// Real queries a reader of this collection types, with the paper they expect near the top.
// The acronym and variant cases only pass because the tag vocabulary's synonyms are indexed:
// the expected paper does not contain the query as typed.
const QUERIES: [query: string, expected: string][] = [
  ['universal neurons', 'Universal Neurons in GPT2 Language Models'],
  ['GPT-2', 'Universal Neurons in GPT2 Language Models'],
  ['SAE data selection', 'Task-Specific Data Selection for Instruction Tuning via Monosemantic Neuronal Activations'],
  ['sparse autoencoder', 'Sparse Autoencoders Find Highly Interpretable Features in Language Models'],
  ['SNN', 'Astrocyte-Enabled Advancements in Spiking Neural Networks for Large Language Modeling'],
  ['spiking neural network', 'Reducing Information Loss for Spiking Neural Networks'],
  ['MoE', 'Monet: Mixture of Monosemantic Experts for Transformers'],
  ['mixture of experts', 'Monet: Mixture of Monosemantic Experts for Transformers'],
  ['EMG', 'emg2qwerty: A Large Dataset with Baselines for Touch Typing using Surface Electromyography'],
  ['electromyography', 'emg2qwerty: A Large Dataset with Baselines for Touch Typing using Surface Electromyography'],
  [
    'self-organizing map',
    'A catalogue of complex radio sources in the Rapid ASKAP Continuum Survey created using a Self-Organising Map',
  ],
  ['VLM', 'Do VLMs Have Bad Eyes? Diagnosing Compositional Failures via Mechanistic Interpretability'],
  [
    'vision-language model',
    'Do VLMs Have Bad Eyes? Diagnosing Compositional Failures via Mechanistic Interpretability',
  ],
  ['LLM judge evaluation', 'Wider and Deeper LLM Networks are Fairer LLM Evaluators'],
  ['CLIP neurons', 'Interpreting the Second-Order Effects of Neurons in CLIP'],
  ['Padé', 'PAON: A New Neuron Model using Padé Approximants'],
  ['neutron detector', 'mini-TimeCube as a Neutron Scatter Camera'],
  ['hallucination', 'H-Neurons: On the Existence, Impact, and Origin of Hallucination-Associated Neurons in LLMs'],
];

describe('search finds the right paper', () => {
  it.each(QUERIES)('%j → %j in the first five results', async (query, expected) => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    const titles = await titlesFor(page, query);
    expect(titles.slice(0, 5), `results for ${query}: ${titles.join(' | ')}`).toContain(expected);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('search page', () => {
  it('a topic filter narrows the results to that topic, and the URL keeps it', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    await page.goto(url('search/?q=neurons'));
    const status = page.locator('.search-status');
    await status.filter({ hasText: /result/ }).waitFor();
    const all = Number.parseInt((await status.textContent())!, 10);
    await page.locator('select[name=topic]').selectOption('Spiking networks and neuromorphic computing');
    await status.filter({ hasText: new RegExp(`^(?!${all} )\\d+ result`) }).waitFor();
    const narrowed = Number.parseInt((await status.textContent())!, 10);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    const metas = await page.locator('.search-result-meta').allTextContents();
    expect(metas.length).toBe(Math.min(narrowed, 10));
    for (const meta of metas) expect(meta).toMatch(/^Spiking networks and neuromorphic computing/);
    expect(new URL(page.url()).searchParams.get('topic')).toBe('Spiking networks and neuromorphic computing');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a ?q= link restores the search: query, filter and results', async () => {
    const { page, context } = await newPage(browser, inject('origin'));
    await page.goto(url('search/?q=plasticity&tag=Synaptic%20plasticity'));
    await page
      .locator('.search-status')
      .filter({ hasText: /result/ })
      .waitFor();
    await expect(page.locator('input[type=search]').inputValue()).resolves.toBe('plasticity');
    await expect(page.locator('select[name=tag]').inputValue()).resolves.toBe('Synaptic plasticity');
    const metas = await page.locator('.search-result-meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toContain('Synaptic plasticity');
    await context.close();
  });

  it('browsing a filter without a query lists the whole topic', async () => {
    const { page, context } = await newPage(browser, inject('origin'));
    await page.goto(url('topics/spiking/'));
    const count = await page.locator('.paper-list-title').count();
    await page.getByRole('link', { name: 'Search within this topic' }).click();
    await page
      .locator('.search-status')
      .filter({ hasText: /result/ })
      .waitFor();
    await expect(page.locator('.search-status').textContent()).resolves.toBe(`${count} results in this selection.`);
    await context.close();
  });

  it('shows excerpts with the matched words marked, as text only', async () => {
    const { page, context } = await newPage(browser, inject('origin'));
    await titlesFor(page, 'retina');
    const marks = await page.locator('.search-result-excerpt mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toMatch(/retina/);
    await context.close();
  });

  it('following a result opens the paper (HTTP 200) with the search terms highlighted', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    await titlesFor(page, 'retina');
    const first = page.locator('.search-results a').first();
    const title = await first.locator('.search-result-title').textContent();
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/papers/')), first.click()]);
    expect(response.status()).toBe(200);
    expect(new URL(page.url()).searchParams.get('highlight')).toBe('retina');
    await expect(page.locator('article h1').textContent()).resolves.toBe(title);
    await page.locator('article mark').first().waitFor();
    const marked = await page.locator('article mark').allTextContents();
    for (const word of marked) expect(word.toLowerCase()).toContain('retina');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('search from the keyboard alone', () => {
  it('/ opens the dialog, typing searches, arrows move, Enter follows, Escape closes', async () => {
    const { page, context, problems, requests } = await newPage(browser, inject('origin'));
    await page.goto(url('topics/'));
    // Nothing of search is loaded until search is opened.
    expect(requests.filter((r) => r.endsWith('.js'))).toEqual([]);
    await page.keyboard.press('/');
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
    await expect(page.locator('dialog[open]').count()).resolves.toBe(0);

    await page.keyboard.press('Control+k');
    await dialog.waitFor();
    await page.keyboard.type('spiking motifs');
    await dialog.locator('.search-results li').first().waitFor();
    const titles = await dialog.locator('.search-result-title').allTextContents();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(
      () => document.activeElement?.querySelector('.search-result-title')?.textContent,
    );
    expect(focused).toBe(titles[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(/\/papers\//), page.keyboard.press('Enter')]);
    await expect(page.locator('article h1').textContent()).resolves.toBe(titles[0]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the dialog traps focus: Tab never leaves it', async () => {
    const { page, context } = await newPage(browser, inject('origin'));
    await page.goto(url());
    await page.keyboard.press('/');
    await page.locator('dialog[open]').waitFor();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      await expect(
        page.evaluate(
          () => Boolean(document.activeElement?.closest('dialog')) || document.activeElement === document.body,
        ),
      ).resolves.toBe(true);
    }
    await context.close();
  });
});

/** The year of a byline ("Gurnee et al., 2023 · ICLR 2024" → 2023). */
const bylineYear = (byline: string) => Number(/, (\d{4})(?: ·|$)/.exec(byline)?.[1]);

describe('who and when', () => {
  it('each result shows first author, year and venue, exactly as the lists of papers do', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    const results = await searchPage(page, 'sparse autoencoders');
    expect(results.length).toBeGreaterThan(3);
    // The lists' bylines, by paper page, from the built site.
    const listed = new Map<string, string>();
    for (const file of htmlFiles()) {
      for (const li of parse(read(file)).querySelectorAll('.paper-list li')) {
        const link = li.querySelector('.paper-list-title a')?.getAttribute('href');
        const byline = li.querySelector('.paper-list-byline')?.text;
        if (link && byline) listed.set(link, byline);
      }
    }
    for (const result of results) {
      expect(result.byline, result.title).toMatch(/^\S.*, \d{4}( · .+)?$/);
      const inList = listed.get(new URL(result.href, url()).pathname);
      expect(inList, result.title).toBeDefined();
      expect(result.byline, result.title).toBe(inList);
    }
    expect(results.map((r) => r.byline)).toContain('Cunningham et al., 2023 · ICLR 2024');
    expect(results.map((r) => r.byline)).toContain('Pach et al., 2025 · NeurIPS 2025');
    // The link's text reads as words, not run together (Astro drops spaces between lines).
    const name = await page.locator('.search-result-link').first().innerText();
    expect(name.replace(/\s+/g, ' ')).toContain(`${results[0]!.title} ${results[0]!.byline}`);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('years', () => {
  it('a year range narrows the results, and a reload keeps it (URL)', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    await page.goto(url('search/?q=neurons'));
    const status = page.locator('.search-status');
    await status.filter({ hasText: /result/ }).waitFor();
    const all = Number.parseInt((await status.textContent())!, 10);
    await page.locator('select[name=from]').selectOption('2024');
    await status.filter({ hasText: new RegExp(`^(?!${all} )\\d+ result`) }).waitFor();
    const since = Number.parseInt((await status.textContent())!, 10);
    expect(since).toBeGreaterThan(0);
    expect(since).toBeLessThan(all);
    await page.locator('select[name=to]').selectOption('2024');
    await status.filter({ hasText: new RegExp(`^(?!${since} )\\d+ result`) }).waitFor();
    const only = Number.parseInt((await status.textContent())!, 10);
    expect(only).toBeLessThan(since);
    expect(new URL(page.url()).search).toBe('?q=neurons&from=2024&to=2024');
    for (const result of await shownResults(page)) expect(bylineYear(result.byline), result.title).toBe(2024);

    await page.reload();
    await status.filter({ hasText: /result/ }).waitFor();
    await expect(status.textContent()).resolves.toBe(`${only} results for “neurons”.`);
    await expect(page.locator('select[name=from]').inputValue()).resolves.toBe('2024');
    await expect(page.locator('select[name=to]').inputValue()).resolves.toBe('2024');
    for (const result of await shownResults(page)) expect(bylineYear(result.byline), result.title).toBe(2024);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the search dialog', () => {
  it('Enter opens the first result, even typed before the search has run', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    await page.goto(url('tags/'));
    await page.keyboard.press('/');
    await page.locator('dialog[open] input').waitFor();
    await expect(page.locator('dialog[open]').textContent()).resolves.toContain('Enter opens the first result');
    await page.keyboard.type('retina correlations', { delay: 0 });
    await Promise.all([page.waitForURL(/\/papers\//), page.keyboard.press('Enter')]);
    await expect(page.locator('article h1').textContent()).resolves.toBe(
      'Transformation of stimulus correlations by the retina',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('closing it gives focus back to what opened it', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    await page.goto(url('topics/'));
    const trigger = page.locator('header [data-search-trigger]');
    await trigger.focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').waitFor();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('search');
    await page.keyboard.press('Escape');
    await expect(trigger.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // By its close button, after a click on the trigger, too.
    await trigger.click();
    await page.locator('dialog[open]').waitFor();
    await page.locator('dialog [data-search-close]').click();
    await expect(trigger.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('orders newest first', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    await page.goto(url());
    await page.keyboard.press('/');
    const dialog = page.locator('dialog[open]');
    await dialog.locator('input').waitFor();
    await page.keyboard.type('spiking');
    await dialog.locator('.search-status').filter({ hasText: SEARCH_DONE }).waitFor();
    const relevance = await dialog.locator('[data-part="byline"]').allTextContents();
    await dialog.locator('select[name=sort]').selectOption('newest');
    await expect.poll(() => dialog.locator('[data-part="byline"]').allTextContents()).not.toEqual(relevance);
    const years = (await dialog.locator('[data-part="byline"]').allTextContents()).map(bylineYear);
    expect(years.length).toBeGreaterThan(5);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await expect(dialog.locator('[data-part="full-link"]').getAttribute('href')).resolves.toMatch(
      /search\/\?q=spiking&sort=newest$/,
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('exporting search results', () => {
  it('downloads the BibTeX of every result, not only those shown, which an independent parser reads', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    await searchPage(page, 'neurons');
    const status = await page.locator('.search-status').textContent();
    const total = Number(/^(\d+) results?/.exec(status ?? '')?.[1]);
    expect(total).toBeGreaterThan(await page.locator('.search-results li').count());
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export these results as BibTeX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('search-results.bib');
    const text = await readFile((await download.path())!, 'utf8');
    const entries = plugins.input.chainLink(text, { target: '@biblatex/entries+list' }) as { label: string }[];
    expect(entries).toHaveLength(total);
    expect(text).toMatch(/^% Search results for "neurons": \d+ papers, from Neuron Papers\./);
    await expect
      .poll(() => page.locator('[data-part="export-status"]').textContent())
      .toBe(`${total} entries saved as search-results.bib.`);
    expect(problems).toEqual([]);
    await context.close();
  });
});
