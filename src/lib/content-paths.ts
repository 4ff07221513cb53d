/**
 * Every file and folder of `content/`, relative to the project root: the one place that names
 * them. The ingest resolves them against the project it runs on; the site reads data files
 * through `site/data-files.ts`.
 */

/** Folders of content/. */
export const CONTENT_FOLDERS = {
  /** Raw sources (untrusted): scrapes, arXiv feeds, Hugging Face JSON, BibTeX. */
  sources: 'content/sources',
  /** Generated paper pages, one `<slug>.mdx` each; never edited by hand. */
  papers: 'content/papers',
  /** Hand-written curator notes, `<slug>.mdx`; the ingest never writes there. */
  notes: 'content/notes',
} as const;

/**
 * Data files that pages read outside Astro's collections. Pages read them only through
 * `readDataFile`, and every one of them is part of every page's render key, so a change to
 * any of them renders the pages again.
 */
export const DATA_FILES = {
  /** Topics and tags. */
  taxonomy: 'content/topics.yaml',
  /** Abbreviations and what they stand for, for search. */
  abbreviations: 'content/abbreviations.yaml',
} as const;

/** Files curators write that only the ingest and the update read (the pages show their result). */
export const CURATOR_FILES = {
  /** Curators' decisions about single papers: topic, tags, and why. */
  curation: 'content/curation.yaml',
  /** Papers never to publish, by arXiv id or DOI, with the reason. */
  excluded: 'content/excluded.yaml',
  /** The collection's saved searches, which `npm run update` runs. */
  queries: 'content/queries.yaml',
} as const;

/**
 * Tables only the ingest reads. What they decide is written into the pages, so they are part of
 * the ingest's tool digest (`ingest/cache.ts`): a change to one builds every page again.
 */
export const INGEST_TABLES = {
  /** Venues: the one name of each conference, journal and workshop, its kind, and its other spellings. */
  venues: 'content/venues.yaml',
} as const;

/** Files the ingest keeps, which the site reads as collections or only for unkeyed pages. */
export const REGISTRY_FILES = {
  /** Every slug ever assigned, and renamed slugs' redirects. */
  slugs: 'content/slugs.json',
  /** Every paper's place on the map. */
  map: 'content/map.json',
  /** Every author page ever given: its slug, name and the ways the sources write it. */
  authors: 'content/authors.json',
} as const;

/** The name of a data file pages read. */
export type DataFile = keyof typeof DATA_FILES;
