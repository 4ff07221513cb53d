/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`): a page is
 * rendered again only when something it shows has changed. Astro tracks the code; the key
 * covers the data — for a paper page the paper's own file, the papers it lists and links, its
 * places on the map; for a list page the papers on it and where it stands in its list; for a
 * map tile the papers in it — and the data files read outside the module graph
 * (`data-files.ts`). Adding a paper
 * therefore re-renders the paper, the pages that now list or draw it, and nothing else.
 */
import { createHash } from 'node:crypto';
import type { Point } from '../map/layout.ts';
import { dataFilesDigest } from './data-files.ts';
import type { MapTile } from '../map/view.ts';
import type { ListPage } from './listing.ts';
import type { PaperContext } from './paper-context.ts';
import type { AuthorPage } from './authors.ts';
import type { Paper } from './papers.ts';

/** What a paper page shows of another paper (a list entry or a link): all of its data. */
const entryKey = (paper: Paper | undefined) => (paper ? [paper.id, paper.digest ?? JSON.stringify(paper.data)] : null);

/** A short digest of a page's inputs, as JSON. */
const keyOf = (inputs: unknown[]) =>
  createHash('sha256')
    .update(JSON.stringify([dataFilesDigest(), ...inputs]))
    .digest('hex')
    .slice(0, 32);

/** The cache key of a page of a paper list: its place in the list (numbers and links) and its papers. */
export function listRenderKey(page: ListPage, context: unknown): string {
  const { data, ...place } = page;
  return keyOf([context, place, data.map(entryKey)]);
}

/** The cache key of an author's page: the author, their papers and their co-authors. */
export function authorRenderKey(author: AuthorPage): string {
  const { papers, ...rest } = author;
  return keyOf([rest, papers.map(entryKey)]);
}

/**
 * The cache key of a map tile: the tile with every paper in it and its quarters, down to the
 * leaves (a tile drawn as density links its bins to tiles below its quarters, named by their
 * papers).
 */
export function mapTileRenderKey(tile: MapTile): string {
  return keyOf([tile]);
}

/** The cache key of a paper page. */
export function paperRenderKey(
  paper: Paper,
  context: PaperContext,
  map: { places: readonly (Point | undefined)[]; tile: string | undefined },
  note: { digest?: string | number; body?: string } | undefined,
): string {
  return keyOf([
    entryKey(paper),
    context.related.map(entryKey),
    entryKey(context.previous),
    entryKey(context.next),
    map,
    note ? (note.digest ?? note.body ?? '') : null,
  ]);
}
