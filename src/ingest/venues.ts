/**
 * The table of venues (`content/venues.yaml`) and how a source's venue text is found in it.
 * Sources name one venue in many ways ("ICLR 2024", "International Conference on Learning
 * Representations (ICLR 2024)", "ICTIR '24: …"); a page names it the table's way, with the year
 * apart. Text the table does not know is shown as given, with a warning to add it.
 */
import jsyaml from 'js-yaml';
import type { Diagnostic } from './diagnostics.ts';
import { optional, type SourceRecord } from './record.ts';
import { VENUE_KINDS, type VenueKind } from '../lib/venues.ts';

/** One row of the table. */
export interface VenueEntry {
  name: string;
  short?: string;
  kind: VenueKind;
  aliases: string[];
}

/** The table, and every spelling it knows (name, short name, aliases) by its matching key. */
export interface VenueTable {
  venues: VenueEntry[];
  byKey: Map<string, VenueEntry>;
}

export const EMPTY_VENUES: VenueTable = { venues: [], byKey: new Map() };

/**
 * The matching key of a venue text: lower case, without punctuation, ordinals ("31st"), a
 * leading "Proceedings of the" and the words "the", so that the same venue written with or
 * without them is one key. Years are not removed here (see `resolveVenue`).
 */
export function venueKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}@]+/gu, ' ')
    .replace(/\b\d+(?:st|nd|rd|th)\b/g, ' ')
    .replace(/\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/g, ' ')
    .replace(/^\s*proceedings of\b/, ' ')
    .replace(/\bthe\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A four-digit year in a venue text ("ICLR 2024"); else a two-digit one after an apostrophe ("ICTIR '24"). */
function yearIn(text: string): { year: string; rest: string } | undefined {
  const full = /(?<!\d)(?:19|20)\d{2}(?!\d)/.exec(text);
  if (full) return { year: full[0], rest: text.replace(full[0], ' ') };
  const short = /['‘’](\d{2})(?!\d)/.exec(text);
  return short ? { year: `20${short[1]}`, rest: text.replace(short[0], ' ') } : undefined;
}

/**
 * Parses the table. Every problem is a diagnostic on its line (a duplicate spelling would make
 * one text name two venues): the caller stops the ingest on any error.
 */
export function parseVenues(text: string, file: string): { table: VenueTable; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lines = text.split(/\r?\n/);
  // Each entry's line: the entries are the `- name:` lines, in order.
  const entryLines = lines.flatMap((line, i) => (/^\s*-\s+name\s*:/.test(line) ? [i + 1] : []));
  const fail = (line: number, message: string, hint: string) =>
    diagnostics.push({ severity: 'error', file, line, message, hint });
  let data: unknown;
  try {
    data = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    fail(
      (mark?.line ?? -1) + 1,
      `the venue table is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      'Fix the YAML syntax.',
    );
    return { table: EMPTY_VENUES, diagnostics };
  }
  const rows = (data as { venues?: unknown } | null)?.venues;
  if (!Array.isArray(rows)) {
    fail(1, 'the venue table has no `venues:` list', 'Write `venues:` followed by one `- name: …` entry per venue.');
    return { table: EMPTY_VENUES, diagnostics };
  }
  const venues: VenueEntry[] = [];
  const byKey = new Map<string, VenueEntry>();
  rows.forEach((row: unknown, index) => {
    const line = entryLines[index] ?? 0;
    const r = (row ?? {}) as Record<string, unknown>;
    const { name, short, kind, aliases = [] } = r;
    if (typeof name !== 'string' || !name.trim()) {
      fail(line, 'a venue has no `name`', 'Give every venue its full name: `- name: …`.');
      return;
    }
    if (typeof kind !== 'string' || !(VENUE_KINDS as readonly string[]).includes(kind)) {
      fail(
        line,
        `the venue "${name}" has kind ${JSON.stringify(kind)}`,
        `Set \`kind:\` to one of ${VENUE_KINDS.join(', ')}.`,
      );
      return;
    }
    if (short !== undefined && (typeof short !== 'string' || !short.trim())) {
      fail(
        line,
        `the venue "${name}" has an empty \`short\``,
        'Give its acronym or abbreviation, or leave `short` out.',
      );
      return;
    }
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string' || !a.trim())) {
      fail(line, `the venue "${name}" has aliases that are not a list of texts`, 'Write `aliases: [text, …]`.');
      return;
    }
    const unknown = Object.keys(r).filter((k) => !['name', 'short', 'kind', 'aliases'].includes(k));
    if (unknown.length > 0) {
      fail(
        line,
        `the venue "${name}" has unknown fields: ${unknown.join(', ')}`,
        'Use only name, short, kind and aliases.',
      );
      return;
    }
    const entry: VenueEntry = {
      name: name.trim(),
      ...(short && { short: short.trim() }),
      kind: kind as VenueKind,
      aliases,
    };
    venues.push(entry);
    for (const spelling of [entry.name, entry.short, ...aliases].filter((s): s is string => !!s)) {
      const key = venueKey(spelling);
      const other = byKey.get(key);
      if (other && other !== entry) {
        fail(
          line,
          `"${spelling}" names both "${other.name}" and "${entry.name}"`,
          'Keep each spelling under one venue.',
        );
      }
      byKey.set(key, entry);
    }
  });
  return { table: { venues, byKey }, diagnostics };
}

/**
 * The table's entry for a venue text and the year it names: the text itself, else the text with
 * its year taken out ("ICLR 2024" is ICLR in 2024); undefined when the table knows neither.
 */
export function resolveVenue(table: VenueTable, text: string): { entry: VenueEntry; year?: string } | undefined {
  const exact = table.byKey.get(venueKey(text));
  if (exact) return { entry: exact };
  const dated = yearIn(text);
  if (!dated) return undefined;
  const entry = table.byKey.get(venueKey(dated.rest));
  const year = dated.year;
  return entry && { entry, year };
}

/**
 * Gives each record's venue the table's names: kind from the table (it outranks the entry type a
 * source chose), the year the source gives or its text names. A venue the table does not know
 * stays as given, with a warning naming the record; a BibTeX entry typed against the table
 * (`@article` for a conference) gets a warning too, since its citation follows the table.
 */
export function resolveVenues(records: SourceRecord[], table: VenueTable): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const record of records) {
    const venue = record.venue;
    if (!venue) continue;
    const found = resolveVenue(table, venue.name);
    if (!found) {
      diagnostics.push({
        severity: 'warning',
        ...record.provenance,
        message: `the venue "${venue.name}" is not in content/venues.yaml; the page shows it as given`,
        hint: 'Add the venue (name, short, kind) to content/venues.yaml, or this text as an alias of a venue there.',
      });
      continue;
    }
    const { entry } = found;
    if (record.format === 'bibtex' && (entry.kind === 'journal') !== (venue.kind === 'journal')) {
      diagnostics.push({
        severity: 'warning',
        ...record.provenance,
        message: `the entry cites "${entry.name}" as a ${venue.kind === 'journal' ? 'journal' : 'proceedings'}, but it is a ${entry.kind} in content/venues.yaml; the page cites it as a ${entry.kind}`,
        hint:
          entry.kind === 'journal'
            ? 'Make it `@article` with `journal = {…}`.'
            : 'Make it `@inproceedings` with `booktitle = {…}`.',
      });
    }
    record.venue = {
      name: entry.name,
      ...optional('short', entry.short),
      kind: entry.kind,
      ...optional('year', venue.year ?? found.year),
      ...optional('volume', venue.volume),
      ...optional('issue', venue.issue),
      ...optional('pages', venue.pages),
    };
  }
  return diagnostics;
}
