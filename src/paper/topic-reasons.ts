/** Why a paper is in its topic, said in words (the paper page's "Why this topic"). */
import type { PaperData } from '../schemas/paper.ts';

/** "“a”", "“a” and “b”", "“a”, “b” and “c”". */
export function quotedList(phrases: readonly string[]): string {
  const quoted = phrases.map((phrase) => `“${phrase}”`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/**
 * The sentence after the topic's name: "because its title mentions “a”, and its abstract “b”
 * and “c”." — or the curator's reason; `undefined` when no phrase placed it (the bin).
 */
export function reasonAfterTopic(reasons: PaperData['topicReasons']): string | undefined {
  if ('curated' in reasons) return undefined;
  const { title, abstract } = reasons;
  if (title.length === 0 && abstract.length === 0) return undefined;
  if (title.length === 0) return `because its abstract mentions ${quotedList(abstract)}.`;
  if (abstract.length === 0) return `because its title mentions ${quotedList(title)}.`;
  return `because its title mentions ${quotedList(title)}, and its abstract ${quotedList(abstract)}.`;
}
