/** An Atom feed of the newest papers, with their authors and the dates of their first and latest versions. */
import type { APIRoute } from 'astro';
import { SITE_DESCRIPTION, SITE_TITLE } from '../consts.ts';
import { getPapers, newestFirst, type Paper } from '../utils/papers.ts';
import { absolute, href, paperHref } from '../utils/url.ts';

/** Escapes text for XML content and attribute values. */
export function xml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);
}

/** How many papers the feed carries: the newest; feed readers keep what they have seen. */
const FEED_SIZE = 100;
/** The date of papers no source dates: fixed, since a build-time date would break determinism. */
const UNDATED = '2026-01-01T00:00:00Z';

/** An Atom date-time from `YYYY-MM-DD` (or a vaguer date, taken at its first day). */
export function atomDate(date: string | undefined): string {
  if (!date) return UNDATED;
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}T00:00:00Z`;
}

/** One `<entry>`: title, link, id, dates, authors, summary. */
export function feedEntry(paper: Paper, url: string): string {
  const { data } = paper;
  const published = atomDate(data.published);
  const authors = (data.authors ?? []).map((name) => `    <author><name>${xml(name)}</name></author>`);
  return [
    '  <entry>',
    `    <title>${xml(data.title)}</title>`,
    `    <link href="${xml(url)}"/>`,
    `    <id>${xml(url)}</id>`,
    `    <published>${published}</published>`,
    `    <updated>${data.updated ? atomDate(data.updated) : published}</updated>`,
    ...authors,
    `    <summary>${xml(data.abstract || data.description)}</summary>`,
    '  </entry>',
  ].join('\n');
}

export const GET: APIRoute = async ({ site }) => {
  const papers = newestFirst(await getPapers()).slice(0, FEED_SIZE);
  const entries = papers.map((paper) => feedEntry(paper, absolute(paperHref(paper.data.slug), site)));
  const updated =
    papers
      .map((p) => atomDate(p.data.updated ?? p.data.published))
      .sort()
      .at(-1) ?? UNDATED;
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xml(SITE_TITLE)}</title>
  <subtitle>${xml(SITE_DESCRIPTION)}</subtitle>
  <link href="${xml(absolute(href(), site))}"/>
  <link rel="self" href="${xml(absolute(href('feed.xml'), site))}"/>
  <id>${xml(absolute(href(), site))}</id>
  <updated>${updated}</updated>
  <author><name>${xml(SITE_TITLE)}</name></author>
${entries.join('\n')}
</feed>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
