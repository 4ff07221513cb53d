import { describe, expect, it } from 'vitest';
import { assignSlugs, slugify, titleKey } from '../../src/ingest/slugs.ts';
import { deployBase, deploySite } from '../../src/config/deploy.ts';

describe('slugify', () => {
  it.each([
    ['PAON: A New Neuron Model using Padé Approximants', 'paon-a-new-neuron-model-using-pade-approximants'],
    ['Joint encoding of “what” and “when” predictions', 'joint-encoding-of-what-and-when-predictions'],
    [
      'Accurate Detection of Spiking Motifs by Learning Heterogeneous Delays of a Spiking Neural Network',
      'accurate-detection-of-spiking-motifs-by-learning-heterogeneous',
    ],
    ['∑∫', 'paper'],
  ])('%j → %j', (title, slug) => expect(slugify(title)).toBe(slug));

  it('never makes a slug longer than 64 characters', () => {
    expect(slugify('word '.repeat(100)).length).toBeLessThanOrEqual(64);
  });

  it('treats spacing, case and punctuation differences as the same title', () => {
    expect(titleKey('Spiking  Neural-Networks!')).toBe(titleKey('spiking neural networks'));
  });
});

describe('assignSlugs', () => {
  const p = (title: string, fingerprint = title) => ({ title, titleKey: titleKey(title), fingerprint });

  it('resolves collisions with -2, -3 in input order and records them', () => {
    const { slugs, registry } = assignSlugs([p('Neurons'), p('Neurons?!Ω'), p('Neurons ∑')], {
      slugs: {},
      redirects: {},
    });
    expect(slugs).toEqual(['neurons', 'neurons-2', 'neurons-3']);
    expect(Object.keys(registry.slugs)).toEqual(['neurons', 'neurons-2', 'neurons-3']);
  });

  it('keeps recorded slugs whatever comes before them', () => {
    const first = assignSlugs([p('Neurons Ω')], { slugs: {}, redirects: {} });
    const second = assignSlugs([p('Neurons'), p('Neurons Ω')], first.registry);
    expect(second.slugs).toEqual(['neurons-2', 'neurons']);
  });
});

describe('deploy settings', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['neurons', '/neurons/'],
    ['/neurons/', '/neurons/'],
    ['/a/b', '/a/b/'],
  ])('BASE_PATH=%j → %j', (value, base) => expect(deployBase(value)).toBe(base));

  it('takes the origin of SITE_URL', () => {
    expect(deploySite('https://example.org/')).toBe('https://example.org');
    expect(() => deploySite('not a url')).toThrow();
  });
});
