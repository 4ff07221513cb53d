/**
 * Citations of a paper: a BibTeX entry and a one-line reference, each of the paper's kind (a
 * preprint, a conference paper, a journal article). Pure functions of the paper's data, used by
 * the paper page's "Cite" section at build time; the reference is formatted by a CSL processor
 * (Citation.js with the APA style), not by hand, and no JavaScript of it reaches readers.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { BIBTEX_MONTHS, doiUrl } from '../lib/identifiers.ts';
import { splitName } from '../lib/authors.ts';
import { isProceedings, type Venue } from '../lib/venues.ts';

/** What a citation needs to know; every field but the title may be unknown. */
export interface CitablePaper {
  title: string;
  authors?: readonly string[];
  /** The first version: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  published?: string;
  arxiv?: string;
  doi?: string;
  primaryCategory?: string;
  /** Where it was published, named by content/venues.yaml. */
  venue?: Venue;
  /** Code repository, written as a non-standard `code` field (read back by the ingest). */
  code?: string;
}

/** What a citation needs of a paper page's data. */
export function citablePaper(data: {
  title: string;
  authors?: readonly string[] | undefined;
  published?: string | undefined;
  arxiv?: string | undefined;
  doi?: string | undefined;
  primaryCategory?: string | undefined;
  venue?: Venue | undefined;
}): CitablePaper {
  return {
    title: data.title,
    ...(data.authors && { authors: data.authors }),
    ...(data.published && { published: data.published }),
    ...(data.arxiv && { arxiv: data.arxiv }),
    ...(data.doi && { doi: data.doi }),
    ...(data.primaryCategory && { primaryCategory: data.primaryCategory }),
    ...(data.venue && { venue: data.venue }),
  };
}

/**
 * What a paper is cited as: published in proceedings (conferences and workshops), in a journal,
 * or a preprint on arXiv; `other` is a paper known by neither (a bare BibTeX entry).
 */
export type CitationKind = 'conference' | 'journal' | 'preprint' | 'other';

export function citationKind(paper: Pick<CitablePaper, 'title' | 'venue' | 'arxiv'>): CitationKind {
  if (paper.venue) return isProceedings(paper.venue) ? 'conference' : 'journal';
  return paper.arxiv ? 'preprint' : 'other';
}

/** The year a citation gives: the venue's when it cites the venue, else the first version's. */
export function citationYear(paper: Pick<CitablePaper, 'venue' | 'published'>): string | undefined {
  return paper.venue?.year ?? paper.published?.slice(0, 4);
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

/** Title words not worth a key. */
const KEY_STOPWORDS = new Set(['with', 'from', 'that', 'this', 'into', 'over', 'their', 'what', 'when', 'where']);

/**
 * A citation key like `gurnee2023finding`: the first author's family name, the citation's year,
 * the first long title word. Without authors, the first two long title words stand around the
 * year (`adaptive2023coding`): no `anon` keys, which collide and say nothing.
 */
export function citationKey(paper: CitablePaper): string {
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9 ]+/g, '');
  const first = paper.authors?.[0];
  const family = first ? ascii(splitName(first).family).replace(/ /g, '') : '';
  const words = ascii(paper.title)
    .split(' ')
    .filter((w) => w.length > 3 && !KEY_STOPWORDS.has(w));
  const [lead, next] = family ? [family, words[0]] : [words[0] ?? 'untitled', words[1]];
  return `${lead}${citationYear(paper) ?? ''}${next ?? ''}`;
}

/**
 * A verbatim value (`doi`, `url`, `eprint` and our `code` are verbatim in biblatex): written as it
 * is, since `\_` there would be a backslash. Only braces could break the entry; a URL holds them
 * percent-encoded, and a DOI never holds them (lib/identifiers checks).
 */
function verbatim(value: string): string {
  return `{${value.replace(/\{/g, '%7B').replace(/\}/g, '%7D')}}`;
}

/**
 * A title for BibTeX styles that lower-case titles: words with a capital after their first
 * letter (LLMs, BrainBERT, GPT-2) keep their case in braces.
 */
function bibtexTitle(title: string): string {
  return title
    .split(' ')
    .map((word) => {
      const escaped = bibtexText(word);
      return /^.+\p{Lu}/u.test(word.replace(/^[^\p{L}]+/u, '')) ? `{${escaped}}` : escaped;
    })
    .join(' ');
}

/** The BibTeX entry types of the kinds: Zotero, biber and BibTeX all read these. */
const ENTRY_TYPES: Record<CitationKind, string> = {
  conference: 'inproceedings',
  journal: 'article',
  preprint: 'misc',
  other: 'misc',
};

