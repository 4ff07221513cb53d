import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the ingest's own code. */
const INGEST_DIR = path.dirname(fileURLToPath(import.meta.url));

/**
 * A fingerprint of everything besides the paper itself that decides what the ingest writes:
 * the ingest's code, the taxonomy schema and file, and the locked dependency versions (the
 * serialiser's output could change with them).
 */
export async function ingestFingerprint(taxonomyFile: string, lockFile: string): Promise<string> {
  const hash = createHash('sha256');
  const codeFiles = (await readdir(INGEST_DIR, { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
  for (const file of codeFiles) hash.update(file).update(await readFile(path.join(INGEST_DIR, file)));
  hash.update(await readFile(path.join(INGEST_DIR, '../schemas/taxonomy.ts')));
  hash.update(await readFile(taxonomyFile));
  hash.update(await readFile(lockFile).catch(() => ''));
  return hash.digest('hex');
}

/** The key of one paper page: the same key means the same bytes, so a page can be reused. */
export function pageKey(fingerprint: string, parts: unknown): string {
  return createHash('sha256').update(fingerprint).update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/** Reads the key a generated page was made with (its `ingestKey` frontmatter field). */
export function keyOfPage(mdx: string | undefined): string | undefined {
  // YAML quotes a key that would read as a number (all digits, or digits with one `e`).
  return mdx ? /^ingestKey: "?([0-9a-f]{32})"?$/m.exec(mdx)?.[1] : undefined;
}
