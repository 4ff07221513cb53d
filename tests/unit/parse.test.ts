import { describe, expect, it } from 'vitest';
import { looksLikeTitle, MAX_LINE_LENGTH, readScrape } from '../../src/ingest/readers/scrape.ts';
import { decodeSource } from '../../src/ingest/sources.ts';
import { abstractAbout, scrape } from '../support/project.ts';

const parse = (text: string) =>
  readScrape({
    file: 'x.txt',
    format: 'scrape',
    text,
    lines: text.split('\n').filter((_, i, a) => i < a.length - 1 || _ !== ''),
  });

describe('readScrape', () => {
  it('drops the header lines and the glued "Subscribe", keeping title line numbers', () => {
    const { papers, diagnostics } = parse(
      scrape([
        ['First Title', abstractAbout('a')],
        ['Second Title', abstractAbout('b')],
      ]),
    );
    expect(diagnostics).toEqual([]);
    expect(papers.map((p) => [p.title, p.provenance.line])).toEqual([
      ['First Title', 3],
      ['Second Title', 5],
    ]);
  });

  it('accepts a title with a question mark (seed: “Which Neurons Matter in IR? Applying…”)', () => {
    expect(
      looksLikeTitle(
        'Which Neurons Matter in IR? Applying Integrated Gradients-based Methods to Understand Cross-Encoders',
      ),
    ).toBe(true);
    expect(looksLikeTitle(abstractAbout('x'))).toBe(false);
  });
});

// Each bad input: the text, the line the error must name, and words the message must contain.
const badInputs: [string, string, number, RegExp][] = [
  ['an empty file', '', 0, /contains no papers/],
  ['only the header', 'Get trending papers in your email inbox!\n', 0, /contains no papers/],
  [
    'an odd number of lines',
    scrape([['A Title', abstractAbout('a')]]) + 'Dangling Title\n',
    5,
    /"Dangling Title" has no abstract \(the file ends/,
  ],
  [
    'a title with no abstract',
    scrape([['Lonely Title', abstractAbout('a')]]).replace('Lonely Title\n', 'Lonely Title\nAnother Title\n'),
    3,
    /"Lonely Title" has no abstract \(the next line is another title\)/,
  ],
  [
    'an abstract with no title',
    scrape([['T', abstractAbout('a')]]) + abstractAbout('b') + '\n',
    5,
    /expected a title but found an abstract-like line/,
  ],
  ['a garbled line (control character)', scrape([['Broken\u0007 Title', abstractAbout('a')]]), 3, /garbled .*U\+0007/],
  ['a garbled line (mojibake)', scrape([['Pad\u00c3\u00a9 Approximants', abstractAbout('a')]]), 3, /garbled/],
  [
    'an absurdly long line',
    scrape([['A Title', 'x'.repeat(MAX_LINE_LENGTH + 1)]]),
    4,
    /characters long \(the limit is 20,000\)/,
  ],
];

describe('bad input', () => {
  it.each(badInputs)('%s is an error naming the line', (_name, text, line, message) => {
    const { diagnostics } = parse(text);
    const error = diagnostics.find((d) => d.severity === 'error');
    expect(error, JSON.stringify(diagnostics)).toBeDefined();
    expect(error!.line).toBe(line);
    expect(error!.message).toMatch(message);
    expect(error!.hint.length).toBeGreaterThan(10);
  });

  it('a blank line is a warning, and the papers around it survive', () => {
    const text = scrape([
      ['One', abstractAbout('a')],
      ['Two', abstractAbout('b')],
    ]).replace(/\nTwo\n/, '\n\nTwo\n');
    const { papers, diagnostics } = parse(text);
    expect(diagnostics).toMatchObject([{ severity: 'warning', line: 5, message: 'blank line skipped' }]);
    expect(papers.map((p) => p.title)).toEqual(['One', 'Two']);
  });

  it('one bad record does not hide the good ones after it', () => {
    const text = scrape([
      ['Good One', abstractAbout('a')],
      ['Bad\u0000 One', abstractAbout('b')],
      ['Good Two', abstractAbout('c')],
    ]);
    const { papers, diagnostics } = parse(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
    expect(papers.map((p) => p.title)).toEqual(['Good One', 'Good Two']);
  });

  it('invalid UTF-8 is an error naming the line, not a silent replacement character', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Title\nAbs '), 0xff, 0xfe, 0x0a]);
    const { source, diagnostics } = decodeSource('bad.txt', bytes);
    expect(source).toBeUndefined();
    expect(diagnostics).toMatchObject([
      { severity: 'error', file: 'bad.txt', line: 2, message: 'the file is not valid UTF-8' },
    ]);
  });
});
