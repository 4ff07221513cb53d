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
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
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
  /** A fingerprint of the paper's abstract, used to recognise a paper whose title was corrected. */
  fingerprint: string;
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
  key: string;
  fingerprint: string;
}

/**
 * Gives every paper its slug. Known papers keep theirs (matched by title key, or by abstract
 * fingerprint when the title's spelling changed); new papers get one derived from the title,
 * with `-2`, `-3`… for collisions, in input order so the result is deterministic.
 * `retitled` lists the indexes of papers recognised by their abstract under a new title.
 */
export function assignSlugs(
  papers: readonly SlugRequest[],
  registry: SlugRegistry,
): { slugs: string[]; registry: SlugRegistry; retitled: number[] } {
  const next: SlugRegistry = { slugs: { ...registry.slugs }, redirects: { ...registry.redirects } };
  const retitled: number[] = [];
  const byKey = new Map(Object.entries(registry.slugs).map(([slug, entry]) => [entry.key, slug]));
  const byFingerprint = new Map(Object.entries(registry.slugs).map(([slug, entry]) => [entry.fingerprint, slug]));
  const presentKeys = new Set(papers.map((p) => p.key));
  const taken = new Set<string>();

  const slugs = papers.map((paper, index) => {
    let slug = byKey.get(paper.key);
    if (slug === undefined) {
      const renamed = byFingerprint.get(paper.fingerprint);
      // Same abstract, and the old title is gone: the title was corrected, the URL stays.
      if (renamed !== undefined && !presentKeys.has(next.slugs[renamed]!.key) && !taken.has(renamed)) {
        slug = renamed;
        retitled.push(index);
      }
    }
    if (slug === undefined) slug = uniqueSlug(slugify(paper.title), next.slugs);
    taken.add(slug);
    next.slugs[slug] = { key: paper.key, fingerprint: paper.fingerprint };
    return slug;
  });
  return { slugs, registry: sortRegistry(next), retitled };
}

/** The base slug, or the first free `base-N`, never one the registry holds for another paper. */
function uniqueSlug(base: string, assigned: Record<string, SlugEntry>): string {
  if (!(base in assigned)) return base;
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
