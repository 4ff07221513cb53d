/**
 * Who is who among the collection's authors. Sources write one person's name in several ways
 * ("Laurent U Perrinet", "Laurent Perrinet", "L. Perrinet"); names are one person only when that
 * is safe: the same family name and given names that agree once accents, case and punctuation
 * are set aside, an initial standing for any name with that letter. A short name that fits two
 * different people ("J. Smith" beside "John Smith" and "Jane Smith") joins neither: the caller
 * warns about it, and it stays a person of its own.
 */

import { foldText } from './text.ts';

/** An author gets a page from this many papers in the collection on (fewer: their name links to a search). */
export const AUTHOR_PAGE_MIN_PAPERS = 2;

/** One way of writing a name, taken apart for comparing. */
interface NameParts {
  /** The name as a source wrote it. */
  name: string;
  /** The family name, folded (lower case, no accents): the key people are grouped by. */
  family: string;
  /** The given names, folded, in order: full words or single-letter initials. */
  given: string[];
}

/** Words that belong to the family name: "van der Berg", "de la Fuente". */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'ten',
  'ter',
]);

/**
 * Splits "Given Family" as written into its parts: the last word is the family name, with any
 * particles before it ("Jan van der Berg" → "Jan" + "van der Berg").
 */
export function splitName(name: string): { given: string; family: string } {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { given: '', family: words[0]! };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
  return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' ') };
}

/** Splits a display name ("Given Middle Family") into its folded parts. */
export function nameParts(name: string): NameParts {
  const words = foldText(name).split(' ').filter(Boolean);
  let start = Math.max(0, words.length - 1);
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  return { name, family: words.slice(start).join(' '), given: words.slice(0, start) };
}

/** Two given names agree: equal, or one is the other's initial. */
const sameGiven = (a: string, b: string) =>
  a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));

/**
 * Whether two ways of writing a name can be one person: the same family name, the same first
 * given name (or its initial), and middle names that agree where both have one ("Laurent U
 * Perrinet" and "Laurent Perrinet" can; "Laurent U Perrinet" and "Laurent V Perrinet" cannot).
 */
export function compatibleNames(a: NameParts, b: NameParts): boolean {
  if (a.family !== b.family || a.family === '') return false;
  if (a.given.length === 0 || b.given.length === 0) return a.given.length === b.given.length;
  if (!sameGiven(a.given[0]!, b.given[0]!)) return false;
  const [shorter, longer] = a.given.length <= b.given.length ? [a.given, b.given] : [b.given, a.given];
  return shorter.slice(1).every((word, i) => longer.slice(1).some((other, j) => j >= i && sameGiven(word, other)));
}

/** How complete a way of writing a name is: full given names beat initials, more beats fewer. */
const fullness = (parts: NameParts) => parts.given.reduce((sum, word) => sum + (word.length > 1 ? 10 : 1), 0);

/** One person of the collection: every way their name is written, and the name to show. */
export interface AuthorIdentity {
  /** The fullest way of writing the name (the most often written among equals). */
  name: string;
  /** Every way of writing it, as the sources do. */
  names: string[];
}

/** The outcome of telling people apart. */
export interface AuthorIdentities {
  identities: AuthorIdentity[];
  /** Names that could be either of several people, with the names they fit: kept apart, to warn about. */
  doubtful: { name: string; candidates: string[] }[];
}

/**
 * Groups every name written on the papers into people. `counts` gives how often each way of
 * writing appears (it picks the shown name among equally full ones). Deterministic: the same
 * names give the same people in the same order (by shown name).
 */
export function identifyAuthors(counts: ReadonlyMap<string, number>): AuthorIdentities {
  const byFamily = new Map<string, NameParts[]>();
  for (const name of [...counts.keys()].sort()) {
    const parts = nameParts(name);
    byFamily.set(parts.family, [...(byFamily.get(parts.family) ?? []), parts]);
  }
  const identities: AuthorIdentity[] = [];
  const doubtful: AuthorIdentities['doubtful'] = [];
  for (const family of byFamily.values()) {
    // The fullest names first: each founds a person or joins the one person it fits.
    const ordered = [...family].sort((a, b) => fullness(b) - fullness(a) || (a.name < b.name ? -1 : 1));
    const people: NameParts[][] = [];
    for (const parts of ordered) {
      const fits = people.filter((person) => person.every((other) => compatibleNames(parts, other)));
      if (fits.length === 1) fits[0]!.push(parts);
      else {
        if (fits.length > 1) doubtful.push({ name: parts.name, candidates: fits.map((person) => person[0]!.name) });
        people.push([parts]);
      }
    }
    for (const person of people) {
      const shown = [...person].sort(
        (a, b) =>
          fullness(b) - fullness(a) ||
          (counts.get(b.name) ?? 0) - (counts.get(a.name) ?? 0) ||
          (a.name < b.name ? -1 : 1),
      )[0]!;
      identities.push({ name: shown.name, names: person.map((p) => p.name).sort() });
    }
  }
  identities.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { identities, doubtful };
}

/** A URL slug from a name: `Laurent U Perrinet` → `laurent-u-perrinet`. */
export function authorSlug(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/ +/g, '-');
}
