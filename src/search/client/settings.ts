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
    byline: 0,
  },
  /**
   * Where a query word counts as found (`match.ts`). Pagefind searches every metadata field and
   * takes each word as the start of an indexed one; the search box keeps a paper for a word only
   * if the word is in its abstract or in a `text` field, or starts an author's name in a `names`
   * field — there only as a whole name when some paper has the word whole ("SAE" is not "Saeed").
   * Any other field counts for nothing: it is there to be shown (and weighs 0).
   */
  fields: {
    text: ['title', 'title_aliases', 'aliases', 'arxiv', 'doi'],
    names: ['first_author', 'authors'],
  },
  /** Words of a query looked at one by one (to find papers with most of them); the rest are ignored. */
  maxWords: 8,
  /** Words that say nothing on their own: not counted when papers have only some of a query's words. */
  stopWords: [
    'a',
    'an',
    'and',
    'are',
    'as',
    'at',
    'by',
    'for',
    'from',
    'in',
    'into',
    'is',
    'of',
    'on',
    'or',
    'the',
    'to',
    'via',
    'with',
  ],
  /** Longest edit distance for a "did you mean" correction, by word length. */
  maxCorrection: (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0),
} as const;
