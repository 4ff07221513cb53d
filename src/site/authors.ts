/**
 * The authors of the collection as the site shows them: each author with a page (the ingest
 * decides who, `src/ingest/authors.ts`), their papers newest first and their co-authors.
 */
import { getCollection } from 'astro:content';
import { nameParts } from '../lib/authors.ts';
import { foldText } from '../lib/text.ts';
import { getPapers, newestFirst, type Paper } from './papers.ts';
import { authorHref, authorSearchHref } from './urls.ts';

/** A co-author of an author, with how many papers they share. */
export interface Coauthor {
  name: string;
  /** Their page's slug; `null` for an author with one paper (linked to a search). */
  slug: string | null;
  shared: number;
}

/** One author's page. */
export interface AuthorPage {
  slug: string;
  name: string;
  /** Every way the sources write the name. */
  names: string[];
  /** Newest first. */
  papers: Paper[];
  /** Co-authors in the collection, most shared papers first. */
  coauthors: Coauthor[];
}

let cached: Promise<AuthorPage[]> | undefined;

/** Every author page, A–Z by family name; computed once per build. */
export function authorPages(): Promise<AuthorPage[]> {
  return (cached ??= Promise.all([getCollection('authors'), getPapers()]).then(([entries, papers]) => {
    const papersOf = new Map<string, Paper[]>();
    for (const paper of papers)
      for (const slug of new Set(paper.data.authorSlugs ?? []))
        if (slug) papersOf.set(slug, [...(papersOf.get(slug) ?? []), paper]);
    return entries
      .filter((entry) => papersOf.has(entry.id))
      .map((entry) => {
        const own = papersOf.get(entry.id)!;
        return { slug: entry.id, ...entry.data, papers: newestFirst(own), coauthors: coauthors(entry.id, own) };
      })
      .sort((a, b) => byFamilyName(a.name, b.name));
  }));
}

/** The people an author wrote with, by how many papers they share, then by name. */
function coauthors(slug: string, papers: readonly Paper[]): Coauthor[] {
  const byKey = new Map<string, Coauthor>();
  for (const paper of papers) {
    const names = paper.data.authors ?? [];
    names.forEach((name, i) => {
      const other = paper.data.authorSlugs?.[i] ?? null;
      if (other === slug) return;
      const key = other ?? `name:${foldText(name)}`;
      const known = byKey.get(key);
      if (known) known.shared++;
      else byKey.set(key, { name, slug: other, shared: 1 });
    });
  }
  return [...byKey.values()].sort((a, b) => b.shared - a.shared || byFamilyName(a.name, b.name));
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** Orders names as an index does: by family name, then given names. */
export function byFamilyName(a: string, b: string): number {
  const pa = nameParts(a);
  const pb = nameParts(b);
  return collator.compare(pa.family, pb.family) || collator.compare(a, b);
}

/** The letter an author is filed under in the A–Z index: the family name's first letter. */
export function indexLetter(name: string): string {
  const letter = nameParts(name).family.charAt(0).toUpperCase();
  return /[A-Z]/.test(letter) ? letter : '#';
}

/** Where an author's name links: their page, or a search for the name. */
export function authorLink(name: string, slug: string | null | undefined): string {
  return slug ? authorHref(slug) : authorSearchHref(name);
}
