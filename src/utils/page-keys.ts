/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`): a paper page is
 * rendered again only when something it shows has changed. Astro tracks the code; the key
 * covers the data — the paper's own file, the papers it lists and links, its places on the map
 * and the files read outside the module graph. Adding a paper therefore re-renders the paper,
 * the few pages that now list it as related or as previous/next, and nothing else.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Point } from '../map/layout.ts';
import type { PaperContext } from './paper-context.ts';
import type { Paper } from './papers.ts';

/** Data files that pages read with `fs` (so Astro does not see them as dependencies). */
const FILES_READ = ['content/topics.yaml', 'content/abbreviations.yaml'];

let filesDigest: string | undefined;

/** What a paper page shows of another paper (a list entry or a link): all of its data. */
const entryKey = (paper: Paper | undefined) => (paper ? [paper.id, paper.digest ?? JSON.stringify(paper.data)] : null);

/** The cache key of a paper page. */
export function paperPageKey(
  paper: Paper,
  context: PaperContext,
  map: { places: readonly (Point | undefined)[]; tile: string | undefined },
  note: { digest?: string | number; body?: string } | undefined,
): string {
  filesDigest ??= FILES_READ.reduce(
    (hash, file) => hash.update(file).update(readFileSync(path.resolve(file))),
    createHash('sha256'),
  ).digest('hex');
  return createHash('sha256')
    .update(
      JSON.stringify([
        filesDigest,
        entryKey(paper),
        context.related.map(entryKey),
        entryKey(context.previous),
        entryKey(context.next),
        map,
        note ? (note.digest ?? note.body ?? '') : null,
      ]),
    )
    .digest('hex')
    .slice(0, 32);
}
