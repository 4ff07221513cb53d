/** What the map's pages say about a part of the map, in words. */
import { mainTopics, type MapPaper, type MapTile } from './view.ts';
import { topicBySlug, type Taxonomy } from '../lib/taxonomy.ts';

/** The quarters of a tile, in the order of their digit. */
const QUARTERS = ['north-west', 'north-east', 'south-west', 'south-east'];

/** "1 paper", "1,234 papers". */
export function papersCount(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'paper' : 'papers'}`;
}

/** A tile's name from the whole map down: "north-west › south-east". */
export function tileName(path: string): string {
  if (!path) return 'the whole map';
  return [...path].map((digit) => QUARTERS[Number(digit)]!).join(' › ');
}

/** The last step of a tile's path, capitalised for a breadcrumb: "South-east". */
export function quarterName(path: string): string {
  const name = QUARTERS[Number(path.at(-1))]!;
  return name[0]!.toUpperCase() + name.slice(1);
}

/** The topics that most of some papers belong to: "mostly Spiking networks (40) and Plasticity (22)". */
export function topicsInWords(papers: readonly MapPaper[], taxonomy: Taxonomy): string {
  const main = mainTopics(papers).slice(0, 2);
  const parts = main.map(({ topic, count }) => `${topicBySlug(taxonomy, topic).name} (${count.toLocaleString('en')})`);
  return `mostly ${parts.join(' and ')}`;
}

/** The accessible name of a link into a quarter. */
export function quarterLabel(tile: MapTile, taxonomy: Taxonomy): string {
  const quarter = QUARTERS[Number(tile.path.at(-1))]!;
  return `Zoom into the ${quarter}: ${papersCount(tile.papers.length)}, ${topicsInWords(tile.papers, taxonomy)}`;
}

/** The name (and tooltip) of a link from the map's bins into a part of it: what it opens. */
export function binLabel(tile: MapTile, taxonomy: Taxonomy): string {
  const main = mainTopics(tile.papers)[0]!;
  return `${papersCount(tile.papers.length)}, mostly ${topicBySlug(taxonomy, main.topic).name} — open this part of the map`;
}
