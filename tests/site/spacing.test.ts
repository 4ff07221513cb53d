/**
 * Text reads with its spaces: Astro 7's `compressHTML: 'jsx'` drops whitespace between inline
 * elements across line breaks, which glues words ("see all papers" → "seeall papers"). This
 * scans every built page for a word glued to a link or another inline element.
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
});
