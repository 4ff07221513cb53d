/** Every tunable of the search UI, in one place. */
export const SEARCH_SETTINGS = {
  /** Wait this long after the last keystroke before searching. */
  debounceMs: 120,
  /** Words in a result's excerpt. */
  excerptLength: 24,
  /** Results rendered at once; "Show more results" renders the next batch. */
  batchSize: 10,
  /**
   * Pagefind metadata weights (`ranking.metaWeights`). Title and the aliases of title phrases
   * (SNN for "spiking neural networks" in a title) weigh like the title; aliases from the
   * abstract, the authors and ids less or more as a reader expects (see `utils/search-meta.ts`).
   */
  metaWeights: {
    title: 10,
    title_aliases: 6,
    aliases: 1.5,
    first_author: 8,
    authors: 4,
    arxiv: 20,
    doi: 20,
  },
  /** Longest edit distance for a "did you mean" correction, by word length. */
  maxCorrection: (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0),
} as const;
