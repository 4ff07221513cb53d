/**
 * The readers of arXiv feeds, Hugging Face Papers responses and BibTeX, on fixtures saved in
 * each real format (tests/fixtures/sources/), and on broken files of each.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostics.ts';
import { readRecords } from '../../src/ingest/readers/index.ts';
import { decodeSource } from '../../src/ingest/sources.ts';

const FIXTURES = 'tests/fixtures/sources';
/** Reads a file of text as the ingest would, by its extension. */
function read(name: string, text: string) {
  return readRecords(decodeSource(`content/sources/${name}`, Buffer.from(text)).source!);
}
const fixture = (name: string) => read(name, readFileSync(`${FIXTURES}/${name}`, 'utf8'));

describe('arXiv API feed', () => {
  const { papers, diagnostics } = fixture('arxiv-query.atom');

  it('reads every entry: id without version, titles and summaries unwrapped, dates, authors, category', () => {
    expect(diagnostics).toEqual([]);
    expect(papers.map((p) => p.arxiv)).toEqual(['2309.04827', '2305.01610', '2513.00001']);
    const voita = papers[0]!;
    expect(voita.title).toBe('Neurons in Large Language Models: Dead, N-gram, Positional');
    expect(voita.abstract).toMatch(/^We analyze a family of large language models in such a lightweight manner/);
    expect(voita.abstract).not.toMatch(/\n/);
    expect(voita).toMatchObject({
      format: 'arxiv',
      authors: ['Elena Voita', 'Javier Ferrando', 'Christoforos Nalmpantis'],
      published: '2023-09-09',
      primaryCategory: 'cs.CL',
      doi: '10.18653/v1/2024.findings-acl.75',
      provenance: { file: 'content/sources/arxiv-query.atom', line: 13, entry: '2309.04827' },
    });
    expect(papers[2]).toMatchObject({
      title: 'Dendritic Plateau Potentials as Gated Memory in Pyramidal Neurons: a Fixture',
      // A journal reference names a journal, as given; the venue table resolves it later.
      venue: { name: 'Journal of Fixture Neuroscience 1 (2026) 1-12', kind: 'journal' },
      comment: '12 pages, 4 figures; synthetic fixture entry',
      published: '2025-12-30',
      updated: '2026-02-03',
    });
  });

  it('refuses a DOI that is not one, naming the entry', () => {
    const { diagnostics } = read(
      'doi.atom',
      `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
<entry><id>http://arxiv.org/abs/2309.04827v1</id><title>T</title><summary>S</summary>
<arxiv:doi>10.18653/v1/2024.findings acl.75</arxiv:doi></entry></feed>`,
    );
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^content\/sources\/doi\.atom:2: error: entry "2309\.04827": the DOI .* holds a space/),
    ]);
  });

  it('refuses malformed XML with its line', () => {
    const broken = read(
      'broken.atom',
      '<feed xmlns="http://www.w3.org/2005/Atom">\n<entry>\n<title>x</entry>\n</feed>\n',
    );
    expect(broken.papers).toEqual([]);
    expect(broken.diagnostics).toMatchObject([
      {
        severity: 'error',
        file: 'content/sources/broken.atom',
        line: 3,
        message: expect.stringMatching(/not well-formed XML/),
      },
    ]);
  });

  it('refuses an entry without a title, naming the entry, and keeps the others', () => {
    const feed = readFileSync(`${FIXTURES}/arxiv-query.atom`, 'utf8').replace(
      '<title>Finding Neurons in a Haystack: Case Studies with Sparse Probing</title>',
      '<title>  </title>',
    );
    const { papers, diagnostics } = read('untitled.atom', feed);
    expect(papers.map((p) => p.arxiv)).toEqual(['2309.04827', '2513.00001']);
    expect(diagnostics).toMatchObject([
      { severity: 'error', line: 53, entry: '2305.01610', message: 'the entry has no title' },
    ]);
  });

  it('reports an arXiv API error feed and an XML file that is not a feed', () => {
    const error = read(
      'error.atom',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>',
    );
    expect(error.diagnostics[0]?.message).toMatch(/arXiv API error: incorrect id format for 1234/);
    expect(read('page.xml', '<html><body/></html>').diagnostics[0]?.message).toMatch(/not an Atom feed/);
  });
});

