/**
 * Pagefind's floor of a first search: what any site searched with Pagefind fetches before its
 * first result, whatever the query — the WebAssembly, `pagefind.js`, its worker and the page
 * list (`pf_meta`). Measured on the floor site's index (the Pagefind CLI over bare pages of the
 * same papers, no sorts or filters), by reading those files and counting the bytes the bench's
 * static server sends for each (text gzip-compressed, Pagefind's own files as they are).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bytesSent } from '../support/static-server.ts';

/** The floor's bytes, in all and per file. */
export interface PagefindFloor {
  bytes: number;
  wasm: number;
  code: number;
  worker: number;
  pageList: number;
}

/** `pagefind-entry.json`: the index's languages, each with its WebAssembly and page list. */
interface PagefindEntry {
  languages: Record<string, { hash: string; wasm: string; page_count: number }>;
}

/** Pagefind's floor of a first search on the index in `pagefindDir` (a site's `pagefind/`). */
export function pagefindFloor(pagefindDir: string): PagefindFloor {
  const entry = JSON.parse(readFileSync(path.join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  // The language of the papers' pages: the one that holds (nearly) all of them.
  const language = Object.values(entry.languages).sort((a, b) => b.page_count - a.page_count)[0];
  if (!language) throw new Error(`${pagefindDir}: Pagefind's index has no language`);
  const sent = (name: string) => bytesSent(path.join(pagefindDir, name));
  const floor = {
    wasm: sent(`wasm.${language.wasm}.pagefind`),
    code: sent('pagefind.js'),
    worker: sent('pagefind-worker.js'),
    pageList: sent(`pagefind.${language.hash}.pf_meta`),
  };
  return { bytes: floor.wasm + floor.code + floor.worker + floor.pageList, ...floor };
}
