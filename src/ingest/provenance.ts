/**
 * Where a source came from and when: the provenance file beside it
 * (`content/sources/<name>.provenance.yaml`), or the date its name starts with
 * (`2026-12-02T06-00-00Z_…`). `npm run update` and `npm run add` write one beside every
 * response they save; the seed's was written by hand. The ingest reads two things from it:
 * `fetched`, which dates when the papers the source brought were added to the collection, and
 * `adds`, the entries of the response it brought in (a saved search response also lists papers
 * the collection already had: they are not read from it again, so their pages do not change).
 */
import jsyaml from 'js-yaml';
import { arxivId, doi } from '../lib/identifiers.ts';
import type { Diagnostic } from './diagnostics.ts';

/** The provenance file of a source is named after it with this suffix. */
export const PROVENANCE_SUFFIX = '.provenance.yaml';

/** What the ingest reads from a source's provenance. */
export interface SourceProvenance {
  /** The day (UTC) the source was fetched, `YYYY-MM-DD`: when its papers were added. */
  fetched?: string;
  /** The entries the source brought in, as `arxiv:<id>` or `doi:<doi>`; absent: every entry. */
  adds?: ReadonlySet<string>;
}

/** Everything a provenance file may hold; only `fetched` and `adds` are read by the ingest. */
export interface ProvenanceRecord {
  /** When the response was received: an ISO date-time in UTC (`2026-12-02T06:00:00Z`) or a date. */
  fetched: string;
  /** The saved search (`content/queries.yaml`) or command that fetched it. */
  query?: string;
  /** The request, as sent. */
  request?: string;
  /** The HTTP status and content type of the response. */
  status?: number;
  contentType?: string;
  /** The papers it added (arXiv ids or DOIs). */
  adds?: string[];
  /** Anything a curator wants to say about it. */
  note?: string;
}

/** `arxiv:<id>` or `doi:<doi>` for an arXiv id or DOI as written; undefined for anything else. */
export function identityKey(raw: string): string | undefined {
  const id = arxivId(raw);
  if (id) return `arxiv:${id}`;
  const d = doi(raw);
  return d ? `doi:${d}` : undefined;
}

/** The identity keys of a record or paper (`arxiv:…`, `doi:…`), strongest first. */
export function identityKeys(paper: { arxiv?: string; doi?: string }): string[] {
  return [paper.arxiv && `arxiv:${paper.arxiv}`, paper.doi && `doi:${paper.doi}`].filter((k): k is string => !!k);
}

/** A calendar date `YYYY-MM-DD` that exists, from the start of `text`; undefined otherwise. */
export function calendarDate(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? match[0].slice(0, 10)
    : undefined;
}

/** The date a source's file name starts with (`2026-12-02_…`, `2026-12-02T06-00-00Z_…`). */
export function dateFromName(name: string): string | undefined {
  return calendarDate(name);
}

/**
 * Reads a provenance file. `fetched` must be a date or an ISO date-time in UTC; `adds` a list of
 * arXiv ids or DOIs. Everything is read as text (YAML's failsafe schema), so `2412.10180` stays
 * `2412.10180` and never becomes a number.
 */
export function readProvenance(
  text: string,
  file: string,
): { provenance?: SourceProvenance; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fail = (line: number, message: string, hint: string) => {
    diagnostics.push({ severity: 'error', file, line, message, hint });
    return { diagnostics };
  };
  const lineOf = (key: string) => text.split('\n').findIndex((line) => line.startsWith(`${key}:`)) + 1;
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: jsyaml.FAILSAFE_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    return fail(
      mark ? mark.line + 1 : 0,
      `the provenance file is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      'Fix the YAML: `fetched: 2026-12-02T06:00:00Z`, and optionally `adds:` with a list of arXiv ids or DOIs.',
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(1, 'the provenance file holds no fields', 'Write at least `fetched: <date>` into it.');
  }
  const fields = data as Record<string, unknown>;
  const fetchedText = typeof fields.fetched === 'string' ? fields.fetched.trim() : '';
  const fetched = calendarDate(fetchedText);
  const isoUtc = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)?$/.test(fetchedText);
  if (!fetched || !isoUtc) {
    return fail(
      lineOf('fetched') || 1,
      fetchedText
        ? `fetched ${JSON.stringify(fetchedText)} is not a date (YYYY-MM-DD) or a UTC date-time (YYYY-MM-DDThh:mm:ssZ)`
        : 'the provenance file has no `fetched` date',
      'Write when the source was fetched, e.g. `fetched: 2026-12-02T06:00:00Z`: it dates when its papers were added.',
    );
  }
  let adds: Set<string> | undefined;
  if (fields.adds !== undefined) {
    if (!Array.isArray(fields.adds)) {
      return fail(lineOf('adds'), '`adds` is not a list', 'Write `adds:` followed by `- <arXiv id or DOI>` lines.');
    }
    adds = new Set();
    for (const raw of fields.adds as unknown[]) {
      const key = typeof raw === 'string' ? identityKey(raw) : undefined;
      if (!key) {
        const at = typeof raw === 'string' ? text.indexOf(raw) : -1;
        return fail(
          at === -1 ? lineOf('adds') : text.slice(0, at).split('\n').length,
          `${JSON.stringify(raw)} in \`adds\` is not an arXiv id or DOI`,
          'List the arXiv ids (2309.04827) or DOIs (10.xxxx/…) of the papers the source added.',
        );
      }
      adds.add(key);
    }
  }
  return { provenance: { fetched, ...(adds && { adds }) }, diagnostics };
}

/** Writes a provenance file: a comment saying what it is, then the fields as YAML. */
export function serializeProvenance(source: string, record: ProvenanceRecord): string {
  const yaml = jsyaml.dump(record, { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: "'" });
  return (
    `# Provenance of ${source} (saved as received). The ingest reads \`fetched\`, the day its\n` +
    `# papers were added, and \`adds\`, the papers it brought in (its other entries are not read).\n` +
    yaml
  );
}