/**
 * A BibTeX entry of the paper's kind: `@inproceedings` with `booktitle` or `@article` with
 * `journal`, dated by the venue's year (the first version's date in `origdate`, as the ingest
 * reads it back), or `@misc` for a preprint, dated by its first version. The arXiv id is in
 * every entry, in both spellings: arXiv's `archivePrefix`/`primaryClass` (BibTeX styles, biber)
 * and biblatex's `eprinttype`, the only one Zotero's BibTeX import keeps the id from. Biber reads
 * `archivePrefix` as an alias of `eprinttype` and skips the alias when both are set, so the two
 * agree.
 */
export function bibtexEntry(paper: CitablePaper): string {
  const kind = citationKind(paper);
  const venue = paper.venue;
  const fields: [string, string][] = [['title', `{${bibtexTitle(paper.title)}}`]];
  if (paper.authors?.length) {
    const names = paper.authors.map((name) => {
      const { given, family } = splitName(name);
      return given ? `${bibtexText(family)}, ${bibtexText(given)}` : `{${bibtexText(family)}}`;
    });
    fields.push(['author', `{${names.join(' and ')}}`]);
  }
  if (venue) {
    fields.push([kind === 'journal' ? 'journal' : 'booktitle', `{${bibtexText(venue.name)}}`]);
    const year = citationYear(paper);
    if (year) fields.push(['year', `{${year}}`]);
    if (venue.volume) fields.push(['volume', `{${bibtexText(venue.volume)}}`]);
    if (venue.issue) fields.push(['number', `{${bibtexText(venue.issue)}}`]);
    if (venue.pages) fields.push(['pages', `{${bibtexText(venue.pages.replace(/[–—]/g, '--'))}}`]);
    if (paper.published) fields.push(['origdate', `{${paper.published}}`]);
  } else if (paper.published) {
    fields.push(['year', `{${paper.published.slice(0, 4)}}`]);
    const month = Number(paper.published.slice(5, 7));
    if (month) fields.push(['month', BIBTEX_MONTHS[month - 1]!]);
    if (paper.published.length === 10) fields.push(['date', `{${paper.published}}`]);
  }
  if (paper.arxiv) {
    fields.push(['eprint', verbatim(paper.arxiv)], ['archivePrefix', '{arXiv}'], ['eprinttype', '{arxiv}']);
    if (paper.primaryCategory) fields.push(['primaryClass', `{${bibtexText(paper.primaryCategory)}}`]);
  }
  if (kind === 'preprint') fields.push(['publisher', '{arXiv}']);
  if (paper.doi) fields.push(['doi', verbatim(paper.doi)]);
  const url = paper.doi ? doiUrl(paper.doi) : paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : undefined;
  if (url) fields.push(['url', verbatim(url)]);
  if (paper.code) fields.push(['code', verbatim(paper.code)]);
  return `@${ENTRY_TYPES[kind]}{${citationKey(paper)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
}

/** A name for CSL: family and given, or one literal name (an institution, a mononym). */
function cslName(name: string): { family: string; given: string } | { literal: string } {
  const { given, family } = splitName(name);
  return given ? { family, given } : { literal: family };
}

/** `YYYY-MM-DD` (or shorter) as CSL date parts. */
const dateParts = (date: string) => ({ 'date-parts': [date.split('-').map(Number)] });

/** The CSL types of the kinds, as the APA style cites them. */
const CSL_TYPES: Record<CitationKind, string> = {
  conference: 'paper-conference',
  journal: 'article-journal',
  // CSL's `article` is a preprint: APA writes "(arXiv:…). arXiv." after the title.
  preprint: 'article',
  other: 'article',
};

/** The paper as a CSL-JSON item: what the CSL style formats. */
export function cslItem(paper: CitablePaper): Record<string, unknown> {
  const kind = citationKind(paper);
  const venue = paper.venue;
  const year = citationYear(paper);
  return {
    id: citationKey(paper),
    type: CSL_TYPES[kind],
    title: paper.title,
    ...(paper.authors?.length && { author: paper.authors.map(cslName) }),
    // A published paper is dated by its venue, a preprint by its first version.
    ...(venue ? year && { issued: dateParts(year) } : paper.published && { issued: dateParts(paper.published) }),
    ...(venue && { 'container-title': venue.name }),
    ...(venue?.volume && { volume: venue.volume }),
    ...(venue?.issue && { issue: venue.issue }),
    ...(venue?.pages && { page: venue.pages }),
    ...(kind === 'preprint' && { number: `arXiv:${paper.arxiv}`, publisher: 'arXiv' }),
    ...(paper.doi ? { DOI: paper.doi } : paper.arxiv ? { URL: `https://arxiv.org/abs/${paper.arxiv}` } : {}),
  };
}

/**
 * The one-line reference, in APA style, as the CSL processor formats it: `Gurnee, W., Nanda, N.,
 * & Pauly, M. (2023). Title (arXiv:2305.01610). arXiv. https://arxiv.org/abs/2305.01610`.
 */
export function citationLine(paper: CitablePaper): string {
  return new Cite(cslItem(paper)).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).trim();
}
