import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findStrippedMath } from '../../src/ingest/clean/stripped-math.ts';
import { cleanAbstract, cleanTitle, codeLinks, inlineText, trimUrl } from '../../src/ingest/clean/segments.ts';

const seedLines = readFileSync('content/sources/000_bfef83f9b2ef0b4d.txt', 'utf8').split('\n');
/** The abstract of the paper whose title line is `titleLine` (1-based) in the seed. */
const seedAbstract = (titleLine: number) => seedLines[titleLine]!;

describe('stripped math', () => {
  it('restores the APTx formula and its parameters from the seed', () => {
    const pieces = findStrippedMath(
      'follows the functional form y = sum_{i=1}^{n} ((alpha_i + tanh(beta_i x_i)) cdot gamma_i x_i) + delta, where all parameters alpha_i, beta_i, gamma_i, and delta are trainable.',
    );
    expect(pieces.filter((p) => p.kind === 'math').map((p) => p.tex)).toEqual([
      'y = \\sum_{i=1}^{n} ((\\alpha_i + \\tanh(\\beta_i x_i)) \\cdot \\gamma_i x_i) + \\delta',
      '\\alpha_i',
      '\\beta_i',
      '\\gamma_i',
      '\\delta',
    ]);
  });

  it.each([
    ['exact ell_1 recoverability', ['\\ell_1']],
    ['We do explain the delta rule, a learning algorithm', []],
    ['With k=1, we localize individual neurons', []],
    ['(i) individual neurons; (ii) layer representation', []],
  ])('%j → %j', (text, expected) => {
    expect(
      findStrippedMath(text)
        .filter((p) => p.kind === 'math')
        .map((p) => p.tex),
    ).toEqual(expected);
  });

  it('counts only Greek letter names as math when alone: "sum" and "ell" stay English', () => {
    // `ell` and `sum` were once counted as Greek letters, so a sentence with a formula lost its words.
    const pieces = findStrippedMath('We weight each alpha_i and then sum them, with ell as the loss, delta too.');
    expect(pieces.filter((p) => p.kind === 'math').map((p) => p.tex)).toEqual(['\\alpha_i', '\\delta']);
  });

  it('gives back the text exactly around formulas', () => {
    const text = 'a form y = sum_{i} x_i + b, and ell_1 norms.';
    const joined = findStrippedMath(text)
      .map((p) => (p.kind === 'text' ? p.value : `$${p.tex}$`))
      .join('');
    expect(joined).toBe('a form $y = \\sum_{i} x_i + b$, and $\\ell_1$ norms.');
  });
});

describe('delimited math (arXiv abstracts)', () => {
  it.each([
    ['We train $k$-sparse probes', ['k']],
    ['the $\\ell_1$ norm and $x^2 + y$', ['\\ell_1', 'x^2 + y']],
    ['It costs $5 and $6 in all', []],
    ['a \\$ sign and $ 5 $ stay prose', []],
  ])('%j → %j', (text, expected) => {
    const math = cleanAbstract(text)
      .flat()
      .filter((p) => p.kind === 'math')
      .map((p) => (p.kind === 'math' ? p.tex : ''));
    expect(math).toEqual(expected);
  });
});

describe('URLs', () => {
  it.each([
    ['https://github.com/explanare/ravel.', 'https://github.com/explanare/ravel'],
    ['https://github.com/dipkmr/train-nn-wobp/', 'https://github.com/dipkmr/train-nn-wobp/'],
    ['https://example.org/a_(b))', 'https://example.org/a_(b)'],
    ['https://example.org/x),', 'https://example.org/x'],
  ])('trims %j to %j', (url, expected) => expect(trimUrl(url)).toBe(expected));

  it('keeps the full stop of the sentence outside the link (seed: RAVEL)', () => {
    const [paragraph] = cleanAbstract('We release our benchmark at https://github.com/explanare/ravel.');
    expect(paragraph).toEqual([
      { kind: 'text', value: 'We release our benchmark at ' },
      { kind: 'link', url: 'https://github.com/explanare/ravel' },
      { kind: 'text', value: '.' },
    ]);
  });

  it('records GitHub links as code, normalised', () => {
    const blocks = cleanAbstract(
      'Code: https://github.com/dmis-lab/Monet. Data: https://example.org/d and https://github.com/a/b.git',
    );
    expect(codeLinks(blocks)).toEqual(['https://github.com/dmis-lab/Monet', 'https://github.com/a/b']);
  });
});

describe('footnotes', () => {
  it('turns the seed’s unclosed \\footnote into a footnote and keeps the rest of the abstract', () => {
    const blocks = cleanAbstract(seedAbstract(33));
    const paragraph = blocks[0]!;
    const footnote = paragraph.find((p) => p.kind === 'footnote');
    expect(footnote).toBeDefined();
    expect(inlineText(footnote!.kind === 'footnote' ? footnote!.children : [])).toBe(
      'A concept represents a coherent fragment of knowledge, such as “a class containing certain objects as elements, where the objects have certain properties.”',
    );
    expect(inlineText(paragraph)).toContain('neuron-localized concepts. We made the code publicly available');
  });

  it('ends a closed footnote at its brace (made up)', () => {
    const [paragraph] = cleanAbstract('Main text\\footnote{A {nested} note.} continues here.');
    expect(paragraph!.map((p) => p.kind)).toEqual(['text', 'footnote', 'text']);
    expect(inlineText(paragraph!)).toBe('Main text continues here.');
  });
});

describe('paragraphs', () => {
  it('splits the bilingual seed abstract at its ----- separator', () => {
    const blocks = cleanAbstract(seedAbstract(139));
    expect(blocks).toHaveLength(2);
    expect(inlineText(blocks[1]!)).toMatch(/^Estos apuntes están diseñados para personas/);
  });
});

describe('titles', () => {
  it.each([
    ['Joint encoding of "what" and "when" predictions', 'Joint encoding of “what” and “when” predictions'],
    ["Let's Focus on Neuron", 'Let’s Focus on Neuron'],
    ['  Spaced   out  title ', 'Spaced out title'],
  ])('%j → %j', (raw, expected) => expect(cleanTitle(raw)).toBe(expected));
});

describe('the whole seed', () => {
  it('leaves none of the debris in any cleaned abstract', () => {
    const debris = [/\\%/, /``/, /''/, /lesssim|gtrsim|thicksim/, /\\footnote/, /\\'/, /\\~/, /\w\.[A-Z][a-z]{2,}/];
    for (let line = 3; line < seedLines.length; line += 2) {
      const text = cleanAbstract(seedAbstract(line)).map(inlineText).join('\n');
      for (const pattern of debris) expect(text, `line ${line + 1}`).not.toMatch(pattern);
    }
  });
});
