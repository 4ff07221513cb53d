import { describe, expect, it } from 'vitest';
import { assignSlugs, slugify, titleKey } from '../../src/ingest/slugs.ts';
import { buildSite, deployBase, deploySite, siteFromEnvironment } from '../../src/config/deploy.ts';

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

  it.each([
    [{ SITE_URL: 'https://papers.example.org/x/' }, 'https://papers.example.org'],
    [{ URL: 'https://neurons.netlify.app' }, 'https://neurons.netlify.app'],
    [{ CF_PAGES_URL: 'https://abc123.neurons.pages.dev' }, 'https://abc123.neurons.pages.dev'],
    [{ VERCEL_PROJECT_PRODUCTION_URL: 'neurons.vercel.app' }, 'https://neurons.vercel.app'],
    [{ SITE_URL: 'https://ours.example', URL: 'https://netlify.example' }, 'https://ours.example'],
  ])('takes the address the host provides: %j → %s', (env, site) => {
    expect(siteFromEnvironment(env).site).toBe(site);
  });

  it('fails a CI build without a site URL, saying what to set; warns once locally; dev is fine', () => {
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    expect(() => buildSite({ CI: 'true' }, 'build', warn)).toThrow(/Set SITE_URL/);
    expect(buildSite({}, 'build', warn)).toBe('http://localhost:4321');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/would say http:\/\/localhost:4321\//);
    expect(buildSite({ CI: 'true' }, 'dev', warn)).toBe('http://localhost:4321');
    expect(buildSite({ CI: 'true', SITE_URL: 'https://example.org' }, 'build', warn)).toBe('https://example.org');
    expect(warnings).toHaveLength(1);
  });
});
