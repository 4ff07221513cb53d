import { foldText } from '../lib/text.ts';
import { optional } from './record.ts';

/** Longest slug we derive; long titles are cut at a word boundary. */
const MAX_SLUG_LENGTH = 64;
/** Words a cut slug should not end on (`…-delays-of-a`). */
const TRAILING_STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'in',
  'on',
  'for',
  'to',
  'with',
  'by',
  'via',
  'from',
  'at',
  'as',
]);

/**
 * The identity of a paper across scrapes: its title, case-folded, without accents, punctuation
 * or spacing differences. Two records with the same key are the same paper.
 */
export function titleKey(title: string): string {
  return foldText(title);
}

/** A readable URL slug from a title: `Padé Approximants` → `pade-approximants`. */
export function slugify(title: string): string {
  const words = titleKey(title)
    .replace(/[^a-z0-9 ]/g, '')
    .split(' ')
    .filter(Boolean);
  const kept: string[] = [];
  let length = 0;
  for (const word of words) {
    if (kept.length > 0 && length + 1 + word.length > MAX_SLUG_LENGTH) {
      while (kept.length > 1 && TRAILING_STOPWORDS.has(kept.at(-1)!)) kept.pop();
      break;
    }
    kept.push(word.slice(0, MAX_SLUG_LENGTH));
    length += (kept.length > 1 ? 1 : 0) + word.length;
  }
  return kept.join('-') || 'paper';
}

/** One assigned slug, as stored in the committed registry. */
export interface SlugEntry {
  /** The paper's title key (see `titleKey`) when the slug was last confirmed. */
  key: string;
  /** A fingerprint of the paper's abstract (`''` without one), used to recognise a paper whose title was corrected. */
  fingerprint: string;
  /** The paper's arXiv id, once a source has told it: the strongest way to recognise the paper. */
  arxiv?: string;
  /** The paper's DOI, once a source has told it. */
  doi?: string;
}

/**
 * The committed record of every slug ever assigned (`content/slugs.json`). Slugs are never
 * reassigned or dropped, so a published URL keeps pointing at the same paper.
 */
export interface SlugRegistry {
  /** slug → the paper it belongs to. */
  slugs: Record<string, SlugEntry>;
  /** old slug → current slug, for URLs that a curator renamed by hand; served as redirects. */
  redirects: Record<string, string>;
}

/** What slug assignment needs to know about a paper. */
export interface SlugRequest {
  title: string;
  /** The shown title's key (see `titleKey`). */
  titleKey: string;
  /** Every title key the paper's sources carry (the shown title's first if absent). */
  titleKeys?: string[];
  fingerprint: string;
  arxiv?: string;
  doi?: string;
}

/**
 * Gives every paper its slug. Known papers keep theirs (matched by arXiv id or DOI, then by any
 * of their title keys, then by abstract fingerprint when the title's spelling changed); new
 * papers get one derived from the title,
 * with `-2`, `-3`… for collisions, in input order so the result is deterministic.
 * `retitled` lists the indexes of papers recognised by their abstract under a new title.
 */
export function assignSlugs(
  papers: readonly SlugRequest[],
  registry: SlugRegistry,
): { slugs: string[]; registry: SlugRegistry; retitled: number[] } {
  const next: SlugRegistry = { slugs: { ...registry.slugs }, redirects: { ...registry.redirects } };
  const retitled: number[] = [];
  const entries = Object.entries(registry.slugs);
  const byKey = new Map(entries.map(([slug, entry]) => [entry.key, slug]));
  const byFingerprint = new Map(entries.filter(([, e]) => e.fingerprint).map(([slug, e]) => [e.fingerprint, slug]));
  const byId = new Map<string, string>();
  for (const [slug, entry] of entries) {
    if (entry.arxiv) byId.set(`arxiv:${entry.arxiv}`, slug);
    if (entry.doi) byId.set(`doi:${entry.doi}`, slug);
  }
  const presentKeys = new Set(papers.flatMap((p) => p.titleKeys ?? [p.titleKey]));
  const taken = new Set<string>();

  const slugs = papers.map((paper, index) => {
    const ids = [paper.arxiv && `arxiv:${paper.arxiv}`, paper.doi && `doi:${paper.doi}`].filter(Boolean) as string[];
    let slug = ids.map((id) => byId.get(id)).find((s) => s !== undefined && !taken.has(s));
    slug ??= [paper.titleKey, ...(paper.titleKeys ?? [])]
      .map((key) => byKey.get(key))
      .find((s) => s !== undefined && !taken.has(s));
    if (slug === undefined && paper.fingerprint) {
      const renamed = byFingerprint.get(paper.fingerprint);
      // Same abstract, and the old title is gone: the title was corrected, the URL stays.
      if (renamed !== undefined && !presentKeys.has(next.slugs[renamed]!.key) && !taken.has(renamed)) {
        slug = renamed;
        retitled.push(index);
      }
    }
    if (slug === undefined) slug = uniqueSlug(slugify(paper.title), next.slugs);
    taken.add(slug);
    const known = next.slugs[slug];
    next.slugs[slug] = {
      key: paper.titleKey,
      fingerprint: paper.fingerprint,
      // An identifier once learnt is kept, even if a later run lacks the source that told it.
      ...optional('arxiv', paper.arxiv ?? known?.arxiv),
      ...optional('doi', paper.doi ?? known?.doi),
    };
    return slug;
  });
  return { slugs, registry: sortRegistry(next), retitled };
}

/**
 * Segments that list pages use under `papers/`: page numbers (`papers/2/`) and the newest-first
 * list (`papers/newest/`). A paper titled "2" or "Newest" must not take them.
 */
function isReserved(slug: string): boolean {
  return slug === 'newest' || /^\d+$/.test(slug);
}

/** The base slug, or the first free `base-N`, never one the registry holds for another paper or a reserved one. */
function uniqueSlug(base: string, assigned: Record<string, SlugEntry>): string {
  if (!(base in assigned) && !isReserved(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!(candidate in assigned)) return candidate;
  }
}

/** Sorts the registry's keys so that the committed file has a stable, diff-friendly order. */
function sortRegistry(registry: SlugRegistry): SlugRegistry {
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { slugs: sorted(registry.slugs), redirects: sorted(registry.redirects) };
}
