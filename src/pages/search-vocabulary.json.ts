/**
 * `search-vocabulary.json`: the words of the collection, most frequent first, for "did you
 * mean" (src/search/suggest.ts). Fetched only when a query finds nothing.
 */
import type { APIRoute } from 'astro';
import { getPapers } from '../utils/papers.ts';

/** Enough words for any correction a reader needs, small enough to fetch on a miss. */
const MAX_WORDS = 20_000;

export const GET: APIRoute = async () => {
  const counts = new Map<string, number>();
  for (const paper of await getPapers()) {
    const text = `${paper.data.title} ${paper.data.abstract} ${(paper.data.authors ?? []).join(' ')}`;
    for (const word of text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const words = [...counts]
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : 1))
    .slice(0, MAX_WORDS)
    .map(([word]) => word);
  return new Response(JSON.stringify(words), { headers: { 'Content-Type': 'application/json' } });
};
