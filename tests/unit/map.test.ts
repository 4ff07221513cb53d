import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { readMapRegistry } from '../../src/ingest/map-file.ts';
import { inStrip, layoutCollection, MAP_SIZE, placeNear, stripPoint, type Point } from '../../src/map/layout.ts';
import {
  allTiles,
  frame,
  leafOf,
  MAP_TILE_PAPERS,
  mapTiles,
  placeLabels,
  withRoom,
  type MapPaper,
  type MapTile,
} from '../../src/map/view.ts';
import {
  BAND_TOP,
  binTarget,
  densityLevel,
  densityOf,
  drawsDensity,
  hexBins,
  hexCentre,
  hexGrid,
  hexOf,
  hexPath,
  MAP_DOTS_MAX,
  squeezeY,
  type Density,
} from '../../src/map/density.ts';
import { topicColourClass } from '../../src/map/palette.ts';
import { binLabel } from '../../src/map/words.ts';
import { allTopics, parseTaxonomy, type Taxonomy } from '../../src/lib/taxonomy.ts';
import { nearestNeighbours } from '../../src/lib/similarity.ts';
import { random } from '../../src/lib/random.ts';
import { abstractAbout, ROOT, scrape, scratchProject } from '../support/project.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

/** Two families of documents with no words in common: spikes and transformers. */
function twoFamilies(perFamily: number) {
  const rng = random(7);
  const pick = (words: string[]) =>
    Array.from({ length: 12 }, () => words[Math.floor(rng() * words.length)]!).join(' ');
  const spikes = 'spike synapse plasticity dendrite cortex hippocampus membrane potential axon firing'.split(' ');
  const models = 'transformer attention token embedding residual layer probing logit vocabulary prompt'.split(' ');
  return [
    ...Array.from({ length: perFamily }, (_, i) => ({ id: `s${i}`, title: pick(spikes), text: pick(spikes) })),
    ...Array.from({ length: perFamily }, (_, i) => ({ id: `m${i}`, title: pick(models), text: pick(models) })),
  ];
}

const distance = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const meanDistance = (pairs: [Point, Point][]) => pairs.reduce((sum, [a, b]) => sum + distance(a, b), 0) / pairs.length;

describe('layout', () => {
  const documents = twoFamilies(40);
  const papers = documents.map((doc) => ({ slug: doc.id, topic: 'one', offTopic: false }));
  const neighbours = nearestNeighbours(documents, 10);

  it('puts papers with similar text together and dissimilar ones apart', () => {
    const points = layoutCollection(papers, neighbours, ['one']);
    const within: [Point, Point][] = [];
    const across: [Point, Point][] = [];
    points.forEach((a, i) =>
      points.forEach((b, j) => {
        if (j <= i) return;
        (documents[i]!.id[0] === documents[j]!.id[0] ? within : across).push([a, b]);
      }),
    );
    // The two families share no word: on the map they are two groups, far apart.
    expect(meanDistance(across)).toBeGreaterThan(2 * meanDistance(within));
  });

  it('is deterministic and keeps every on-topic paper inside the square', () => {
    const first = layoutCollection(papers, neighbours, ['one']);
    expect(layoutCollection(papers, neighbours, ['one'])).toEqual(first);
    for (const [x, y] of first) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(MAP_SIZE);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(MAP_SIZE);
    }
  });

  it('puts off-topic papers apart, in the strip below the square, one slot each', () => {
    const mixed = papers.map((paper, i) => ({ ...paper, offTopic: i % 10 === 0 }));
    const points = layoutCollection(mixed, neighbours, ['one']);
    mixed.forEach((paper, i) => expect(inStrip(points[i]!), paper.slug).toBe(paper.offTopic));
    const strip = points.filter(inStrip).map((p) => p.join());
    expect(new Set(strip).size).toBe(strip.length);
  });

  it('places a new paper at the similarity-weighted centre of its placed neighbours, a few units off', () => {
    const placed: Point[] = [
      [100, 100],
      [300, 100],
    ];
    const point = placeNear(
      'new',
      [
        { index: 0, similarity: 0.3 },
        { index: 1, similarity: 0.1 },
        { index: 2, similarity: 0.5 },
      ],
      (i) => placed[i],
      [500, 500],
    );
    // (100·0.3 + 300·0.1) / 0.4 = 150; the unplaced neighbour (2) does not count.
    expect(distance(point, [150, 100])).toBeGreaterThanOrEqual(6);
    expect(distance(point, [150, 100])).toBeLessThanOrEqual(12);
    expect(placeNear('new', [], () => undefined, [500, 500])).not.toEqual([500, 500]);
    expect(
      distance(
        placeNear('new', [], () => undefined, [500, 500]),
        [500, 500],
      ),
    ).toBeLessThanOrEqual(12);
  });
});

