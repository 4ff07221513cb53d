/**
 * The static paths of the site's generated routes, in one place: each route's
 * `getStaticPaths` returns one of these, and the sitemap lists the same pages from them, so
 * the two cannot disagree.
 */
import { allTopics } from '../lib/taxonomy.ts';
import { allTiles } from '../map/view.ts';
import { siteTaxonomy } from './data-files.ts';
import { listingPaths } from './listing.ts';
import { mapHref, mapTree } from './map.ts';
import { getPapers, papersByTag, papersByTopic } from './papers.ts';
import { authorPages } from './authors.ts';
import { authorRenderKey, mapTileRenderKey } from './render-keys.ts';
import { authorHref, href, tagHref, topicHref } from './urls.ts';

/** `papers/[...page]`: all papers, A–Z and newest first. */
export async function paperListPaths() {
  return listingPaths(await getPapers(), href('papers/'), {}, {});
}

/** `topics/[topic]/[...page]`: each topic's papers. */
export async function topicListPaths() {
  const byTopic = await papersByTopic();
  return allTopics(siteTaxonomy()).flatMap((topic) =>
    // Page 1 draws the topic's region among all papers of the map: it changes with any paper.
    listingPaths(
      byTopic.get(topic.slug) ?? [],
      topicHref(topic.slug),
      { topic: topic.slug },
      { topic },
      { firstPageShowsAll: true },
    ),
  );
}

/** `tags/[tag]/[...page]`: each tag's papers, for the tags that have any. */
export async function tagListPaths() {
  const byTag = await papersByTag();
  return siteTaxonomy()
    .tags.filter((tag) => byTag.has(tag.slug))
    .flatMap((tag) => listingPaths(byTag.get(tag.slug)!, tagHref(tag.slug), { tag: tag.slug }, { tag }));
}

/** `map/[...tile]`: the whole map and every part of it. */
export async function mapTilePaths() {
  const { root } = await mapTree();
  return allTiles(root).map((tile) => ({
    params: { tile: tile.path || undefined },
    props: { tile },
    cacheKey: mapTileRenderKey(tile),
  }));
}

/** `authors/[author]`: every author with a page. */
export async function authorPaths() {
  return (await authorPages()).map((author) => ({
    params: { author: author.slug },
    props: { author },
    cacheKey: authorRenderKey(author),
  }));
}

/** The URL (under the base path) of every page the routes above generate. */
export async function generatedPageHrefs(): Promise<string[]> {
  const lists = [...(await paperListPaths()), ...(await topicListPaths()), ...(await tagListPaths())];
  return [
    ...lists.map((path) => path.props.page.url.current),
    ...(await mapTilePaths()).map((path) => mapHref(path.props.tile.path)),
    ...(await authorPaths()).map((path) => authorHref(path.props.author.slug)),
  ];
}