describe('Hugging Face Papers JSON', () => {
  const { papers, diagnostics } = fixture('daily-papers.json');

  it('reads each item’s paper: arXiv id, authors, date, code; drops a non-http link with a warning', () => {
    expect(papers.map((p) => p.arxiv)).toEqual(['2309.04827', '2513.00002']);
    expect(papers[0]).toMatchObject({
      format: 'huggingface',
      authors: ['Elena Voita', 'Javier Ferrando', 'Christoforos Nalmpantis'],
      published: '2023-09-09',
      provenance: { file: 'content/sources/daily-papers.json', entry: '2309.04827' },
    });
    expect(papers[1]).toMatchObject({ code: ['https://github.com/example/grid-neurons'] });
    expect(papers[1]).not.toHaveProperty('projectPage');
    expect(diagnostics).toMatchObject([
      {
        severity: 'warning',
        entry: '2513.00002',
        message: expect.stringMatching(/projectPage "javascript:alert\('hf'\)" is not an http\(s\) URL; dropped/),
      },
    ]);
    expect(diagnostics[0]!.line).toBeGreaterThan(1);
  });

  it('refuses JSON that holds no papers, invalid JSON (with its line) and an item without a title', () => {
    expect(read('empty.json', '[]\n').diagnostics).toMatchObject([
      { severity: 'error', message: expect.stringMatching(/holds no papers/) },
    ]);
    expect(read('object.json', '{"status": "ok"}').diagnostics).toMatchObject([
      { severity: 'error', message: expect.stringMatching(/holds no papers/) },
    ]);
    expect(read('invalid.json', '[\n  {"paper": {"id": "2309.04827",}\n]\n').diagnostics).toMatchObject([
      { severity: 'error', line: 2, message: expect.stringMatching(/not valid JSON/) },
    ]);
    const untitled = read('untitled.json', '[\n  {"paper": {"id": "2309.04827", "title": ""}}\n]\n');
    expect(untitled.diagnostics).toMatchObject([
      { severity: 'error', line: 2, entry: '2309.04827', message: 'the paper has no title' },
    ]);
  });
});

