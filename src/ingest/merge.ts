import { createHash } from 'node:crypto';
import type { Diagnostic } from './diagnostics.ts';
import { FORMAT_NAMES, type PaperIdentity, type Provenance, type SourceFormat, type SourceRecord } from './record.ts';
import { titleKey } from './slugs.ts';

/** A paper after merging every source record that tells of it. */
export interface MergedPaper extends PaperIdentity {
  title: string;
  /** The abstract, or `''` when no source has one (the page then shows no abstract). */
  abstract: string;
  /** The identity of the shown title across sources (see `titleKey`). */
  titleKey: string;
  /** Every title key the paper's records carry: a known slug is found by any of them. */
  titleKeys?: string[];
  /** Fingerprint of the abstract (`''` without one), used to recognise a paper whose title was corrected. */
  fingerprint: string;
  /** Every place the paper was found, in input order. */
  provenance: Provenance[];
  /** The day it was added to the collection (`YYYY-MM-DD`), from its sources' provenance; set by the ingest. */
  added?: string;
}

/**
 * Which source wins a field when several tell it, best first. Documented in README ("Merging").
 * - Title and abstract: the arXiv record is the authors' own; Hugging Face mirrors it; a scrape
 *   carries debris the cleaner repairs; BibTeX titles are often re-cased and abstracts cut.
 * - Authors, dates, category: the arXiv record, then BibTeX (a curator's export, names decoded),
 *   then Hugging Face. Venue: BibTeX names the publication, arXiv's journal_ref is free text.
 */
const PRECEDENCE = {
  text: ['arxiv', 'huggingface', 'scrape', 'bibtex'],
  identity: ['arxiv', 'bibtex', 'huggingface', 'scrape'],
  published: ['arxiv', 'huggingface', 'bibtex', 'scrape'],
  venue: ['bibtex', 'arxiv', 'huggingface', 'scrape'],
} as const satisfies Record<string, readonly SourceFormat[]>;

/** The fields one source wins (the others are combined or derived). */
type PickedField = Exclude<keyof SourceRecord, 'format' | 'provenance' | 'code'>;

/** How one field is merged: which sources win, what a warning calls it, and when two values agree. */
interface FieldRule<K extends PickedField> {
  order: readonly SourceFormat[];
  label: string;
  same: (a: NonNullable<SourceRecord[K]>, b: NonNullable<SourceRecord[K]>) => boolean;
}

const equal = (a: unknown, b: unknown) => a === b;
/** Fields where sources may differ without a warning (a later version, a fuller venue). */
const anyValue = () => true;
const sameText = (a: string, b: string) => titleKey(a) === titleKey(b);

/** The merge, field by field: the table is the merge (`mergeGroup` only applies it). */
const FIELD_RULES: { [K in PickedField]-?: FieldRule<K> } = {
  title: { order: PRECEDENCE.text, label: 'title', same: sameText },
  abstract: {
    order: PRECEDENCE.text,
    label: 'abstract',
    same: (a, b) => abstractFingerprint(a) === abstractFingerprint(b),
  },
  arxiv: { order: PRECEDENCE.identity, label: 'arXiv id', same: equal },
  doi: { order: PRECEDENCE.identity, label: 'DOI', same: equal },
  authors: { order: PRECEDENCE.identity, label: 'author list', same: (a, b) => sameText(a.join(' '), b.join(' ')) },
  published: { order: PRECEDENCE.published, label: 'date of the first version', same: sameDate },
  updated: { order: PRECEDENCE.identity, label: 'date of the latest version', same: anyValue },
  version: { order: PRECEDENCE.identity, label: 'latest version', same: anyValue },
  primaryCategory: { order: PRECEDENCE.identity, label: 'primary category', same: equal },
  venue: { order: PRECEDENCE.venue, label: 'venue', same: anyValue },
  comment: { order: PRECEDENCE.identity, label: 'comment', same: anyValue },
  projectPage: { order: PRECEDENCE.identity, label: 'project page', same: equal },
};

