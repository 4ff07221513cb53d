/**
 * Venues come from one table (content/venues.yaml): every spelling a source uses finds its entry,
 * the page gets the table's name, kind and the year apart; unknown venues are shown as given with
 * a warning; a broken table stops the ingest on its line; a change to the table rebuilds pages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostics.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import type { SourceRecord } from '../../src/ingest/record.ts';
import { parseVenues, resolveVenue, resolveVenues } from '../../src/ingest/venues.ts';
import { splitPage } from '../../src/lib/page-file.ts';
import { venueLabel } from '../../src/lib/venues.ts';
import { ROOT, scratchProject } from '../support/project.ts';

const TABLE_TEXT = readFileSync(path.join(ROOT, 'content/venues.yaml'), 'utf8');
const { table, diagnostics: tableDiagnostics } = parseVenues(TABLE_TEXT, 'content/venues.yaml');

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

describe('the venue table', () => {
  it('is valid, and every venue has a kind and one name', () => {
    expect(tableDiagnostics).toEqual([]);
    expect(table.venues.length).toBeGreaterThan(25);
    expect(new Set(table.venues.map((v) => v.name)).size).toBe(table.venues.length);
  });

  it.each([
    ['ICLR 2024', 'International Conference on Learning Representations', '2024'],
    ['International Conference on Learning Representations (ICLR 2024)', undefined, undefined],
    [
      'Advances in Neural Information Processing Systems',
      'Conference on Neural Information Processing Systems',
      undefined,
    ],
    ['NeurIPS 2025', 'Conference on Neural Information Processing Systems', '2025'],
    [
      'Proceedings of the 62nd Annual Meeting of the Association for Computational Linguistics',
      'Annual Meeting of the Association for Computational Linguistics',
      undefined,
    ],
    ["ICTIR '24", 'ACM SIGIR International Conference on the Theory of Information Retrieval', '2024'],
    ['ICTIR ‘24', 'ACM SIGIR International Conference on the Theory of Information Retrieval', '2024'],
    ['PLoS Computational Biology', 'PLOS Computational Biology', undefined],
    ['the european physical journal plus', 'The European Physical Journal Plus', undefined],
    ['Journal of Fixture Neuroscience', undefined, undefined],
  ])('%j is %j in %j', (text, name, year) => {
    const found = resolveVenue(table, text);
    expect(found?.entry.name).toBe(name);
    expect(found?.year).toBe(year);
  });

  it('refuses a broken table on the line of the broken entry', () => {
    const broken = `venues:
  - name: Good Conference
    short: GC
    kind: conference
  - name: Bad Kind
    kind: symposium
  - name: Twice
    kind: journal
    aliases: [GC]
  - name: Odd
    kind: journal
    acronym: O
`;
    expect(parseVenues(broken, 'content/venues.yaml').diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /^content\/venues\.yaml:5: error: the venue "Bad Kind" has kind "symposium"\n  → Set `kind:` to one of conference, journal, workshop/,
      ),
      expect.stringMatching(/^content\/venues\.yaml:7: error: "GC" names both "Good Conference" and "Twice"/),
      expect.stringMatching(/^content\/venues\.yaml:10: error: the venue "Odd" has unknown fields: acronym/),
    ]);
    expect(parseVenues('venues: [\n', 'v.yaml').diagnostics[0]).toMatchObject({ severity: 'error', file: 'v.yaml' });
  });
});

describe('each record gets the table’s venue', () => {
  const record = (venue: SourceRecord['venue'], entry: string): SourceRecord => ({
    format: 'bibtex',
    provenance: { file: 'content/sources/x.bib', line: 3, entry },
    title: 'T',
    ...(venue && { venue }),
  });

  it('names, kind and year from the table; the source’s volume and pages kept; unknown ones warned about', () => {
    const records = [
      record({ name: 'ICLR 2024', kind: 'journal' }, 'typed-wrong'),
      record({ name: 'Neural Computation', kind: 'journal', year: '2025', volume: '37', pages: '701–741' }, 'journal'),
      record({ name: 'Journal of Fixture Neuroscience', kind: 'journal', year: '2026' }, 'unknown'),
    ];
    const diagnostics = resolveVenues(records, table);
    expect(records.map((r) => r.venue)).toEqual([
      { name: 'International Conference on Learning Representations', short: 'ICLR', kind: 'conference', year: '2024' },
      {
        name: 'Neural Computation',
        short: 'Neural Comput.',
        kind: 'journal',
        year: '2025',
        volume: '37',
        pages: '701–741',
      },
      { name: 'Journal of Fixture Neuroscience', kind: 'journal', year: '2026' },
    ]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /^content\/sources\/x\.bib:3: warning: entry "typed-wrong": the entry cites "International Conference on Learning Representations" as a journal, but it is a conference.*\n  → Make it `@inproceedings`/,
      ),
      expect.stringMatching(
        /^content\/sources\/x\.bib:3: warning: entry "unknown": the venue "Journal of Fixture Neuroscience" is not in content\/venues\.yaml; the page shows it as given\n  → Add the venue/,
      ),
    ]);
  });

  it('labels a venue one way: full name, the acronym of a conference, the year', () => {
    const [iclr, neco] = [
      {
        name: 'International Conference on Learning Representations',
        short: 'ICLR',
        kind: 'conference' as const,
        year: '2024',
      },
      { name: 'Neural Computation', short: 'Neural Comput.', kind: 'journal' as const, year: '2025' },
    ];
    expect(venueLabel(iclr)).toBe('International Conference on Learning Representations (ICLR), 2024');
    expect(venueLabel(neco)).toBe('Neural Computation, 2025');
  });
});

describe('the seed', () => {
  it('names every seed venue from the table and types every published paper by it', async () => {
    const sources = {
      '001_seed-identity.bib': readFileSync(path.join(ROOT, 'content/sources/001_seed-identity.bib'), 'utf8'),
    };
    const project = scratchProject(sources);
    cleanups.push(project.cleanup);
    const result = await ingest(project.paths);
    expect(result.ok).toBe(true);
    expect(result.diagnostics.filter((d) => /venue|cites/.test(d.message))).toEqual([]);
  });

  it('builds every page again when the table changes', async () => {
    const project = scratchProject({
      'a.bib':
        '@inproceedings{a, title = {A Paper on Neurons}, booktitle = {ICLR}, year = {2024}, eprint = {2309.08600}}\n',
    });
    cleanups.push(project.cleanup);
    await ingest(project.paths);
    const keys = () => JSON.parse(readFileSync(project.paths.cache, 'utf8')) as Record<string, { inputs: string }>;
    const before = keys();
    const page = path.join(project.paths.papers, 'a-paper-on-neurons.mdx');
    const venue = () => (jsyaml.load(splitPage(readFileSync(page, 'utf8'))!.yaml) as { venue: unknown }).venue;
    expect(venue()).toEqual({
      name: 'International Conference on Learning Representations',
      short: 'ICLR',
      kind: 'conference',
      year: '2024',
    });
    // A new comment changes no venue, but the table is an input of every page.
    writeFileSync(project.paths.venues, `# edited\n${TABLE_TEXT}`);
    await ingest(project.paths);
    expect(keys()['a-paper-on-neurons.mdx']!.inputs).not.toBe(before['a-paper-on-neurons.mdx']!.inputs);
    writeFileSync(
      project.paths.venues,
      TABLE_TEXT.replace('name: International Conference on Learning Representations', 'name: The ICLR Conference'),
    );
    await ingest(project.paths);
    expect(venue()).toMatchObject({ name: 'The ICLR Conference', short: 'ICLR' });
  });
});
