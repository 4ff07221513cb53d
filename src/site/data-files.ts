/**
 * The data files pages read outside Astro's collections (`lib/content-paths.ts`), read once per
 * build. Astro does not see these reads, so the render keys (`render-keys.ts`) cover the digest
 * of every data file: nothing has to list which page reads which file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_FILES, type DataFile } from '../lib/content-paths.ts';
import { parseTaxonomy, type Taxonomy } from '../lib/taxonomy.ts';

const texts = new Map<DataFile, string>();

/** The text of a data file, read once per build. */
export function readDataFile(file: DataFile): string {
  let text = texts.get(file);
  if (text === undefined) {
    text = readFileSync(path.resolve(DATA_FILES[file]), 'utf8');
    texts.set(file, text);
  }
  return text;
}

let digest: string | undefined;

/**
 * The digest of every data file, whether a page has read it yet or not: a page's key is
 * computed before the page renders, so it cannot wait to see what the page reads.
 */
export function dataFilesDigest(): string {
  digest ??= (Object.keys(DATA_FILES) as DataFile[])
    .reduce((hash, file) => hash.update(file).update(readDataFile(file)), createHash('sha256'))
    .digest('hex');
  return digest;
}

let taxonomy: Taxonomy | undefined;

/** The taxonomy of the site, read once per build. */
export function siteTaxonomy(): Taxonomy {
  return (taxonomy ??= parseTaxonomy(readDataFile('taxonomy'), DATA_FILES.taxonomy));
}
