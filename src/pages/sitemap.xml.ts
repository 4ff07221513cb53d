/** `sitemap.xml`: every indexable page of the site, with absolute URLs under SITE_URL + BASE_PATH. */
import type { APIRoute } from 'astro';
import { PAGE_SIZE } from '../consts.ts';
import { getPapers, papersByTag, papersByTopic } from '../utils/papers.ts';
import { allTopics } from '../utils/taxonomy.ts';
import { absolute, href, paperHref, tagHref, topicHref } from '../utils/url.ts';
import { xml } from '../utils/feed.ts';

/** The URLs of a paginated list: `base`, `base2/`, `base3/`… */
function pageUrls(base: string, count: number): string[] {
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  return Array.from({ length: pages }, (_, i) => (i === 0 ? base : `${base}${i + 1}/`));
}

export const GET: APIRoute = async ({ site }) => {
  const papers = await getPapers();
  const byTopic = await papersByTopic();
  const byTag = await papersByTag();
  const paths = [
    href(),
    href('search/'),
    ...pageUrls(href('papers/'), papers.length),
    href('topics/'),
    ...allTopics().flatMap((t) => pageUrls(topicHref(t.slug), byTopic.get(t.slug)?.length ?? 0)),
    href('tags/'),
    ...[...byTag.keys()].sort().flatMap((slug) => pageUrls(tagHref(slug), byTag.get(slug)!.length)),
    ...papers.map((p) => paperHref(p.data.slug)),
  ];
  const urls = paths.map((path) => `  <url><loc>${xml(absolute(path, site))}</loc></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
