/** An Atom feed of the papers, newest slugs are not known, so it lists every paper by title. */
import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts.ts';
import { getPapers } from '../utils/papers.ts';
import { absolute, href, paperHref } from '../utils/url.ts';

/** Escapes text for XML content and attribute values. */
export function xml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);
}

/** A fixed date for entries: the scrape has no dates, and a build-time date would break determinism. */
const UPDATED = '2026-01-01T00:00:00Z';

export const GET: APIRoute = async ({ site }) => {
  const papers = await getPapers();
  const entries = papers.map((paper) => {
    const url = absolute(paperHref(paper.data.slug), site);
    return `  <entry>
    <title>${xml(paper.data.title)}</title>
    <link href="${xml(url)}"/>
    <id>${xml(url)}</id>
    <updated>${UPDATED}</updated>
    <summary>${xml(paper.data.abstract)}</summary>
  </entry>`;
  });
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xml(SITE_TITLE)}</title>
  <subtitle>${xml(SITE_DESCRIPTION)}</subtitle>
  <link href="${xml(absolute(href(), site))}"/>
  <link rel="self" href="${xml(absolute(href('feed.xml'), site))}"/>
  <id>${xml(absolute(href(), site))}</id>
  <updated>${UPDATED}</updated>
${entries.join('\n')}
</feed>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
