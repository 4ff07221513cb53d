/**
 * What a paper page says about the paper's identity: links to the paper itself, its date in
 * words, its byline. Pure functions of the paper's data; nothing here is shown when unknown.
 */
import type { PaperData } from '../schemas/paper.ts';
import { splitName } from './citation.ts';

/** One link to the paper or its material. */
export interface PaperLink {
  /** What the link says. */
  label: string;
  url: string;
  /** What it leads to, for styling and tests. */
  kind: 'arxiv' | 'pdf' | 'huggingface' | 'doi' | 'code' | 'project';
}

/** A DOI as a resolver URL, each path segment percent-encoded (DOIs may hold `<`, `#`, `?`). */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
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

/** "Gurnee et al.", "Gurnee and Nanda", "Gurnee": the short byline of lists. */
export function shortByline(authors: readonly string[] | undefined): string | undefined {
  if (!authors?.length) return undefined;
  const family = (name: string) => splitName(name).family;
  if (authors.length === 1) return authors[0];
  if (authors.length === 2) return `${family(authors[0]!)} and ${family(authors[1]!)}`;
  return `${family(authors[0]!)} et al.`;
}

/**
 * A venue as a list names it: the short name a venue gives in brackets ("International Conference
 * on Learning Representations (ICLR 2024)" → "ICLR 2024"), else the venue without its notes,
 * volume and pages ("Neural Networks (vol. 178, 106474, 2024)" → "Neural Networks", "ICML 2023
 * (Oral)" → "ICML 2023", "ICANN 2023 (…), Special Session on …" → "ICANN 2023", "Proceedings of
 * the 8th BlackboxNLP Workshop: Analyzing …" → "8th BlackboxNLP Workshop").
 */
export function shortVenue(venue: string): string {
  const short = /\(([A-Z][A-Za-z-]*[A-Z][A-Za-z-]* \d{4})\b[^)]*\)/.exec(venue);
  if (short) return short[1]!;
  let bare = venue.replace(/^Proceedings of the\s+/i, '');
  // Innermost brackets first: "2(1), 01-05 (2025)" has brackets inside the text.
  while (/\([^()]*\)/.test(bare)) bare = bare.replace(/\s*\([^()]*\)/g, '');
  bare = bare.split(/,\s/)[0]!;
  // A short name before a colon names the venue: "8th BlackboxNLP Workshop: Analyzing …".
  const named = bare.split(/:\s/)[0]!;
  return (named.split(/\s+/).length <= 4 ? named : bare).trim() || venue;
}

/**
 * The byline of every list of papers and of every search result, in one style: "Gurnee et al.,
 * 2023 · ICLR 2024" (first author, year of the first version, venue), each part only if known.
 * The search index carries it as written here (search/index/metadata.ts), so the two never differ.
 */
export function listByline(data: Pick<PaperData, 'authors' | 'published' | 'venue'>): string {
  const who = [shortByline(data.authors), paperYear(data)].filter(Boolean).join(', ');
  return [who, data.venue && shortVenue(data.venue)].filter(Boolean).join(' · ');
}

/** Highwire Press tags (`citation_*`), read by Google Scholar and Zotero's connector. */
export function highwireTags(data: PaperData): { name: string; content: string }[] {
  const tags = [{ name: 'citation_title', content: data.title }];
  for (const author of data.authors ?? []) tags.push({ name: 'citation_author', content: author });
  if (data.published) tags.push({ name: 'citation_publication_date', content: data.published.replaceAll('-', '/') });
  if (data.arxiv) {
    tags.push({ name: 'citation_arxiv_id', content: data.arxiv });
    tags.push({ name: 'citation_pdf_url', content: arxivPdfUrl(data.arxiv) });
  }
  if (data.doi) tags.push({ name: 'citation_doi', content: data.doi });
  if (data.venue) tags.push({ name: 'citation_journal_title', content: data.venue });
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
    ...(identifiers.length > 0 && { identifier: identifiers }),
    ...(sameAs.length > 0 && { sameAs }),
    ...(data.venue && { isPartOf: { '@type': 'Periodical', name: data.venue } }),
  };
  // `<` as \u003c: no text can close the script element or open a comment inside it.
  return JSON.stringify(article)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
