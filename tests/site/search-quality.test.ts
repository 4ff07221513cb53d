/**
 * Search as a reader uses it, through the site's own search page under /neurons/: real queries
 * find their papers, abbreviations rank like what they stand for, excerpts are the paper's own
 * visible words, a query no paper holds whole finds the papers with most of its words, nothing
 * is found through a field that is only shown, and a misspelt query is offered a correction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPage, openBrowser } from '../support/pages.ts';
import { searchPage } from '../support/search.ts';
import { read, siteDir, url } from '../support/site.ts';

let browser: Browser;
let close: () => Promise<void>;
beforeAll(async () => ({ browser, close } = await openBrowser()));
afterAll(() => close());

/** Text without its whitespace: how an excerpt and a page's text are compared. */
const squash = (text: string) => text.replace(/\s+/g, '');

// [query, a paper expected among the first `k` results, k]
const QUERIES: [string, string, number][] = [
  ['sparse probing', 'Finding Neurons in a Haystack: Case Studies with Sparse Probing', 3],
  ['dead neurons', 'Neurons in Large Language Models: Dead, N-gram, Positional', 3],
  ['universal neurons GPT2', 'Universal Neurons in GPT2 Language Models', 1],
  ['polysemantic', 'Capturing Polysemanticity with PRISM: A Multi-Concept Feature Description Framework', 5],
  ['forward-forward', 'Emergent representations in networks trained with the Forward-Forward algorithm', 3],
  ['astrocytes', 'Astrocyte-Enabled Advancements in Spiking Neural Networks for Large Language Modeling', 3],
  ['heterogeneous delays', 'Learning heterogeneous delays in a layer of spiking neurons for fast motion detection', 3],
  ['retina correlations', 'Transformation of stimulus correlations by the retina', 1],
  ['Hopfield', 'Categorical Hopfield Networks', 3],
  ['C. elegans', 'Homogenized C. elegans Neural Activity and Connectivity Data', 3],
  [
    'language neurons multilingual',
    'Language Arithmetics: Towards Systematic Language Neuron Identification and Manipulation',
    5,
  ],
  [
    'hallucination neurons',
    'H-Neurons: On the Existence, Impact, and Origin of Hallucination-Associated Neurons in LLMs',
    1,
  ],
  ['slowness of being', 'The Unbearable Slowness of Being: Why do we live at 10 bits/s?', 1],
  ['quantum perceptron', 'Implementing An Artificial Quantum Perceptron', 1],
  ['Padé approximants', 'PAON: A New Neuron Model using Padé Approximants', 1],
  // Abbreviations find the papers that write them out, and the other way round.
  [
    'PCA',
    'The Local Interaction Basis: Identifying Computationally-Relevant and Sparsely Interacting Features in Neural Networks',
    5,
  ],
  ['large language model evaluators', 'Wider and Deeper LLM Networks are Fairer LLM Evaluators', 3],
  ['RL', 'Adaptive Rational Activations to Boost Deep Reinforcement Learning', 5],
  ['MLP', 'uGMM-NN: Univariate Gaussian Mixture Model Neural Network', 10],
  ['EEG', 'Du-IN: Discrete units-guided mask modeling for decoding speech from Intracranial Neural signals', 5],
  ['BCI', 'Du-IN: Discrete units-guided mask modeling for decoding speech from Intracranial Neural signals', 5],
  [
    'STDP',
    'Learning Internal Biological Neuron Parameters and Complexity-Based Encoding for Improved Spiking Neural Networks Performance',
    8,
  ],
  [
    'LIF neuron',
    'Learning Internal Biological Neuron Parameters and Complexity-Based Encoding for Improved Spiking Neural Networks Performance',
    5,
  ],
  ['fMRI', 'Convergent transformations of visual representation in brains and models', 5],
  // British and American spellings, hyphens.
  ['exponentially faster language modeling', 'Exponentially Faster Language Modelling', 1],
  [
    'self organizing map',
    'A catalogue of complex radio sources in the Rapid ASKAP Continuum Survey created using a Self-Organising Map',
    3,
  ],
];

