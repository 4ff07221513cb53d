/**
 * Density for the map's large tiles, free of Astro. A tile that holds more than MAP_DOTS_MAX
 * papers does not draw a dot per paper (12 bytes each: 1.2 MB at 100,000) but hexagonal bins:
 * a regular grid of about HEX_ACROSS hexagons across the view, each in the colour of the topic
 * most of its papers have and drawn at one of DENSITY_LEVELS sizes by how many it holds. The
 * grid, not the papers, sets the number of shapes, so the page weighs about the same whatever
 * the number of papers: at 100,000, the overview's bins weigh 45 KB for papers in clusters and
 * 104 KB for papers spread evenly (every hexagon full), against 43 KB at 10,000 (the unit tests
 * bound every binned tile's at 150 KB).
 *
 * Each bin links to the deepest tile, at most LINK_DEPTH levels down, that holds all of its
 * papers (a bin across this tile's own quarter lines: the quarter that holds most of them, and
 * the deepest tile holding all of those), and the bins that link to the same tile are drawn as
 * one link: hovering it shows the part of the map it opens. The off-topic strip below the
 * square is a uniform grid of slots, so binning it says nothing; it is drawn as one block, and
 * when it is taller than a band of a quarter of the view's width (15,000 off-topic papers make
 * it 9,000 units high), squeezed to that band: the square keeps its scale, and the quarters'
 * outlines are squeezed alike.
 */
import { inStrip, MAP_SIZE, STRIP_STEP, STRIP_TOP, type Point } from './layout.ts';
import { mainTopics, quarterOf, type MapPaper, type MapTile, type Rect } from './view.ts';

/** The most papers a tile draws as dots; a tile with more draws hexagonal bins. */
export const MAP_DOTS_MAX = 5_000;
/**
 * Hexagons across a square view (about 30 px each on a desktop, 7 px on a phone); a view of
 * another shape gets hexagons of the same share of its area, so that no view has more than
 * about 1,850 of them (40 across and 46 rows).
 */
export const HEX_ACROSS = 40;
/** The steps of a bin's size, by how many papers it holds. */
export const DENSITY_LEVELS = 4;
/**
 * A bin links at most this many levels below its tile: one click zooms in up to 8 times, and a
 * page has at most 4 + 16 + 64 = 84 links however its papers lie.
 */
export const LINK_DEPTH = 3;
/** Where the strip's band starts: half a row above its first row. */
export const BAND_TOP = STRIP_TOP - STRIP_STEP / 2;
/** The strip's band is at most this share of the view's width high. */
const BAND_SHARE = 0.25;

/**
 * A regular grid of hexagons with a vertex up ("pointy-top"), in rows `1.5 radius` apart, odd
 * rows shifted right by half a hexagon. The hexagon of column `col` and row `row` is centred at
 * (`x + width · (col + (row odd ? ½ : 0))`, `y + 1.5 · radius · row`).
 */
export interface HexGrid {
  /** The centre of the hexagon (0, 0). */
  x: number;
  y: number;
  /** From one flat side to the other: the distance between neighbours in a row. */
  width: number;
  /** From the centre to a vertex: width / √3. */
  radius: number;
}

/**
 * A grid over an area, its hexagons `across` to the side of a square of the same area, the
 * first row's tops on its top edge.
 */
export function hexGrid(area: Rect, across = HEX_ACROSS): HexGrid {
  const width = Math.sqrt(area.width * area.height) / across || area.width / across;
  const radius = width / Math.sqrt(3);
  return { x: area.x + width / 2, y: area.y + radius, width, radius };
}

/** The centre of a hexagon of the grid. */
export function hexCentre(grid: HexGrid, col: number, row: number): Point {
  return [grid.x + grid.width * (col + (row & 1) / 2), grid.y + 1.5 * grid.radius * row];
}

/**
 * The hexagon a point falls in: the one whose centre is nearest (a hexagon is exactly the set of
 * points nearer its centre than any other's). That centre lies in one of the two rows above and
 * below the point; in each row the nearest is the column at the point's x. On a tie, the upper
 * row, then the left column.
 */
export function hexOf(grid: HexGrid, point: Point): { col: number; row: number } {
  const upper = Math.floor((point[1] - grid.y) / (1.5 * grid.radius));
  let best = { col: 0, row: 0, distance: Infinity };
  for (const row of [upper, upper + 1]) {
    const col = Math.round((point[0] - grid.x) / grid.width - (row & 1) / 2) + 0; // + 0: never -0
    const [cx, cy] = hexCentre(grid, col, row);
    const distance = (point[0] - cx) ** 2 + (point[1] - cy) ** 2;
    if (distance < best.distance) best = { col, row, distance };
  }
  return { col: best.col, row: best.row };
}

