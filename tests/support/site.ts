import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
