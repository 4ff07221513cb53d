/**
 * The geometry of the map's pages, free of Astro: the tiles a large map is cut into, the frame
 * of a view, and where topic labels go. The places themselves come from `layout.ts`.
 *
 * A map page holds at most MAP_TILE_PAPERS papers as links: beyond that the plane is cut into
 * quarters, recursively (a quadtree), and a page that holds more shows its papers as dots (or,
 * past MAP_DOTS_MAX, their density: `density.ts`) with links to its quarters. Every paper therefore has exactly one tile where it is a link, and its
 * page links there (`/map/<tile>/#<slug>`). Places do not move when papers are added, so a
 * tile only changes when it fills up and splits.
 */
import { MAP_SIZE, type Point } from './layout.ts';

/** The most papers one map page shows as links (about 350 bytes each, with its list entry). */
export const MAP_TILE_PAPERS = 300;

/** A paper as the map draws it. */
export interface MapPaper {
  slug: string;
  title: string;
  topic: string;
  point: Point;
}

/** An axis-aligned rectangle of the map's plane. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A tile: a rectangle of the plane, the papers in it, and (when it has too many) its quarters. */
export interface MapTile {
  /** Quarter digits from the whole map down ('' is the whole map): 0 NW, 1 NE, 2 SW, 3 SE. */
  path: string;
  rect: Rect;
  papers: MapPaper[];
  quarters: MapTile[];
}

/** The whole plane: the square and, below it, as many rows of the off-topic strip as are used. */
export function planeOf(papers: readonly MapPaper[]): Rect {
  const bottom = Math.max(MAP_SIZE, ...papers.map((paper) => paper.point[1] + 20));
  return { x: 0, y: 0, width: MAP_SIZE, height: Math.ceil(bottom) };
}

/** Cuts the plane into tiles of at most MAP_TILE_PAPERS papers. */
export function mapTiles(papers: readonly MapPaper[], rect: Rect = planeOf(papers), path = ''): MapTile {
  // A tile smaller than a few units cannot be split usefully (papers in one spot); stop there.
  if (papers.length <= MAP_TILE_PAPERS || rect.width < 4) return { path, rect, papers: [...papers], quarters: [] };
  const halfWidth = rect.width / 2;
  const halfHeight = rect.height / 2;
  const quarters = [0, 1, 2, 3].map((q) => {
    const inside = papers.filter((paper) => quarterOf(rect, paper.point) === q);
    const quarterRect = {
      x: q % 2 === 0 ? rect.x : rect.x + halfWidth,
      y: q < 2 ? rect.y : rect.y + halfHeight,
      width: halfWidth,
      height: halfHeight,
    };
    return mapTiles(inside, quarterRect, `${path}${q}`);
  });
  return { path, rect, papers: [...papers], quarters: quarters.filter((tile) => tile.papers.length > 0) };
}

/** The quarter of a rectangle a point falls in, as a tile's digit: 0 NW, 1 NE, 2 SW, 3 SE. */
export function quarterOf(rect: Rect, point: Point): number {
  return (point[1] < rect.y + rect.height / 2 ? 0 : 2) + (point[0] < rect.x + rect.width / 2 ? 0 : 1);
}

/** Every tile of the tree, the whole map first. */
export function allTiles(root: MapTile): MapTile[] {
  return [root, ...root.quarters.flatMap(allTiles)];
}

/** The tile on which each paper is a link (the leaf that holds it), by slug. */
export function leafOf(root: MapTile): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const tile of allTiles(root)) {
    if (tile.quarters.length === 0) for (const paper of tile.papers) leaves.set(paper.slug, tile.path);
  }
  return leaves;
}

/**
 * A rectangle around the given points with `padding` on each side, at least `minSide` wide,
 * widened or heightened to the `aspect` (width / height) of the picture it will fill, and
 * moved to lie within the plane.
 */
export function frame(
  points: readonly Point[],
  options: { padding: number; minSide: number; aspect: number },
  plane: Rect,
): Rect {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let width = Math.max(options.minSide, right - left + 2 * options.padding);
  let height = Math.max(options.minSide / options.aspect, bottom - top + 2 * options.padding);
  if (width / height < options.aspect) width = height * options.aspect;
  else height = width / options.aspect;
  width = Math.min(width, plane.width);
  height = Math.min(height, plane.height);
  const place = (low: number, high: number, side: number, limit: number) =>
    Math.min(Math.max(0, (low + high) / 2 - side / 2), limit - side);
  return {
    x: round(place(left, right, width, plane.width)),
    y: round(place(top, bottom, height, plane.height)),
    width: round(width),
    height: round(height),
  };
}

