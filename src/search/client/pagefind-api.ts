/** The part of Pagefind's browser API (`pagefind/pagefind.js`) that the search UI uses. */
import { SEARCH_SETTINGS } from './settings.ts';

export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The whole indexed text of the page (title and abstract). */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  /** Pagefind's score for the query (with a sort: the position in that order). */
  score: number;
  /** Where the query's words are in the page's text (its abstract); empty when only metadata matched. */
  words: number[];
  /** The metadata fields the query's words were found in (Pagefind ≥ 1.5). */
  matchedMetaFields?: string[];
  data(): Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  /** Counts of each filter value within these results. */
  filters: Record<string, Record<string, number>>;
}

export interface PagefindOptions {
  /** A value a filter must have, or `{ any: [...] }`: one of them. */
  filters?: Record<string, string | { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Pagefind {
  options(options: {
    baseUrl?: string;
    highlightParam?: string;
    excerptLength?: number;
    ranking?: { metaWeights?: Record<string, number> };
  }): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindOptions): Promise<PagefindSearch>;
  /** Loads the filter index (searches report per-filter counts from then on) and returns all counts. */
  filters(): Promise<Record<string, Record<string, number>>>;
  preload(term: string, options?: PagefindOptions): Promise<void>;
}

let loaded: Promise<Pagefind> | undefined;

/** Loads and configures Pagefind once, from the site's own `pagefind/` folder under `base`. */
export function loadPagefind(base: string, highlightParam: string): Promise<Pagefind> {
  return (loaded ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // Authors, identifiers and aliases are metadata (see search/index/metadata.ts), weighted here.
    await pagefind.options({
      baseUrl: base,
      highlightParam,
      excerptLength: SEARCH_SETTINGS.excerptLength,
      ranking: { metaWeights: { ...SEARCH_SETTINGS.metaWeights } },
    });
    await pagefind.init();
    return pagefind;
  })());
}