/** A hexagon of the grid with the papers in it. */
export interface HexBin {
  col: number;
  row: number;
  papers: MapPaper[];
}

/** The papers in each hexagon that holds any, row by row, left to right. */
export function hexBins(grid: HexGrid, papers: readonly MapPaper[]): HexBin[] {
  const bins = new Map<string, HexBin>();
  for (const paper of papers) {
    const { col, row } = hexOf(grid, paper.point);
    const key = `${row},${col}`;
    const bin = bins.get(key);
    if (bin) bin.papers.push(paper);
    else bins.set(key, { col, row, papers: [paper] });
  }
  return [...bins.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * How full a bin is drawn, 1 to DENSITY_LEVELS, on a logarithmic scale up to the fullest bin
 * in view: papers on a map crowd in a few places, and a linear scale would leave all but those
 * at the lowest step.
 */
export function densityLevel(count: number, most: number): number {
  if (count >= most) return DENSITY_LEVELS;
  return Math.max(1, Math.ceil((DENSITY_LEVELS * Math.log1p(count)) / Math.log1p(most)));
}

/**
 * The tile a bin links to: from `tile` down, the deepest tile that holds all of `papers`. When
 * they lie in several of `tile`'s own quarters, the quarter that holds most of them (the first
 * on a tie) and below it the deepest tile that holds all of those, so that a bin always opens
 * a part of the map and never the page it is on.
 */
export function binTarget(tile: MapTile, papers: readonly MapPaper[], depth = LINK_DEPTH): MapTile {
  let node = tile;
  let inside = papers;
  while (node.quarters.length > 0 && node.path.length < tile.path.length + depth) {
    const rect = node.rect;
    const counts = [0, 0, 0, 0];
    for (const paper of inside) counts[quarterOf(rect, paper.point)]!++;
    const most = Math.max(...counts);
    if (most < inside.length && node !== tile) break;
    const q = counts.indexOf(most);
    const next = node.quarters.find((quarter) => quarter.path === `${node.path}${q}`);
    if (!next) break;
    inside = inside.filter((paper) => quarterOf(rect, paper.point) === q);
    node = next;
  }
  return node;
}

/** A squeeze of the plane below `from` by `scale` (the strip's band). */
export interface Squeeze {
  from: number;
  scale: number;
}

/** Where a y of the plane is drawn under a squeeze. */
export function squeezeY(squeeze: Squeeze | undefined, y: number): number {
  return squeeze && y > squeeze.from ? squeeze.from + (y - squeeze.from) * squeeze.scale : y;
}

/** A rectangle of the plane as drawn under a squeeze. */
export function squeezeRect(squeeze: Squeeze | undefined, rect: Rect): Rect {
  const y = squeezeY(squeeze, rect.y);
  return { ...rect, y, height: squeezeY(squeeze, rect.y + rect.height) - y };
}

/** The bins of one topic (its papers' most common one), as one path. */
export interface DensityShape {
  topic: string;
  /** Path data: one hexagon per bin, sized by its level. */
  d: string;
}

/** The bins that open the same tile, drawn as one link. */
export interface DensityLink {
  target: MapTile;
  shapes: DensityShape[];
}

/** What a large tile draws instead of dots. */
export interface Density {
  /** The part of the plane drawn: the tile's rectangle, its strip squeezed if taller than the band. */
  view: Rect;
  squeeze: Squeeze | undefined;
  links: DensityLink[];
  /** The off-topic strip in view, as one block, and how many papers it holds. */
  strip: { rect: Rect; count: number } | undefined;
  /** The tile's quarters with their rectangles as drawn. */
  quarters: { tile: MapTile; rect: Rect }[];
}

/** Whether a tile draws density: it has quarters, and more papers than dots can carry lightly. */
export function drawsDensity(tile: MapTile): boolean {
  return tile.quarters.length > 0 && tile.papers.length > MAP_DOTS_MAX;
}

/** What a tile draws as density, or undefined for a tile that draws its papers. */
export function densityOf(tile: MapTile, across = HEX_ACROSS): Density | undefined {
  if (!drawsDensity(tile)) return undefined;
  const rect = tile.rect;
  const bottom = rect.y + rect.height;
  const from = Math.max(rect.y, BAND_TOP);
  const band = BAND_SHARE * rect.width;
  const squeeze = bottom - from > band ? { from, scale: band / (bottom - from) } : undefined;

  // The hexagons cover the part of the view where on-topic papers lie: the square.
  const grid = hexGrid({ ...rect, height: Math.max(0, Math.min(bottom, MAP_SIZE) - rect.y) }, across);
  const bins = hexBins(
    grid,
    tile.papers.filter((paper) => !inStrip(paper.point)),
  );
  const most = Math.max(0, ...bins.map((bin) => bin.papers.length));
  const digits = grid.width >= 20 ? 0 : grid.width >= 2 ? 1 : 2;
  const byTarget = new Map<string, { target: MapTile; cells: Map<string, HexCell[]> }>();
  for (const bin of bins) {
    const target = binTarget(tile, bin.papers);
    const topic = mainTopics(bin.papers)[0]!.topic;
    const link = byTarget.get(target.path) ?? { target, cells: new Map() };
    byTarget.set(target.path, link);
    const cells = link.cells.get(topic) ?? [];
    link.cells.set(topic, cells);
    cells.push({ col: bin.col, row: bin.row, scale: levelScale(densityLevel(bin.papers.length, most)) });
  }
  const links = [...byTarget.values()]
    .sort((a, b) => (a.target.path < b.target.path ? -1 : 1))
    .map(({ target, cells }) => ({
      target,
      shapes: [...cells]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([topic, list]) => ({ topic, d: hexPath(grid, list, digits) })),
    }));

  const stripped = tile.papers.filter((paper) => inStrip(paper.point));
  const strip =
    stripped.length === 0
      ? undefined
      : {
          rect: squeezeRect(
            squeeze,
            clip(
              around(
                stripped.map((paper) => paper.point),
                STRIP_STEP / 2,
              ),
              rect,
            ),
          ),
          count: stripped.length,
        };
  return {
    view: squeezeRect(squeeze, rect),
    squeeze,
    links,
    strip,
    quarters: tile.quarters.map((quarter) => ({ tile: quarter, rect: squeezeRect(squeeze, quarter.rect) })),
  };
}

/** A bin's hexagon is drawn smaller the fewer papers it holds: its area grows with its level. */
export function levelScale(level: number): number {
  return Math.sqrt(level / DENSITY_LEVELS);
}

/** A hexagon of the grid to draw, `scale` times its size (1: the whole cell). */
export interface HexCell {
  col: number;
  row: number;
  scale: number;
}

/**
 * Path data for hexagons of the grid, with `digits` decimals: the first from its top vertex
 * ("M x y"), each next one moved to from the last one's top ("m dx dy", from the rounded
 * positions, so that rounding does not add up), then its six sides ("l w/2 r/2 v r l -w/2 r/2
 * -w/2 -r/2 v -r z"): about 30 bytes a hexagon.
 */
export function hexPath(grid: HexGrid, cells: readonly HexCell[], digits = 1): string {
  const factor = 10 ** digits;
  const round = (value: number) => Math.round(value * factor) / factor;
  const sides = new Map<number, string>();
  const sidesOf = (scale: number) => {
    const [half, quarter, side] = [grid.width / 2, grid.radius / 2, grid.radius].map((v) => round(v * scale));
    return `l${half} ${quarter}v${side}l-${half} ${quarter}-${half}-${quarter}v-${side}z`;
  };
  let last: Point | undefined;
  let d = '';
  for (const { col, row, scale } of cells) {
    const [cx, cy] = hexCentre(grid, col, row);
    const top: Point = [round(cx), round(cy - grid.radius * scale)];
    d += last ? `m${pair(round(top[0] - last[0]), round(top[1] - last[1]))}` : `M${pair(top[0], top[1])}`;
    if (!sides.has(scale)) sides.set(scale, sidesOf(scale));
    d += sides.get(scale)!;
    last = top;
  }
  return d;
}

/** Two numbers of path data: a minus sign separates them by itself. */
function pair(a: number, b: number): string {
  return `${a}${b < 0 ? '' : ' '}${b}`;
}

/** The rectangle around some points, `padding` beyond them on each side. */
function around(points: readonly Point[], padding: number): Rect {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
  }
  return { x: left - padding, y: top - padding, width: right - left + 2 * padding, height: bottom - top + 2 * padding };
}

/** The part of a rectangle inside another. */
function clip(rect: Rect, within: Rect): Rect {
  const x = Math.max(rect.x, within.x);
  const y = Math.max(rect.y, within.y);
  const right = Math.min(rect.x + rect.width, within.x + within.width);
  const bottom = Math.min(rect.y + rect.height, within.y + within.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}
