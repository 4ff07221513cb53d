/**
 * Author pages: which people of the collection get one, and at which slug. Like paper slugs,
 * an author's slug is kept in a committed registry (`content/authors.json`) once given, so it
 * never changes when papers are added or a source writes the name more fully.
 */
import { AUTHOR_PAGE_MIN_PAPERS, authorSlug, identifyAuthors, type AuthorIdentity } from '../lib/authors.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Provenance } from './record.ts';

/** One author with a page, as kept in the registry. */
export interface AuthorEntry {
  /** The name the page shows. */
  name: string;
  /** Every way the sources write it. */
  names: string[];
}

/** The committed registry: every author slug ever given. */
export interface AuthorRegistry {
  authors: Record<string, AuthorEntry>;
}

/** What author assignment needs of a paper: its author names (cleaned, as its page shows them). */
export interface AuthoredPaper {
  authors: readonly string[];
  provenance: readonly Provenance[];
}

/**
 * Gives each author with enough papers (or a page already) a slug, and each paper the slug of
 * each of its authors (`null`: no page). Names that could be either of two people are warned
 * about and stay apart (`lib/authors.ts`).
 */
export function assignAuthorPages(
  papers: readonly AuthoredPaper[],
  previous: AuthorRegistry,
): { registry: AuthorRegistry; slugsByPaper: (string | null)[][]; diagnostics: Diagnostic[] } {
  const counts = new Map<string, number>();
  for (const paper of papers) for (const name of new Set(paper.authors)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const { identities, doubtful } = identifyAuthors(counts);

  const registry: AuthorRegistry = { authors: { ...previous.authors } };
  const slugOfName = new Map<string, string>();
  const taken = new Set(Object.keys(registry.authors));
  const kept = new Map<string, string>();
  for (const [slug, entry] of Object.entries(previous.authors)) for (const name of entry.names) kept.set(name, slug);

  for (const identity of identities) {
    const papersOf = papers.filter((paper) => paper.authors.some((name) => identity.names.includes(name))).length;
    const known = identity.names.map((name) => kept.get(name)).find((slug) => slug !== undefined);
    if (known === undefined && papersOf < AUTHOR_PAGE_MIN_PAPERS) continue;
    const slug = known ?? freeSlug(authorSlug(identity.name) || 'author', taken);
    taken.add(slug);
    registry.authors[slug] = entryOf(identity, previous.authors[slug]);
    for (const name of identity.names) slugOfName.set(name, slug);
  }

  const diagnostics = doubtful.map(({ name, candidates }): Diagnostic => {
    const paper = papers.find((p) => p.authors.includes(name))!;
    return {
      severity: 'warning',
      ...paper.provenance[0]!,
      message: `the author "${name}" could be ${candidates.map((c) => `"${c}"`).join(' or ')}: kept apart from both`,
      hint: "Write the author's full name in the source if it is one of them; nothing to do otherwise.",
    };
  });
  const slugsByPaper = papers.map((paper) => paper.authors.map((name) => slugOfName.get(name) ?? null));
  return { registry, slugsByPaper, diagnostics };
}

/** A registry entry for a person: the names seen now and before, the fullest shown. */
function entryOf(identity: AuthorIdentity, before: AuthorEntry | undefined): AuthorEntry {
  return { name: identity.name, names: [...new Set([...(before?.names ?? []), ...identity.names])].sort() };
}

/** `base`, or `base-2`, `base-3`… if taken. */
function freeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The registry's text: slugs sorted, so that the committed file has a stable, diff-friendly order. */
export function serializeAuthors(registry: AuthorRegistry): string {
  const authors = Object.fromEntries(Object.entries(registry.authors).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${JSON.stringify({ authors }, null, 2)}\n`;
}