describe('tiles', () => {
  const rng = random(3);
  const papers: MapPaper[] = Array.from({ length: 2_500 }, (_, i) => ({
    slug: `p${i}`,
    title: `Paper ${i}`,
    topic: 'one',
    // Crowded in one corner, so that the tree is uneven.
    point: i % 2 ? [rng() * 200, rng() * 200] : [rng() * 1000, rng() * 1000],
  }));

  it('cut a large map until every leaf holds at most MAP_TILE_PAPERS, each paper in exactly one leaf', () => {
    const root = mapTiles(papers);
    const leaves = allTiles(root).filter((tile) => tile.quarters.length === 0);
    expect(leaves.length).toBeGreaterThan(4);
    for (const leaf of leaves) expect(leaf.papers.length).toBeLessThanOrEqual(MAP_TILE_PAPERS);
    expect(leaves.flatMap((leaf) => leaf.papers.map((p) => p.slug)).sort()).toEqual(papers.map((p) => p.slug).sort());
    const leafOfPaper = leafOf(root);
    expect(leafOfPaper.size).toBe(papers.length);
    // A quarter's path extends its parent's by one digit, and its rectangle lies inside the parent's.
    for (const tile of allTiles(root)) {
      for (const quarter of tile.quarters) {
        expect(quarter.path.slice(0, -1)).toBe(tile.path);
        expect(quarter.rect.x).toBeGreaterThanOrEqual(tile.rect.x);
        expect(quarter.rect.x + quarter.rect.width).toBeLessThanOrEqual(tile.rect.x + tile.rect.width + 1e-9);
      }
    }
  });

  it('keep a small map whole', () => {
    const root = mapTiles(papers.slice(0, 119));
    expect(root.quarters).toEqual([]);
    expect(root.papers).toHaveLength(119);
  });

  it('frame a view around points at the asked aspect, inside the plane', () => {
    const plane = { x: 0, y: 0, width: 1000, height: 1100 };
    const view = frame(
      [
        [990, 10],
        [995, 40],
      ],
      { padding: 20, minSide: 160, aspect: 2 },
      plane,
    );
    expect(view.width / view.height).toBeCloseTo(2, 1);
    expect(view.x + view.width).toBeLessThanOrEqual(1000);
    expect(view.y).toBeGreaterThanOrEqual(0);
  });

  it('make room round a view for marks sized on screen, only where a point is near its edge', () => {
    const view = { x: 0, y: 0, width: 1000, height: 1000 };
    expect(withRoom(view, [[500, 500]], 13, 272)).toEqual(view);
    const roomy = withRoom(
      view,
      [
        [20, 500],
        [980, 500],
      ],
      13,
      272,
    );
    expect(roomy.x).toBeLessThan(0);
    expect(roomy.width).toBeCloseTo(view.width - 2 * roomy.x, 5);
    // Drawn 272 px wide, a mark 13 px round the point nearest the edge stays in the picture.
    expect((20 - roomy.x) * (272 / roomy.width)).toBeGreaterThanOrEqual(13);
  });

  it('place labels that do not overlap, within the view', () => {
    const view = { x: 0, y: 0, width: 1000, height: 1000 };
    const labels = [
      'Spiking networks and neuromorphic computing',
      'Plasticity',
      'Circuits and dynamics in the brain',
    ].map((name, i) => ({ topic: `t${i}`, name, point: [500, 500] as Point, weight: 3 - i }));
    const placed = placeLabels(labels, 17, view);
    expect(placed).toHaveLength(3);
    expect(placed[0]!.lines).toEqual(['Spiking networks and', 'neuromorphic computing']);
    const ys = placed.map((label) => label.y);
    expect(new Set(ys).size).toBe(3);
  });
});

/** A paper of a synthetic map. */
const placed = (i: number, topic: string, point: Point): MapPaper => ({
  slug: `p${i}`,
  title: `Paper ${i}`,
  topic,
  point,
});

