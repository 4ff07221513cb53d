import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { formatDiagnostic } from '../../src/ingest/diagnostics.ts';
import { abstractAbout, ROOT, scrape, scratchProject } from '../support/project.ts';

const seed = readFileSync(path.join(ROOT, 'content/sources/000_bfef83f9b2ef0b4d.txt'), 'utf8');
/** Every committed source file: the seed scrape, its provenance and identities, and what updates added. */
const committedSources = Object.fromEntries(
  readdirSync(path.join(ROOT, 'content/sources')).map((name) => [
    name,
    readFileSync(path.join(ROOT, 'content/sources', name), 'utf8'),
  ]),
);
let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function project(sources: Record<string, string | Uint8Array>) {
  const p = scratchProject(sources);
  cleanups.push(p.cleanup);
  return p;
}
/** Every file of the papers folder with its bytes and modification time. */
function snapshot(dir: string) {
  return Object.fromEntries(
    readdirSync(dir).map((name) => [
      name,
      { text: readFileSync(path.join(dir, name), 'utf8'), mtime: statSync(path.join(dir, name)).mtimeMs },
    ]),
  );
}

describe('ingest of the seed', () => {
  it('writes one MDX page per seed paper (119), and a second run changes no byte and no timestamp', async () => {
    const { paths } = project({ 'seed.txt': seed });
    const first = await ingest(paths);
    expect(first.ok).toBe(true);
    expect(first.papers).toBe(119);
    expect(readdirSync(paths.papers)).toHaveLength(119);
    const before = snapshot(paths.papers);
    const registryBefore = readFileSync(paths.registry, 'utf8');
    const second = await ingest(paths);
    expect(second.written).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(snapshot(paths.papers)).toEqual(before);
    expect(readFileSync(paths.registry, 'utf8')).toBe(registryBefore);
  });

  it('matches the committed pages byte for byte (the committed output is what the ingest makes)', async () => {
    const { paths } = project(committedSources);
    cpSync(path.join(ROOT, 'content/curation.yaml'), paths.curation);
    cpSync(path.join(ROOT, 'content/excluded.yaml'), paths.excluded);
    cpSync(path.join(ROOT, 'content/slugs.json'), paths.registry);
    await ingest(paths);
    const committed = path.join(ROOT, 'content/papers');
    for (const name of readdirSync(committed)) {
      expect(readFileSync(path.join(paths.papers, name), 'utf8'), name).toBe(
        readFileSync(path.join(committed, name), 'utf8'),
      );
    }
  });
});

describe('reusing unchanged pages', () => {
  it('rebuilds a page whose inputs changed, reuses the others, and never reuses an edited page', async () => {
    const { paths } = project({
      'a.txt': scrape([
        ['Spiking Things', abstractAbout('spikes')],
        ['Other Paper', abstractAbout('others')],
      ]),
    });
    await ingest(paths);
    const spiking = path.join(paths.papers, 'spiking-things.mdx');
    const other = path.join(paths.papers, 'other-paper.mdx');
    const otherBefore = readFileSync(other, 'utf8');
    // An edit by hand leaves the page's inputs as they were, but not its bytes: the ingest must rewrite it.
    writeFileSync(spiking, readFileSync(spiking, 'utf8').replace(/We study(?![\s\S]*We study)/, 'We {hand-edited}'));
    const result = await ingest(paths);
    expect(result.written).toEqual({ added: 0, changed: 1, removed: 0 });
    expect(readFileSync(spiking, 'utf8')).toContain('We study spikes');
    expect(readFileSync(other, 'utf8')).toBe(otherBefore);
    // The taxonomy is an input of every page: a change that moves both papers to another
    // topic rewrites both, though neither paper changed.
    writeFileSync(paths.taxonomy, readFileSync(paths.taxonomy, 'utf8').replace('minimumScore: 4', 'minimumScore: 400'));
    const retopiced = await ingest(paths);
    expect(retopiced.written).toEqual({ added: 0, changed: 2, removed: 0 });
    expect(readFileSync(other, 'utf8')).toMatch(/^topic: off-topic$/m);
  });
});