describe('BibTeX (Zotero, Google Scholar, arXiv exports)', () => {
  const { papers, diagnostics } = fixture('zotero-export.bib');

  it('decodes names and LaTeX, finds the arXiv id in eprint, url or journal, ignores the arXiv DOI', () => {
    expect(papers.map((p) => p.provenance.entry)).toEqual([
      'gurnee_finding_2023',
      'voita2023neurons',
      'dupre_zoom_2026',
    ]);
    expect(papers[0]).toMatchObject({
      title: 'Finding Neurons in a Haystack: Case Studies with Sparse Probing',
      arxiv: '2305.01610',
      published: '2023-05',
      authors: [
        'Wes Gurnee',
        'Neel Nanda',
        'Matthew Pauly',
        'Katherine Harvey',
        'Dmitrii Troitskii',
        'Dimitris Bertsimas',
      ],
    });
    expect(papers[0]).not.toHaveProperty('doi');
    expect(papers[1]).toMatchObject({ arxiv: '2309.04827', published: '2023' });
    expect(papers[1]).not.toHaveProperty('venue');
    expect(papers[2]).toMatchObject({
      title: 'Zoom In on Neuron Morphology: a Fixture for BibTeX Names',
      authors: ['Jean-Luc Dupré', 'Jörg Müller', 'Anneke van der Berg'],
      doi: '10.5555/fixture.0001',
      // @article: the journal, with the entry's year, volume and pages.
      venue: { name: 'Journal of Fixture Neuroscience', kind: 'journal', year: '2026', volume: '7', pages: '1–9' },
      published: '2026-01',
      provenance: { line: 23 },
    });
    expect(papers[2]).not.toHaveProperty('abstract');
    expect(diagnostics).toEqual([]);
  });

  it('keeps < and > as the characters they are and drops the parser’s own markup', () => {
    const { papers } = read(
      'lt.bib',
      '@misc{x, title = {When p < 0.05 and \\emph{spikes} > 3}, abstract = {A <script>alert(1)</script> tag.}}',
    );
    expect(papers[0]).toMatchObject({
      title: 'When p < 0.05 and spikes > 3',
      abstract: 'A <script>alert(1)</script> tag.',
    });
  });

  it('refuses a syntax error and an entry without a title, naming file, line and entry, and keeps the rest', () => {
    const text =
      '@article{good, title = {Good Paper}}\n\n@article{broken,\n  title = {Broken\n  author = {X}\n}\n@misc{untitled, author = {A, B}}\n';
    const { papers, diagnostics } = read('broken.bib', text);
    expect(papers.map((p) => p.title)).toEqual(['Good Paper']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^content\/sources\/broken\.bib:3: error: entry "broken": BibTeX syntax error/),
      expect.stringMatching(/^content\/sources\/broken\.bib:7: error: entry "untitled": the entry has no title/),
    ]);
  });

  it('reads a published paper: @inproceedings is proceedings, its year the venue’s, origdate the first version', () => {
    const { papers, diagnostics } = read(
      'published.bib',
      `@inproceedings{a, title = {A}, booktitle = {International Conference on Learning Representations}, year = {2024},
         origdate = {2021-02-18}, eprint = {2102.09407}, archivePrefix = {arXiv}}
       @article{b, title = {B}, journal = {Neural Computation}, year = {2025}, volume = {37}, number = {4},
         pages = {701--741}, eprint = {2406.16453}, archivePrefix = {arXiv}}
       @article{c, title = {C}, journal = {CoRR}, year = {2023}, eprint = {2309.04827}}
       @conference{d, title = {D}, booktitle = {ICML}, year = {2023}}`,
    );
    expect(diagnostics).toEqual([]);
    expect(papers[0]).toMatchObject({
      venue: { name: 'International Conference on Learning Representations', kind: 'conference', year: '2024' },
      published: '2021-02-18',
    });
    // Without origdate the arXiv id tells the month of the first version; the entry's year is the journal's.
    expect(papers[1]).toMatchObject({
      venue: { name: 'Neural Computation', kind: 'journal', year: '2025', volume: '37', issue: '4', pages: '701–741' },
      published: '2024-06',
    });
    // DBLP's CoRR is arXiv itself, not a venue.
    expect(papers[2]).not.toHaveProperty('venue');
    expect(papers[3]).toMatchObject({ venue: { name: 'ICML', kind: 'conference', year: '2023' }, published: '2023' });
  });

  it('reads identifiers and links verbatim, and refuses a DOI or URL that keeps a BibTeX escape', () => {
    const { papers, diagnostics } = read(
      'escaped.bib',
      `@article{ok, title = {Fine}, doi = {10.1162/neco_a_01744}, code = {https://github.com/a/b_c}}

@article{escaped,
  title = {Escaped},
  doi = {10.1162/neco\\_a\\_01744},
  url = {https://doi.org/10.1162/neco\\_a\\_01744},
  code = {https://github.com/a/b\\_c}
}
@misc{spaced, title = {Spaced}, doi = {10.1000/a b}}
@misc{bare, title = {Bare}, doi = {neco_a_01744}}`,
    );
    expect(papers[0]).toMatchObject({ doi: '10.1162/neco_a_01744', code: ['https://github.com/a/b_c'] });
    expect(papers[1]).not.toHaveProperty('doi');
    expect(papers[1]).not.toHaveProperty('code');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        /^content\/sources\/escaped\.bib:3: error: entry "escaped": the DOI "10\.1162\/neco\\\\_a\\\\_01744" is not a DOI: it holds a backslash.*\n  → Write it as `10\.<registrant>\/<suffix>`\. `doi` is verbatim in biblatex/,
      ),
      expect.stringMatching(
        /^content\/sources\/escaped\.bib:3: error: entry "escaped": url ".*" holds a backslash\n  → `url` is verbatim/,
      ),
      expect.stringMatching(/^content\/sources\/escaped\.bib:3: error: entry "escaped": code ".*" holds a backslash/),
      expect.stringMatching(
        /escaped\.bib:9: error: entry "spaced": the DOI "10\.1000\/a b" is not a DOI: it holds a space/,
      ),
      expect.stringMatching(
        /escaped\.bib:10: error: entry "bare": the DOI "neco_a_01744" is not a DOI: it does not start with `10\./,
      ),
    ]);
  });

  it('refuses a file with no entries', () => {
    expect(read('none.bib', '% nothing here\n').diagnostics).toMatchObject([
      { severity: 'error', message: expect.stringMatching(/no BibTeX entries/) },
    ]);
  });
});

describe('untrusted metadata', () => {
  it('strips bidi controls and zero-width characters from titles and names, in every format', () => {
    const bib = read('bidi.bib', '@misc{x, title = {Neurons \u202Eesrever\u202C}, author = {Vo\u200Bita, Elena}}')
      .papers[0]!;
    expect(bib.title).toBe('Neurons esrever');
    expect(bib.authors).toEqual(['Elena Voita']);
    const hf = read(
      'bidi.json',
      JSON.stringify([{ paper: { id: '2309.04827', title: 'A\u2066 B\u2069', authors: [{ name: 'E\u200Dlena' }] } }]),
    ).papers[0]!;
    expect([hf.title, hf.authors]).toEqual(['A B', ['Elena']]);
  });

  it('drops a javascript: link of a feed with a warning', () => {
    const feed = readFileSync(`${FIXTURES}/arxiv-query.atom`, 'utf8').replace(
      'https://arxiv.org/pdf/2513.00001v3',
      'javascript:alert(1)',
    );
    const { diagnostics } = read('js.atom', feed);
    expect(diagnostics).toMatchObject([
      { severity: 'warning', entry: '2513.00001', message: expect.stringMatching(/javascript:alert\(1\).*dropped/) },
    ]);
  });
});
