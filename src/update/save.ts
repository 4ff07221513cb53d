/**
 * Saving fetched responses under `content/sources/`: each as received, named by what it holds
 * and when (`2026-12-02T06-00-00Z_arxiv-neurons_p01.atom`), with its provenance beside it. All
 * files are written aside first and renamed into place together; on any failure the ones already
 * placed are removed again, so a failed run leaves the folder as it was.
 */
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROVENANCE_SUFFIX, serializeProvenance, type ProvenanceRecord } from '../ingest/provenance.ts';
import type { SourceFormat } from '../ingest/record.ts';

const EXTENSION: Record<Exclude<SourceFormat, 'scrape'>, string> = {
  arxiv: '.atom',
  huggingface: '.json',
  bibtex: '.bib',
};

/** `2026-12-02T06-00-00Z`: a UTC time that sorts as text and is a valid file name everywhere. */
export function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
}

/** A safe file-name part from ids or names: letters, digits, dots and hyphens, at most 80 characters. */
export function namePart(text: string): string {
  return text
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

/** The project-relative file a response is saved as. */
export function sourceFile(sourcesDir: string, runStamp: string, label: string, format: SourceFormat): string {
  if (format === 'scrape') throw new Error('scrapes are not fetched');
  return `${sourcesDir}/${runStamp}_${label}${EXTENSION[format]}`;
}

/** One response to save: its bytes as received and its provenance. */
export interface Saving {
  /** Project-relative path (`content/sources/…`). */
  file: string;
  body: Uint8Array;
  provenance: ProvenanceRecord;
}

/** The provenance record of a response received at `receivedAt`. */
export function provenanceOf(
  query: string,
  http: { url: string; status: number; contentType: string; receivedAt: number },
  adds: readonly string[],
): ProvenanceRecord {
  return {
    fetched: new Date(http.receivedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    query,
    request: http.url,
    status: http.status,
    ...(http.contentType && { contentType: http.contentType }),
    adds: [...adds],
  };
}

/**
 * Writes every response and its provenance file, or none: each is written aside (`.next`) and
 * renamed into place once all are written. A file that already exists is never overwritten.
 * Returns the project-relative paths written (sources and provenance files).
 */
export async function saveAll(root: string, savings: readonly Saving[]): Promise<string[]> {
  const files = savings.flatMap((s) => [
    { file: s.file, content: s.body },
    { file: `${s.file}${PROVENANCE_SUFFIX}`, content: serializeProvenance(path.basename(s.file), s.provenance) },
  ]);
  for (const { file } of files) {
    if (
      await stat(path.join(root, file)).then(
        () => true,
        () => false,
      )
    )
      throw new Error(`${file} already exists; nothing was written (run it again in a second)`);
  }
  const placed: string[] = [];
  try {
    for (const { file, content } of files) await writeFile(path.join(root, `${file}.next`), content);
    for (const { file } of files) {
      await rename(path.join(root, `${file}.next`), path.join(root, file));
      placed.push(file);
    }
  } catch (error) {
    await removeAll(root, [...placed, ...files.map(({ file }) => `${file}.next`)]);
    throw error;
  }
  return placed;
}

/** Removes files (project-relative) that a failed run had written. */
export async function removeAll(root: string, files: readonly string[]): Promise<void> {
  for (const file of files) await rm(path.join(root, file), { force: true });
}
