/**
 * Paper identifiers as the sources write them, normalised so that the same paper has the same
 * identity in every format: arXiv ids without version or prefix, DOIs lower-cased and bare.
 */

/** New-style (`2309.04827`, `0704.0001`) and old-style (`q-bio/0601001`, `hep-th/9901001`) ids. */
const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z]+(?:-[a-z]+)?(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;

/**
 * The arXiv id in `raw` without version: accepts a bare id, `arXiv:` prefixed ids and
 * `arxiv.org/abs/…` or `/pdf/…` URLs. Undefined when it holds no arXiv id.
 */
export function arxivId(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw
    .trim()
    .replace(/^arxiv:\s*/i, '')
    .replace(/^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i, '')
    .replace(/\.pdf$/i, '');
  return ARXIV_ID.exec(text)?.[1];
}

/** `YYMM` of a new-style arXiv id, or of an old-style id's number; the month it was submitted. */
export function arxivYearMonth(id: string): { year: number; month: number } {
  const digits = /(\d{4})[.\d]*$/.exec(id.includes('/') ? id.split('/')[1]! : id)![1]!;
  const yy = Number(digits.slice(0, 2));
  // arXiv began in 1991: old-style 91–99 are the 1990s, everything else this century.
  return { year: yy >= 91 ? 1900 + yy : 2000 + yy, month: Number(digits.slice(2, 4)) };
}

/**
 * The DOI syntax (`10.<registrant>/<suffix>`, DOI Handbook 2.2): a registrant code of digits,
 * maybe divided by dots, then any printable suffix. A suffix may hold `<`, `#` or `;` (old Wiley
 * DOIs do), but never whitespace or a backslash: a backslash is a BibTeX escape left in a
 * verbatim field (`neco\_a\_01744`), and a link built from it does not resolve. Braces, which no
 * registered DOI seems to use, are refused too: a BibTeX entry could not hold them verbatim.
 */
export const DOI_PATTERN = /^10\.\d{4,9}(?:\.\d+)*\/[^\s\\{}\p{Cc}]+$/u;

/** A DOI as written by a source: bare, `doi:`-prefixed or a `doi.org` URL; trimmed, not yet checked. */
function bareDoi(raw: string): string {
  return raw
    .trim()
    .replace(/^doi:\s*/i, '')
    .replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
}

/**
 * What is wrong with a DOI, in words a curator can act on; undefined when it is a DOI. Checked by
 * every reader that takes a DOI, so a wrong one stops the ingest instead of reaching a page.
 */
export function doiProblem(raw: string): string | undefined {
  const text = bareDoi(raw);
  if (DOI_PATTERN.test(text)) return undefined;
  if (text.includes('\\')) return 'it holds a backslash, which no DOI has (a BibTeX escape such as `\\_`?)';
  if (/\s/.test(text)) return 'it holds a space, which no DOI has';
  if (/[{}]/.test(text)) return 'it holds a brace, which BibTeX could not hold verbatim';
  if (!/^10\.\d{4,9}(?:\.\d+)*\//.test(text)) return 'it does not start with `10.<registrant>/`';
  return 'it holds a control character';
}

/** A DOI (`10.xxxx/…`) from a bare DOI, `doi:` prefix or `doi.org` URL, lower-cased; else undefined. */
export function doi(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = bareDoi(raw);
  return DOI_PATTERN.test(text) ? text.toLowerCase() : undefined;
}

/** A DOI as a resolver URL, each path segment percent-encoded (DOIs may hold `<`, `#`, `?`). */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** The arXiv DataCite DOI (`10.48550/arxiv.<id>`) names the preprint itself, not a publication. */
export function isArxivDoi(value: string): boolean {
  return value.startsWith('10.48550/arxiv.');
}

/** A date written `YYYY-MM-DD…` (ISO timestamps included), `YYYY-MM` or `YYYY`, cut to what it says. */
export function isoDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(raw.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day && (Number(day) < 1 || Number(day) > 31)) return undefined;
  return [year, month, day].filter(Boolean).join('-');
}

/** BibTeX's month macros (`month = sep`), January first: read by the BibTeX reader, written by citations. */
export const BIBTEX_MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
