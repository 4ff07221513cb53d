/**
 * Which papers a query finds, word by word. Pagefind returns the pages that have every word of
 * a query, each word taken as the start of an indexed word and looked for in every metadata
 * field. Two things follow that a reader would not expect: "SAE" finds the papers of authors
 * named Saeed, and a query that no paper holds whole finds nothing at all. So each word is also
 * searched on its own: a paper is kept for a word only where the word really is (its abstract,
 * title, aliases or ids, or an author's name), and when no paper has every word, the papers with
 * the most of them are found instead, best first. Searching a word again costs no download:
 * Pagefind has already fetched the part of the index that holds it.
 *
 * A quoted search (`"word"`) matches whole words only: it tells a name from the start of another
 * ("SAE", "Saeed"), and a word the collection has from one it does not (Pagefind, finding no word
 * that starts with "spikng", matches a word "spikng" starts with).
 */
import type { Pagefind, PagefindOptions, PagefindResult, PagefindSearch } from './pagefind-api.ts';
import { SEARCH_SETTINGS } from './settings.ts';

const TEXT_FIELDS = new Set<string>(SEARCH_SETTINGS.fields.text);
const NAME_FIELDS = new Set<string>(SEARCH_SETTINGS.fields.names);
const STOP_WORDS = new Set<string>(SEARCH_SETTINGS.stopWords);

/** One paper found; when it has only some of the query's words, which it has and which it lacks. */
export interface Hit {
  result: PagefindResult;
  has?: string[];
  lacks?: string[];
}

/** What a query finds. */
export interface Found {
  /** `all`: papers with every word; `some`: no paper has every word, these have the most; `none`. */
  mode: 'all' | 'some' | 'none';
  hits: Hit[];
  /** Pagefind's count of each filter value in its results (none for `some`). */
  filters: PagefindSearch['filters'];
  /** What Pagefind found that is not a hit: a word was only in a field that does not count. */
  dropped: PagefindResult[];
  /** The query's words (of four letters or more) that no paper has whole: a "did you mean" may help. */
  unknown: string[];
}

/** The words of a query as Pagefind reads them: without punctuation, in lower case, each once. */
export function queryWords(query: string): string[] {
  const words = query
    .replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  return [...new Set(words)];
}

/**
 * Where a search for one word found it in a result: in the paper's `text` (its abstract, or a
 * text field: title, aliases, ids), only in an author's `name`, or only `elsewhere` (any other
 * field: one that is there to be shown).
 */
export function wordPlace(result: Pick<PagefindResult, 'words' | 'matchedMetaFields'>): 'text' | 'name' | 'elsewhere' {
  const fields = result.matchedMetaFields ?? [];
  if (result.words.length > 0 || fields.some((field) => TEXT_FIELDS.has(field))) return 'text';
  if (fields.some((field) => NAME_FIELDS.has(field))) return 'name';
  return 'elsewhere';
}

/** The searches of one query's words, each made once. */
class WordSearches {
  #pagefind: Pagefind;
  #options: PagefindOptions;
  #given?: [word: string, search: PagefindSearch];
  #papers = new Map<string, Promise<Map<string, PagefindResult>>>();
  #whole = new Map<string, Promise<Set<string>>>();

  /** `given`: a search already made for a query of one word. */
  constructor(pagefind: Pagefind, options: PagefindOptions, given?: [string, PagefindSearch]) {
    this.#pagefind = pagefind;
    this.#options = options;
    this.#given = given;
  }

  /** The ids of the papers that have `word` whole, in the whole collection. */
  whole(word: string): Promise<Set<string>> {
    let found = this.#whole.get(word);
    if (!found) {
      found = this.#pagefind.search(`"${word}"`).then((exact) => new Set(exact.results.map((r) => r.id)));
      this.#whole.set(word, found);
    }
    return found;
  }

  /**
   * The papers that have `word`, by id, each with its result of a search for the word alone. An
   * author's name counts only whole ("SAE" is not "Saeed") when some paper has the word whole;
   * while none does, the reader may be typing a name, and its start counts ("Voit" finds Voita).
   */
  papers(word: string): Promise<Map<string, PagefindResult>> {
    let found = this.#papers.get(word);
    if (!found) {
      found = this.#find(word);
      this.#papers.set(word, found);
    }
    return found;
  }

  async #find(word: string): Promise<Map<string, PagefindResult>> {
    const search =
      this.#given?.[0] === word
        ? this.#given[1]
        : await this.#pagefind.search(word, { filters: this.#options.filters });
    const found = new Map<string, PagefindResult>();
    for (const result of search.results) {
      const place = wordPlace(result);
      if (place === 'elsewhere') continue;
      if (place === 'name') {
        const whole = await this.whole(word);
        if (whole.size > 0 && !whole.has(result.id)) continue;
      }
      found.set(result.id, result);
    }
    return found;
  }

  /** The words, of four letters or more (shorter ones have no correction), that no paper has whole. */
  async unknown(words: string[]): Promise<string[]> {
    const checked = words.filter((word) => word.length >= 4 && /^\p{L}+$/u.test(word));
    const whole = await Promise.all(checked.map((word) => this.whole(word)));
    return checked.filter((_, i) => whole[i]!.size === 0);
  }
}