/** Whether a point lies within a rectangle. */
export function inRect(point: Point, rect: Rect): boolean {
  return (
    point[0] >= rect.x && point[0] <= rect.x + rect.width && point[1] >= rect.y && point[1] <= rect.y + rect.height
  );
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The topics of some papers, most papers first: "mostly …" in a tile's description. */
export function mainTopics(papers: readonly MapPaper[]): { topic: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const paper of papers) counts.set(paper.topic, (counts.get(paper.topic) ?? 0) + 1);
  return [...counts]
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : 1));
}

/**
 * The widths a map is drawn for, widest first. An SVG scales everything with its width, so a
 * label sized for a desktop map would be 6 px high on a phone. A map therefore carries one set
 * of topic labels per range of widths, placed for the narrowest width of its range, and the
 * CSS container queries of `MapView.astro` (the same breakpoints: 40rem, 26rem) show the set
 * for the width the map gets; its targets and numbers are sized there the same way.
 */
export const MAP_WIDTHS = [
  { name: 'wide', minPx: 640 },
  { name: 'medium', minPx: 416 },
  { name: 'narrow', minPx: 272 },
] as const;
export type MapWidth = (typeof MAP_WIDTHS)[number];

/** The least height of a topic label's letters on screen, in CSS px. */
export const LABEL_PX = 11;

/** A length on screen (CSS px), in the units of a view `viewWidth` wide drawn `screenPx` px wide. */
export function mapUnits(px: number, viewWidth: number, screenPx: number): number {
  return (px * viewWidth) / screenPx;
}

/**
 * The most a mark drawn round a point reaches on screen, in CSS px: a target's radius (12.5,
 * for 25 px targets) or a number's disc with its ring (`MapView.astro`).
 */
export const MARK_RADIUS_PX = 13;

/**
 * The view with room around it for marks sized on screen (`radiusPx` round each point, as
 * drawn `screenPx` wide), where a point lies nearer the view's edge than that: the whole view
 * when none does. The room is part of what is drawn, so it is solved for together.
 */
export function withRoom(view: Rect, points: readonly Point[], radiusPx: number, screenPx: number): Rect {
  const share = radiusPx / screenPx;
  const edge = Math.min(
    ...points.map(([x, y]) => Math.min(x - view.x, view.x + view.width - x, y - view.y, view.y + view.height - y)),
  );
  const room = points.length === 0 ? 0 : Math.max(0, (share * view.width - edge) / (1 - 2 * share));
  if (room === 0) return view;
  const r = Math.ceil(room * 10) / 10;
  return { x: view.x - r, y: view.y - r, width: view.width + 2 * r, height: view.height + 2 * r };
}

/** A topic label placed on a view: its lines (a long name is wrapped in two) and where they sit. */
export interface PlacedLabel {
  topic: string;
  lines: string[];
  x: number;
  /** The baseline of the first line. */
  y: number;
}

/**
 * Places topic labels so that none covers another or runs off the view: each starts at its
 * topic's centre and, if taken, tries rows above and below. Text widths are estimated (0.66
 * of the font size per character: the labels are bold, and DejaVu Sans Bold, a common
 * fallback for system-ui on Linux, measures up to 0.65), since nothing is measured at build
 * time. Larger topics are placed first; a label with no free row is left out
 * (the legend still names every topic).
 */
export function placeLabels(
  labels: readonly { topic: string; name: string; point: Point; weight: number }[],
  fontSize: number,
  view: Rect,
): PlacedLabel[] {
  const lineHeight = fontSize * 1.2;
  const taken: Rect[] = [];
  const placed: PlacedLabel[] = [];
  for (const label of [...labels].sort((a, b) => b.weight - a.weight)) {
    const lines = wrapName(label.name);
    const width = Math.max(...lines.map((line) => line.length)) * fontSize * 0.66;
    const height = lines.length * lineHeight;
    const x = Math.min(Math.max(label.point[0], view.x + width / 2 + 4), view.x + view.width - width / 2 - 4);
    for (const shift of [0, -1, 1, -2, 2, -3, 3]) {
      const top = Math.min(
        Math.max(label.point[1] - height / 2 + shift * lineHeight, view.y + 4),
        view.y + view.height - height - 4,
      );
      const box = { x: x - width / 2, y: top, width, height };
      if (taken.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      placed.push({ topic: label.topic, lines, x: round(x), y: round(top + fontSize) });
      break;
    }
  }
  return placed;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A name longer than 20 characters, split in two at the space nearest its middle. */
function wrapName(name: string): string[] {
  if (name.length <= 20) return [name];
  const middle = name.length / 2;
  let best = -1;
  for (let i = name.indexOf(' '); i !== -1; i = name.indexOf(' ', i + 1)) {
    if (best === -1 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  }
  return best === -1 ? [name] : [name.slice(0, best), name.slice(best + 1)];
}
