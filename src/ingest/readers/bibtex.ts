/**
 * The reader of BibTeX (`.bib`) as Zotero, Google Scholar and arXiv export it. Parsed by
 * @retorquere/bibtex-parser (the parser of Zotero's Better BibTeX), which splits
 * `Last, First and …` names and decodes LaTeX (`Dupr{\'e}` → `Dupré`, `{Zoom In}` → `Zoom In`).
 */
import { FieldMode, parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { Diagnostic } from '../diagnostics.ts';
import { arxivId, arxivYearMonth, BIBTEX_MONTHS, doi, doiProblem, isArxivDoi, isoDate } from '../../lib/identifiers.ts';
import type { Venue } from '../../lib/venues.ts';
import { optional, type SourceRecord } from '../record.ts';
import type { SourceFile } from '../sources.ts';
import { displayText, webUrl } from '../untrusted.ts';
import { lineLocator } from './entry-lines.ts';

/**
 * The parser renders `\emph`, `\textbf`, `\url` … as a few HTML-like tags. We want plain text,
 * so those tags are removed again. A `<` in the text itself cannot be mistaken for one: TeX reads
 * a bare `<` as `¡`, so the input's `<` and `>` are written as `\textless{}`/`\textgreater{}`
 * before parsing, and come out as the characters they are.
 */
const PARSER_MARKUP = /<\/?(?:i|b|sup|sub|sc|p|code|span|a)(?:\s[^<>]*)?>/g;
const TEX_LESS = '\\textless{}';
const TEX_GREATER = '\\textgreater{}';

/**
 * Fields read verbatim, as biblatex reads them: identifiers and links are not TeX, so `_`, `%`
 * and `~` in them are themselves, and a `\\_` stays a backslash (which the DOI and URL checks
 * then refuse) instead of silently becoming something else. The parser's list already has
 * biblatex's `doi`, `eprint`, `file`, `pdf`, `url` and `verba`–`verbc`; `urlraw` is biber's, and
 * `code`/`github` are this project's URL fields.
 */
const VERBATIM_FIELDS = [...FieldMode.verbatim, 'urlraw', 'code', 'github'];

/** Entry types of papers in proceedings (biber maps `@conference` to `@inproceedings`). */
const PROCEEDINGS_TYPES = new Set(['inproceedings', 'conference', 'incollection']);

/** `journal` texts that name arXiv itself (Google Scholar's "arXiv preprint arXiv:…", DBLP's "CoRR"): not a venue. */
const NOT_A_VENUE = /^(?:arxiv\b|corr$)/i;

/** Reads one BibTeX file: one record per entry, located by the line of its `@type{key`. */
export function readBibtex(source: SourceFile): { papers: SourceRecord[]; diagnostics: Diagnostic[] } {
  const { file } = source;
  const diagnostics: Diagnostic[] = [];
  const input = source.text.replaceAll('<', TEX_LESS).replaceAll('>', TEX_GREATER);
  const library = parse(input, {
    // Titles as written: no sentence-casing, no case-protection markup.
    english: false,
    sentenceCase: false,
    caseProtection: false,
    // An unknown command is dropped rather than stopping the whole file.
    unsupported: 'ignore',
    verbatimFields: VERBATIM_FIELDS,
  });
  const lineAt = lineLocator(input);
  /**
   * The line where an entry's text starts. Entries (and errors) come in file order, so each search
   * starts where the previous one found its text; `cursor` is kept per list.
   */
  const locate =
    (cursor: { at: number }) =>
    (text: string | undefined): number => {
      if (!text) return 0;
      let at = input.indexOf(text, cursor.at);
      if (at === -1) at = input.indexOf(text);
      if (at === -1) return 0;
      cursor.at = at + 1;
      return lineAt(at);
    };
  const errorLine = locate({ at: 0 });
  const entryLine = locate({ at: 0 });
  const broken = new Set<string>();
  for (const error of library.errors) {
    const key = /^@\w+\s*[{(]\s*([^,\s]+)/.exec(error.input ?? '')?.[1];
    if (key) broken.add(key);
    diagnostics.push({
      severity: 'error',
      file,
      line: errorLine(error.input),
      ...(key !== undefined && { entry: key }),
      message: `BibTeX syntax error: ${error.error.replaceAll(TEX_LESS, '<').replaceAll(TEX_GREATER, '>')}`,
      hint: 'Check the braces and commas of this entry (every field `name = {value},`), or export it again.',
    });
  }
  const papers: SourceRecord[] = [];
  for (const entry of library.entries) {
    if (broken.has(entry.key)) continue;
    const record = toRecord(entry, file, entryLine(entry.input), diagnostics);
    if (record) papers.push(record);
  }
  if (library.entries.length === 0 && library.errors.length === 0) {
    diagnostics.push({
      severity: 'error',
      file,
      line: 0,
      message: 'the file holds no BibTeX entries',
      hint: 'Export the references again as BibTeX, or delete the file.',
    });
  }
  return { papers, diagnostics };
}

/** A field as plain text: the parser's markup removed, the input's own `<`/`>` restored. */
function plain(value: string | undefined, verbatim = false): string {
  if (value === undefined) return '';
  const text = verbatim ? value : value.replace(PARSER_MARKUP, '');
  return text.replaceAll(TEX_LESS, '<').replaceAll(TEX_GREATER, '>');
}

/** "Given Family" from a parsed name; an institution (`{OpenAI Team}`) is one name. */
function personName(creator: Creator): string {
  if (creator.name) return displayText(plain(creator.name));
  const family = [creator.prefix, creator.lastName].filter(Boolean).join(' ');
  const full = [creator.firstName, family].filter(Boolean).join(' ') + (creator.suffix ? `, ${creator.suffix}` : '');
  return displayText(plain(full));
}

/** `date = {2023-05-02}` (biblatex), else `year` and `month` (number or `sep`). */
function entryDate(fields: Record<string, unknown>): string | undefined {
  const date = isoDate(typeof fields.date === 'string' ? fields.date : undefined);
  if (date) return date;
  const year = typeof fields.year === 'string' ? /^\d{4}$/.exec(fields.year.trim())?.[0] : undefined;
  if (!year) return undefined;
  const rawMonth = typeof fields.month === 'string' ? fields.month.trim().toLowerCase() : '';
  const month = /^\d{1,2}$/.test(rawMonth)
    ? Number(rawMonth)
    : (BIBTEX_MONTHS as readonly string[]).indexOf(rawMonth.slice(0, 3)) + 1;
  return month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : year;
}

/** Maps one entry to a record; reports what is missing or unusable. */
function toRecord(entry: Entry, file: string, line: number, diagnostics: Diagnostic[]): SourceRecord | undefined {
  const fields = entry.fields as Record<string, unknown>;
  const field = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
  const verbatim = (name: string) => plain(field(name), true).trim();
  const report = (severity: Diagnostic['severity'], message: string, hint: string) =>
    diagnostics.push({ severity, file, line, entry: entry.key, message, hint });

  const title = displayText(plain(field('title')));
  if (!title) {
    report('error', 'the entry has no title', 'Add `title = {…}` to the entry, or remove it.');
    return undefined;
  }
  // arXiv's and Zotero's exports: eprint + archivePrefix; Google Scholar's: journal = {arXiv preprint arXiv:…}.
  const eprint = verbatim('eprint');
  const archive = (field('archiveprefix') ?? field('eprinttype') ?? '').toLowerCase();
  const arxiv =
    (eprint && (archive === 'arxiv' || archive === '' || /arxiv/i.test(eprint)) ? arxivId(eprint) : undefined) ??
    arxivId(/arXiv:\s*(\S+)/i.exec(field('journal') ?? '')?.[1]) ??
    arxivId(verbatim('url'));
  const rawDoi = verbatim('doi');
  const doiError = rawDoi ? doiProblem(rawDoi) : undefined;
  if (doiError)
    report(
      'error',
      `the DOI ${JSON.stringify(rawDoi)} is not a DOI: ${doiError}`,
      'Write it as `10.<registrant>/<suffix>`. `doi` is verbatim in biblatex: write `_` as it is, not `\\_`.',
    );
  const entryDoi = doiError ? undefined : doi(rawDoi);
  const urls = ['url', 'code', 'github'].map((name) => [name, verbatim(name)] as const).filter(([, raw]) => raw);
  for (const [name, raw] of urls) {
    // A URL parser reads `\` as `/`: `a\_b` would become a link to `a/_b`, a page that is not there.
    if (raw.includes('\\'))
      report(
        'error',
        `${name} ${JSON.stringify(raw)} holds a backslash`,
        `\`${name}\` is verbatim in biblatex: write \`_\`, \`%\` and \`~\` as they are, without \`\\\`.`,
      );
    else if (!webUrl(raw))
      report('warning', `${name} ${JSON.stringify(raw)} is not an http(s) URL; dropped`, 'Fix the URL to show it.');
  }
  const code = urls
    .filter(([, raw]) => !raw.includes('\\'))
    .map(([, raw]) => webUrl(raw))
    .filter((url): url is string => !!url && /^https?:\/\/(www\.)?github\.com\//i.test(url));
  const authors = ((fields.author as Creator[] | undefined) ?? []).map(personName).filter(Boolean);
  const abstract = displayText(plain(field('abstract')));
  const venue = entryVenue(entry.type.toLowerCase(), field, entryDate(fields));
  // The first version's date: biblatex's `origdate` where the entry's own date is the venue's;
  // else, for a published paper on arXiv, the month its arXiv id was given; else the entry's date.
  const firstVersion =
    isoDate(field('origdate')) ?? (venue && arxiv ? yearMonth(arxivYearMonth(arxiv)) : entryDate(fields));
  return {
    format: 'bibtex',
    provenance: { file, line, entry: entry.key },
    title,
    ...(abstract && { abstract }),
    ...optional('arxiv', arxiv),
    ...optional('doi', entryDoi && !isArxivDoi(entryDoi) ? entryDoi : undefined),
    ...(authors.length > 0 && { authors }),
    ...optional('published', firstVersion),
    ...optional('primaryCategory', verbatim('primaryclass') || verbatim('eprintclass') || undefined),
    ...optional('venue', venue),
    ...(code.length > 0 && { code }),
  };
}

const yearMonth = ({ year, month }: { year: number; month: number }) => `${year}-${String(month).padStart(2, '0')}`;

/**
 * Where the entry was published: `@inproceedings` with its `booktitle`, `@article` with its
 * `journal`; the entry's date is then the venue's, and volume, number and pages are the
 * paper's place in it. The kind is the entry type's; the venue table may overrule it
 * (`ingest/venues.ts`).
 */
function entryVenue(
  type: string,
  field: (name: string) => string | undefined,
  date: string | undefined,
): Venue | undefined {
  const journal = displayText(plain(field('journal') ?? field('journaltitle')));
  const booktitle = displayText(plain(field('booktitle')));
  const proceedings = PROCEEDINGS_TYPES.has(type) || (!journal && !!booktitle);
  const name = proceedings ? booktitle || journal : journal || booktitle;
  if (!name || NOT_A_VENUE.test(name)) return undefined;
  const text = (key: string) => displayText(plain(field(key))) || undefined;
  return {
    name,
    kind: proceedings ? 'conference' : 'journal',
    ...optional('year', date?.slice(0, 4)),
    ...optional('volume', text('volume')),
    ...optional('issue', text('number')),
    ...optional('pages', text('pages')),
  };
}
