/**
 * Aliases for search: the other names of what a paper's title and abstract say — the
 * abbreviation of a spelled-out term and the other way round (content/abbreviations.yaml and
 * the tag variants of content/topics.yaml), and the British or American spelling of a word.
 * They go into the search index as metadata (see `search-meta.ts`), so a query by one form finds
 * the papers that write another, and never shows up as an excerpt.
 */
import jsyaml from 'js-yaml';
import { z } from 'astro/zod';
import { readDataFile, siteTaxonomy } from '../../site/data-files.ts';

/** One entry of content/abbreviations.yaml. */
const abbreviationSchema = z.object({
  /** The abbreviation(s), case-sensitive as written. */
  short: z.array(z.string().min(1)).min(1),
  /** What it stands for, matched case-insensitively. */
  long: z.array(z.string().min(1)).min(1),
});

/** A set of forms that name the same thing. */
interface AliasGroup {
  forms: string[];
}

/** A form is matched case-sensitively when it is an abbreviation: no space and a capital after the first letter (SNN, fMRI, ReLU). */
const isCaseSensitive = (form: string): boolean => !/\s/.test(form) && /^.[^a-z]*[A-Z]/.test(form);

/** The key a matched text and a form share: lower case (unless case-sensitive), hyphens as spaces, no plural `s`. */
function formKey(text: string, caseSensitive: boolean): string {
  const spaced = text.replace(/[-\s]+/g, ' ').trim();
  const cased = caseSensitive ? spaced : spaced.toLowerCase();
  return cased.replace(/(?<=\w{3})e?s$/i, '');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher of every form of every group: one regular expression, one pass per text. */
interface Matcher {
  pattern: RegExp;
  groups: Map<string, number[]>;
  all: AliasGroup[];
}

let matcher: Matcher | undefined;

/** Builds (once) the matcher of the abbreviations file and the tag variants. */
function aliasMatcher(): Matcher {
  if (matcher) return matcher;
  const abbreviations = z.array(abbreviationSchema).parse(jsyaml.load(readDataFile('abbreviations')));
  const all: AliasGroup[] = [
    ...abbreviations.map((a) => ({ forms: [...a.short, ...a.long] })),
    ...siteTaxonomy().tags.map((tag) => ({ forms: tag.variants })),
  ];
  const groups = new Map<string, number[]>();
  const sources = new Set<string>();
  all.forEach((group, index) => {
    for (const form of group.forms) {
      const key = formKey(form, isCaseSensitive(form));
      groups.set(key, [...(groups.get(key) ?? []), index]);
      // Spaces and hyphens are interchangeable; a plural `s`/`es` may follow.
      sources.add(escape(form).replace(/(?:\\-|\s)+/g, '[-\\s]?'));
    }
  });
  const alternatives = [...sources].sort((a, b) => b.length - a.length).join('|');
  matcher = {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?:e?s)?(?![\\p{L}\\p{N}])`, 'giu'),
    groups,
    all,
  };
  return matcher;
}

/** Indexes of the groups whose forms a text mentions (abbreviations only in their own case). */
function mentionedGroups(text: string): Set<number> {
  const { pattern, groups } = aliasMatcher();
  const found = new Set<number>();
  for (const match of text.matchAll(pattern)) {
    const exact = groups.get(formKey(match[0], true));
    const loose = groups.get(formKey(match[0], false));
    for (const index of exact ?? []) found.add(index);
    // A case-insensitive match counts only for forms that are not abbreviations ("Ann" ≠ ANN).
    for (const index of loose ?? []) {
      const forms = aliasMatcher().all[index]!.forms;
      if (forms.some((form) => !isCaseSensitive(form) && formKey(form, false) === formKey(match[0], false)))
        found.add(index);
    }
  }
  return found;
}

/**
 * British ↔ American spellings of a word (`organising` ↔ `organizing`, `behaviour` ↔
 * `behavior`, `modelling` ↔ `modeling`, `centre` ↔ `center`); undefined when it has none.
 */
export function otherSpelling(word: string): string | undefined {
  const w = word.toLowerCase();
  const rules: [RegExp, string][] = [
    [/^(.{4,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2'],
    [/^(.{4,})iz(e|es|ed|ing|ation|ations|er|ers)$/, '$1is$2'],
    [/^(analy)s(e|es|ed|ing)$/, '$1z$2'],
    [/^(analy)z(e|es|ed|ing)$/, '$1s$2'],
    [/^(behavi|col|neighb|tum|lab|fav|hum|flav)our(s|al|ally|ed|ing|ist)?$/, '$1or$2'],
    [/^(behavi|col|neighb|tum|lab|fav|hum|flav)or(s|al|ally|ed|ing|ist)?$/, '$1our$2'],
    [/^(model|label|signal|travel|cancel|channel|tunnel)l(ing|ed|er|ers)$/, '$1$2'],
    [/^(model|label|signal|travel|cancel|channel|tunnel)(ing|ed|er|ers)$/, '$1l$2'],
    // centre(s) ↔ center(s), centred ↔ centered, centring ↔ centering.
    [/^(cent|fib|lit)re(s)?$/, '$1er$2'],
    [/^(cent|fib|lit)er(s)?$/, '$1re$2'],
    [/^(cent|fib|lit)r(ed|ing)$/, '$1er$2'],
    [/^(cent|fib|lit)er(ed|ing)$/, '$1r$2'],
  ];
  for (const [pattern, replacement] of rules) if (pattern.test(w)) return w.replace(pattern, replacement);
  return undefined;
}

/** Words seen so far and their other spelling (or none): the same words recur in every abstract. */
const spellingCache = new Map<string, string | undefined>();

/** `otherSpelling`, remembered per word for the build. */
function cachedSpelling(word: string): string | undefined {
  if (!spellingCache.has(word)) spellingCache.set(word, otherSpelling(word));
  return spellingCache.get(word);
}

/** The other spellings of the words of a text, each once. */
function spellingVariants(text: string): string[] {
  const variants = new Set<string>();
  for (const word of text.match(/\p{L}+(?:-\p{L}+)*/gu) ?? []) {
    const parts = word.split('-');
    const other = parts.map((part) => cachedSpelling(part));
    if (other.some(Boolean)) variants.add(other.map((spelling, i) => spelling ?? parts[i]!.toLowerCase()).join('-'));
  }
  return [...variants];
}

/** The aliases of a paper: of its title (they weigh like the title) and of its abstract. */
export function paperAliases(title: string, abstract: string): { title: string[]; abstract: string[] } {
  const { all } = aliasMatcher();
  const inTitle = mentionedGroups(title);
  const inAbstract = [...mentionedGroups(abstract)].filter((index) => !inTitle.has(index));
  const forms = (indexes: Iterable<number>) => [...new Set([...indexes].flatMap((index) => all[index]!.forms))];
  const titleForms = [...new Set([...forms(inTitle), ...spellingVariants(title)])];
  const titleSet = new Set(titleForms);
  return {
    title: titleForms,
    abstract: [...new Set([...forms(inAbstract), ...spellingVariants(abstract)])].filter((form) => !titleSet.has(form)),
  };
}
