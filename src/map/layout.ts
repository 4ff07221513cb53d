/**
 * Where each paper sits on the map: a plane on which nearness means similar text.
 *
 * The layout stands on the neighbourhood graph of related papers (TF-IDF cosine, see
 * `utils/related.ts`) and embeds it the way UMAP does: neighbours attract, randomly sampled
 * papers repel, with a learning rate that cools to zero. The graph is already known, so only
 * UMAP's optimisation is needed; written here over typed arrays it lays out 10,000 papers in
 * about a second, where umap-js (its own neighbour search included) took 19 s and a d3-force
 * simulation 43 s on the same machine. Everything random comes from a seeded PRNG, so the
 * same collection gives the same map.
 *
 * On-topic papers fill the square [0, MAP_SIZE]²; off-topic papers are put apart on purpose,
 * in a strip of fixed slots below it, since their place among neuron papers means nothing.
 */
import { groupBy } from '../lib/collections.ts';
import { random, seedOf } from '../lib/random.ts';
import type { Neighbour } from '../lib/similarity.ts';

/** A position on the map's plane. */
export type Point = readonly [x: number, y: number];

/** The side of the square that holds on-topic papers. */
export const MAP_SIZE = 1000;
/** Space kept free around the square's edge, so that no point is cut in half. */
const MARGIN = 20;
/** The off-topic strip: its first row's y, its columns and the distance between slots. */
export const STRIP_TOP = MAP_SIZE + 50;
const STRIP_COLUMNS = 40;
export const STRIP_STEP = (MAP_SIZE - 2 * MARGIN) / STRIP_COLUMNS;

/** What the layout needs to know of a paper besides its neighbours. */
export interface LayoutPaper {
  slug: string;
  topic: string;
  offTopic: boolean;
}

/** Whether a position lies in the off-topic strip. */
export function inStrip(point: Point): boolean {
  return point[1] > MAP_SIZE;
}

/** The position of the strip's `slot`-th place (row by row, left to right). */
export function stripPoint(slot: number): Point {
  return [
    MARGIN + STRIP_STEP * ((slot % STRIP_COLUMNS) + 0.5),
    STRIP_TOP + STRIP_STEP * Math.floor(slot / STRIP_COLUMNS),
  ];
}

/** The slot a strip position belongs to (the inverse of `stripPoint`). */
export function stripSlot(point: Point): number {
  const column = Math.round((point[0] - MARGIN) / STRIP_STEP - 0.5);
  return Math.round((point[1] - STRIP_TOP) / STRIP_STEP) * STRIP_COLUMNS + column;
}

/** Sweeps over the whole edge list; more for small collections, where they cost nothing. */
function epochsFor(n: number): number {
  return n <= 2_000 ? 400 : n <= 20_000 ? 200 : 100;
}
/** Random papers pushed away per attraction (UMAP's negative sample rate). */
const NEGATIVE_SAMPLES = 5;
/** The largest step a single gradient may take (UMAP clips at 4, as here). */
const CLIP = 4;

/**
 * Lays out the whole collection: returns a position for each paper, in input order.
 * `neighbours[i]` are paper i's nearest neighbours (indices into `papers`); `topics` is the
 * taxonomy's order, which places each topic's starting point on a circle.
 */
export function layoutCollection(
  papers: readonly LayoutPaper[],
  neighbours: readonly (readonly Neighbour[])[],
  topics: readonly string[],
): Point[] {
  const onTopic = papers.flatMap((paper, i) => (paper.offTopic ? [] : [i]));
  const local = new Map(onTopic.map((paper, i) => [paper, i]));
  const rng = random(seedOf(`map:${papers.length}`));

  // Start each paper near its topic's place on a circle, so that the optimisation begins
  // from sensible clusters and converges in few sweeps.
  const start = new Float64Array(onTopic.length * 2);
  onTopic.forEach((paper, i) => {
    const angle = (2 * Math.PI * Math.max(0, topics.indexOf(papers[paper]!.topic))) / Math.max(1, topics.length);
    const [dx, dy] = inDisc(rng, 3);
    start[2 * i] = 10 * Math.cos(angle) + dx;
    start[2 * i + 1] = 10 * Math.sin(angle) + dy;
  });
  const edges = symmetricEdges(
    onTopic,
    neighbours,
    local,
    topicPartners(
      onTopic.map((paper) => papers[paper]!.topic),
      rng,
    ),
  );
  const embedded = embed(start, edges, rng, epochsFor(onTopic.length));
  const square = fitToSquare(embedded);

  const positions: Point[] = [];
  let slot = 0;
  papers.forEach((paper, i) =>
    positions.push(paper.offTopic ? stripPoint(slot++) : [square[2 * local.get(i)!]!, square[2 * local.get(i)! + 1]!]),
  );
  return positions;
}

