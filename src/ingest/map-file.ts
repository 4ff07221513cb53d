/**
 * Keeps `content/map.json`, each paper's place on the map, the way `slugs.json` keeps its URL:
 * once placed, a paper stays where it is. A paper added later is placed among its neighbours
 * without moving anyone, so that adding a paper changes no other paper's map (nor the pages
 * that draw it). Only when the papers placed that way exceed a tenth of the last full layout
 * (or there is no map yet) is the whole collection laid out again — by then the neighbourhoods
 * have changed enough to be worth redrawing. Deleting the file forces a new layout.
 */
import { readFile } from 'node:fs/promises';
import { inStrip, layoutCollection, MAP_SIZE, placeNear, stripPoint, stripSlot, type Point } from '../map/layout.ts';
import type { Taxonomy } from '../lib/taxonomy.ts';
import { nearestNeighbours } from '../lib/similarity.ts';

/** The committed map file. */
export interface MapRegistry {
  /** How many papers the last full layout placed. */
  laidOut: number;
  /** How many papers have been placed among their neighbours since. */
  placedSince: number;
  /** Slug → [x, y], slugs in sorted order. */
  positions: Record<string, Point>;
}

/** What the layout needs of a paper: the text its neighbours are found by, and its topic. */
export interface PaperForMap {
  slug: string;
  title: string;
  abstract: string;
  topic: string;
}

/** How many neighbours a paper is laid out among. */
const LAYOUT_NEIGHBOURS = 10;
/** Papers placed among neighbours, as a share of the last layout, before the next full layout. */
const RELAYOUT_SHARE = 0.1;

/** Reads the map file; a missing file is an empty map (the first ingest lays it out). */
export async function readMapRegistry(file: string): Promise<MapRegistry> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { laidOut: 0, placedSince: 0, positions: {} };
  try {
    const parsed = JSON.parse(text) as Partial<MapRegistry>;
    const positions = parsed.positions ?? {};
    for (const [slug, point] of Object.entries(positions)) {
      if (!Array.isArray(point) || point.length !== 2 || !point.every(Number.isFinite))
        throw new Error(`the position of "${slug}" is not [x, y]`);
    }
    return { laidOut: parsed.laidOut ?? 0, placedSince: parsed.placedSince ?? 0, positions };
  } catch (error) {
    throw new Error(
      `${file} is broken (${(error as Error).message}). Delete it and run the ingest again to lay out the map anew.`,
    );
  }
}

/** What the layout needs of the generated pages (their frontmatter), in slug order. */
export function papersForMap(frontmatters: readonly Record<string, unknown>[]): PaperForMap[] {
  return frontmatters
    .map((data) => ({
      slug: String(data.slug),
      title: String(data.title),
      abstract: String(data.abstract),
      topic: String(data.topic),
    }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** The new map: existing places kept, new papers placed, or everything laid out anew. */
export function updateMap(
  papers: readonly PaperForMap[],
  previous: MapRegistry,
  taxonomy: Taxonomy,
): { registry: MapRegistry; relaid: boolean } {
  const offTopic = (paper: PaperForMap) => paper.topic === taxonomy.offTopic.slug;
  // A kept place must still suit the paper: a paper whose topic moved in or out of
  // off-topic is placed again.
  const kept = papers.map((paper) => {
    const point = previous.positions[paper.slug];
    return point && inStrip(point) === offTopic(paper) ? point : undefined;
  });
  const unplaced = kept.flatMap((point, i) => (point ? [] : [i]));
  const placedSince = previous.placedSince + unplaced.length;
  const relaid = unplaced.length === papers.length || placedSince > RELAYOUT_SHARE * previous.laidOut;

  const documents = papers.map((paper) => ({ id: paper.slug, title: paper.title, text: paper.abstract }));
  let points: Point[];
  if (relaid) {
    const neighbours = nearestNeighbours(documents, LAYOUT_NEIGHBOURS);
    const layoutPapers = papers.map((paper) => ({ slug: paper.slug, topic: paper.topic, offTopic: offTopic(paper) }));
    points = layoutCollection(
      layoutPapers,
      neighbours,
      taxonomy.topics.map((topic) => topic.slug),
    );
  } else {
    const neighbours = nearestNeighbours(documents, LAYOUT_NEIGHBOURS, new Set(unplaced));
    const usedSlots = new Set(kept.filter((point) => point && inStrip(point)).map((point) => stripSlot(point!)));
    let slot = 0;
    const freeSlot = () => {
      while (usedSlots.has(slot)) slot++;
      usedSlots.add(slot);
      return stripPoint(slot);
    };
    points = papers.map((paper, i) => {
      if (kept[i]) return kept[i];
      if (offTopic(paper)) return freeSlot();
      return placeNear(paper.slug, neighbours[i]!, (j) => kept[j], topicCentre(papers, kept, paper.topic));
    });
  }
  const positions: Record<string, Point> = {};
  const tenth = (value: number) => Math.round(value * 10) / 10;
  papers.forEach((paper, i) => {
    const [x, y] = points[i]!;
    positions[paper.slug] = [tenth(x), tenth(y)];
  });
  return {
    registry: relaid
      ? { laidOut: papers.length, placedSince: 0, positions }
      : { laidOut: previous.laidOut, placedSince, positions },
    relaid,
  };
}

/** The mean place of a topic's placed papers; the square's centre if it has none. */
function topicCentre(papers: readonly PaperForMap[], kept: readonly (Point | undefined)[], topic: string): Point {
  let x = 0;
  let y = 0;
  let count = 0;
  papers.forEach((paper, i) => {
    const point = kept[i];
    if (paper.topic !== topic || !point || inStrip(point)) return;
    x += point[0];
    y += point[1];
    count++;
  });
  return count > 0 ? [x / count, y / count] : [MAP_SIZE / 2, MAP_SIZE / 2];
}

/** The file's text: one paper per line, so that a diff shows which papers moved. */
export function serializeMap(registry: MapRegistry): string {
  const lines = Object.entries(registry.positions).map(
    ([slug, point]) => `    ${JSON.stringify(slug)}: [${point[0]}, ${point[1]}]`,
  );
  return `{\n  "laidOut": ${registry.laidOut},\n  "placedSince": ${registry.placedSince},\n  "positions": {\n${lines.join(',\n')}\n  }\n}\n`;
}
