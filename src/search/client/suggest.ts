/**
 * "Did you mean": corrections of a query from the collection's own vocabulary, since Pagefind
 * has no typo tolerance. Pure functions; the search box fetches the vocabulary when a query
 * finds nothing.
 */

/** The vocabulary: words of the collection, most frequent first (`search-vocabulary.json`). */
export type Vocabulary = readonly string[];

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to `limit` vocabulary words within the allowed distance: nearest first, then most frequent. */
export function closestWords(
  word: string,
  vocabulary: Vocabulary,
  maxDistance: (length: number) => number,
  limit = 3,
): string[] {
  const max = maxDistance(word.length);
  if (max === 0) return [];
  const found: { candidate: string; distance: number; rank: number }[] = [];
  vocabulary.forEach((candidate, rank) => {
    const distance = editDistance(word, candidate, max);
    if (distance <= max) found.push({ candidate, distance, rank });
  });
  return found
    .sort((a, b) => a.distance - b.distance || a.rank - b.rank)
    .slice(0, limit)
    .map((f) => f.candidate);
}

/**
 * Candidate corrections of a query: each word the vocabulary does not know is replaced by one of
 * its nearest known words. At most `limit` queries, likeliest first; empty when nothing is
 * unknown or nothing is near. The caller keeps the one that finds the most papers.
 */
export function candidateQueries(
  query: string,
  vocabulary: Vocabulary,
  maxDistance: (length: number) => number,
  limit = 9,
): string[] {
  const known = new Set(vocabulary);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  // A plural or singular of a known word is known too: search stems it anyway.
  const isKnown = (word: string) => known.has(word) || known.has(`${word}s`) || known.has(word.replace(/e?s$/, ''));
  const unknown = (word: string) => !isKnown(word) && /^\p{L}+$/u.test(word);
  if (!words.some(unknown)) return [];
  const options = words.map((word) => (unknown(word) ? closestWords(word, vocabulary, maxDistance) : [word]));
  if (options.some((choices) => choices.length === 0)) return [];
  let queries: string[][] = [[]];
  for (const choices of options) queries = queries.flatMap((q) => choices.map((c) => [...q, c]));
  return queries.slice(0, limit).map((words) => words.join(' '));
}
