/**
 * Citations of a paper: a BibTeX entry and a one-line reference. Pure functions of the paper's
 * data, used by the paper page (the "Cite" section) and by anything that exports citations.
 */

import { BIBTEX_MONTHS } from '../lib/identifiers.ts';

/** What a citation needs to know; every field but the title may be unknown. */
export interface CitablePaper {
  title: string;
  authors?: readonly string[];
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  published?: string;
  arxiv?: string;
  doi?: string;
  primaryCategory?: string;
  venue?: string;
  /** Code repository, written as a non-standard `code` field (read back by the ingest). */
  code?: string;
}

/** Particles that belong to the family name ("Jan van der Berg" → "van der Berg"). */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'le',
  'la',
  'dos',
  'das',
  'ter',
  'ten',
]);

/** Splits "Given Family" into its parts: the last word is the family name, with any particles before it. */
export function splitName(name: string): { given: string; family: string } {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { given: '', family: words[0]! };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
  return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' ') };
}

/**
 * Escapes text for a braced BibTeX value. Special characters become their commands, so that
 * no text can close the value early or start a command; Unicode stays (biber and BibTeX 8
 * read UTF-8, and the ingest's parser does).
 */
export function bibtexText(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/g, (char) => {
    switch (char) {
      case '\\':
        return '\\textbackslash{}';
      case '^':
        return '\\textasciicircum{}';
      case '~':
        return '\\textasciitilde{}';
      default:
        return `\\${char}`;
    }
  });
}

/** A citation key like `gurnee2023finding`: first author's family name, year, first long title word. */
export function citationKey(paper: CitablePaper): string {
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9 ]+/g, '');
  const first = paper.authors?.[0];
  const family = first ? ascii(splitName(first).family).replace(/ /g, '') : '';
  const word = ascii(paper.title)
    .split(' ')
    .find((w) => w.length > 3 && !['with', 'from', 'that', 'this', 'into', 'over', 'their'].includes(w));
  return `${family || 'anon'}${paper.published?.slice(0, 4) ?? ''}${word ?? ''}`;
}

/** A BibTeX entry: `@article` with the venue when known, else `@misc` for the arXiv preprint. */
export function bibtexEntry(paper: CitablePaper): string {
  const fields: [string, string][] = [['title', `{${bibtexText(paper.title)}}`]];
  if (paper.authors?.length) {
    const names = paper.authors.map((name) => {
      const { given, family } = splitName(name);
      return given ? `${bibtexText(family)}, ${bibtexText(given)}` : `{${bibtexText(family)}}`;
    });
    fields.push(['author', `{${names.join(' and ')}}`]);
  }
  if (paper.venue) fields.push(['journal', `{${bibtexText(paper.venue)}}`]);
  if (paper.published) {
    fields.push(['year', `{${paper.published.slice(0, 4)}}`]);
    const month = Number(paper.published.slice(5, 7));
    if (month) fields.push(['month', BIBTEX_MONTHS[month - 1]!]);
    if (paper.published.length === 10) fields.push(['date', `{${paper.published}}`]);
  }
  if (paper.arxiv) {
    fields.push(['eprint', `{${paper.arxiv}}`], ['archivePrefix', '{arXiv}']);
    if (paper.primaryCategory) fields.push(['primaryClass', `{${bibtexText(paper.primaryCategory)}}`]);
  }
  if (paper.doi) fields.push(['doi', `{${bibtexText(paper.doi)}}`]);
  const url = paper.doi
    ? `https://doi.org/${paper.doi}`
    : paper.arxiv
      ? `https://arxiv.org/abs/${paper.arxiv}`
      : undefined;
  if (url) fields.push(['url', `{${bibtexText(url)}}`]);
  if (paper.code) fields.push(['code', `{${bibtexText(paper.code)}}`]);
  const type = paper.venue ? 'article' : 'misc';
  return `@${type}{${citationKey(paper)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
}

/** Initials of given names: "Jean-Luc Marie" → "J.-L. M." */
function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      word
        .split('-')
        .map((part) => (part.endsWith('.') ? part : `${part[0]}.`))
        .join('-'),
    )
    .join(' ');
}

/**
 * A one-line reference in APA's shape: `Gurnee, W., Nanda, N., & Pauly, M. (2023). Title.
 * arXiv:2305.01610.` More than 20 authors are cut to the first 19, "…", and the last.
 */
export function citationLine(paper: CitablePaper): string {
  const names = (paper.authors ?? []).map((name) => {
    const { given, family } = splitName(name);
    return given ? `${family}, ${initials(given)}` : family;
  });
  const listed = names.length > 20 ? [...names.slice(0, 19), '…', names.at(-1)!] : names;
  const byline =
    listed.length === 0
      ? ''
      : listed.length === 1
        ? listed[0]!
        : names.length > 20
          ? listed.join(', ')
          : `${listed.slice(0, -1).join(', ')}, & ${listed.at(-1)}`;
  const year = paper.published ? ` (${paper.published.slice(0, 4)})` : ' (n.d.)';
  const title = /[.?!]$/.test(paper.title) ? paper.title : `${paper.title}.`;
  const where = [
    paper.venue,
    paper.doi ? `https://doi.org/${paper.doi}` : paper.arxiv ? `arXiv:${paper.arxiv}` : undefined,
  ]
    .filter(Boolean)
    .join('. ');
  const head = byline ? `${byline}${byline.endsWith('.') ? '' : '.'}${year}.` : `${title}${year}.`;
  return [head, byline ? title : '', where ? `${where}.` : ''].filter(Boolean).join(' ');
}