const taxonomy = parseTaxonomy(readFileSync(path.join(ROOT, 'content/topics.yaml'), 'utf8'), 'content/topics.yaml');
const topics = allTopics(taxonomy)
  .map((topic) => topic.slug)
  .filter((slug) => slug !== taxonomy.offTopic.slug);

/**
 * `count` papers placed as a large collection might be: each topic in a few clusters of uneven
 * size and spread (or, `uniform`, spread evenly over the square: the most bins a view can have),
 * a share `offTopic` of them in the strip, row after row.
 */
function syntheticMap(count: number, options: { offTopic: number; uniform?: boolean }): MapPaper[] {
  const rng = random(11);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const clusters = Array.from({ length: 3 * topics.length }, (_, i) => ({
    topic: topics[i % topics.length]!,
    x: 150 + rng() * 700,
    y: 150 + rng() * 700,
    spread: 15 + rng() * 80,
  }));
  const clamp = (value: number) => Math.min(980, Math.max(20, Math.round(value * 10) / 10));
  let slot = 0;
  return Array.from({ length: count }, (_, i) => {
    if (rng() < options.offTopic) return placed(i, taxonomy.offTopic.slug, stripPoint(slot++));
    if (options.uniform) {
      return placed(i, topics[Math.floor(rng() * topics.length)]!, [clamp(rng() * 1000), clamp(rng() * 1000)]);
    }
    const cluster = clusters[Math.floor(rng() ** 2 * clusters.length)]!;
    return placed(i, cluster.topic, [
      clamp(cluster.x + gauss() * cluster.spread),
      clamp(cluster.y + gauss() * cluster.spread),
    ]);
  });
}

/**
 * The bins' markup as MapView.astro writes it, under the test site's base path (/neurons/): the
 * same bytes as a 1,000-paper build drawn as bins (MAP_DOTS_MAX lowered to 500) wrote.
 */
function binsMarkup(density: Density, names: Taxonomy): string {
  const links = density.links.map(
    ({ target, shapes }) =>
      `<a href="/neurons/map/${target.path}/" tabindex="-1"><title>${binLabel(target, names)}</title>` +
      shapes.map((shape) => `<path class="${topicColourClass(shape.topic)}" d="${shape.d}"></path>`).join('') +
      '</a>',
  );
  return `<g class="bins" aria-hidden="true">${links.join('')}</g>`;
}

