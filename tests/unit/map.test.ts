import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { readMapRegistry } from '../../src/ingest/map-file.ts';
import { inStrip, layoutCollection, MAP_SIZE, placeNear, type Point } from '../../src/map/layout.ts';
import {
  allTiles,
  frame,
  leafOf,
  MAP_TILE_PAPERS,
  mapTiles,
  placeLabels,
  withRoom,
  type MapPaper,
} from '../../src/map/view.ts';
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
