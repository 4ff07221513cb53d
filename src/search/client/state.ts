/** The state of a search and its place in the URL (`?q=&topic=&tag=&sort=`). */

/** The state of one search: query, filters and order; in the URL on the search page. */
export interface SearchState {
  q: string;
  topic: string;
  tag: string;
  sort: '' | 'title' | 'newest';
}

/** The orders a search can have: relevance, title, newest. */
export const SORTS = new Set<SearchState['sort']>(['', 'title', 'newest']);

/** A search with nothing chosen. */
export const EMPTY_STATE: SearchState = { q: '', topic: '', tag: '', sort: '' };

/** Reads the search state from a URL's query string. */
export function stateFromUrl(url: URL): SearchState {
  const p = url.searchParams;
  const sort = (p.get('sort') ?? '') as SearchState['sort'];
  return {
    q: p.get('q') ?? '',
    topic: p.get('topic') ?? '',
    tag: p.get('tag') ?? '',
    sort: SORTS.has(sort) ? sort : '',
  };
}

/** The query string of a state, without empty fields. */
export function stateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'topic', 'tag', 'sort'] as const) if (state[key]) params.set(key, state[key]);
  const query = params.toString();
  return query ? `?${query}` : '';
}