describe('density', () => {
  // 40 hexagons across a square view of 1000: 25 wide, 14.43 from centre to vertex, rows 21.65 apart.
  const grid = hexGrid({ x: 0, y: 0, width: 1000, height: 1000 });

  it('lays a regular grid of hexagons over a view, as many across a square as HEX_ACROSS', () => {
    expect(grid.width).toBe(25);
    expect(grid.radius).toBeCloseTo(25 / Math.sqrt(3), 10);
    expect(hexCentre(grid, 0, 0)).toEqual([12.5, grid.radius]);
    // Odd rows are shifted right by half a hexagon.
    expect(hexCentre(grid, 3, 1)[0]).toBe(100);
    expect(hexCentre(grid, 3, 1)[1]).toBeCloseTo(grid.radius * 2.5, 10);
    // A view of another shape: hexagons of the same share of its area (a tall view gets fewer across).
    expect(hexGrid({ x: 0, y: 0, width: 250, height: 1000 }).width).toBe(12.5);
  });

  it.each([
    ['a centre', [12.5, 14.4], { col: 0, row: 0 }],
    ['left of the flat side between two', [24.9, 14.4], { col: 0, row: 0 }],
    ['right of it', [25.1, 14.4], { col: 1, row: 0 }],
    ['in an odd row, shifted', [100, 36], { col: 3, row: 1 }],
    ['above the lower slanted side', [12.5, 28], { col: 0, row: 0 }],
    ['below it, in the next row', [12.5, 30], { col: 0, row: 1 }],
    ["the view's corner, in a hexagon that straddles it", [0, 0], { col: -1, row: -1 }],
    ['the far corner', [1000, 1000], { col: 39, row: 45 }],
  ] as const)('puts a point in the hexagon it lies in: %s', (_, point, cell) => {
    expect(hexOf(grid, point)).toEqual(cell);
  });

  it('puts every point in the hexagon of the nearest centre', () => {
    const rng = random(5);
    for (let i = 0; i < 5_000; i++) {
      const point: Point = [rng() * 1000, rng() * 1000];
      const { col, row } = hexOf(grid, point);
      const distance = (c: number, r: number) => Math.hypot(...hexCentre(grid, c, r).map((v, k) => v - point[k]!));
      for (const dr of [-1, 0, 1]) {
        for (const dc of [-1, 0, 1]) {
          expect(distance(col, row)).toBeLessThanOrEqual(distance(col + dc, row + dr) + 1e-9);
        }
      }
    }
  });

  it('bins papers by hexagon, row by row, left to right, whatever their order', () => {
    const papers = [
      placed(0, 'a', [30, 40]),
      placed(1, 'b', [12, 14]),
      placed(2, 'a', [14, 12]),
      placed(3, 'a', [890, 20]),
    ];
    const bins = hexBins(grid, papers);
    expect(bins.map(({ col, row, papers }) => [col, row, papers.map((p) => p.slug)])).toEqual([
      [0, 0, ['p1', 'p2']],
      [35, 0, ['p3']],
      [0, 1, ['p0']],
    ]);
    expect(hexBins(grid, [...papers].reverse()).map(({ col, row }) => [col, row])).toEqual([
      [0, 0],
      [35, 0],
      [0, 1],
    ]);
  });

  it.each([
    // count, most in view, level: a logarithmic scale, the fullest at the top
    [1, 1000, 1],
    [4, 1000, 1],
    [5, 1000, 2],
    [30, 1000, 2],
    [31, 1000, 3],
    [177, 1000, 4],
    [1000, 1000, 4],
    [1, 2, 3],
    [1, 1, 4],
  ])('draws a bin of %i papers (the fullest %i) at level %i', (count, most, level) => {
    expect(densityLevel(count, most)).toBe(level);
  });

  it.each([
    // cells (col, row, scale), decimals, path data
    ['one hexagon, from its top vertex', [[0, 0, 1]], 0, 'M13 0l13 7v14l-13 7-13-7v-14z'],
    [
      'the next ones moved to from the last one, back and forth',
      [
        [0, 0, 1],
        [1, 0, 1],
        [0, 1, 1],
        [0, 0, 1],
      ],
      0,
      'M13 0l13 7v14l-13 7-13-7v-14zm25 0l13 7v14l-13 7-13-7v-14zm-13 22l13 7v14l-13 7-13-7v-14zm-12-22l13 7v14l-13 7-13-7v-14z',
    ],
    [
      'a smaller hexagon for fewer papers, with a decimal',
      [
        [0, 0, 0.5],
        [2, 1, 1],
      ],
      1,
      'M12.5 7.2l6.3 3.6v7.2l-6.3 3.6-6.3-3.6v-7.2zm62.5 14.5l12.5 7.2v14.4l-12.5 7.2-12.5-7.2v-14.4z',
    ],
  ] as const)('writes hexagons as path data: %s', (_, cells, digits, d) => {
    const small = hexGrid({ x: 0, y: 0, width: 100, height: 100 }, 4);
    expect(
      hexPath(
        small,
        cells.map(([col, row, scale]) => ({ col, row, scale })),
        digits,
      ),
    ).toBe(d);
  });

  describe('links each bin to the deepest tile that holds its papers', () => {
    // A crowded north-west corner: the whole map → 0 → 00 → 000…003 (about 100 each); one paper
    // in 01 and a few in the other quarters, each a leaf.
    const corner = Array.from({ length: 400 }, (_, i) =>
      placed(i, 'a', [10 + (i % 20) * 11.5, 10 + Math.floor(i / 20) * 11.5]),
    );
    const others = (
      [
        [490, 100],
        [510, 100],
        [520, 100],
        [600, 600],
        [100, 600],
      ] as const
    ).map((point, i) => placed(400 + i, 'b', point));
    const root = mapTiles([...corner, ...others]);
    const at = (...points: Point[]) => points.map((point, i) => placed(1000 + i, 'a', point));

    it('cuts the test map as expected', () => {
      expect(allTiles(root).map((tile) => tile.path)).toEqual([
        '',
        '0',
        '00',
        '000',
        '001',
        '002',
        '003',
        '01',
        '1',
        '2',
        '3',
      ]);
    });

    it.each([
      ['within one leaf', at([50, 50], [60, 60]), 3, '000'],
      ['across two leaves: their parent', at([50, 50], [200, 200]), 3, '00'],
      ["across this tile's quarters: the quarter that holds most", at([490, 100], [510, 100], [520, 100]), 3, '1'],
      ['a tie: the first quarter, and the deepest tile that holds its share', at([490, 100], [510, 100]), 3, '01'],
      ['in a quarter that is a leaf', at([600, 600]), 3, '3'],
      ['at most `depth` levels down', at([50, 50], [60, 60]), 1, '0'],
    ])('%s', (_, papers, depth, target) => {
      expect(binTarget(root, papers, depth).path).toBe(target);
    });
  });

  it.each([
    ['the seed-sized map (a leaf)', 119, false],
    ['a tile of MAP_DOTS_MAX papers', MAP_DOTS_MAX, false],
    ['one more', MAP_DOTS_MAX + 1, true],
  ])('draws dots up to MAP_DOTS_MAX papers, bins beyond: %s', (_, count, bins) => {
    const root = mapTiles(syntheticMap(count, { offTopic: 0.1 }));
    expect(drawsDensity(root)).toBe(bins);
    expect(densityOf(root) !== undefined).toBe(bins);
  });

  it('squeezes a tall strip into a band a quarter of the view high, with the quarters, and keeps the square as it is', () => {
    const papers = [
      ...syntheticMap(6_000, { offTopic: 0 }),
      ...Array.from({ length: 4_000 }, (_, i) => placed(10_000 + i, taxonomy.offTopic.slug, stripPoint(i))),
    ];
    const root = mapTiles(papers);
    expect(root.rect.height).toBe(3446);
    const density = densityOf(root)!;
    expect(density.view).toEqual({ x: 0, y: 0, width: 1000, height: BAND_TOP + 250 });
    expect(squeezeY(density.squeeze, MAP_SIZE)).toBe(MAP_SIZE);
    expect(density.strip!.count).toBe(4_000);
    expect(density.strip!.rect.y).toBe(BAND_TOP);
    expect(density.strip!.rect.y + density.strip!.rect.height).toBeLessThanOrEqual(BAND_TOP + 250);
    // The quarters as drawn still cover the view, edge to edge.
    const rects = Object.fromEntries(density.quarters.map(({ tile, rect }) => [tile.path, rect]));
    expect(Object.keys(rects)).toEqual(['0', '1', '2', '3']);
    expect(rects['0']!.y).toBe(0);
    expect(rects['2']!.y).toBeCloseTo(rects['0']!.height, 9);
    expect(rects['2']!.y + rects['2']!.height).toBeCloseTo(BAND_TOP + 250, 9);
    // …and the lower ones stay 24 px targets on the narrowest map (272 px).
    expect((rects['2']!.height * 272) / 1000).toBeGreaterThanOrEqual(24);
    // No bin below the square.
    for (const link of density.links) for (const shape of link.shapes) expect(shape.d).not.toMatch(/^M\d+ 1\d{3}/);
  });

  it('is deterministic: the same bins and links from the same papers, in any order', () => {
    const papers = syntheticMap(12_000, { offTopic: 0.15 });
    const drawn = (list: MapPaper[]) =>
      densityOf(mapTiles(list))!.links.map(({ target, shapes }) => [target.path, shapes]);
    const first = drawn(papers);
    expect(first.length).toBeGreaterThan(4);
    expect(drawn(papers)).toEqual(first);
    expect(drawn([...papers].reverse())).toEqual(first);
  });

  describe('at 100,000 papers', () => {
    // The rest of the overview (header, legend, topic labels, quarters, the map as a list) weighs
    // about 20 KB (at 1,000 papers drawn as bins: 39.7 KB, of which the bins 20.6 KB); dots
    // would weigh 12 bytes a paper, 1.2 MB.
    it.each([
      ['in clusters, 16 % off topic', { offTopic: 0.16 }],
      ['spread evenly over the square (every hexagon full), none off topic', { offTopic: 0, uniform: true }],
    ])("%s: the overview's bins weigh at most 150 KB, and so do every binned tile's", (_, options) => {
      const papers = syntheticMap(100_000, options);
      const root = mapTiles(papers);
      const sizes = allTiles(root).flatMap((tile: MapTile) => {
        const density = densityOf(tile);
        return density ? [{ path: tile.path, bytes: Buffer.byteLength(binsMarkup(density, taxonomy)) }] : [];
      });
      expect(sizes[0]!.path).toBe('');
      expect(sizes[0]!.bytes).toBeLessThanOrEqual(150_000);
      for (const { path, bytes } of sizes) expect(bytes, `tile "${path}"`).toBeLessThanOrEqual(150_000);
      // No tile draws more dots than MAP_DOTS_MAX (60 KB).
      for (const tile of allTiles(root))
        if (!drawsDensity(tile) && tile.quarters.length > 0)
          expect(tile.papers.length).toBeLessThanOrEqual(MAP_DOTS_MAX);
    });
  });
});

