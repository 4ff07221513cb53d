/**
 * When a paper was added (its sources' provenance), which entries a saved response brings in
 * (`adds`), and the papers curators exclude (content/excluded.yaml): what the ingest makes of them.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { readPage } from '../../src/lib/page-file.ts';
import { readProvenance, serializeProvenance } from '../../src/ingest/provenance.ts';
import { readExclusions } from '../../src/ingest/excluded.ts';
import { readRecords } from '../../src/ingest/readers/index.ts';
import { decodeSource } from '../../src/ingest/sources.ts';
import { abstractAbout, ROOT, scrape, scratchProject } from '../support/project.ts';

const FIXTURES = path.join(ROOT, 'tests/fixtures/sources');
const arxivFeed = readFileSync(path.join(FIXTURES, 'arxiv-query.atom'), 'utf8');

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function project(sources: Record<string, string>) {
  const p = scratchProject(sources);
  cleanups.push(p.cleanup);
  return p;
}
const page = (dir: string, slug: string) => readPage(readFileSync(path.join(dir, `${slug}.mdx`), 'utf8'))!.data;
const VOITA = 'neurons-in-large-language-models-dead-n-gram-positional';
const HAYSTACK = 'finding-neurons-in-a-haystack-case-studies-with-sparse-probing';

describe('the day a paper was added', () => {
  it("comes from its source's provenance (or the date its file name starts with), the earliest source's", async () => {
    const { paths } = project({
      'a.txt': scrape([['Spiking Things', abstractAbout('spikes')]]),
      'a.txt.provenance.yaml': 'fetched: 2026-11-28\n',
      '2026-12-05T06-00-00Z_later.txt': scrape([
        ['Spiking Things', abstractAbout('spikes')],
        ['Later Paper', abstractAbout('later things')],
      ]),
      'undated.txt': scrape([['Undated Paper', abstractAbout('undated things')]]),
    });
    const result = await ingest(paths);
    expect(result.ok, result.diagnostics.map((d) => d.message).join('\n')).toBe(true);
    expect(page(paths.papers, 'spiking-things').added).toBe('2026-11-28');
    expect(page(paths.papers, 'later-paper').added).toBe('2026-12-05');
    // No dated source: the page has no added date (the build never makes one up).
    expect(page(paths.papers, 'undated-paper').added).toBeUndefined();
    // …and distinct from the date of the first version.
    expect(page(paths.papers, 'spiking-things').published).toBeUndefined();
  });

  it('a provenance time is read as a UTC day, and a bad one is an error that writes nothing', async () => {
    expect(readProvenance('fetched: 2026-12-02T23:59:59Z\n', 'x').provenance?.fetched).toBe('2026-12-02');
    for (const [text, message] of [
      ['fetched: 2026-02-30\n', /not a date/],
      ['fetched: yesterday\n', /not a date/],
      ['query: x\n', /no `fetched` date/],
      ['fetched: [\n', /not valid YAML/],
      ['fetched: 2026-12-02\nadds: 2309.04827\n', /not a list/],
      ['fetched: 2026-12-02\nadds:\n  - not-an-id\n', /"not-an-id" in `adds` is not an arXiv id or DOI/],
    ] as const) {
      expect(
        readProvenance(text, 'x')
          .diagnostics.map((d) => d.message)
          .join(),
        text,
      ).toMatch(message);
    }
    const { paths } = project({
      'a.txt': scrape([['Spiking Things', abstractAbout('spikes')]]),
      'a.txt.provenance.yaml': 'fetched: 2026-13-01\n',
    });
    const result = await ingest(paths);
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ file: 'content/sources/a.txt.provenance.yaml', line: 1 });
    expect(() => readdirSync(paths.papers)).toThrow();
  });

  it('a provenance file without its source is an error', async () => {
    const { paths } = project({
      'a.txt': scrape([['Spiking Things', abstractAbout('spikes')]]),
      'gone.atom.provenance.yaml': 'fetched: 2026-12-02\n',
    });
    const result = await ingest(paths);
    expect(result.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      'content/sources/gone.atom.provenance.yaml: the provenance file belongs to gone.atom, which is not in the folder',
    ]);
  });

  it('writes provenance files it reads back the same', () => {
    const text = serializeProvenance('x.atom', {
      fetched: '2026-12-02T06:00:00Z',
      query: 'arxiv-neurons',
      request: 'https://export.arxiv.org/api/query?search_query=ti%3Aneurons',
      status: 200,
      adds: ['2412.10180', '10.1000/xyz'],
    });
    expect(text).toContain("- '2412.10180'");
    const read = readProvenance(text, 'x').provenance!;
    expect(read.fetched).toBe('2026-12-02');
    expect([...read.adds!]).toEqual(['arxiv:2412.10180', 'doi:10.1000/xyz']);
  });
});

describe('a saved response brings in only the papers it adds', () => {
  it('its other entries are not read: the pages of papers the collection had do not change', async () => {
    const { paths } = project({
      'seed.txt': scrape([
        ['Neurons in Large Language Models: Dead, N-gram, Positional', abstractAbout('dead neurons')],
      ]),
    });
    await ingest(paths);
    const before = readFileSync(path.join(paths.papers, `${VOITA}.mdx`), 'utf8');
    writeFileSync(path.join(paths.sources, '2026-12-02T06-00-00Z_search.atom'), arxivFeed);
    writeFileSync(
      path.join(paths.sources, '2026-12-02T06-00-00Z_search.atom.provenance.yaml'),
      "fetched: 2026-12-02T06:00:00Z\nadds:\n  - '2305.01610'\n",
    );
    const result = await ingest(paths);
    expect(result.ok).toBe(true);
    expect(result.addedSlugs).toEqual([HAYSTACK]);
    expect(readFileSync(path.join(paths.papers, `${VOITA}.mdx`), 'utf8')).toBe(before);
    expect(readdirSync(paths.papers)).not.toContain('dendritic-plateau-potentials-as-gated-memory-in-pyramidal.mdx');
    expect(page(paths.papers, HAYSTACK)).toMatchObject({ arxiv: '2305.01610', added: '2026-12-02' });
  });

  it('an id it lists that the response does not hold is an error', async () => {
    const { paths } = project({
      'feed.atom': arxivFeed,
      'feed.atom.provenance.yaml': "fetched: 2026-12-02\nadds:\n  - '2305.01610'\n  - '2513.09999'\n",
    });
    const result = await ingest(paths);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([
      {
        file: 'content/sources/feed.atom.provenance.yaml',
        entry: '2513.09999',
        message: expect.stringMatching(/holds no such entry/),
      },
    ]);
  });
});

describe('excluded papers', () => {
  const exclusions = (text: string) => readExclusions(text, 'content/excluded.yaml');

  it('reads ids in every form, as text (2412.10180 stays an id), and reports bad entries with their line', () => {
    const { exclusions: read, diagnostics } = exclusions(
      'papers:\n  - id: 2412.10180\n    reason: off-topic\n  - id: arXiv:2309.04827v2\n    reason: dup\n  - id: https://doi.org/10.1000/XYZ\n    reason: not a paper\n',
    );
    expect(diagnostics).toEqual([]);
    expect([...read.keys()]).toEqual(['arxiv:2412.10180', 'arxiv:2309.04827', 'doi:10.1000/xyz']);
    expect(read.get('arxiv:2309.04827')).toMatchObject({ reason: 'dup', line: 4 });
    const bad = exclusions(
      'papers:\n  - id: nonsense\n    reason: x\n  - id: 2309.04827\n  - id: 2309.04827\n    reason: y\n  - id: 2309.04827\n    reason: z\n',
    );
    expect(bad.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '2: "nonsense" is not an arXiv id or DOI',
      '4: the exclusion of 2309.04827 gives no `reason`',
      '7: 2309.04827 is already excluded at line 5',
    ]);
  });

  it('are left out wherever a source names them: excluding a published paper removes its page', async () => {
    const { paths } = project({ 'feed.atom': arxivFeed });
    expect((await ingest(paths)).papers).toBe(3);
    writeFileSync(paths.excluded, 'papers:\n  - id: arXiv:2305.01610\n    reason: Not about neurons after all.\n');
    // A curator's decision about the excluded paper is not an error: it is unused.
    writeFileSync(paths.curation, `papers:\n  ${HAYSTACK}:\n    topic: off-topic\n    why: test\n`);
    const result = await ingest(paths);
    expect(result.ok).toBe(true);
    expect(result.excluded).toBe(1);
    expect(result.written.removed).toBe(1);
    expect(readdirSync(paths.papers)).not.toContain(`${HAYSTACK}.mdx`);
    expect(result.diagnostics.map((d) => d.message)).toContain(
      'the paper is excluded (content/excluded.yaml:2): this decision is not used',
    );
    // The slug stays taken: the paper gets its URL back if the exclusion is lifted.
    expect(JSON.parse(readFileSync(paths.registry, 'utf8')).slugs[HAYSTACK]).toBeDefined();
  });
});

describe('Hugging Face paper responses', () => {
  it('reads the one paper object that /api/papers/<id> returns', () => {
    const object = JSON.stringify({
      id: '2309.04827',
      authors: [{ _id: 'a', name: 'Elena Voita', hidden: false }],
      publishedAt: '2023-09-09T16:34:08.000Z',
      title: 'Neurons in Large Language Models: Dead, N-gram, Positional',
      summary: 'We analyze a family of large language models.',
      upvotes: 17,
    });
    const { papers, diagnostics } = readRecords(decodeSource('content/sources/p.json', Buffer.from(object)).source!);
    expect(diagnostics).toEqual([]);
    expect(papers).toMatchObject([{ arxiv: '2309.04827', authors: ['Elena Voita'], published: '2023-09-09' }]);
  });
});
