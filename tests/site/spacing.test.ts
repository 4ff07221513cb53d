/**
 * Text reads with its spaces: Astro 7's `compressHTML: 'jsx'` drops whitespace between inline
 * elements across line breaks, which glues words ("see all papers" → "seeall papers") and
 * separators ("Sitemap ·Search"). This scans every built page for a word glued to a link or
 * another inline element, and for a separator between inline elements without a space on each
 * side.
 */
import { parse, type Node, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { htmlFiles, read } from '../support/site.ts';

/** Elements that flow inside a line of text. (`sup`/`sub` and MathML are glued on purpose: H₂O, αᵢ.) */
const INLINE = new Set([
  'a',
  'span',
  'em',
  'strong',
  'b',
  'i',
  'code',
  'kbd',
  'time',
  'mark',
  'abbr',
  'small',
  'label',
  'cite',
  'q',
]);
/** Where nothing is read as prose. */
const SKIP = new Set(['script', 'style', 'template', 'svg', 'math', 'pre', 'select', 'option', 'head']);

const isElement = (node: Node): node is HTMLElement => node.nodeType === 1;
const textOf = (node: Node): string => (isElement(node) ? node.text : node.rawText);
const endsWord = (text: string) => /[\p{L}\p{N}][)\]”’]*$/u.test(text);
const startsWord = (text: string) => /^[(\[“‘]*[\p{L}\p{N}]/u.test(text);

/** Places where an inline element touches a word with no space between, as "before|after" snippets. */
export function gluedWords(html: string): string[] {
  const found: string[] = [];
  const visit = (parent: HTMLElement) => {
    const children = parent.childNodes.filter((n) => isElement(n) || n.rawText !== '');
    children.forEach((node, i) => {
      if (isElement(node)) {
        if (SKIP.has(node.rawTagName?.toLowerCase())) return;
        visit(node);
      }
      const next = children[i + 1];
      if (!next) return;
      const inline = (n: Node) => !isElement(n) || INLINE.has(n.rawTagName.toLowerCase());
      if (!inline(node) || !inline(next) || (!isElement(node) && !isElement(next))) return;
      if (isElement(node) && node.getAttribute('hidden') !== undefined) return;
      if (isElement(next) && next.getAttribute('hidden') !== undefined) return;
      const before = textOf(node);
      const after = textOf(next);
      if (before && after && endsWord(before) && startsWord(after))
        found.push(`${before.slice(-25)}|${after.slice(0, 25)}`);
    });
  };
  visit(parse(html));
  return found;
}

/** Characters that separate items on a line: "Atom feed · Sitemap", "A | B", "PDF / HTML". */
const SEPARATORS = new Set(['·', '•', '|', '–', '—', '/']);
/** Separators that are nobody's letter, to be spaced alike on both sides wherever they stand. */
const ALWAYS_SEPARATORS = new Set(['·', '•', '|']);
/** Where an inline element starts or ends, in a flattened line. */
const EDGE = '\u0000';
/** Not shown as text. */
const UNSHOWN = new Set(['script', 'style', 'template', 'head']);
/** Inline things whose inside is not prose (a key, code, a picture, a formula, a control): one object each. */
const OBJECTS = new Set(['svg', 'math', 'code', 'kbd', 'img', 'select', 'input', 'textarea']);
/** Inline for separators: also superscripts and buttons, which sit in a line of text. */
const SEPARATOR_INLINE = new Set([...INLINE, 'sup', 'sub', 'button']);

/**
 * The lines of text a page shows: each block's inline content run together, with EDGE where an
 * inline element starts or ends; a block (or a <pre>, skipped whole) ends a line.
 */
function textLines(root: HTMLElement): string[] {
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    if (line.replaceAll(EDGE, '').trim()) lines.push(line);
    line = '';
  };
  const visit = (node: Node) => {
    if (!isElement(node)) {
      line += node.text.replace(/\s+/g, ' ');
      return;
    }
    const tag = node.rawTagName?.toLowerCase();
    if (!tag) return node.childNodes.forEach(visit);
    if (UNSHOWN.has(tag) || node.getAttribute('hidden') !== undefined) return;
    if (OBJECTS.has(tag)) line += `${EDGE}\uFFFC${EDGE}`;
    else if (SEPARATOR_INLINE.has(tag)) {
      line += EDGE;
      node.childNodes.forEach(visit);
      line += EDGE;
    } else {
      endLine();
      if (tag !== 'pre') node.childNodes.forEach(visit);
      endLine();
    }
  };
  visit(root);
  endLine();
  return lines;
}

/**
 * Every separator between inline elements ("<a>Sitemap</a> · <a>Search</a>": alone between
 * two, or opening or closing the text beside one) and every lopsided ·, • or | ("a ·b"), with
 * the text around it and whether it has a space (or the line's edge) on both sides. A dash
 * between two numbers is a range (2019–2020), not a separator.
 */
export function separators(html: string): { around: string; spaced: boolean }[] {
  const found: { around: string; spaced: boolean }[] = [];
  for (const line of textLines(parse(html))) {
    const text = line.replaceAll(EDGE, '');
    let at = -1; // the index in `text` of line[i]
    for (let i = 0; i < line.length; i++) {
      const char = line[i]!;
      if (char === EDGE) continue;
      at++;
      if (!SEPARATORS.has(char)) continue;
      const edgeBefore = line.lastIndexOf(EDGE, i);
      const edgeAfter = line.indexOf(EDGE, i);
      const segment = line.slice(edgeBefore + 1, edgeAfter === -1 ? line.length : edgeAfter).trim();
      const beside =
        segment === char ||
        (char !== '/' &&
          ((edgeBefore !== -1 && segment.startsWith(char)) || (edgeAfter !== -1 && segment.endsWith(char))));
      const before = text.slice(0, at);
      const after = text.slice(at + 1);
      const spacedBefore = before.trim() === '' || /\s$/.test(before);
      const spacedAfter = after.trim() === '' || /^\s/.test(after);
      if (char === '–' && /\d$/.test(before) && /^\d/.test(after)) continue;
      const lopsided = ALWAYS_SEPARATORS.has(char) && spacedBefore !== spacedAfter;
      if (beside || lopsided)
        found.push({ around: `${before.slice(-20)}${char}${after.slice(0, 20)}`, spaced: spacedBefore && spacedAfter });
    }
  }
  return found;
}

describe('text reads with its spaces', () => {
  it('finds a glued word in a made-up page (the check works)', () => {
    expect(gluedWords('<p>or see<a href="/">all papers</a> and <span>9 papers</span>.Search</p>')).toEqual([
      'or see|all papers',
    ]);
    expect(gluedWords('<p>9 <span>papers</span>.<a href="/">Search</a></p><p>a <a>b</a> c</p>')).toEqual([]);
    expect(gluedWords('<p><a>Topic</a><a>Tag</a></p>')).toEqual(['Topic|Tag']);
  });

  it('no page has a word glued to a link or another inline element', () => {
    const glued = htmlFiles().flatMap((file) => gluedWords(read(file)).map((g) => `${file}: ${g}`));
    expect(glued).toEqual([]);
  });

  it('finds a separator without its spaces in a made-up page (the check works)', () => {
    const unspaced = (html: string) =>
      separators(html)
        .filter((s) => !s.spaced)
        .map((s) => s.around);
    expect(unspaced('<p><a>Atom feed</a> · <a>Sitemap</a> ·<a>Search</a></p>')).toEqual([
      'Atom feed · Sitemap ·Search',
    ]);
    expect(unspaced('<p><a>PDF</a>/<a>HTML</a> <a>A</a>|<a>B</a> <span>x</span>– <b>y</b></p>')).toEqual([
      'PDF/HTML A|B x– y',
      'PDF/HTML A|B x– y',
      'PDF/HTML A|B x– y',
    ]);
    expect(unspaced('<p>sparse · probing ·neurons</p>')).toEqual(['sparse · probing ·neurons']);
    // Not separators: ranges, a URL's slashes, a dash in a word or name, a key, a formula.
    expect(
      separators(
        '<p>pages 1–20 <a>A–Z</a> <time>2019</time>–<time>2020</time> <a>https://x.org/a/</a> ' +
          'Wilson–Cowan <kbd>/</kbd> <math><mo>|</mo></math></p><p>— <a>The editors</a></p>',
      ).filter((s) => !s.spaced),
    ).toEqual([]);
  });

  it('every separator between links and other inline elements has a space on each side, on every page', () => {
    const files = htmlFiles();
    const found = files.map((file) => ({ file, separators: separators(read(file)) }));
    // The footer's three are on every page (they were "Sitemap ·Search"): the check sees them.
    for (const { file, separators: list } of found) {
      expect(list.filter((s) => /Atom feed · Sitemap · Search · Topics/.test(s.around)).length, file).toBeGreaterThan(
        0,
      );
    }
    const unspaced = found.flatMap(({ file, separators: list }) =>
      list.filter((s) => !s.spaced).map((s) => `${file}: “${s.around}”`),
    );
    expect(unspaced).toEqual([]);
  });
});
