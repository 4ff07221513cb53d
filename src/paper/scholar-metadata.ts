/**
 * What a paper page says about the paper's identity: links to the paper itself, its date in
 * words, its byline. Pure functions of the paper's data; nothing here is shown when unknown.
 */
import { venueShort } from '../lib/venues.ts';
import type { PaperData } from '../schemas/paper.ts';
import { splitName } from '../lib/authors.ts';
import { citationKind } from './citation.ts';
import { doiUrl } from '../lib/identifiers.ts';

/** One link to the paper or its material. */
export interface PaperLink {
  /** What the link says. */
  label: string;
  url: string;
  /** What it leads to, for styling and tests. */
  kind: 'arxiv' | 'pdf' | 'huggingface' | 'doi' | 'code' | 'project';
}

/** The arXiv abstract page. */
export const arxivAbsUrl = (id: string): string => `https://arxiv.org/abs/${id}`;
/** The arXiv PDF (latest version). */
export const arxivPdfUrl = (id: string): string => `https://arxiv.org/pdf/${id}`;

/** Direct links to the paper: arXiv abstract and PDF, Hugging Face Papers, DOI, code, project page. */
export function paperLinks(data: PaperData): PaperLink[] {
  const links: PaperLink[] = [];
  if (data.arxiv) {
    links.push({ label: `arXiv:${data.arxiv}`, url: arxivAbsUrl(data.arxiv), kind: 'arxiv' });
    links.push({ label: 'PDF', url: arxivPdfUrl(data.arxiv), kind: 'pdf' });
    // Hugging Face Papers has a page for every arXiv paper, under the same id (new-style ids only).
    if (/^\d{4}\.\d{4,5}$/.test(data.arxiv)) {
      links.push({ label: 'Hugging Face', url: `https://huggingface.co/papers/${data.arxiv}`, kind: 'huggingface' });
    }
  }
  if (data.doi) links.push({ label: `DOI ${data.doi}`, url: doiUrl(data.doi), kind: 'doi' });
  for (const url of data.code) {
    links.push({ label: `Code: ${url.replace(/^https?:\/\/(www\.)?/, '')}`, url, kind: 'code' });
  }
  if (data.projectPage) links.push({ label: 'Project page', url: data.projectPage, kind: 'project' });
  return links;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as readers write it: `2 May 2023`, `May 2023` or `2023`, as precise as it is known. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year!;
  const name = MONTH_NAMES[Number(month) - 1]!;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** The year of the first version, or undefined. */
export const paperYear = (data: Pick<PaperData, 'published'>): string | undefined => data.published?.slice(0, 4);

/**
 * The short byline of lists, search results and feeds, taken apart so that the first author's
 * name can be a link: "Gurnee" + " et al.", "Gurnee" + " and Nanda", "Gurnee" + "". Family
 * names only, whatever the number of authors: one style everywhere.
 */
export function bylineParts(authors: readonly string[] | undefined): { first: string; rest: string } | undefined {
  if (!authors?.length) return undefined;
  const family = (name: string) => splitName(name).family;
  const rest = authors.length === 1 ? '' : authors.length === 2 ? ` and ${family(authors[1]!)}` : ' et al.';
  return { first: family(authors[0]!), rest };
}

/** "Gurnee et al.", "Gurnee and Nanda", "Gurnee": the short byline as text. */
export function shortByline(authors: readonly string[] | undefined): string | undefined {
  const parts = bylineParts(authors);
  return parts && `${parts.first}${parts.rest}`;
}

/**
 * The byline of every list of papers, feed entry and search result, in one style: "Gurnee et al.,
 * 2023 · ICLR 2024" (first author, year of the first version, venue), each part only if known.
 * The search index carries it as written here (search/index/metadata.ts), so the two never differ.
 */
export function listByline(data: Pick<PaperData, 'authors' | 'published' | 'venue'>): string {
  const who = [shortByline(data.authors), paperYear(data)].filter(Boolean).join(', ');
  return [who, data.venue && venueShort(data.venue)].filter(Boolean).join(' · ');
}

/** One `<meta name content>` of the page's head. */
export interface MetaTag {
  name: string;
  content: string;
}

/** A page range as Highwire's first and last page: `701–741` → 701, 741; an article number is a first page. */
function pageTags(pages: string | undefined): MetaTag[] {
  if (!pages) return [];
  const [first, last] = pages.split(/\s*(?:–|—|-{1,2})\s*/);
  return [
    { name: 'citation_firstpage', content: first! },
    ...(last ? [{ name: 'citation_lastpage', content: last }] : []),
  ];
}

/**
 * Highwire Press tags (`citation_*`, read by Google Scholar and Zotero) and the few tags that make
 * Zotero's "Embedded Metadata" translator create the right item of each kind (docs/zotero.md):
 *
 * - every kind: title, each author as "Family, Given" (Zotero splits at the comma, so "van der
 *   Berg" stays one family name), the date (the venue's year for a published paper, as it is
 *   cited), the whole abstract, the arXiv PDF, the DOI, and `z.extra = arXiv:<id> [<archive>]`,
 *   the line Zotero's own arXiv translator writes: the only way a journal or conference item
 *   keeps the arXiv id.
 * - a preprint: `DC.type = preprint` (the item type; it outranks the journal-article guess that
 *   `citation_title` makes), `citation_publisher = arXiv` (its repository) and
 *   `citation_technical_report_number = arXiv:<id>` (its archive id). No journal tag: one would
 *   make it a journal article.
 * - a conference or workshop paper: `citation_conference_title` (the type, the conference name)
 *   and `prism.publicationName` (the proceedings title), pages.
 * - a journal article: `citation_journal_title` (the type), its abbreviation, volume, issue, pages.
 *
 * The last type-setting tag in document order wins, so each kind sends exactly one.
 * `citation_arxiv_id` is read by no Zotero translator; it stays for other readers.
 */
export function highwireTags(data: PaperData): MetaTag[] {
  const kind = citationKind(data);
  const venue = data.venue;
  const tags: MetaTag[] = [{ name: 'citation_title', content: data.title }];
  for (const author of data.authors ?? []) {
    const { given, family } = splitName(author);
    tags.push({ name: 'citation_author', content: given ? `${family}, ${given}` : family });
  }
  const date = venue?.year ?? data.published?.replaceAll('-', '/');
  if (date) tags.push({ name: 'citation_publication_date', content: date });
  if (data.abstract) tags.push({ name: 'citation_abstract', content: data.abstract });
  if (data.arxiv) {
    tags.push({ name: 'citation_arxiv_id', content: data.arxiv });
    tags.push({ name: 'citation_pdf_url', content: arxivPdfUrl(data.arxiv) });
  }
  if (data.doi) tags.push({ name: 'citation_doi', content: data.doi });
  if (kind === 'preprint') {
    tags.push(
      { name: 'citation_publisher', content: 'arXiv' },
      { name: 'citation_technical_report_number', content: `arXiv:${data.arxiv}` },
      { name: 'DC.type', content: 'preprint' },
    );
  } else if (venue && kind === 'conference') {
    tags.push(
      { name: 'citation_conference_title', content: venue.name },
      { name: 'prism.publicationName', content: venue.name },
    );
    if (venue.volume) tags.push({ name: 'citation_volume', content: venue.volume });
    tags.push(...pageTags(venue.pages));
  } else if (venue) {
    tags.push({ name: 'citation_journal_title', content: venue.name });
    if (venue.short) tags.push({ name: 'citation_journal_abbrev', content: venue.short });
    if (venue.volume) tags.push({ name: 'citation_volume', content: venue.volume });
    if (venue.issue) tags.push({ name: 'citation_issue', content: venue.issue });
    tags.push(...pageTags(venue.pages));
  }
  if (data.arxiv) {
    const archive = data.primaryCategory?.split('.')[0];
    tags.push({ name: 'z.extra', content: `arXiv:${data.arxiv}${archive ? ` [${archive}]` : ''}` });
  }
  return tags;
}

/**
 * schema.org `ScholarlyArticle` for search engines, as a JSON string safe inside `<script>`. The
 * abstract is left out: it is the page's text, and repeating it would cost every page 1–2 KB.
 */
export function scholarlyArticleJson(data: PaperData, pageUrl: string): string {
  const identifiers = [
    data.arxiv && { '@type': 'PropertyValue', propertyID: 'arXiv', value: data.arxiv },
    data.doi && { '@type': 'PropertyValue', propertyID: 'DOI', value: data.doi },
  ].filter(Boolean);
  const sameAs = [data.arxiv && arxivAbsUrl(data.arxiv), data.doi && doiUrl(data.doi)].filter(Boolean);
  const article = {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    headline: data.title,
    url: pageUrl,
    ...(data.authors && { author: data.authors.map((name) => ({ '@type': 'Person', name })) }),
    ...(data.published && { datePublished: data.published }),
    // The latest version's date, when arXiv tells of a revision.
    ...(data.updated &&
      data.version !== undefined &&
      data.version > 1 && { dateModified: data.updated, version: data.version }),
    ...(identifiers.length > 0 && { identifier: identifiers }),
    ...(sameAs.length > 0 && { sameAs }),
    // A journal is a periodical; proceedings are a book of papers.
    ...(data.venue && {
      isPartOf: { '@type': data.venue.kind === 'journal' ? 'Periodical' : 'Book', name: data.venue.name },
    }),
  };
  // `<` as \u003c: no text can close the script element or open a comment inside it.
  return JSON.stringify(article)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