/**
 * A position for a paper that joins a laid-out map: the similarity-weighted centre of its
 * placed neighbours, nudged by a small offset of its own so that it does not cover one of
 * them. Without placed neighbours it goes to `fallback` (its topic's centre).
 */
export function placeNear(
  slug: string,
  neighbours: readonly Neighbour[],
  placed: (index: number) => Point | undefined,
  fallback: Point,
): Point {
  let x = 0;
  let y = 0;
  let total = 0;
  for (const { index, similarity } of neighbours) {
    const point = placed(index);
    if (!point || inStrip(point) || similarity <= 0) continue;
    x += point[0] * similarity;
    y += point[1] * similarity;
    total += similarity;
  }
  const [cx, cy] = total > 0 ? [x / total, y / total] : fallback;
  const rng = random(seedOf(slug));
  const angle = 2 * Math.PI * rng();
  const distance = 6 + 6 * rng();
  return [clampToSquare(cx + distance * Math.cos(angle)), clampToSquare(cy + distance * Math.sin(angle))];
}

function clampToSquare(value: number): number {
  return Math.min(MAP_SIZE - MARGIN, Math.max(MARGIN, value));
}

/** A uniformly random offset within a disc of the given radius. */
function inDisc(rng: () => number, radius: number): [number, number] {
  const r = radius * Math.sqrt(rng());
  const angle = 2 * Math.PI * rng();
  return [r * Math.cos(angle), r * Math.sin(angle)];
}

interface Edges {
  head: Int32Array;
  tail: Int32Array;
  /** In (0, 1]: how often the edge is sampled per sweep. */
  weight: Float64Array;
}

/** Same-topic papers each paper is tied to, and how strongly (text neighbours weigh up to 1). */
const TOPIC_PARTNERS = 3;
const TOPIC_WEIGHT = 0.4;

/**
 * For each paper (local index), a few random papers of its own topic. Tied to them weakly, a
 * topic's papers gather into one region that its label can name, while the text neighbours
 * still decide who sits next to whom (as UMAP does when it is given labels).
 */
function topicPartners(topics: readonly string[], rng: () => number): number[][] {
  const members = groupBy(
    topics.map((_, i) => i),
    (i) => [topics[i]!],
  );
  return topics.map((topic, i) => {
    const list = members.get(topic)!;
    if (list.length < 2) return [];
    return Array.from({ length: TOPIC_PARTNERS }, () => list[Math.floor(rng() * list.length)]!).filter((j) => j !== i);
  });
}

/**
 * The undirected graph of on-topic neighbours. A neighbour's weight is its similarity
 * relative to the paper's nearest one, so sparse and dense regions count alike; the two
 * directions of an edge combine as a fuzzy union (a + b − ab), as in UMAP. Topic partners
 * join with a fixed, weaker weight.
 */
function symmetricEdges(
  onTopic: readonly number[],
  neighbours: readonly (readonly Neighbour[])[],
  local: ReadonlyMap<number, number>,
  partners: readonly (readonly number[])[],
): Edges {
  const weights = new Map<number, number>();
  const n = onTopic.length;
  const join = (i: number, j: number, w: number) => {
    const key = i < j ? i * n + j : j * n + i;
    const before = weights.get(key) ?? 0;
    weights.set(key, before + w - before * w);
  };
  partners.forEach((list, i) => list.forEach((j) => join(i, j, TOPIC_WEIGHT)));
  onTopic.forEach((paper, i) => {
    const list = neighbours[paper] ?? [];
    const nearest = list[0]?.similarity ?? 0;
    if (nearest <= 0) return;
    for (const { index, similarity } of list) {
      const j = local.get(index);
      if (j !== undefined && similarity > 0) join(i, j, similarity / nearest);
    }
  });
  const keys = [...weights.keys()].sort((a, b) => a - b);
  return {
    head: Int32Array.from(keys, (key) => Math.floor(key / n)),
    tail: Int32Array.from(keys, (key) => key % n),
    weight: Float64Array.from(keys, (key) => weights.get(key)!),
  };
}

