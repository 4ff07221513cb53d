import type { Tag, Taxonomy, Topic } from '../schemas/taxonomy.ts';

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
  /** Tag slugs, most-mentioned first. */
  tags: string[];
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

/** A compiled phrase: its pattern, and a lower-case word that any match must contain. */
interface CompiledPhrase {
  pattern: RegExp;
  needle: string;
}

const compiled = new Map<string, CompiledPhrase>();
function compile(phrase: string): CompiledPhrase {
  let entry = compiled.get(phrase);
  if (!entry) {
    const needle = phrase
      .toLowerCase()
      .split(/[\s-]+/)
      .reduce((a, b) => (b.length > a.length ? b : a), '');
    compiled.set(phrase, (entry = { pattern: phrasePattern(phrase), needle }));
  }
  return entry;
}

/**
 * Counts the whole-word occurrences of a phrase in a text. `lowerText` (the text lower-cased,
 * computed once by the caller) lets most phrases be ruled out by a plain substring test, which
 * is far cheaper than the regular expression.
 */
export function countPhrase(phrase: string, text: string, lowerText: string = text.toLowerCase()): number {
  const { pattern, needle } = compile(phrase);
  if (!lowerText.includes(needle)) return 0;
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count++;
  return count;
}

/** Scores one topic: each phrase counts once per place it appears, weighted by place. */
export function scoreTopic(topic: Topic, title: string, abstract: string): { score: number; evidence: Evidence[] } {
  const evidence: Evidence[] = [];
  const places = [
    ['title', title, title.toLowerCase()],
    ['abstract', abstract, abstract.toLowerCase()],
  ] as const;
  for (const [phrase, weight] of Object.entries(topic.phrases)) {
    for (const [place, text, lower] of places) {
      if (countPhrase(phrase, text, lower) > 0) evidence.push({ phrase, place, points: weight * PLACE_FACTOR[place] });
    }
  }
  evidence.sort((a, b) => b.points - a.points);
  return { score: evidence.reduce((sum, e) => sum + e.points, 0), evidence };
}

/** The tags a paper mentions, most-mentioned first (ties in vocabulary order), at most `max`. */
export function assignTags(tags: readonly Tag[], title: string, abstract: string, max: number): string[] {
  const text = `${title}\n${title}\n${title}\n${abstract}`; // a title mention counts three times
  const lower = text.toLowerCase();
  return tags
    .map((tag, order) => ({ tag, order, mentions: tag.variants.reduce((n, v) => n + countPhrase(v, text, lower), 0) }))
    .filter((t) => t.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions || a.order - b.order)
    .slice(0, max)
    .map((t) => t.tag.slug);
}

/**
 * Places a paper in exactly one topic. The off-topic topic is scored like the others and wins
 * on any match, because its phrases (neutron, radio survey…) mean the paper is not about
 * neurons whatever else it says; otherwise the best real topic wins if it reaches the minimum.
 */
export function classify(taxonomy: Taxonomy, title: string, abstract: string): Classification {
  const tags = assignTags(taxonomy.tags, title, abstract, taxonomy.maxTags);
  const offTopic = scoreTopic(taxonomy.offTopic, title, abstract);
  let best = { slug: taxonomy.offTopic.slug, score: 0, evidence: offTopic.evidence };
  if (offTopic.score < taxonomy.minimumScore) {
    for (const topic of taxonomy.topics) {
      const { score, evidence } = scoreTopic(topic, title, abstract);
      if (score > best.score) best = { slug: topic.slug, score, evidence };
    }
    if (best.score < taxonomy.minimumScore) best = { slug: taxonomy.offTopic.slug, score: 0, evidence: [] };
  } else {
    best.score = offTopic.score;
  }
  return { topic: best.slug, score: best.score, evidence: best.evidence, tags };
}