describe('the map file', () => {
  function project(sources: Record<string, string>) {
    const p = scratchProject(sources);
    cleanups.push(p.cleanup);
    return p;
  }
  const seed = readFileSync(path.join(ROOT, 'content/sources/000_bfef83f9b2ef0b4d.txt'), 'utf8');

  it('places every paper; a second ingest changes no byte', async () => {
    const { paths } = project({ 'seed.txt': seed });
    const first = await ingest(paths);
    expect(first.map?.relaid).toBe(true);
    const map = await readMapRegistry(paths.map);
    expect(Object.keys(map.positions)).toHaveLength(119);
    expect(map.laidOut).toBe(119);
    const text = readFileSync(paths.map, 'utf8');
    expect((await ingest(paths)).map?.relaid).toBe(false);
    expect(readFileSync(paths.map, 'utf8')).toBe(text);
  });

  it('adding a few papers moves no placed paper; past a tenth of the collection it is laid out anew', async () => {
    const { paths } = project({ 'seed.txt': seed });
    await ingest(paths);
    const before = (await readMapRegistry(paths.map)).positions;
    writeFileSync(
      path.join(paths.sources, 'new.txt'),
      scrape([
        ['Surrogate gradients for deep spiking networks', abstractAbout('surrogate gradients for spiking networks')],
        ['Dendritic spikes in cortex', abstractAbout('dendritic spikes in cortical neurons')],
      ]),
    );
    const second = await ingest(paths);
    expect(second.map?.relaid).toBe(false);
    const after = await readMapRegistry(paths.map);
    for (const [slug, point] of Object.entries(before)) expect(after.positions[slug], slug).toEqual(point);
    expect(after.positions['surrogate-gradients-for-deep-spiking-networks']).toBeDefined();
    expect(after.placedSince).toBe(2);

    // Ten more: 12 papers placed one by one since the layout of 119, over a tenth.
    writeFileSync(
      path.join(paths.sources, 'more.txt'),
      scrape(
        Array.from({ length: 10 }, (_, i) => [`Neuron study number ${i + 1}`, abstractAbout(`neuron study ${i + 1}`)]),
      ),
    );
    const third = await ingest(paths);
    expect(third.map?.relaid).toBe(true);
    expect((await readMapRegistry(paths.map)).laidOut).toBe(131);
  });

  it('the committed map places every committed paper: an ingest of the committed content leaves it as it is', async () => {
    const committed = path.join(ROOT, 'content');
    const { paths } = project(
      Object.fromEntries(
        readdirSync(path.join(committed, 'sources')).map((name) => [
          name,
          readFileSync(path.join(committed, 'sources', name), 'utf8'),
        ]),
      ),
    );
    writeFileSync(paths.map, readFileSync(path.join(committed, 'map.json'), 'utf8'));
    writeFileSync(paths.registry, readFileSync(path.join(committed, 'slugs.json'), 'utf8'));
    const result = await ingest(paths);
    expect(result.map?.relaid).toBe(false);
    expect(readFileSync(paths.map, 'utf8')).toBe(readFileSync(path.join(committed, 'map.json'), 'utf8'));
  });

  it('a broken map file is refused with the file and what to do, and nothing is written', async () => {
    const { paths } = project({ 'seed.txt': seed });
    writeFileSync(paths.map, '{"positions": {"a": [1]}}');
    await expect(ingest(paths)).rejects.toThrow(
      /content\/map\.json is broken \(the position of "a" is not \[x, y\]\)\. Delete it/,
    );
    expect(readFileSync(paths.map, 'utf8')).toBe('{"positions": {"a": [1]}}');
    expect(existsSync(paths.papers)).toBe(false);
  });
});
