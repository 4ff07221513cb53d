import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import { dateFromName, PROVENANCE_SUFFIX, readProvenance, type SourceProvenance } from './provenance.ts';
import type { SourceFormat } from './record.ts';

/** One source file, decoded, whole and split into lines. */
export interface SourceFile {
  /** Path relative to the project root, used in provenance and diagnostics. */
  file: string;
  /** Which reader reads it, by its extension. */
  format: SourceFormat;
  /** The decoded text. */
  text: string;
  /** Lines without their line terminators. */
  lines: string[];
  /** When it was fetched and which entries it brought in (`provenance.ts`); absent when unknown. */
  provenance?: SourceProvenance;
}

/** The format of each extension the ingest reads; other files in the folder are skipped with a warning. */
export const FORMAT_BY_EXTENSION: Record<string, SourceFormat> = {
  '.txt': 'scrape',
  '.atom': 'arxiv',
  '.xml': 'arxiv',
  '.json': 'huggingface',
  '.bib': 'bibtex',
};

/** The format of a file name, or undefined if the ingest does not read it. */
export function formatOf(name: string): SourceFormat | undefined {
  return FORMAT_BY_EXTENSION[path.extname(name).toLowerCase()];
}

/**
 * Lists the source files of a folder in a stable (byte-wise) order, their provenance files
 * (`<source>.provenance.yaml`), and the files it skips.
 */
export async function listSourceFiles(
  dir: string,
): Promise<{ files: string[]; provenance: string[]; skipped: string[] }> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((e) => e.name);
  const sorted = names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const isProvenance = (name: string) => name.endsWith(PROVENANCE_SUFFIX);
  return {
    files: sorted.filter((name) => formatOf(name)).map((name) => path.join(dir, name)),
    provenance: sorted.filter(isProvenance).map((name) => path.join(dir, name)),
    // Dot files (.gitkeep, .DS_Store) are not mistakes worth a warning.
    skipped: sorted
      .filter((name) => !formatOf(name) && !isProvenance(name) && !name.startsWith('.'))
      .map((name) => path.join(dir, name)),
  };
}

/**
 * Decodes one scrape file strictly as UTF-8. Invalid bytes are an error rather than a silent U+FFFD,
 * because a mangled title would become a wrong, permanent slug.
 */
export function decodeSource(
  file: string,
  bytes: Uint8Array,
  format: SourceFormat = formatOf(file) ?? 'scrape',
): { source?: SourceFile; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    return {
      diagnostics: [
        {
          severity: 'error',
          file,
          line,
          message: 'the file is not valid UTF-8',
          hint: 'Re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`), then run the ingest again.',
        },
      ],
    };
  }
  const lines = text.split(/\r?\n/);
  // A final newline is a terminator, not an empty last line.
  if (lines.at(-1) === '') lines.pop();
  return { source: { file, format, text, lines }, diagnostics: [] };
}

/** Finds the 1-based line holding the first byte sequence that is not valid UTF-8. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 0;
}

/** Reads and decodes every source file of a folder; `root` makes reported paths relative. */
export async function loadSourceFiles(
  dir: string,
  root: string,
): Promise<{ sources: SourceFile[]; diagnostics: Diagnostic[] }> {
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const relative = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  const { files, provenance, skipped } = await listSourceFiles(dir);
  for (const absolute of provenance) {
    if (files.includes(absolute.slice(0, -PROVENANCE_SUFFIX.length))) continue;
    diagnostics.push({
      severity: 'error',
      file: relative(absolute),
      line: 0,
      message: `the provenance file belongs to ${path.basename(absolute.slice(0, -PROVENANCE_SUFFIX.length))}, which is not in the folder`,
      hint: 'Put the source back, or delete its provenance file with it.',
    });
  }
  for (const absolute of skipped) {
    diagnostics.push({
      severity: 'warning',
      file: relative(absolute),
      line: 0,
      message: 'not a source format the ingest reads; skipped',
      hint: `Sources are ${Object.keys(FORMAT_BY_EXTENSION).join(', ')} files; move other files out of the folder.`,
    });
  }
  for (const absolute of files) {
    const file = relative(absolute);
    const decoded = decodeSource(file, await readFile(absolute));
    diagnostics.push(...decoded.diagnostics);
    const sidecar = `${absolute}${PROVENANCE_SUFFIX}`;
    const read = provenance.includes(sidecar)
      ? readProvenance(await readFile(sidecar, 'utf8'), relative(sidecar))
      : undefined;
    diagnostics.push(...(read?.diagnostics ?? []));
    const fetched = read?.provenance?.fetched ?? dateFromName(path.basename(absolute));
    if (decoded.source)
      sources.push({
        ...decoded.source,
        ...((fetched || read?.provenance) && { provenance: { ...read?.provenance, ...(fetched && { fetched }) } }),
      });
  }
  return { sources, diagnostics };
}
