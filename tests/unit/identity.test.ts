/**
 * Papers from several sources are one paper: merged by arXiv id, DOI or title, fields taken by
 * the documented precedence, disagreements warned about, URLs kept. And the seed's identities.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import jsyaml from 'js-yaml';
import { arxivYearMonth, doi, doiProblem } from '../../src/lib/identifiers.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { splitPage } from '../../src/lib/page-file.ts';
import { mergePapers } from '../../src/ingest/merge.ts';
import { readRecords } from '../../src/ingest/readers/index.ts';
import type { SourceRecord } from '../../src/ingest/record.ts';
import { decodeSource } from '../../src/ingest/sources.ts';
import { ROOT, scratchProject } from '../support/project.ts';

const read = (dir: string, name: string) => readFileSync(path.join(ROOT, dir, name), 'utf8');
/** The seed's sources (the scrape, its provenance, its identities); not what updates added since. */
const SEED = Object.fromEntries(
  readdirSync(path.join(ROOT, 'content/sources'))
    .filter((n) => /^00[01]_/.test(n))
    .map((n) => [n, read('content/sources', n)]),
);
const FIXTURES = Object.fromEntries(
  readdirSync(path.join(ROOT, 'tests/fixtures/sources')).map((n) => [n, read('tests/fixtures/sources', n)]),
);

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function project(sources: Record<string, string>) {
  const p = scratchProject(sources);
  cleanups.push(p.cleanup);
  writeFileSync(p.paths.registry, read('content', 'slugs.json'));
  return p;
}
/** The frontmatter of a generated page. */
function frontmatter(dir: string, slug: string): Record<string, unknown> {
  return jsyaml.load(splitPage(readFileSync(path.join(dir, `${slug}.mdx`), 'utf8'))!.yaml, {
    schema: jsyaml.CORE_SCHEMA,
  }) as Record<string, unknown>;
}

describe('one paper from every source', () => {
  it('merges the scrape, the seed BibTeX, an arXiv feed, Hugging Face and Zotero into one page per paper', async () => {
    const { paths } = project({ ...SEED, ...FIXTURES });
    const result = await ingest(paths);
    expect(result.ok).toBe(true);
    // 119 seed papers + 2 new from the feed and Hugging Face + 1 from BibTeX, nothing twice.
    expect(readdirSync(paths.papers)).toHaveLength(122);
    const voita = frontmatter(paths.papers, 'neurons-in-large-language-models-dead-n-gram-positional');
    expect(voita).toMatchObject({
      title: 'Neurons in Large Language Models: Dead, N-gram, Positional',
      authors: ['Elena Voita', 'Javier Ferrando', 'Christoforos Nalmpantis'],
      published: '2023-09-09',
      arxiv: '2309.04827',
      doi: '10.18653/v1/2024.findings-acl.75',
      primaryCategory: 'cs.CL',
    });
    expect((voita.provenance as { file: string }[]).map((p) => p.file)).toEqual([
      'content/sources/000_bfef83f9b2ef0b4d.txt',
      'content/sources/001_seed-identity.bib',
      'content/sources/arxiv-query.atom',
      'content/sources/daily-papers.json',
      'content/sources/zotero-export.bib',
    ]);
    // The arXiv abstract's $k$ is a formula now; the page keeps its slug.
    const gurnee = readFileSync(
      path.join(paths.papers, 'finding-neurons-in-a-haystack-case-studies-with-sparse-probing.mdx'),
      'utf8',
    );
    expect(gurnee).toContain('We train $k$-sparse linear classifiers');
    // No seed paper's URL changed: every committed seed page's slug still names a page.
    const committed = readdirSync(path.join(ROOT, 'content/papers'))
      .filter((name) => read('content/papers', name).includes('file: content/sources/000_bfef83f9b2ef0b4d.txt'))
      .map((name) => name.replace(/\.mdx$/, ''));
    expect(committed.length).toBeGreaterThanOrEqual(100);
    for (const slug of committed) expect(existsSync(path.join(paths.papers, `${slug}.mdx`)), slug).toBe(true);
  });

  it('gives a new paper without an abstract a page of its identity, with a warning', async () => {
    const { paths } = project({ 'fixture.bib': FIXTURES['zotero-export.bib']! });
    const result = await ingest(paths);
    const dupre = frontmatter(paths.papers, 'zoom-in-on-neuron-morphology-a-fixture-for-bibtex-names');
    expect(dupre).toMatchObject({
      abstract: '',
      authors: ['Jean-Luc Dupré', 'Jörg Müller', 'Anneke van der Berg'],
      doi: '10.5555/fixture.0001',
      description: 'Zoom In on Neuron Morphology: a Fixture for BibTeX Names by Jean-Luc Dupré et al. (2026).',
    });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        entry: 'dupre_zoom_2026',
        message: expect.stringMatching(/no source gives an abstract/),
      }),
    );
  });

  it('warns where sources disagree, names both places, and shows the winner by precedence', async () => {
    const wrong =
      '@misc{wrong, title = {Neurons in Large Language Models: Dead, N-gram, Positional}, author = {Voita, Elena}, eprint = {2309.04827}, archivePrefix = {arXiv}, date = {2023-10-01}}\n';
    const { paths } = project({ ...SEED, 'arxiv-query.atom': FIXTURES['arxiv-query.atom']!, 'zz-wrong.bib': wrong });
    const result = await ingest(paths);
    expect(result.ok).toBe(true);
    const warnings = result.diagnostics.filter((d) => d.file === 'content/sources/zz-wrong.bib').map((d) => d.message);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^the author list differs from the arXiv feed at content\/sources\/arxiv-query\.atom:13 \(2309\.04827\): .*"Elena Voita" here.*the page shows the arXiv feed's$/,
      ),
      expect.stringMatching(
        /^the date of the first version differs from the arXiv feed at .*"2023-10-01" here, "2023-09-09" there/,
      ),
    ]);
    const voita = frontmatter(paths.papers, 'neurons-in-large-language-models-dead-n-gram-positional');
    expect(voita.authors).toHaveLength(3);
  });

  it('keeps every slug when papers are added, and adds the new ones after', async () => {
    const { paths } = project(SEED);
    await ingest(paths);
    const before = readdirSync(paths.papers);
    writeFileSync(path.join(paths.sources, 'zz.atom'), FIXTURES['arxiv-query.atom']!);
    await ingest(paths);
    const after = readdirSync(paths.papers);
    expect(after.filter((name) => !before.includes(name))).toEqual([
      'dendritic-plateau-potentials-as-gated-memory-in-pyramidal.mdx',
    ]);
    expect(before.every((name) => after.includes(name))).toBe(true);
  });
});

