/**
 * `sitemap.xml`: every page of the site a reader can land on, with absolute URLs under
 * SITE_URL + BASE_PATH — the fixed pages, every page of every list (both orders), every map
 * tile and every paper. Not the 404 page or the redirects of renamed slugs (`noindex`). The
 * generated pages come from the routes' own paths (`site/routes.ts`).
 */
import type { APIRoute } from 'astro';
import { xml } from '../site/feed.ts';
import { getPapers } from '../site/papers.ts';
import { generatedPageHrefs } from '../site/routes.ts';
import { absolute, href, paperHref } from '../site/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const paths = [
    href(),
    href('search/'),
    href('topics/'),
    href('tags/'),
    href('authors/'),
    ...(await generatedPageHrefs()),
    ...(await getPapers()).map((p) => paperHref(p.data.slug)),
  ];
  const urls = paths.map((path) => `  <url><loc>${xml(absolute(path, site))}</loc></url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
