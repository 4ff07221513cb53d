import type { Tag, Taxonomy, Topic } from '../lib/taxonomy.ts';

/** Where a phrase was found: titles weigh three times as much as abstracts. */
export type Place = 'title' | 'abstract';
const PLACE_FACTOR: Record<Place, number> = { title: 3, abstract: 1 };

/** One phrase that counted towards a paper's topic, for the "why is it here" line. */
export interface Evidence {
  phrase: string;
  place: Place;
  points: number;
}

/** The outcome of classifying a paper. */
export interface Classification {
  /** Slug of the primary topic. */
  topic: string;
  /** The winning score (0 for papers that fell through to off-topic). */
  score: number;
  /** The phrases that placed the paper, strongest first. */
  evidence: Evidence[];
  /** Tag slugs shown with the paper, most-mentioned first (at most `maxTags`). */
  tags: string[];
  /** Every tag the paper mentions, most-mentioned first: its search synonyms come from these. */
  mentioned: string[];
}

/**
 * Compiles a vocabulary phrase to a regular expression: whole words, an optional plural, space
 * and hyphen interchangeable; case-insensitive unless the phrase has a capital (an acronym).
 */
export function phrasePattern(phrase: string): RegExp {
  const escaped = phrase
    .split(/[\s-]+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s\\-]+');
  const caseSensitive = /\p{Lu}/u.test(phrase);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:e?s)?(?![\\p{L}\\p{N}])`, caseSensitive ? 'gu' : 'giu');
}

/** A compiled phrase: its pattern, and one of its words that any match must contain. */
interface CompiledPhrase {
  pattern: RegExp;
  needle: string;
}

/** A word as the prefilter sees it: lower-case, without punctuation at its edges. */
const bare = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

const compiled = new Map<string, CompiledPhrase>();
function compile(phrase: string): CompiledPhrase {
  let entry = compiled.get(phrase);
  if (!entry) {
    const needle = phrase
      .split(/[\s-]+/)
      .map(bare)
      .reduce((a, b) => (b.length > a.length ? b : a), '');
    compiled.set(phrase, (entry = { pattern: phrasePattern(phrase), needle }));
  }
  return entry;
}

/**
 * The words of a text as the prefilter sees them, plus each word without a plural ending, so
 * that `neurons` offers `neuron`. A phrase whose needle is not in this set cannot match.
 */
export function wordSet(text: string): Set<string> {
  const words = new Set<string>();
  for (const token of text.split(/[\s-]+/)) {
    const word = bare(token);
    words.add(word);
    if (word.endsWith('s')) words.add(word.slice(0, -1));
    if (word.endsWith('es')) words.add(word.slice(0, -2));
  }
  return words;
}

/**
 * Counts the whole-word occurrences of a phrase in a text. `words` (see `wordSet`, computed
 * once per text by the caller) rules out most phrases with one lookup, far cheaper than
 * running every phrase's regular expression over every abstract.
 */
export function countPhrase(phrase: string, text: string, words: ReadonlySet<string> = wordSet(text)): number {
  const { pattern, needle } = compile(phrase);
  if (!words.has(needle)) return 0;
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
}

/** A paper's title and abstract with their word sets, prepared once for all topics. */
type Places = readonly (readonly [Place, string, ReadonlySet<string>])[];

function places(title: string, abstract: string): Places {
  return [
    ['title', title, wordSet(title)],
    ['abstract', abstract, wordSet(abstract)],
  ];
}

/** Scores one topic: each phrase counts once per place it appears, weighted by place. */
function scoreTopic(topic: Topic, where: Places): { score: number; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  for (const [phrase, weight] of Object.entries(topic.phrases)) {
    for (const [place, text, words] of where) {
      if (countPhrase(phrase, text, words) > 0) evidence.push({ phrase, place, points: weight * PLACE_FACTOR[place] });
    }
  }
  evidence.sort((a, b) => b.points - a.points);
  return { score: evidence.reduce((sum, e) => sum + e.points, 0), evidence };
}

/** Every tag a paper mentions, most-mentioned first (ties in vocabulary order). */
export function mentionedTags(tags: readonly Tag[], title: string, abstract: string): string[] {
  const text = `${title}\n${title}\n${title}\n${abstract}`; // a title mention counts three times
  const words = wordSet(text);
  return tags
    .map((tag, order) => ({ tag, order, mentions: tag.variants.reduce((n, v) => n + countPhrase(v, text, words), 0) }))
    .filter((t) => t.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions || a.order - b.order)
    .map((t) => t.tag.slug);
}

/** The tags a paper shows: its `max` most-mentioned tags. */
export function assignTags(tags: readonly Tag[], title: string, abstract: string, max: number): string[] {
  return mentionedTags(tags, title, abstract).slice(0, max);
}

/**
 * Places a paper in exactly one topic. The off-topic topic is scored like the others and wins
 * on any match, because its phrases (neutron, radio survey…) mean the paper is not about
 * neurons whatever else it says; otherwise the best real topic wins if it reaches the minimum.
 */
export function classify(taxonomy: Taxonomy, title: string, abstract: string): Classification {
  const mentioned = mentionedTags(taxonomy.tags, title, abstract);
  const where = places(title, abstract);
  const offTopic = scoreTopic(taxonomy.offTopic, where);
  let best = { slug: taxonomy.offTopic.slug, score: 0, evidence: offTopic.evidence };
  if (offTopic.score < taxonomy.minimumScore) {
    for (const topic of taxonomy.topics) {
      const { score, evidence } = scoreTopic(topic, where);
      if (score > best.score) best = { slug: topic.slug, score, evidence };
    }
    if (best.score < taxonomy.minimumScore) best = { slug: taxonomy.offTopic.slug, score: 0, evidence: [] };
  } else {
    best.score = offTopic.score;
  }
  return {
    topic: best.slug,
    score: best.score,
    evidence: best.evidence,
    tags: mentioned.slice(0, taxonomy.maxTags),
    mentioned,
  };
}
