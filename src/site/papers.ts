import { getCollection, type CollectionEntry } from 'astro:content';
import { groupBy } from '../lib/collections.ts';
import { isOffTopic } from '../lib/taxonomy.ts';
import { siteTaxonomy } from './data-files.ts';

/** A paper entry of the content collection. */
export type Paper = CollectionEntry<'papers'>;

let cached: Promise<Paper[]> | undefined;

/** Compares titles the way a reader expects an index to be ordered. */
const byTitle = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * All papers, sorted by title, read from the collection once per build (not once per page:
 * with thousands of pages that would be quadratic).
 */
export function getPapers(): Promise<Paper[]> {
  return (cached ??= getCollection('papers').then((papers) =>
    papers.sort((a, b) => byTitle.compare(a.data.title, b.data.title) || (a.id < b.id ? -1 : 1)),
  ));
}

/** How a list of papers is ordered: by title (A–Z) or by the date of the first version, newest first. */
export type ListOrder = 'title' | 'newest';

/**
 * Newest first by the date of the first version; papers without a date go last. Ties keep the
 * input (title) order, since `Array.prototype.sort` is stable.
 */
export function newestFirst(papers: readonly Paper[]): Paper[] {
  return [...papers].sort((a, b) => {
    const da = a.data.published ?? '';
    const db = b.data.published ?? '';
    return da === db ? 0 : da > db ? -1 : 1;
  });
}

/**
 * The order papers were added to the collection, the latest addition first: by the day each was
 * added (from its source's provenance), then — among papers added the same day — newest first
 * by the date of the first version. Papers without an added date go last, newest first.
 */
export function recentlyAdded(papers: readonly Paper[]): Paper[] {
  return newestFirst(papers).sort((a, b) => {
    const da = a.data.added ?? '';
    const db = b.data.added ?? '';
    return da === db ? 0 : da > db ? -1 : 1;
  });
}

/** The papers in the given order (the input is in title order). */
export function ordered(papers: readonly Paper[], order: ListOrder): Paper[] {
  return order === 'newest' ? newestFirst(papers) : [...papers];
}

let topicGroups: Promise<Map<string, Paper[]>> | undefined;
let tagGroups: Promise<Map<string, Paper[]>> | undefined;

/** Papers by topic slug, in title order; computed once per build (the sidebar of every page uses it). */
export function papersByTopic(): Promise<Map<string, Paper[]>> {
  return (topicGroups ??= getPapers().then((papers) => groupBy(papers, (p) => [p.data.topic.id])));
}

/** Papers by tag slug, in title order; computed once per build. */
export function papersByTag(): Promise<Map<string, Paper[]>> {
  return (tagGroups ??= getPapers().then((papers) => groupBy(papers, (p) => p.data.tags.map((tag) => tag.id))));
}

let notes: Promise<Map<string, CollectionEntry<'notes'>>> | undefined;

/** Curator notes by paper slug, read once per build (most papers have none). */
export function notesBySlug(): Promise<Map<string, CollectionEntry<'notes'>>> {
  return (notes ??= getCollection('notes').then((entries) => new Map(entries.map((note) => [note.id, note]))));
}

/** Whether a paper is about neurons, i.e. not in the off-topic bin. */
export function isOnNeurons(paper: Paper): boolean {
  return !isOffTopic(siteTaxonomy(), paper.data.topic.id);
}

/** "114 papers on neurons and 5 not about neurons": how a count of the collection is said. */
export function collectionCount(papers: readonly Paper[]): string {
  const on = papers.filter(isOnNeurons).length;
  const off = papers.length - on;
  const onText = `${on.toLocaleString('en')} ${on === 1 ? 'paper' : 'papers'} on neurons`;
  return off === 0 ? onText : `${onText} and ${off.toLocaleString('en')} not about neurons`;
}
