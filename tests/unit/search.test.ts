/** The pure parts of search: corrections ("did you mean"), aliases, URL state, matching, bylines, excerpts. */
import { describe, expect, it } from 'vitest';
import { resultExcerpt } from '../../src/search/client/excerpt.ts';
import { queryWords, wordPlace } from '../../src/search/client/match.ts';
import { EMPTY_STATE, stateFromUrl, stateQuery, yearsBetween } from '../../src/search/client/state.ts';
import { SEARCH_SETTINGS } from '../../src/search/client/settings.ts';
import { candidateQueries, closestWords, editDistance } from '../../src/search/client/suggest.ts';
import { otherSpelling, paperAliases } from '../../src/search/index/aliases.ts';
import { paperSearchMeta } from '../../src/search/index/metadata.ts';
import { listByline } from '../../src/paper/scholar-metadata.ts';
import type { PaperData } from '../../src/schemas/paper.ts';

/** A paper as a page sees it, with what the search metadata reads. */
const PAPER = {
  title: 'Sparse Autoencoders in a Haystack',
  abstract: 'We compare them with principal component analysis.',
  authors: ['Wes Gurnee', 'Neel Nanda', 'Matthew Pauly'],
  published: '2023-05-02',
  arxiv: '2305.01610',
  doi: '10.1234/haystack',
  venue: {
    name: 'International Conference on Learning Representations',
    short: 'ICLR',
    kind: 'conference',
    year: '2024',
  },
} as PaperData;

const VOCABULARY = ['neurons', 'space', 'sparse', 'autoencoders', 'spiking', 'transformer', 'transformers', 'network'];

describe('did you mean', () => {
  it.each([
    ['sparce', 'sparse', 1],
    ['spikng', 'spiking', 1],
    ['transfomer', 'transformer', 1],
    ['nuerons', 'neurons', 1], // a transposition is one edit
    ['network', 'network', 0],
  ])('%s is %i edit(s) from %s', (a, b, distance) => {
    expect(editDistance(a, b, 2)).toBe(distance);
  });

  it('offers the nearest known words, nearest then most frequent, none for short or far words', () => {
    expect(closestWords('sparce', VOCABULARY, SEARCH_SETTINGS.maxCorrection)).toEqual(['space', 'sparse']);
    expect(closestWords('xqzzyq', VOCABULARY, SEARCH_SETTINGS.maxCorrection)).toEqual([]);
    expect(closestWords('snn', VOCABULARY, SEARCH_SETTINGS.maxCorrection)).toEqual([]);
  });

  it('corrects only unknown words (a plural of a known word is known), as candidate queries', () => {
    expect(candidateQueries('sparce autoencoder', VOCABULARY, SEARCH_SETTINGS.maxCorrection)).toEqual([
      'space autoencoder',
      'sparse autoencoder',
    ]);
    expect(candidateQueries('Transfomer', VOCABULARY, SEARCH_SETTINGS.maxCorrection)).toEqual([
      'transformer',
      'transformers',
    ]);
    expect(candidateQueries('sparse autoencoders', VOCABULARY, SEARCH_SETTINGS.maxCorrection)).toEqual([]);
    expect(candidateQueries('2309.04827', VOCABULARY, SEARCH_SETTINGS.maxCorrection)).toEqual([]);
  });
});

describe('aliases', () => {
  it('gives a title’s spelled-out term its abbreviation and the other way round, apart from the abstract’s', () => {
    const aliases = paperAliases(
      'Continual Learning of Spiking Neural Networks',
      'We apply principal component analysis (PCA) to an LLM; Ann wrote it.',
    );
    expect(aliases.title).toEqual(expect.arrayContaining(['SNN', 'SNNs', 'spiking neural network']));
    expect(aliases.abstract).toEqual(
      expect.arrayContaining(['PCA', 'principal component analysis', 'LLM', 'large language model']),
    );
    // "Ann" is a name, not an artificial neural network: abbreviations match only in their own case.
    expect(aliases.abstract).not.toContain('artificial neural network');
    expect(aliases.abstract).not.toContain('SNN');
  });

  it.each([
    ['organising', 'organizing'],
    ['Normalization', 'normalisation'],
    ['behaviour', 'behavior'],
    ['behavioral', 'behavioural'],
    ['modelling', 'modeling'],
    ['labeled', 'labelled'],
    ['centre', 'center'],
    ['centers', 'centres'],
    ['centered', 'centred'],
    ['centred', 'centered'],
    ['centring', 'centering'],
    ['analyse', 'analyze'],
  ])('%s ↔ %s', (word, other) => {
    expect(otherSpelling(word)).toBe(other);
  });

  it.each(['noise', 'size', 'hour', 'four', 'neuron'])('%s has no other spelling', (word) => {
    expect(otherSpelling(word)).toBeUndefined();
  });
});

