import type { Venue } from '../lib/venues.ts';

/** The formats the ingest reads from `content/sources/`, by file extension. */
export type SourceFormat = 'scrape' | 'arxiv' | 'huggingface' | 'bibtex';

/** Where a record came from: the source file, the line its entry starts on, and its entry key. */
export interface Provenance {
  /** Source file, relative to the project root. */
  file: string;
  /** 1-based line of the record (its title line, `<entry>` or `@type{`); 0 when unknown. */
  line: number;
  /** The entry's own name where the format has one: a BibTeX key, an arXiv or Hugging Face id. */
  entry?: string;
}

/** Names the format for readers of diagnostics and the README. */
export const FORMAT_NAMES: Record<SourceFormat, string> = {
  scrape: 'scrape',
  arxiv: 'arXiv feed',
  huggingface: 'Hugging Face Papers',
  bibtex: 'BibTeX',
};

/** What sources may tell of a paper besides its title and abstract; each field absent when unknown. */
export interface PaperIdentity {
  /** arXiv identifier without version, e.g. `2309.04827` or `q-bio/0601001`. */
  arxiv?: string;
  /** DOI, lower-cased, without `https://doi.org/`. */
  doi?: string;
  /** Author names as displayed, "Given Family", in the source's order. */
  authors?: string[];
  /** Date of the first version: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the source is vaguer. */
  published?: string;
  /** Date of the latest version, `YYYY-MM-DD`. */
  updated?: string;
  /** The number of the latest arXiv version (`4` for v4), from an arXiv feed. */
  version?: number;
  /** arXiv primary category, e.g. `cs.LG`. */
  primaryCategory?: string;
  /**
   * Where the paper was published: the source's text and kind until the ingest resolves it
   * against content/venues.yaml (`venues.ts`), the table's names after.
   */
  venue?: Venue;
  /** The arXiv comment ("10 pages, accepted at …"). */
  comment?: string;
  /** Code repositories (`http(s)` only). */
  code?: string[];
  /** The paper's project page (`http(s)` only). */
  projectPage?: string;
}

/**
 * One paper as one source file tells it, before merging: every format's reader yields these.
 * Text fields are raw (untrusted, not yet cleaned).
 */
export interface SourceRecord extends PaperIdentity {
  format: SourceFormat;
  provenance: Provenance;
  title: string;
  /** Absent when the source has none (BibTeX often, an arXiv feed never). */
  abstract?: string;
}

/** `{ [key]: value }` when the value is known, `{}` otherwise: absent fields stay absent (not `undefined`). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