describe('bad input in any format', () => {
  it.each([
    [
      'broken.atom',
      '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>x</entry></feed>',
      /broken\.atom:2: error: the file is not well-formed XML/,
    ],
    [
      'broken.bib',
      '@article{a,\n  title = {Unclosed\n}\n@misc{b, title = {B}}',
      /broken\.bib:1: error: entry "a": BibTeX syntax error/,
    ],
    ['empty.json', '{"papers": []}', /empty\.json:1: error: the JSON holds no papers/],
    [
      'untitled.bib',
      '@misc{notitle, author = {Voita, Elena}}',
      /untitled\.bib:1: error: entry "notitle": the entry has no title/,
    ],
  ])('%s is refused with its place, exit 1, and nothing is written', async (name, text, expected) => {
    const { paths } = project({ ...SEED, [name]: text });
    const result = await ingest(paths);
    expect(result.ok).toBe(false);
    const { formatDiagnostic } = await import('../../src/ingest/diagnostics.ts');
    expect(result.diagnostics.map(formatDiagnostic).join('\n')).toMatch(expected);
    expect(existsSync(paths.papers)).toBe(false);
  });

  it('refuses two arXiv ids for one DOI', () => {
    const record = (arxiv: string): SourceRecord => ({
      format: 'bibtex',
      provenance: { file: 'x.bib', line: 1, entry: arxiv },
      title: `Paper ${arxiv}`,
      arxiv,
      doi: '10.5555/same',
    });
    const { diagnostics, papers } = mergePapers([record('2309.04827'), record('2305.01610')]);
    expect(papers).toHaveLength(1);
    expect(diagnostics).toMatchObject([
      {
        severity: 'error',
        entry: '2305.01610',
        message: expect.stringMatching(/DOI 10\.5555\/same belongs to arXiv 2309\.04827/),
      },
    ]);
  });
});

describe('the seed identified (content/sources/001_seed-identity.bib)', () => {
  const { papers, diagnostics } = readRecords(
    decodeSource('content/sources/001_seed-identity.bib', Buffer.from(SEED['001_seed-identity.bib']!)).source!,
  );

  it('identifies at least 110 of the 119 seed papers by arXiv id, with authors and a date', () => {
    expect(diagnostics).toEqual([]);
    expect(papers.filter((p) => p.arxiv && p.authors?.length && p.published).length).toBeGreaterThanOrEqual(110);
    expect(new Set(papers.map((p) => p.arxiv)).size).toBe(papers.length);
  });

  it('dates every paper in the month its arXiv id was assigned', () => {
    // arXiv assigns YYMM when a paper is submitted; one sent after a month's last cutoff (the
    // month's last day, evening) gets the next month's id. Neuroformer: 31 Oct 2023, 2311.00136.
    const wrong = papers.filter((paper) => {
      const { year, month } = arxivYearMonth(paper.arxiv!);
      const [y, m, d] = paper.published!.split('-').map(Number);
      if (y === year && m === month) return false;
      const lastDayOfMonthBefore = new Date(Date.UTC(year, month - 1, 0)).getUTCDate();
      const monthBefore = month === 1 ? { y: year - 1, m: 12 } : { y: year, m: month - 1 };
      return !(y === monthBefore.y && m === monthBefore.m && d === lastDayOfMonthBefore);
    });
    expect(wrong.map((p) => `${p.arxiv} ${p.published}`)).toEqual([]);
  });
});

describe('DOI syntax', () => {
  it.each([
    ['10.1162/neco_a_01744', undefined],
    ['https://doi.org/10.1007/978-3-031-44207-0_31', undefined],
    ['doi:10.1002/(SICI)1097-4636(199706)35:4<465::AID-JBM7>3.0.CO;2-X', undefined],
    ['10.1000.10/123', undefined],
    ['10.1162/neco\\_a\\_01744', /backslash/],
    ['10.1000/a b', /space/],
    ['10.12/x', /does not start with `10\.<registrant>\/`/],
    ['neco_a_01744', /does not start/],
    ['10.1000/a\u0007', /control character/],
  ])('%j: %s', (raw, problem) => {
    if (problem) {
      expect(doiProblem(raw)).toMatch(problem);
      expect(doi(raw)).toBeUndefined();
    } else {
      expect(doiProblem(raw)).toBeUndefined();
      expect(doi(raw)).toMatch(/^10\./);
    }
  });
});