describe('search state in the URL', () => {
  it('reads and writes q, topic, tag, years and sort, dropping empty and unknown values', () => {
    const state = stateFromUrl(
      new URL('https://x.org/neurons/search/?q=SNN&tag=Spiking%20neural%20networks&from=2023&to=soon&sort=oops'),
    );
    expect(state).toEqual({ ...EMPTY_STATE, q: 'SNN', tag: 'Spiking neural networks', from: '2023' });
    expect(stateQuery({ ...state, sort: 'newest' })).toBe('?q=SNN&tag=Spiking+neural+networks&from=2023&sort=newest');
    expect(stateQuery(EMPTY_STATE)).toBe('');
  });

  it('turns a year range into the years the collection has, either bound open, in either order', () => {
    const years = ['2025', '2024', '2023', '2019', '2016'];
    expect(yearsBetween({ from: '', to: '' }, years)).toBeUndefined();
    expect(yearsBetween({ from: '2023', to: '' }, years)).toEqual(['2025', '2024', '2023']);
    expect(yearsBetween({ from: '', to: '2019' }, years)).toEqual(['2019', '2016']);
    expect(yearsBetween({ from: '2024', to: '2019' }, years)).toEqual(['2024', '2023', '2019']);
    expect(yearsBetween({ from: '2020', to: '2022' }, years)).toEqual([]);
  });
});

describe('matching word by word', () => {
  it('reads a query’s words as Pagefind does: no punctuation, lower case, each once', () => {
    expect(queryWords('  Hippocampus place-cells, (place) C. elegans GPT-2 ')).toEqual([
      'hippocampus',
      'placecells',
      'place',
      'c',
      'elegans',
      'gpt2',
    ]);
    expect(queryWords('“—”')).toEqual([]);
  });

  it('counts a word found in the abstract or a text field, names apart, never a field only shown', () => {
    expect(wordPlace({ words: [12], matchedMetaFields: undefined })).toBe('text');
    expect(wordPlace({ words: [], matchedMetaFields: ['title'] })).toBe('text');
    expect(wordPlace({ words: [], matchedMetaFields: ['aliases', 'authors'] })).toBe('text');
    expect(wordPlace({ words: [], matchedMetaFields: ['authors'] })).toBe('name');
    expect(wordPlace({ words: [], matchedMetaFields: ['first_author', 'byline'] })).toBe('name');
    expect(wordPlace({ words: [], matchedMetaFields: ['byline'] })).toBe('elsewhere');
    expect(wordPlace({ words: [], matchedMetaFields: ['image', 'topic'] })).toBe('elsewhere');
  });

  it('knows every metadata field a paper page writes: searched, or weighed 0 and only shown', () => {
    const meta = paperSearchMeta(PAPER);
    const keys = meta.map(([key]) => key);
    expect(keys).toEqual(['title_aliases', 'aliases', 'first_author', 'authors', 'arxiv', 'doi', 'byline']);
    const { text, names } = SEARCH_SETTINGS.fields;
    // The title is metadata too, from the page's heading.
    for (const key of ['title', ...keys]) {
      const counted = ([...text, ...names] as string[]).includes(key);
      expect(counted || SEARCH_SETTINGS.metaWeights[key as keyof typeof SEARCH_SETTINGS.metaWeights] === 0, key).toBe(
        true,
      );
    }
    expect(Object.fromEntries(meta).byline).toBe('Gurnee et al., 2023 · ICLR 2024');
  });
});

describe('bylines', () => {
  it('write first author, year and venue, each only if known', () => {
    expect(listByline({ authors: ['Ada Lovelace'], published: '1843-09', venue: undefined })).toBe('Lovelace, 1843');
    const neuron = { name: 'Neuron', kind: 'journal' } as const;
    expect(listByline({ authors: ['Wes Gurnee', 'Neel Nanda'], published: undefined, venue: neuron })).toBe(
      'Gurnee and Nanda · Neuron',
    );
    const iclr = {
      name: 'International Conference on Learning Representations',
      short: 'ICLR',
      kind: 'conference',
      year: '2024',
    } as const;
    expect(listByline({ authors: ['Hoagy Cunningham', 'A B', 'C D'], published: '2023-09-15', venue: iclr })).toBe(
      'Cunningham et al., 2023 · ICLR 2024',
    );
    expect(listByline({ authors: undefined, published: undefined, venue: undefined })).toBe('');
  });
});

describe('result excerpts', () => {
  it('keeps Pagefind’s excerpt where the paper’s words matched', () => {
    const excerpt = 'we train <mark>spiking</mark> networks';
    expect(resultExcerpt({ excerpt, content: 'x', meta: { title: 'T' } })).toBe(excerpt);
  });

  it('shows the opening of the abstract, as text, where only metadata matched', () => {
    const content = `A Title. ${Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')} <b>`;
    const shown = resultExcerpt({ excerpt: 'A Title. w0 w1', content, meta: { title: 'A Title' } });
    expect(shown).toMatch(/^w0 w1 w2/);
    expect(shown.split(' ').length).toBe(SEARCH_SETTINGS.excerptLength + 1);
    expect(resultExcerpt({ excerpt: '', content: 'T. a <b>', meta: { title: 'T' } })).toBe('a &lt;b&gt;');
  });
});
