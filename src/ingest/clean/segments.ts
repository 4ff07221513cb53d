import { closeOpenQuote, cleanProse, collapseWhitespace, spaceBeforePunctuation } from './text-rules.ts';
import { findStrippedMath } from './stripped-math.ts';

/** An inline piece of a cleaned abstract. Only `text` values are prose; nothing here is markup. */
export type Inline =
  | { kind: 'text'; value: string }
  | { kind: 'link'; url: string }
  | { kind: 'math'; tex: string }
  | { kind: 'footnote'; children: Inline[] };

/** A cleaned abstract: paragraphs of inline pieces. */
export type CleanBlocks = Inline[][];

/** A separator of five or more hyphens splits an abstract into paragraphs (e.g. English / Spanish). */
const PARAGRAPH_BREAK = /\s+-{5,}\s+/;
const FOOTNOTE_START = '\\footnote{';
const URL = /\bhttps?:\/\/[^\s<>"'`{}]+/g;

/** Cleans a raw abstract into paragraphs of prose, links, formulas and footnotes. */
export function cleanAbstract(raw: string): CleanBlocks {
  const text = spaceBeforePunctuation(collapseWhitespace(raw).trim());
  return text
    .split(PARAGRAPH_BREAK)
    .map((paragraph) => trimEdges(cleanInline(paragraph)))
    .filter((paragraph) => paragraph.length > 0);
}

/** Cleans a title: prose rules only, since titles are plain text in frontmatter and `<title>`. */
export function cleanTitle(raw: string): string {
  return cleanProse(spaceBeforePunctuation(collapseWhitespace(raw).trim())).trim();
}

/** Cuts out footnotes, then URLs, then formulas, and cleans the prose between them. */
function cleanInline(text: string): Inline[] {
  const out: Inline[] = [];
  const start = text.indexOf(FOOTNOTE_START);
  if (start === -1) return cleanLinksAndMath(text);
  const { body, end, closed } = footnoteExtent(text, start + FOOTNOTE_START.length);
  const before = cleanLinksAndMath(text.slice(0, start));
  out.push(...before);
  const children = trimEdges(cleanInline(body));
  const last = children.at(-1);
  if (last?.kind === 'text') last.value = closeOpenQuote(last.value);
  out.push({ kind: 'footnote', children });
  // An unclosed footnote took the sentence's full stop with it: give the sentence one back.
  const previous = before.at(-1);
  if (!closed && end < text.length && previous?.kind === 'text' && !/[.!?]\s*$/.test(previous.value)) {
    out.push({ kind: 'text', value: '.' });
  }
  out.push(...cleanInline(text.slice(end)));
  return out;
}

/**
 * Finds where a `\footnote{` ends: at its matching brace, or — when the scrape lost the brace —
 * at the end of the sentence it starts, so that the rest of the abstract stays in the abstract.
 */
export function footnoteExtent(text: string, bodyStart: number): { body: string; end: number; closed: boolean } {
  let depth = 1;
  for (let i = bodyStart; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return { body: text.slice(bodyStart, i), end: i + 1, closed: true };
  }
  const sentenceEnd = /[.!?](?=\s+\p{Lu})/u.exec(text.slice(bodyStart));
  const end = sentenceEnd ? bodyStart + sentenceEnd.index + 1 : text.length;
  return { body: text.slice(bodyStart, end), end, closed: false };
}

/** Splits out URLs as links; a sentence's closing punctuation is not part of the URL. */
function cleanLinksAndMath(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(URL)) {
    const url = trimUrl(match[0]);
    out.push(...cleanMath(text.slice(last, match.index)));
    out.push({ kind: 'link', url });
    last = match.index + url.length;
  }
  out.push(...cleanMath(text.slice(last)));
  return out;
}

/** Drops trailing punctuation and unbalanced closing brackets from a URL found in prose. */
export function trimUrl(url: string): string {
  let result = url.replace(/[.,;:!?]+$/, '');
  while (result.endsWith(')') && count(result, '(') < count(result, ')')) {
    result = result.slice(0, -1).replace(/[.,;:!?]+$/, '');
  }
  return result;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * A formula between single dollars, as arXiv abstracts write them (`$k$-sparse`). Like Pandoc:
 * no space just inside the dollars and no digit right after the closing one, so that prices
 * ("$5 and $6") stay prose.
 */
const DELIMITED_MATH = /(?<![\\$])\$(?=[^\s$])([^$\n]{1,300}?)(?<=[^\s\\])\$(?!\d)/g;

/** Splits out formulas (delimited, then stripped ones); everything else goes through the prose rules. */
function cleanMath(text: string): Inline[] {
  if (!text) return [];
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(DELIMITED_MATH)) {
    out.push(...cleanStrippedMath(text.slice(last, match.index)));
    out.push({ kind: 'math', tex: match[1]!.trim() });
    last = match.index + match[0].length;
  }
  out.push(...cleanStrippedMath(text.slice(last)));
  return out;
}

/** Splits out formulas whose backslashes the scrape stripped; the rest is prose. */
function cleanStrippedMath(text: string): Inline[] {
  if (!text) return [];
  return findStrippedMath(text).map((piece) =>
    piece.kind === 'math' ? piece : { kind: 'text', value: cleanProse(piece.value) },
  );
}

/** Trims the whitespace at the start and end of a block and drops empty text pieces. */
function trimEdges(inlines: Inline[]): Inline[] {
  const first = inlines[0];
  if (first?.kind === 'text') first.value = first.value.trimStart();
  const last = inlines.at(-1);
  if (last?.kind === 'text') last.value = last.value.trimEnd();
  return inlines.filter((inline) => inline.kind !== 'text' || inline.value !== '');
}

/** Renders inline pieces as plain text (formulas as their TeX), e.g. for meta descriptions. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      switch (inline.kind) {
        case 'text':
          return inline.value;
        case 'link':
          return inline.url;
        case 'math':
          return inline.tex;
        case 'footnote':
          return '';
      }
    })
    .join('');
}

/** The GitHub repositories an abstract links to, normalised to `https://github.com/owner/repo`. */
export function codeLinks(blocks: CleanBlocks): string[] {
  const urls = new Set<string>();
  const visit = (inlines: readonly Inline[]) => {
    for (const inline of inlines) {
      if (inline.kind === 'footnote') visit(inline.children);
      if (inline.kind !== 'link') continue;
      const repo = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)/i.exec(inline.url);
      if (repo) urls.add(`https://github.com/${repo[1]}/${repo[2]!.replace(/\.git$/, '')}`);
    }
  };
  blocks.forEach(visit);
  return [...urls];
}
