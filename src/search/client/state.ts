/** The state of a search and its place in the URL (`?q=&topic=&tag=&from=&to=&sort=`). */

/** The state of one search: query, filters and order; in the URL on the search page. */
export interface SearchState {
  q: string;
  topic: string;
  tag: string;
  /** Years of the first version, from and to (inclusive): `2023`, or empty for no bound. */
  from: string;
  to: string;
  sort: '' | 'title' | 'newest';
}

/** The orders a search can have: relevance, title, newest. */
export const SORTS = new Set<SearchState['sort']>(['', 'title', 'newest']);

/** A search with nothing chosen. */
export const EMPTY_STATE: SearchState = { q: '', topic: '', tag: '', from: '', to: '', sort: '' };

const KEYS = ['q', 'topic', 'tag', 'from', 'to', 'sort'] as const;

/** A year as the URL may hold it, or empty. */
const year = (value: string | null): string => (value && /^\d{4}$/.test(value) ? value : '');

/** Reads the search state from a URL's query string. */
export function stateFromUrl(url: URL): SearchState {
  const p = url.searchParams;
  const sort = (p.get('sort') ?? '') as SearchState['sort'];
  return {
    q: p.get('q') ?? '',
    topic: p.get('topic') ?? '',
    tag: p.get('tag') ?? '',
    from: year(p.get('from')),
    to: year(p.get('to')),
    sort: SORTS.has(sort) ? sort : '',
  };
}

/** The query string of a state, without empty fields. */
export function stateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (state[key]) params.set(key, state[key]);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The years a search keeps, of those the collection has: all from `from` to `to` (either may be
 * open; given the wrong way round, they are swapped), or undefined when no year is chosen.
 */
export function yearsBetween(state: Pick<SearchState, 'from' | 'to'>, years: readonly string[]): string[] | undefined {
  if (!state.from && !state.to) return undefined;
  let [low, high] = [state.from || '0000', state.to || '9999'];
  if (low > high) [low, high] = [high, low];
  return years.filter((y) => y >= low && y <= high);
}
