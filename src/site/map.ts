/**
 * The map as the site draws it: each paper's place (kept by the ingest in content/map.json,
 * read through the `places` collection), the tiles of the whole collection, and URLs and
 * colours. The geometry is in `map/view.ts`.
 */
import { getCollection } from 'astro:content';
import { inStrip, type Point } from '../map/layout.ts';
import { leafOf, mapTiles, type MapPaper, type MapTile } from '../map/view.ts';
import { groupBy } from '../lib/collections.ts';
import { getPapers, type Paper } from './papers.ts';
import { allTopics } from '../lib/taxonomy.ts';
import { siteTaxonomy } from '../site/data-files.ts';
import { href } from './urls.ts';

let places: Promise<Map<string, Point>> | undefined;
let tree: Promise<{ root: MapTile; leaves: Map<string, string> }> | undefined;

/** Each paper's place, read once per build. */
function mapPlaces(): Promise<Map<string, Point>> {
  return (places ??= getCollection('places').then(
    (entries) => new Map(entries.map((entry) => [entry.id, [entry.data.x, entry.data.y] as const])),
  ));
}

/** The places of some papers (undefined for a paper without one). */
export async function mapPlacesOf(papers: readonly Paper[]): Promise<(Point | undefined)[]> {
  const placeOf = await mapPlaces();
  return papers.map((paper) => placeOf.get(paper.data.slug));
}

/** The papers with their places; a paper without one means the ingest has not run since it came. */
export async function mapPapers(papers: readonly Paper[]): Promise<MapPaper[]> {
  const places = await mapPlacesOf(papers);
  return papers.map((paper, i) => {
    const point = places[i];
    if (!point) throw new Error(`content/map.json has no place for "${paper.data.slug}": run \`npm run ingest\`.`);
    return { slug: paper.data.slug, title: paper.data.title, topic: paper.data.topic.id, point };
  });
}

/** The tiles of the whole collection and each paper's leaf tile, computed once per build. */
export function mapTree(): Promise<{ root: MapTile; leaves: Map<string, string> }> {
  return (tree ??= getPapers().then(async (papers) => {
    const root = mapTiles(await mapPapers(papers));
    return { root, leaves: leafOf(root) };
  }));
}

/** The URL of a map tile, optionally at a paper on it. */
export function mapHref(path: string, slug?: string): string {
  return href(`map/${path ? `${path}/` : ''}`) + (slug ? `#${slug}` : '');
}

/** A label for each topic that has at least `min` papers in view, at the median of their places. */
export function topicLabels(
  papers: readonly MapPaper[],
  min: number,
): { topic: string; name: string; point: Point; weight: number }[] {
  const byTopic = groupBy(papers, (paper) => (inStrip(paper.point) ? [] : [paper.topic]));
  return allTopics(siteTaxonomy())
    .filter((topic) => (byTopic.get(topic.slug)?.length ?? 0) >= min)
    .map((topic) => {
      const list = byTopic.get(topic.slug)!;
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const point: Point = [median(list.map((p) => p.point[0])), median(list.map((p) => p.point[1]))];
      return { topic: topic.slug, name: topic.name, point, weight: list.length };
    });
}
