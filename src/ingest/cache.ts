/**
 * The ingest's memory of the pages it built, so that an unchanged paper is not built again.
 * It lives under `.cache/ingest/` (ignored by git), never in the committed pages: a change to
 * the ingest's code then rebuilds the pages, but a page changes only when its bytes do.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { replaceFile } from './output.ts';

/** The folder of the ingest's own code. */
const INGEST_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The shared code a page depends on besides the ingest's own. */
const LIB_DIR = path.join(INGEST_DIR, '../lib');

/** The citation code the ingest runs (a page holds its formatted reference). */
const CITATION_FILE = path.join(INGEST_DIR, '../paper/citation.ts');

/**
 * A digest of the tool: everything besides the paper itself that decides what the ingest writes:
 * the ingest's code and the shared and citation code it runs, the taxonomy and venue tables, and the locked
 * dependency versions (the serialiser's output could change with them). A missing file (a
 * project without a venue table) counts as empty.
 */
export async function toolDigest(tables: readonly string[], lockFile: string): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of [INGEST_DIR, LIB_DIR]) {
    const codeFiles = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
    for (const file of codeFiles) hash.update(file).update(await readFile(path.join(dir, file)));
  }
  hash.update(await readFile(CITATION_FILE));
  for (const table of tables) hash.update(await readFile(table).catch(() => '')).update('\0');
  hash.update(await readFile(lockFile).catch(() => ''));
  return hash.digest('hex');
}

/** The digest of one page's inputs: the same inputs make the same bytes, so a page can be reused. */
export function inputsDigest(tool: string, parts: unknown): string {
  return createHash('sha256').update(tool).update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** A digest of a page's bytes, to know that the file is still the one the ingest wrote. */
export function pageDigest(mdx: string): string {
  return createHash('sha256').update(mdx).digest('hex').slice(0, 32);
}

/** Per page file name: the key of the inputs it was built from and the digest of what was written. */
export type PageCache = Map<string, { inputs: string; digest: string }>;

/** Reads the cache; a missing or unreadable one is empty (every page is built again). */
export async function readPageCache(file: string): Promise<PageCache> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  try {
    return new Map(
      Object.entries(text ? (JSON.parse(text) as Record<string, { inputs: string; digest: string }>) : {}),
    );
  } catch {
    return new Map();
  }
}

/** Writes the cache, replacing the last one whole. */
export async function writePageCache(file: string, cache: PageCache): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await replaceFile(file, JSON.stringify(Object.fromEntries([...cache].sort(([a], [b]) => (a < b ? -1 : 1)))));
}
