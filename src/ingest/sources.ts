import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from './diagnostics.ts';

/** One raw scrape file, decoded and split into lines. */
export interface SourceFile {
  /** Path relative to the project root, used in provenance and diagnostics. */
  file: string;
  /** Lines without their line terminators. */
  lines: string[];
}

/** Lists the scrape files of a sources folder in a stable (byte-wise) order. */
export async function listSourceFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Decodes one scrape file strictly as UTF-8. Invalid bytes are an error rather than a silent U+FFFD,
 * because a mangled title would become a wrong, permanent slug.
 */
export function decodeSource(file: string, bytes: Uint8Array): { source?: SourceFile; diagnostics: Diagnostic[] } {
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
  return { source: { file, lines }, diagnostics: [] };
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

/** Reads and decodes every scrape file of a folder; `root` makes reported paths relative. */
export async function readSources(
  dir: string,
  root: string,
): Promise<{ sources: SourceFile[]; diagnostics: Diagnostic[] }> {
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const absolute of await listSourceFiles(dir)) {
    const file = path.relative(root, absolute).split(path.sep).join('/');
    const decoded = decodeSource(file, await readFile(absolute));
    diagnostics.push(...decoded.diagnostics);
    if (decoded.source) sources.push(decoded.source);
  }
  return { sources, diagnostics };
}
