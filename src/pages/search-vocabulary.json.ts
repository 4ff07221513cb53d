/**
 * `search-vocabulary.json`: the words of the collection, most frequent first, for "did you
 * mean" (src/search/client/suggest.ts). Fetched only when a query finds nothing.
 */
import type { APIRoute } from 'astro';
import { searchVocabulary } from '../search/index/vocabulary.ts';
import { getPapers } from '../site/papers.ts';

export const GET: APIRoute = async () => {
  const words = searchVocabulary((await getPapers()).map((paper) => paper.data));
  return new Response(JSON.stringify(words), { headers: { 'Content-Type': 'application/json' } });
};