/** A fingerprint of an abstract that ignores case, spacing and punctuation differences between scrapes. */
export function abstractFingerprint(abstract: string): string {
  if (!abstract.trim()) return '';
  return createHash('sha256').update(titleKey(abstract)).digest('hex').slice(0, 16);
}

/** The identifiers a record can be recognised by, strongest first. */
function identifiers(record: SourceRecord): string[] {
  return [record.arxiv && `arxiv:${record.arxiv}`, record.doi && `doi:${record.doi}`].filter(
    (id): id is string => !!id,
  );
}

/** Records of one paper, in input order. */
interface Group {
  records: SourceRecord[];
  /** Input index of the first record: papers keep the order in which the sources first name them. */
  first: number;
}

/**
 * Merges the records of all sources into papers. A paper is identified by its arXiv id or DOI;
 * a record with neither (a scrape line) joins the paper whose records carry its normalised
 * title. Fields are merged by `PRECEDENCE`; where sources disagree the page takes the winner and
 * a warning names both places. Two scrapes of one title with different abstracts stay an error:
 * the scrape has nothing else to tell the right one by.
 */
export function mergePapers(records: readonly SourceRecord[]): { papers: MergedPaper[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const groups: Group[] = [];
  const byId = new Map<string, Group>();
  const byTitle = new Map<string, Group[]>();
  const addTitle = (group: Group, record: SourceRecord) => {
    const key = titleKey(record.title);
    const list = byTitle.get(key) ?? [];
    if (!list.includes(group)) byTitle.set(key, [...list, group]);
  };

  // Records with identifiers first: they decide which paper a bare title belongs to.
  records.forEach((record, index) => {
    const ids = identifiers(record);
    if (ids.length === 0) return;
    const found = [...new Set(ids.map((id) => byId.get(id)).filter((g): g is Group => !!g))];
    const arxivIds = new Set([record.arxiv, ...found.flatMap((g) => g.records.map((r) => r.arxiv))].filter(Boolean));
    if (found.length > 1 || arxivIds.size > 1) {
      const other =
        found.flatMap((g) => g.records).find((r) => r.arxiv && r.arxiv !== record.arxiv) ?? found[0]!.records[0]!;
      diagnostics.push({
        severity: 'error',
        ...record.provenance,
        message: `its DOI ${record.doi} belongs to arXiv ${other.arxiv} at ${where(other.provenance)}, but this entry says arXiv ${record.arxiv}`,
        hint: 'One paper has one arXiv id and one DOI: correct the wrong identifier.',
      });
      return;
    }
    const group = found[0] ?? { records: [], first: index };
    if (!found[0]) groups.push(group);
    group.records.push(record);
    for (const id of ids) byId.set(id, group);
    addTitle(group, record);
  });

  // Then records known only by their title.
  const bareByTitle = new Map<string, Group>();
  records.forEach((record, index) => {
    if (identifiers(record).length > 0) return;
    const key = titleKey(record.title);
    const identified = byTitle.get(key) ?? [];
    if (identified.length > 1) {
      diagnostics.push({
        severity: 'warning',
        ...record.provenance,
        message: `${identified.length} papers with different identifiers have this title (${identified
          .map((g) => describeIds(g.records))
          .join(', ')}); it is merged with the first`,
        hint: "Add the right paper's identifier to this source, or remove the record.",
      });
    }
    let group = identified[0] ?? bareByTitle.get(key);
    if (!group) {
      group = { records: [], first: index };
      groups.push(group);
      bareByTitle.set(key, group);
    }
    group.records.push(record);
    group.first = Math.min(group.first, index);
  });

  const order = new Map(records.map((record, index) => [record, index]));
  const papers = groups
    .sort((a, b) => a.first - b.first)
    .map((group) =>
      mergeGroup(
        group.records.sort((a, b) => order.get(a)! - order.get(b)!),
        diagnostics,
      ),
    )
    .filter((paper): paper is MergedPaper => !!paper);
  return { papers, diagnostics };
}

function where(p: Provenance): string {
  return `${p.line > 0 ? `${p.file}:${p.line}` : p.file}${p.entry !== undefined ? ` (${p.entry})` : ''}`;
}

function describeIds(records: readonly SourceRecord[]): string {
  const record = records.find((r) => r.arxiv) ?? records[0]!;
  return record.arxiv ? `arXiv ${record.arxiv}` : `DOI ${record.doi}`;
}

/** The records that tell a field, ordered by the field's precedence, input order within a format. */
function ranked<K extends keyof SourceRecord>(
  records: readonly SourceRecord[],
  field: K,
  order: readonly SourceFormat[],
): SourceRecord[] {
  return records
    .filter((r) => r[field] !== undefined && r[field] !== '' && !(Array.isArray(r[field]) && r[field].length === 0))
    .sort((a, b) => order.indexOf(a.format) - order.indexOf(b.format));
}

/** Merges one paper's records by `FIELD_RULES`; `undefined` when they hold an error (reported). */
function mergeGroup(records: readonly SourceRecord[], diagnostics: Diagnostic[]): MergedPaper | undefined {
  if (conflictingScrapes(records, diagnostics)) return undefined;
  const picked: Partial<Pick<SourceRecord, PickedField>> = {};
  for (const field of Object.keys(FIELD_RULES) as PickedField[]) {
    const value = pick(records, field, diagnostics);
    if (value !== undefined) Object.assign(picked, { [field]: value });
  }
  const { title, abstract = '', ...identity } = picked;
  // Code links are not a choice between sources: every source's are kept.
  const code = [...new Set(records.flatMap((r) => r.code ?? []))];
  const titleKeys = [...new Set(records.map((r) => titleKey(r.title)))];
  return {
    title: title!,
    abstract,
    titleKey: titleKey(title!),
    ...(titleKeys.length > 1 && { titleKeys }),
    fingerprint: abstractFingerprint(abstract),
    provenance: records.map((r) => r.provenance),
    ...identity,
    ...(code.length > 0 && { code }),
  };
}

/** Two scrapes with one title and different abstracts: an error, as before identities existed. */
function conflictingScrapes(records: readonly SourceRecord[], diagnostics: Diagnostic[]): boolean {
  const [first, ...others] = records.filter((r) => r.format === 'scrape');
  let failed = false;
  for (const scrape of others) {
    if (abstractFingerprint(scrape.abstract ?? '') === abstractFingerprint(first!.abstract ?? '')) continue;
    diagnostics.push({
      severity: 'error',
      ...scrape.provenance,
      message: `"${scrape.title}" is already at ${first!.provenance.file}:${first!.provenance.line} with a different abstract`,
      hint: 'Keep the right abstract in one place and delete the other title and abstract lines.',
    });
    failed = true;
  }
  return failed;
}

/** The winning value of a field by its rule, warning where another source says otherwise. */
function pick<K extends PickedField>(
  records: readonly SourceRecord[],
  field: K,
  diagnostics: Diagnostic[],
): SourceRecord[K] | undefined {
  const { order, label, same } = FIELD_RULES[field] as FieldRule<K>;
  const [winner, ...rest] = ranked(records, field, order);
  if (!winner) return undefined;
  const value = winner[field]!;
  const reported = new Set<string>();
  for (const other of rest) {
    const otherValue = other[field]!;
    if (same(value, otherValue)) continue;
    const shown = (v: unknown) => JSON.stringify(short(Array.isArray(v) ? v.join(', ') : String(v)));
    const source = FORMAT_NAMES[winner.format];
    const message = `the ${label} differs from the ${source} at ${where(winner.provenance)}: ${shown(otherValue)} here, ${shown(value)} there; the page shows the ${source}'s`;
    if (reported.has(message)) continue;
    reported.add(message);
    diagnostics.push({
      severity: 'warning',
      ...other.provenance,
      message,
      hint: 'Correct the source that is wrong; nothing to do if the page shows the right one.',
    });
  }
  return value;
}

/** Two dates agree where both are precise: `2023-05` agrees with `2023-05-02`. */
function sameDate(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