describe('committed pages hold only content', () => {
  it('rebuilding every page, as after any change to the code, writes the same bytes', async () => {
    const { paths } = project({ 'a.txt': scrape([['Spiking Things', abstractAbout('spikes')]]) });
    await ingest(paths);
    const page = path.join(paths.papers, 'spiking-things.mdx');
    const before = readFileSync(page, 'utf8');
    expect(before).not.toMatch(/ingestKey|fingerprint/);
    // A change to the ingest's code changes every page's input key: nothing in the cache matches.
    rmSync(paths.cache);
    const again = await ingest(paths);
    expect(again.written).toEqual({ added: 0, changed: 0, removed: 0 });
    expect(readFileSync(page, 'utf8')).toBe(before);
  });

  it('keeps what it caches under .cache/, outside content/', () => {
    const { paths } = project({});
    expect(path.relative(paths.root, paths.cache)).toMatch(/^\.cache\//);
  });
});

describe('merging scrapes', () => {
  it('a second scrape repeating papers adds no duplicate page and records both provenances', async () => {
    const a = scrape([
      ['Spiking Things', abstractAbout('spikes')],
      ['Other Paper', abstractAbout('others')],
    ]);
    const b = scrape([
      ['Spiking  things', abstractAbout('spikes')],
      ['Third Paper', abstractAbout('thirds')],
    ]);
    const { paths } = project({ 'a.txt': a, 'b.txt': b });
    const result = await ingest(paths);
    expect(result.ok).toBe(true);
    expect(readdirSync(paths.papers).sort()).toEqual(['other-paper.mdx', 'spiking-things.mdx', 'third-paper.mdx']);
    const page = readFileSync(path.join(paths.papers, 'spiking-things.mdx'), 'utf8');
    expect(page).toContain('file: content/sources/a.txt\n    line: 3');
    expect(page).toContain('file: content/sources/b.txt\n    line: 3');
  });

  it('a duplicate title with another abstract is an error naming both places, and nothing is written', async () => {
    const a = scrape([['Spiking Things', abstractAbout('spikes')]]);
    const b = scrape([['Spiking Things', abstractAbout('something else entirely')]]);
    const { paths } = project({ 'a.txt': a, 'b.txt': b });
    const result = await ingest(paths);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([
      {
        severity: 'error',
        file: 'content/sources/b.txt',
        line: 3,
        message: expect.stringMatching(/already at content\/sources\/a\.txt:3 with a different abstract/),
      },
    ]);
    expect(() => readdirSync(paths.papers)).toThrow();
  });
});

describe('errors leave the previous output untouched', () => {
  it.each([
    ['an empty file', ''],
    ['invalid UTF-8', new Uint8Array([0x54, 0x69, 0x0a, 0xc3, 0x28, 0x0a])],
    ['a title without abstract', 'Just A Title\n'],
  ])('%s', async (_name, bad) => {
    const { paths } = project({ 'a.txt': scrape([['Good Paper', abstractAbout('good')]]) });
    expect((await ingest(paths)).ok).toBe(true);
    const before = snapshot(paths.papers);
    writeFileSync(path.join(paths.sources, 'b.txt'), bad);
    const result = await ingest(paths);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.some((d) => d.severity === 'error' && d.file === 'content/sources/b.txt')).toBe(true);
    expect(snapshot(paths.papers)).toEqual(before);
  });
});

