/**
 * The reader of arXiv API Atom feeds (`.atom`, `.xml`), as `…/api/query?id_list=…` or
 * `?search_query=…` returns them. Parsed by fast-xml-parser; this module only maps elements to
 * a `SourceRecord`.
 */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import type { Diagnostic } from '../diagnostics.ts';
import { arxivId, doi, doiProblem, isoDate } from '../../lib/identifiers.ts';
import { optional, type SourceRecord } from '../record.ts';
import type { SourceFile } from '../sources.ts';
import { displayText, oneLine, webUrl } from '../untrusted.ts';
import { startLines } from './entry-lines.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Elements that may repeat are always arrays, so one entry or one author reads like many.
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
  // Text stays text: `1e-5` or `2309.04827` must not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // XML's own five entities and character references; nothing is fetched from outside.
  processEntities: true,
});

type XmlText = string | { '#text'?: string } | undefined;
interface AtomEntry {
  id?: XmlText;
  title?: XmlText;
  summary?: XmlText;
  published?: XmlText;
  updated?: XmlText;
  author?: { name?: XmlText }[];
  link?: { href?: string; rel?: string; title?: string; type?: string }[];
  'arxiv:primary_category'?: { term?: string };
  'arxiv:doi'?: XmlText;
  'arxiv:comment'?: XmlText;
  'arxiv:journal_ref'?: XmlText;
}

/** The text content of an element that may carry attributes. */
function text(value: XmlText): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : (value['#text'] ?? '');
}

/** Reads one feed: one record per `<entry>`, each located by the line of its `<entry>` tag. */
export function readArxivFeed(source: SourceFile): { papers: SourceRecord[]; diagnostics: Diagnostic[] } {
  const { file } = source;
  const diagnostics: Diagnostic[] = [];
  try {
    // A DOCTYPE's entities could expand without bound: an arXiv feed has none, so allow few and small.
    SyntaxValidator.validate(source.text, { docType: { maxEntityCount: 16, maxEntitySize: 1024 } });
  } catch (error) {
    const { message, line } = error as Error & { line?: number };
    diagnostics.push({
      severity: 'error',
      file,
      line: line ?? 0,
      message: `the file is not well-formed XML: ${message}`,
      hint: 'Save the arXiv API response again, whole (e.g. `curl -o file.atom "https://export.arxiv.org/api/query?id_list=…"`).',
    });
    return { papers: [], diagnostics };
  }
  const document = parser.parse(source.text) as { feed?: { entry?: AtomEntry[] } };
  if (!document.feed) {
    diagnostics.push({
      severity: 'error',
      file,
      line: 1,
      message: 'the file is XML but not an Atom feed (no <feed> element)',
      hint: 'Only arXiv API responses (Atom) are read from .atom and .xml files.',
    });
    return { papers: [], diagnostics };
  }
  const entries = document.feed.entry ?? [];
  const lines = startLines(source.text, /<entry[\s>]/g);
  if (entries.length === 0) {
    diagnostics.push({
      severity: 'error',
      file,
      line: 0,
      message: 'the feed holds no entries',
      hint: 'Check the query (an unknown id returns an empty feed), or delete the file.',
    });
  }
  const papers: SourceRecord[] = [];
  entries.forEach((entry, index) => {
    const line = lines.length === entries.length ? lines[index]! : 0;
    const record = toRecord(entry, file, line, diagnostics);
    if (record) papers.push(record);
  });
  return { papers, diagnostics };
}

/** Maps one `<entry>` to a record; reports what is missing or unusable. */
function toRecord(entry: AtomEntry, file: string, line: number, diagnostics: Diagnostic[]): SourceRecord | undefined {
  const rawId = oneLine(text(entry.id));
  const id = arxivId(rawId);
  const report = (severity: Diagnostic['severity'], message: string, hint: string) =>
    diagnostics.push({ severity, file, line, entry: id ?? (rawId || undefined), message, hint });
  const title = displayText(text(entry.title));
  // The API reports a bad query as a feed with one entry titled "Error".
  if (title === 'Error' && !id) {
    report(
      'error',
      `the feed is an arXiv API error: ${oneLine(text(entry.summary))}`,
      'Fix the query and save the response again.',
    );
    return undefined;
  }
  if (!title) {
    report('error', 'the entry has no title', 'Save the arXiv API response again, or remove the entry.');
    return undefined;
  }
  if (!id) {
    report(
      'error',
      `the entry's id ${JSON.stringify(rawId)} is not an arXiv abstract URL`,
      'Entries are identified by `http://arxiv.org/abs/<id>`; save the arXiv API response again.',
    );
    return undefined;
  }
  const links = entry.link ?? [];
  for (const link of links) {
    if (link.href && !webUrl(link.href)) {
      report(
        'warning',
        `the link ${JSON.stringify(link.href)} is not an http(s) URL; dropped`,
        'Nothing to do: the page links arXiv itself.',
      );
    }
  }
  const rawDoi = oneLine(text(entry['arxiv:doi']));
  const doiError = rawDoi ? doiProblem(rawDoi) : undefined;
  if (doiError)
    report(
      'error',
      `the DOI ${JSON.stringify(rawDoi)} is not a DOI: ${doiError}`,
      'Correct `<arxiv:doi>` to `10.<registrant>/<suffix>`, or save the arXiv API response again.',
    );
  const summary = oneLine(text(entry.summary));
  const journalRef = displayText(text(entry['arxiv:journal_ref']));
  const comment = displayText(text(entry['arxiv:comment']));
  // The entry's id names the latest version: `http://arxiv.org/abs/2309.04827v4`.
  const version = Number(/v(\d+)$/.exec(rawId)?.[1] ?? 0);
  return {
    format: 'arxiv',
    provenance: { file, line, entry: id },
    title,
    ...(summary && { abstract: summary }),
    arxiv: id,
    ...optional('doi', doiError ? undefined : doi(rawDoi)),
    authors: (entry.author ?? []).map((author) => displayText(text(author.name))).filter(Boolean),
    ...optional('published', isoDate(text(entry.published))),
    ...optional('updated', isoDate(text(entry.updated))),
    ...optional('version', version > 0 ? version : undefined),
    ...optional('primaryCategory', entry['arxiv:primary_category']?.term?.trim() || undefined),
    // A journal reference names a journal; the venue table knows better where it names a conference.
    ...optional('venue', journalRef ? { name: journalRef, kind: 'journal' as const } : undefined),
    ...optional('comment', comment || undefined),
  };
}