/** Each paper's place in the order `options.sort` gives, for papers with as many of the words. */
async function sortOrder(pagefind: Pagefind, options: PagefindOptions): Promise<Map<string, number>> {
  const all = await pagefind.search(null, { filters: options.filters, sort: options.sort });
  return new Map(all.results.map((result, index) => [result.id, index]));
}

/**
 * Papers by how many of `words` they have (at least `least`), then by Pagefind's scores, or by
 * `order` (a sort's), each with the words it has and lacks.
 */
function byMostWords(
  words: string[],
  papers: Map<string, PagefindResult>[],
  least: number,
  order?: Map<string, number>,
): Required<Hit>[] {
  const tally = new Map<string, { result: PagefindResult; has: string[]; score: number }>();
  words.forEach((word, i) => {
    for (const [id, result] of papers[i]!) {
      const entry = tally.get(id) ?? { result, has: [], score: 0 };
      entry.has.push(word);
      entry.score += result.score;
      tally.set(id, entry);
    }
  });
  return [...tally.values()]
    .filter((entry) => entry.has.length >= least)
    .sort(
      (a, b) =>
        b.has.length - a.has.length || (order ? order.get(a.result.id)! - order.get(b.result.id)! : b.score - a.score),
    )
    .map(({ result, has }) => ({ result, has, lacks: words.filter((word) => !has.includes(word)) }));
}

/**
 * Searches `query`: the papers with every word; when they are fewer than a page and the query
 * has four words or more, then also papers that lack one of them; when there are none, the papers
 * with the most of the words.
 */
export async function findPapers(pagefind: Pagefind, query: string, options: PagefindOptions): Promise<Found> {
  const full = await pagefind.search(query, options);
  const words = queryWords(query).slice(0, SEARCH_SETTINGS.maxWords);
  if (words.length === 0) {
    const hits = full.results.map((result) => ({ result }));
    return { mode: hits.length > 0 ? 'all' : 'none', hits, filters: full.filters, dropped: [], unknown: [] };
  }
  const searches = new WordSearches(pagefind, options, words.length === 1 ? [words[0]!, full] : undefined);
  // The words that count when a paper has only some: not "of" or "the", unless that is all there is.
  const counted = words.filter((word) => !STOP_WORDS.has(word));
  const wanted = counted.length > 0 ? counted : words;
  const order = async () => (options.sort ? await sortOrder(pagefind, options) : undefined);

  const dropped: PagefindResult[] = [];
  if (full.results.length > 0) {
    const papers = await Promise.all(words.map((word) => searches.papers(word)));
    const hits: Hit[] = [];
    for (const result of full.results) {
      if (papers.every((found) => found.has(result.id))) hits.push({ result });
      else dropped.push(result);
    }
    if (hits.length > 0) {
      // A long query that few papers hold whole: fill the first page with papers lacking one word.
      if (wanted.length >= 4 && hits.length < SEARCH_SETTINGS.batchSize) {
        const shown = new Set(hits.map((hit) => hit.result.id));
        const papers = await Promise.all(wanted.map((word) => searches.papers(word)));
        const near = byMostWords(wanted, papers, wanted.length - 1, await order());
        hits.push(...near.filter((hit) => !shown.has(hit.result.id)).slice(0, SEARCH_SETTINGS.batchSize - hits.length));
      }
      return { mode: 'all', hits, filters: full.filters, dropped, unknown: await searches.unknown(words) };
    }
  }

  // No paper has every word: rank papers by how many they have, then by Pagefind's scores.
  const unknown = await searches.unknown(words);
  if (words.length < 2) return { mode: 'none', hits: [], filters: full.filters, dropped, unknown };
  const papers = await Promise.all(wanted.map((word) => searches.papers(word)));
  const ranked = byMostWords(wanted, papers, 1, await order());
  if (ranked.length === 0) return { mode: 'none', hits: [], filters: full.filters, dropped, unknown };
  const hits = ranked.filter((hit) => hit.has.length >= ranked[0]!.has.length - 1);
  return { mode: 'some', hits, filters: {}, dropped: [], unknown };
}

/**
 * The result to show for a hit: for a paper with several of the words, its result of a search for
 * those words together, so that its excerpt marks them all. `cache` holds the searches made.
 */
export async function shownResult(
  pagefind: Pagefind,
  hit: Hit,
  options: PagefindOptions,
  cache: Map<string, Promise<PagefindSearch>>,
): Promise<PagefindResult> {
  if (!hit.has || hit.has.length < 2) return hit.result;
  const query = hit.has.join(' ');
  let search = cache.get(query);
  if (!search) {
    search = pagefind.search(query, { filters: options.filters });
    cache.set(query, search);
  }
  return (await search).results.find((result) => result.id === hit.result.id) ?? hit.result;
}
