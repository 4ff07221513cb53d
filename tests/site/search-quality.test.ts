/**
 * Search as a reader uses it, through the site's own search page under /neurons/: real queries
 * find their papers, abbreviations rank like what they stand for, excerpts are the paper's own
 * visible words, and a misspelt query is offered a correction.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newPage, openBrowser } from '../support/pages.ts';
import { searchPage } from '../support/search.ts';
import { url } from '../support/site.ts';

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