describe('slugs are promises', () => {
  it('adding papers (even with colliding titles) changes no existing slug', async () => {
    const { paths } = project({
      'a.txt': scrape([
        ['Neurons', abstractAbout('one')],
        ['Spikes', abstractAbout('two')],
      ]),
    });
    await ingest(paths);
    const before = readdirSync(paths.papers).sort();
    // "Neurons Ω" is another paper (another title key) with the same slug: it gets a suffix,
    // even though its file sorts first.
    writeFileSync(
      path.join(paths.sources, '0-new.txt'),
      scrape([
        ['Neurons Ω', abstractAbout('three')],
        ['Axons', abstractAbout('four')],
      ]),
    );
    const untouched = snapshot(paths.papers);
    expect((await ingest(paths)).ok).toBe(true);
    const after = readdirSync(paths.papers).sort();
    expect(after).toEqual([...before, 'axons.mdx', 'neurons-2.mdx'].sort());
    // Only the new pages were written: the others keep their bytes and their timestamps.
    const now = snapshot(paths.papers);
    for (const name of before) expect(now[name], name).toEqual(untouched[name]);
    expect(readFileSync(path.join(paths.papers, 'neurons.mdx'), 'utf8')).toContain('We study one');
  });

  it('a corrected title keeps its slug (recognised by its abstract)', async () => {
    const { paths } = project({ 'a.txt': scrape([['Spikng Networks Explaned', abstractAbout('typos')]]) });
    await ingest(paths);
    writeFileSync(path.join(paths.sources, 'a.txt'), scrape([['Spiking Networks Explained', abstractAbout('typos')]]));
    const result = await ingest(paths);
    expect(readdirSync(paths.papers)).toEqual(['spikng-networks-explaned.mdx']);
    expect(readFileSync(path.join(paths.papers, 'spikng-networks-explaned.mdx'), 'utf8')).toContain(
      'title: Spiking Networks Explained',
    );
    expect(result.diagnostics).toMatchObject([
      { severity: 'warning', message: expect.stringMatching(/keeps the slug "spikng-networks-explaned"/), line: 3 },
    ]);
  });
});

describe("curators' decisions (content/curation.yaml)", () => {
  const sources = {
    'a.txt': scrape([
      ['Spiking Things', abstractAbout('spikes')],
      ['Other Paper', abstractAbout('others')],
    ]),
  };

  it('set a topic and tags that survive every re-ingest, with the reason on the page', async () => {
    const { paths } = project(sources);
    await ingest(paths);
    writeFileSync(
      paths.curation,
      [
        'papers:',
        '  spiking-things:',
        '    topic: plasticity',
        '    addTags: [dendrites]',
        '    removeTags: [spiking-neural-networks]',
        '    why: It is about how the spikes change synapses.',
        '',
      ].join('\n'),
    );
    for (let run = 0; run < 2; run++) {
      expect((await ingest(paths)).ok).toBe(true);
      const page = readFileSync(path.join(paths.papers, 'spiking-things.mdx'), 'utf8');
      expect(page).toMatch(/^topic: plasticity$/m);
      expect(page).toMatch(/^tags:\n(?: {2}- .+\n)*? {2}- dendrites$/m);
      expect(page).not.toMatch(/^tags:\n(?: {2}- .+\n)*? {2}- spiking-neural-networks$/m);
      expect(page).toContain('curated: It is about how the spikes change synapses.');
    }
    expect(readFileSync(path.join(paths.papers, 'other-paper.mdx'), 'utf8')).toMatch(/^topic: spiking$/m);
  });

  it.each([
    ['an unknown paper', 'no-such-paper:\n    why: x', /entry "no-such-paper": no paper has the slug/],
    ['an unknown topic', 'spiking-things:\n    topic: astrology\n    why: x', /the topic "astrology" does not exist/],
    ['an unknown tag', 'spiking-things:\n    addTags: [tarot]\n    why: x', /the tag "tarot" does not exist/],
    ['a decision without a reason', 'spiking-things:\n    topic: plasticity', /why/],
  ])('refuse %s with file, line and entry, and write nothing', async (_, entry, message) => {
    const { paths } = project(sources);
    await ingest(paths);
    const before = snapshot(paths.papers);
    writeFileSync(paths.curation, `papers:\n  ${entry}\n`);
    const result = await ingest(paths);
    expect(result.ok).toBe(false);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(errors.join('\n')).toMatch(message);
    expect(errors[0]).toMatch(/^content\/curation\.yaml:2: error: /);
    expect(snapshot(paths.papers)).toEqual(before);
  });
});
