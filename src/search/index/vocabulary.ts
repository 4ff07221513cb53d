/** The words of the collection, most frequent first, for "did you mean" (`search/client/suggest.ts`). */

/** Enough words for any correction a reader needs, small enough to fetch on a miss. */
const MAX_WORDS = 20_000;

/** What the vocabulary reads of a paper. */
interface VocabularyPaper {
  title: string;
  abstract: string;
  authors?: readonly string[] | undefined;
}

/** Words of three or more letters in the papers' titles, abstracts and author names, most frequent first. */
export function searchVocabulary(papers: readonly VocabularyPaper[]): string[] {
  const counts = new Map<string, number>();
  for (const paper of papers) {
    const text = `${paper.title} ${paper.abstract} ${(paper.authors ?? []).join(' ')}`;
    for (const word of text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : 1))
    .slice(0, MAX_WORDS)
    .map(([word]) => word);
}