/**
 * UMAP's stochastic gradient descent with a = b = 1 (the Cauchy kernel 1 / (1 + d²)): each
 * sweep samples every edge with probability equal to its weight, pulls its two ends
 * together and pushes its head away from a few random papers.
 */
function embed(start: Float64Array, edges: Edges, rng: () => number, epochs: number): Float64Array {
  const y = Float64Array.from(start);
  const n = y.length / 2;
  if (n < 2) return y;
  const clip = (g: number) => (g > CLIP ? CLIP : g < -CLIP ? -CLIP : g);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = 1 - epoch / epochs;
    for (let e = 0; e < edges.head.length; e++) {
      if (rng() > edges.weight[e]!) continue;
      const i = edges.head[e]!;
      const j = edges.tail[e]!;
      let dx = y[2 * i]! - y[2 * j]!;
      let dy = y[2 * i + 1]! - y[2 * j + 1]!;
      const pull = -2 / (1 + dx * dx + dy * dy);
      const gx = rate * clip(pull * dx);
      const gy = rate * clip(pull * dy);
      y[2 * i] = y[2 * i]! + gx;
      y[2 * i + 1] = y[2 * i + 1]! + gy;
      y[2 * j] = y[2 * j]! - gx;
      y[2 * j + 1] = y[2 * j + 1]! - gy;
      for (let s = 0; s < NEGATIVE_SAMPLES; s++) {
        const k = Math.floor(rng() * n);
        if (k === i) continue;
        dx = y[2 * i]! - y[2 * k]!;
        dy = y[2 * i + 1]! - y[2 * k + 1]!;
        const d2 = dx * dx + dy * dy;
        const push = 2 / ((0.001 + d2) * (1 + d2));
        y[2 * i] = y[2 * i]! + rate * clip(push * dx);
        y[2 * i + 1] = y[2 * i + 1]! + rate * clip(push * dy);
      }
    }
  }
  return y;
}

/**
 * Scales the embedding uniformly into the square, inside its margin. The frame is set by the
 * 0.5th and 99.5th percentiles, so that a few far-flung papers do not shrink everyone else;
 * those few are pulled in to the edge. Rounded to a tenth: finer is invisible.
 */
function fitToSquare(y: Float64Array): Float64Array {
  const n = y.length / 2;
  if (n === 0) return y;
  const xs = Float64Array.from({ length: n }, (_, i) => y[2 * i]!).sort();
  const ys = Float64Array.from({ length: n }, (_, i) => y[2 * i + 1]!).sort();
  const at = (sorted: Float64Array, q: number) => sorted[Math.min(n - 1, Math.floor(q * n))]!;
  const [x0, x1, y0, y1] = [at(xs, 0.005), at(xs, 0.995), at(ys, 0.005), at(ys, 0.995)];
  const span = Math.max(x1 - x0, y1 - y0) || 1;
  const scale = (MAP_SIZE - 2 * MARGIN) / span;
  // Centre the shorter side.
  const offsetX = MARGIN + (MAP_SIZE - 2 * MARGIN - (x1 - x0) * scale) / 2;
  const offsetY = MARGIN + (MAP_SIZE - 2 * MARGIN - (y1 - y0) * scale) / 2;
  const out = new Float64Array(y.length);
  for (let i = 0; i < n; i++) {
    out[2 * i] = Math.round(clampToSquare(offsetX + (y[2 * i]! - x0) * scale) * 10) / 10;
    out[2 * i + 1] = Math.round(clampToSquare(offsetY + (y[2 * i + 1]! - y0) * scale) * 10) / 10;
  }
  return out;
}
