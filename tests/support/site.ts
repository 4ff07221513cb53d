import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { inject } from 'vitest';
import { BASE } from './site-setup.ts';

export { BASE, SITE_URL } from './site-setup.ts';

/** The built site's folder and its origin on the local static server. */
export const siteDir = (): string => inject('siteDir');
/** A URL on the local static server: `url('papers/')` → `http://127.0.0.1:port/neurons/papers/`. */
export const url = (p = ''): string => `${inject('origin')}${BASE}${p}`;

/** Every HTML file of the built site, relative to it. */
export function htmlFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'pagefind' && entry.name !== '_astro') walk(full);
      } else if (entry.name.endsWith('.html')) out.push(path.relative(siteDir(), full));
    }
  };
  walk(siteDir());
  return out.sort();
}

/** The text of a built file. */
export const read = (file: string): string => readFileSync(path.join(siteDir(), file), 'utf8');

/** What the feeds' order depends on: the day a paper was added, then its first version. */
export interface Dated {
  added?: string;
  published?: string;
}

/**
 * Whether papers are in the order they were added to the collection, the latest first (among
 * papers added the same day, the newest first; papers never dated last) — the feeds' order.
 */
export function inAdditionOrder(papers: readonly Dated[]): boolean {
  const key = (p: Dated) => `${p.added ?? '0000'} ${p.published ?? '0000'}`;
  return papers.every((paper, i) => i === 0 || key(papers[i - 1]!) >= key(paper));
}

/** The frontmatter of every page in a folder of generated pages, by slug. */
export function frontmatterBySlug(dir: string): Map<string, Dated & { title: string; slug: string; topic: string }> {
  return new Map(
    readdirSync(dir).map((name) => {
      const data = jsyaml.load(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(path.join(dir, name), 'utf8'))![1]!, {
        schema: jsyaml.CORE_SCHEMA,
      }) as Dated & { title: string; slug: string; topic: string };
      return [data.slug, data];
    }),
  );
}

/** The paper slug of a feed entry's id (`…/papers/<slug>/`). */
export const entrySlug = (id: string): string => /\/papers\/([^/]+)\/$/.exec(id)![1]!;
