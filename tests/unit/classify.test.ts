import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import jsyaml from 'js-yaml';
import { assignTags, classify, countPhrase, phrasePattern } from '../../src/ingest/classify.ts';
import { curated, readCuration } from '../../src/ingest/curation.ts';
import { projectTaxonomy } from '../support/taxonomy.ts';
import expectedTags from '../fixtures/expected-tags.json';
import expectedTopics from '../fixtures/expected-topics.json';

const taxonomy = projectTaxonomy();

/** Title, abstract, topic and tags of every generated paper page. */
const pages = readdirSync('content/papers').map((name) => {
  const text = readFileSync(`content/papers/${name}`, 'utf8');
  return jsyaml.load(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!, { schema: jsyaml.CORE_SCHEMA }) as {
    title: string;
    slug: string;
    abstract: string;
    topic: string;
    tags: string[];
  };
});

/** The curators' decisions of content/curation.yaml. */
const { decisions, diagnostics: curationProblems } = readCuration(
  readFileSync('content/curation.yaml', 'utf8'),
  'content/curation.yaml',
  taxonomy,
  new Set(pages.map((page) => page.slug)),
);

describe('phrase matching', () => {
  it.each([
    ['SAE', 'we train SAEs on', 1],
    ['SAE', 'a SAEGUARD system', 0],
    ['SAE', 'sae in lower case', 0],
    ['sparse autoencoder', 'Sparse Autoencoders (SAEs)', 1],
    ['mixture of experts', 'Mixture-of-Experts pretraining', 1],
    ['GPT-2', 'GPT-2 and GPT2', 1],
    ['GPT2', 'GPT-2 and GPT2', 1],
    ['self-organizing', 'self organizing process', 1],
  ])('%j in %j → %i', (phrase, text, count) => expect(countPhrase(phrase, text)).toBe(count));

  it('escapes regular-expression characters in phrases', () => {
    expect(phrasePattern('C. elegans').test('the C. elegans worm')).toBe(true);
    expect(phrasePattern('C. elegans').test('the Cx elegans worm')).toBe(false);
  });
});

/** The topic of each seed paper, by title, as curators decided it by reading its abstract. */
const expected = new Map(
  Object.entries(expectedTopics).flatMap(([topic, titles]) => titles.map((t) => [t, topic] as const)),
);
/**
 * The seed's pages. Papers the update adds later are not pinned here (the report shows where
 * they land, and curators decide); the rules and decisions below apply to every page.
 */
const seedPages = pages.filter((page) => expected.has(page.title));

describe('topics', () => {
  it('pins the topic of every seed paper, decided by reading its abstract (all 119)', () => {
    expect(expected.size).toBe(119);
    expect(seedPages).toHaveLength(119);
    const wrong = seedPages
      .filter((page) => expected.get(page.title) !== page.topic)
      .map((page) => `${page.title}: got ${page.topic}, expected ${expected.get(page.title)}`);
    expect(wrong).toEqual([]);
  });

  it("classifies from the rules and the curators' decisions, not from the stored pages", () => {
    expect(curationProblems).toEqual([]);
    for (const page of pages) {
      const placed = curated(classify(taxonomy, page.title, page.abstract), decisions.get(page.slug), taxonomy.maxTags);
      expect(placed, page.slug).toEqual({ topic: page.topic, tags: page.tags });
    }
  });

  it('pins the tags of every seed paper, as curators checked them against its abstract (all 119)', () => {
    const actual = Object.fromEntries(seedPages.map((page) => [page.slug, page.tags]));
    expect(Object.keys(expectedTags)).toHaveLength(119);
    expect(actual).toEqual(expectedTags);
    // Two tags the keyword rules gave in another sense, which the curators took away.
    expect(actual['compactifai-extreme-compression-of-large-language-models-using']).not.toContain('interpretability');
    expect(actual['mechanistic-interpretability-of-rnns-emulating-hidden-markov']).not.toContain('connectomics');
  });

  it('never puts the papers that are not about neurons into a real topic', () => {
    const offTopic = seedPages.filter((p) => p.topic === taxonomy.offTopic.slug).map((p) => p.title);
    expect(offTopic).toEqual(expect.arrayContaining(expectedTopics['off-topic']));
    expect(offTopic).toHaveLength(expectedTopics['off-topic'].length);
  });

  it('sends a paper that matches no topic to off-topic, and explains a placement', () => {
    expect(classify(taxonomy, 'Bread baking', 'We bake bread in ovens.').topic).toBe('off-topic');
    const spiking = classify(
      taxonomy,
      'Training spiking neural networks',
      'Spiking neural networks (SNNs) on neuromorphic chips.',
    );
    expect(spiking.topic).toBe('spiking');
    expect(spiking.evidence[0]).toEqual({ phrase: 'spiking neural network', place: 'title', points: 18 });
  });

  it('breaks ties by topic order, whatever the word order', () => {
    // The premise: each phrase alone places the paper in a different topic with the same score.
    const plasticity = classify(taxonomy, 'x', 'plasticity');
    const retina = classify(taxonomy, 'x', 'retina');
    expect([plasticity.topic, retina.topic]).toEqual(['plasticity', 'brain-circuits']);
    expect(plasticity.score).toBe(retina.score);
    // Together they tie; the topic listed first in topics.yaml wins, in either word order.
    const order = taxonomy.topics.map((t) => t.slug);
    const first = order.indexOf('plasticity') < order.indexOf('brain-circuits') ? 'plasticity' : 'brain-circuits';
    expect(classify(taxonomy, 'x', 'plasticity and retina').topic).toBe(first);
    expect(classify(taxonomy, 'x', 'retina and plasticity').topic).toBe(first);
  });
});

describe('tags', () => {
  it('gives every real-topic seed paper at least one tag', () => {
    const untagged = seedPages.filter((p) => p.topic !== 'off-topic' && p.tags.length === 0).map((p) => p.title);
    expect(untagged).toEqual([]);
  });

  it('assigns a tag from any of its variants', () => {
    expect(assignTags(taxonomy.tags, 'SNN training', '', 6)).toContain('spiking-neural-networks');
    expect(assignTags(taxonomy.tags, 'Electromyography typing', '', 6)).toContain('electromyography');
    expect(assignTags(taxonomy.tags, 'Universal neurons in GPT2', '', 6)).toContain('gpt-2');
  });

  it('has no variant shared by two tags (a synonym means one thing)', () => {
    const seen = new Map<string, string>();
    for (const tag of taxonomy.tags) {
      for (const variant of tag.variants) {
        const owner = seen.get(variant.toLowerCase());
        if (owner !== undefined) expect(owner, variant).toBe(tag.slug);
        seen.set(variant.toLowerCase(), tag.slug);
      }
    }
  });
});