describe('real queries on the search page', () => {
  it.each(QUERIES)(
    '%j finds %j in the first %i, with excerpts in the papers’ own visible words',
    async (query, expected, k) => {
      const { page, context, problems } = await newPage(browser, inject('origin'));
      const results = await searchPage(page, query);
      expect(
        results.slice(0, k).map((r) => r.title),
        results.map((r) => r.title).join(' | '),
      ).toContain(expected);
      for (const result of results.slice(0, 3)) {
        await page.goto(new URL(result.href, url()).href.replace(/\?.*$/, ''));
        // The abstract as the reader sees it (its paragraphs and footnotes, not its heading).
        // Compared character for character, punctuation included; only whitespace may differ.
        const visible = squash(
          await page.evaluate(() =>
            [...document.querySelectorAll('article .abstract > :not(h2)')]
              .map((e) => (e as HTMLElement).innerText)
              .join(' '),
          ),
        );
        for (const fragment of result.excerpt.split('…')) {
          if (squash(fragment)) expect(visible, `${query} → ${result.title}`).toContain(squash(fragment));
        }
      }
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});

describe('abbreviations rank like what they stand for', () => {
  it('"SNN" ranks papers with "spiking neural network(s)" in the title first', async () => {
    const { page, context } = await newPage(browser, inject('origin'));
    const results = await searchPage(page, 'SNN');
    const top = results.slice(0, 5).map((r) => r.title);
    for (const title of top) expect(title, top.join(' | ')).toMatch(/spiking neural networks?|SNN/i);
    expect(results.slice(0, 8).map((r) => r.title)).toContain(
      'Hebbian Learning based Orthogonal Projection for Continual Learning of Spiking Neural Networks',
    );
    await context.close();
  });
});

describe('did you mean', () => {
  it.each([
    [
      'sparce autoencoder',
      'sparse autoencoder',
      'Sparse Autoencoders Find Highly Interpretable Features in Language Models',
    ],
    ['spikng', 'spiking', 'Reducing Information Loss for Spiking Neural Networks'],
    ['transfomer', 'transformer', 'Monet: Mixture of Monosemantic Experts for Transformers'],
  ])('%j offers %j, which finds the papers', async (query, correction, expected) => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    await searchPage(page, query);
    const suggestion = page.locator('.search-suggestion a');
    await suggestion.waitFor();
    await expect(suggestion.textContent()).resolves.toBe(correction);
    await suggestion.click();
    await page
      .locator('.search-status')
      .filter({ hasText: new RegExp(`for “${correction}”`) })
      .waitFor();
    const titles = await page.locator('.search-result-title').allTextContents();
    expect(titles.slice(0, 10)).toContain(expected);
    expect(new URL(page.url()).searchParams.get('q')).toBe(correction);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** The abstract of a built paper page, as text. */
const abstractOf = (href: string) =>
  parse(read(`${new URL(href, url()).pathname.replace(/^\/neurons\//, '')}index.html`)).querySelector(
    'article .abstract',
  )?.text ?? '';

describe('"SAE" finds what is about sparse autoencoders', () => {
  // Three papers that never mention SAEs matched "SAE" through an author named Saeed: Pagefind
  // takes each query word as the start of a word, and searches the authors' names.
  const UNRELATED = [
    'Cooperation Is All You Need',
    'CoreInfer: Accelerating Large Language Model Inference with Semantics-Inspired Adaptive Sparse Activation',
    'CompactifAI: Extreme Compression of Large Language Models using Quantum-Inspired Tensor Networks',
  ];

  it('ranks papers that mention sparse autoencoders first, and none of the unrelated ones', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    const results = await searchPage(page, 'SAE');
    const titles = results.map((r) => r.title);
    expect(results.length, titles.join(' | ')).toBeGreaterThanOrEqual(6);
    for (const title of UNRELATED) expect(titles).not.toContain(title);
    for (const result of results.slice(0, 6)) {
      expect(`${result.title} ${abstractOf(result.href)}`, result.title).toMatch(/sparse autoencoder|\bSAEs?\b/i);
    }
    expect(titles).toContain('Interpreting Language Models Through Concept Descriptions: A Survey');
    await expect(page.locator('.search-status').textContent()).resolves.toBe(`${results.length} results for “SAE”.`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('still finds an author by a whole name, and by the start of one while nothing else matches it', async () => {
    const { page, context } = await newPage(browser, inject('origin'));
    const saeed = (await searchPage(page, 'Saeed')).map((r) => r.title);
    for (const title of UNRELATED) expect(saeed).toContain(title);
    expect((await searchPage(page, 'Voit')).map((r) => r.title)).toContain(
      'Neurons in Large Language Models: Dead, N-gram, Positional',
    );
    await context.close();
  });

  it('indexes as metadata only what is searched and the byline (no topic, no figure of a note)', () => {
    const dir = path.join(siteDir(), 'pagefind/fragment');
    const keys = new Set<string>();
    for (const file of readdirSync(dir)) {
      // A Pagefind fragment: gzip holding "pagefind_dcd" and the page's JSON.
      const text = gunzipSync(readFileSync(path.join(dir, file))).toString('utf8');
      const fragment = JSON.parse(text.slice(text.indexOf('{'))) as { meta: Record<string, string> };
      for (const key of Object.keys(fragment.meta)) keys.add(key);
    }
    expect([...keys].sort()).toEqual(
      ['aliases', 'arxiv', 'authors', 'byline', 'doi', 'first_author', 'title', 'title_aliases'].sort(),
    );
  });
});

// Queries no paper holds every word of, written without looking at what the search returns:
// [query, a paper expected among the first `k`, k]. The papers with most of the words come
// first, each saying which of the words it has.
const PARTIAL: [string, string, number][] = [
  [
    'hippocampus place cells',
    'Bio-inspired computational memory model of the Hippocampus: an approach to a neuromorphic spike-based Content-Addressable Memory',
    1,
  ],
  [
    'astrocytes glia memory consolidation',
    'Astrocyte-Enabled Advancements in Spiking Neural Networks for Large Language Modeling',
    3,
  ],
  ['retina ganglion cells deep network', 'Transformation of stimulus correlations by the retina', 5],
  [
    'active dendrites sparse representations cortex columns',
    'How do neurons operate on sparse distributed representations? A mathematical theory of sparsity, neurons and active dendrites',
    3,
  ],
];

describe('a query no paper holds whole', () => {
  it.each(PARTIAL)('%j finds %j in the first %i, saying which words it has', async (query, expected, k) => {
    const { page, context, problems } = await newPage(browser, inject('origin'));
    const results = await searchPage(page, query);
    await expect(page.locator('.search-status').textContent()).resolves.toMatch(
      new RegExp(`^No paper has all of “${query}”; \\d+ papers? ha(s|ve) most of them:$`),
    );
    expect(
      results.slice(0, k).map((r) => r.title),
      results.map((r) => r.title).join(' | '),
    ).toContain(expected);
    const words = query.split(' ');
    for (const result of results) {
      const label = /^Has (.+?)(?: · not (.+))?$/.exec(result.words);
      expect(label, `${result.title}: ${result.words}`).not.toBeNull();
      const [has, lacks = ''] = [label![1]!.split(', '), label![2]?.split(', ') ?? []];
      expect([...has, ...lacks].sort()).toEqual([...words].sort());
      expect(lacks.length).toBeGreaterThan(0);
    }
    // Best first: never a paper with fewer of the words above one with more.
    const counts = results.map((r) => r.words.split(' · not ')[0]!.split(', ').length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a long query that one paper holds whole is followed by papers lacking one word, labelled', async () => {
    const { page, context } = await newPage(browser, inject('origin'));
    const results = await searchPage(page, 'multilingual language neurons translation alignment');
    await expect(page.locator('.search-status').textContent()).resolves.toMatch(
      /^1 result for “.+”; \d+ more papers? ha(s|ve) most of its words\.$/,
    );
    expect(results[0]!.words).toBe('');
    const near = results.slice(1);
    expect(near.map((r) => r.title)).toContain(
      'How does Alignment Enhance LLMs’ Multilingual Capabilities? A Language Neurons Perspective',
    );
    for (const result of near) expect(result.words).toMatch(/^Has .+ · not \w+$/);
    await context.close();
  });
});
