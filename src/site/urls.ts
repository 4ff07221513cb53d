/**
 * Every internal URL of the site goes through these helpers, so that `BASE_PATH` is honoured
 * everywhere (links, assets, canonical URLs) and trailing slashes are consistent.
 */

/** The site's base path, always ending in `/` (Astro guarantees the leading one). */
const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** A root-relative URL under the base path: `href('topics/')` → `/neurons/topics/`. */
export function href(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

/** The permanent URL of a paper page. */
export const paperHref = (slug: string): string => href(`papers/${slug}/`);
/** The URL of a topic page (page 1). */
export const topicHref = (slug: string): string => href(`topics/${slug}/`);
/** The URL of a tag page (page 1). */
export const tagHref = (slug: string): string => href(`tags/${slug}/`);

/** The URL of an author's page. */
export const authorHref = (slug: string): string => href(`authors/${slug}/`);
/** A search for an author's name, for an author without a page (one paper in the collection). */
export const authorSearchHref = (name: string): string => `${href('search/')}?q=${encodeURIComponent(name)}`;

/** The Atom feed of a topic. */
export const topicFeedHref = (slug: string): string => href(`topics/${slug}/feed.xml`);
/** The Atom feed of a tag. */
export const tagFeedHref = (slug: string): string => href(`tags/${slug}/feed.xml`);

/** An absolute URL for canonical links, Open Graph, feeds and the sitemap. */
export function absolute(path: string, site: URL | undefined): string {
  if (!site) throw new Error('`site` is not set: set SITE_URL (see README) so absolute URLs can be made.');
  return new URL(path, site).href;
}
