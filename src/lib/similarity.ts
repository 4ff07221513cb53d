/**
 * Related papers by content: TF-IDF vectors over title and abstract, cosine similarity through
 * an inverted index. Memory is O(total distinct terms per paper + n), never an n × n matrix;
 * each paper only looks at the postings of its strongest terms, and each term's postings are
 * pruned to the papers it weighs most in, so the work per paper stays bounded as the
 * collection grows.
 */

/** What similarity needs of a paper. */
export interface Document {
  id: string;
  title: string;
  text: string;
}

/** Words too common in English or in this field to say anything about similarity. */
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having here how however i if in into is it its itself just more most no nor not now of off on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your
  paper propose proposed show shows study results result approach method methods based using use used new novel work model models neural network networks neuron neurons data different well across two one first via within without while may can however also thus`.split(
    /\s+/,
  ),
);

/** How many of its highest-weighted terms a paper uses to look for neighbours. */
const QUERY_TERMS = 32;
/**
 * Each term keeps only the papers it weighs most in (an impact-ordered, pruned index): a
 * neighbour found through a term that barely matters to it is not worth the work. This bounds
 * the work per paper at QUERY_TERMS × MAX_POSTINGS, whatever the size of the collection.
 */
const MAX_POSTINGS = 256;
/** A title word counts as much as this many abstract words. */
const TITLE_BOOST = 3;

/** Lower-cases, splits on non-letters, drops stop words and short tokens, folds plurals. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [])
    .filter((token) => token.length > 2 && !STOPWORDS.has(token) && !/^\d+$/.test(token))
    .map((token) => (token.length > 4 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token));
}

type Vector = { terms: Int32Array; weights: Float64Array };

/**
 * For every document, the ids of its `count` most similar others, best first (ties by input
 * order). A document never lists itself; documents sharing no useful term are not listed.
 */
export function relatedDocuments(documents: readonly Document[], count: number): Map<string, string[]> {
  const neighbours = nearestNeighbours(documents, count);
  return new Map(documents.map((doc, i) => [doc.id, neighbours[i]!.map(({ index }) => documents[index]!.id)]));
}

/** One of a document's nearest neighbours: its index in the input and its cosine similarity. */
export interface Neighbour {
  index: number;
  similarity: number;
}

/**
 * For every document (by input index), its `count` most similar others with their cosine
 * similarity, best first (ties by input order). The related papers and the map's layout both
 * stand on this one neighbourhood graph. With `only`, just those documents look for
 * neighbours (among all); the others get an empty list.
 */
export function nearestNeighbours(
  documents: readonly Document[],
  count: number,
  only?: ReadonlySet<number>,
): Neighbour[][] {
  const termIds = new Map<string, number>();
  const counts: Map<number, number>[] = documents.map((doc) => {
    const tf = new Map<number, number>();
    const add = (token: string, amount: number) => {
      let id = termIds.get(token);
      if (id === undefined) termIds.set(token, (id = termIds.size));
      tf.set(id, (tf.get(id) ?? 0) + amount);
    };
    for (const token of tokenize(doc.title)) add(token, TITLE_BOOST);
    for (const token of tokenize(doc.text)) add(token, 1);
    return tf;
  });

  const df = new Int32Array(termIds.size);
  for (const tf of counts) for (const id of tf.keys()) df[id]!++;
  const n = documents.length;

  // L2-normalised TF-IDF vectors, terms sorted by weight (strongest first).
  const vectors: Vector[] = counts.map((tf) => {
    const entries = [...tf].map(([id, c]) => [id, (1 + Math.log(c)) * Math.log(1 + n / df[id]!)] as const);
    const norm = Math.hypot(...entries.map(([, w]) => w)) || 1;
    entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return {
      terms: Int32Array.from(entries, ([id]) => id),
      weights: Float64Array.from(entries, ([, w]) => w / norm),
    };
  });

  // Inverted index: term → (document, weight) postings, strongest first, pruned to MAX_POSTINGS.
  const postings: { doc: number; weight: number }[][] = Array.from({ length: termIds.size }, () => []);
  vectors.forEach((vector, doc) => {
    vector.terms.forEach((term, k) => postings[term]!.push({ doc, weight: vector.weights[k]! }));
  });
  const postingDocs: Int32Array[] = [];
  const postingWeights: Float64Array[] = [];
  for (const list of postings) {
    list.sort((a, b) => b.weight - a.weight || a.doc - b.doc);
    const kept = list.slice(0, MAX_POSTINGS);
    postingDocs.push(Int32Array.from(kept, (p) => p.doc));
    postingWeights.push(Float64Array.from(kept, (p) => p.weight));
  }

  const scores = new Float64Array(n);
  const neighbours: Neighbour[][] = [];
  vectors.forEach((vector, doc) => {
    if (only && !only.has(doc)) return void neighbours.push([]);
    const touched: number[] = [];
    const limit = Math.min(QUERY_TERMS, vector.terms.length);
    for (let k = 0; k < limit; k++) {
      const term = vector.terms[k]!;
      const docs = postingDocs[term]!;
      const weights = postingWeights[term]!;
      const w = vector.weights[k]!;
      for (let p = 0; p < docs.length; p++) {
        const other = docs[p]!;
        if (other === doc) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = scores[other]! + w * weights[p]!;
      }
    }
    neighbours.push(topK(touched, scores, count).map((index) => ({ index, similarity: scores[index]! })));
    for (const other of touched) scores[other] = 0;
  });
  return neighbours;
}

/**
 * The `k` candidates with the highest scores, best first, ties by lower index. A small sorted
 * buffer instead of sorting every candidate: thousands of candidates, five wanted.
 */
export function topK(candidates: readonly number[], scores: Float64Array, k: number): number[] {
  const best: number[] = [];
  const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  for (const candidate of candidates) {
    if (best.length === k && !better(candidate, best[k - 1]!)) continue;
    let i = Math.min(best.length, k - 1);
    best[i] = candidate;
    while (i > 0 && better(best[i]!, best[i - 1]!)) {
      [best[i], best[i - 1]] = [best[i - 1]!, best[i]!];
      i--;
    }
  }
  return best;
}
