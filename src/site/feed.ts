/**
 * Atom feeds: the whole collection, and one per topic and per tag, newest first, each entry with
 * the paper's dates and authors. A feed lists the newest `FEED_SIZE` papers; feed readers keep
 * what they have already seen.
 */
import { SITE_TITLE } from '../consts.ts';
import { newestFirst, type Paper } from './papers.ts';
import { absolute, paperHref } from './urls.ts';

/** How many papers a feed carries. */
export const FEED_SIZE = 100;
/** The date of papers no source dates: fixed, since a build-time date would break determinism. */
const UNDATED = '2026-01-01T00:00:00Z';

/** Escapes text for XML content and attribute values. */
export function xml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);
}

/** An Atom date-time from `YYYY-MM-DD` (or a vaguer date, taken at its first day). */
export function atomDate(date: string | undefined): string {
  if (!date) return UNDATED;
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}T00:00:00Z`;
}

/** One `<entry>`: title, link, id, dates, authors, summary. */
function feedEntry(paper: Paper, url: string): string {
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

/** What a feed is about: its title, what it says, its page and its own URL (site-relative). */
export interface FeedInfo {
  title: string;
  subtitle: string;
  pageHref: string;
  feedHref: string;
}

/** An Atom document of the newest of `papers`. */
export function atomFeed(info: FeedInfo, papers: readonly Paper[], site: URL | undefined): string {
  const newest = newestFirst(papers).slice(0, FEED_SIZE);
  const entries = newest.map((paper) => feedEntry(paper, absolute(paperHref(paper.data.slug), site)));
  const updated =
    newest
      .map((p) => atomDate(p.data.updated ?? p.data.published))
      .sort()
      .at(-1) ?? UNDATED;
  const page = absolute(info.pageHref, site);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${xml(info.title)}</title>
  <subtitle>${xml(info.subtitle)}</subtitle>
  <link href="${xml(page)}"/>
  <link rel="self" href="${xml(absolute(info.feedHref, site))}"/>
  <id>${xml(absolute(info.feedHref, site))}</id>
  <updated>${updated}</updated>
  <author><name>${xml(SITE_TITLE)}</name></author>
${entries.join('\n')}
</feed>
`;
}

/** The HTTP response of a feed. */
export function feedResponse(body: string): Response {
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
