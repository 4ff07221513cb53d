/**
 * Atom feeds: the whole collection, and one per topic and per tag, in the order papers were
 * added to the collection (the latest addition first), each entry with the paper's dates and
 * authors. A feed lists the `FEED_SIZE` latest additions; feed readers keep what they have
 * already seen. An entry's `published` is the paper's first version; its `updated` is the day it
 * was added, or its latest version if that is later.
 */
import { SITE_TITLE } from '../consts.ts';
import { listByline } from '../paper/scholar-metadata.ts';
import { recentlyAdded, type Paper } from './papers.ts';
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

/**
 * One `<entry>`: title, link, id, dates, authors, and a summary that starts with who and when
 * (feed readers show the summary, rarely the authors).
 */
function feedEntry(paper: Paper, url: string): string {
  const { data } = paper;
  const byline = listByline(data);
  const published = atomDate(data.published);
  const authors = (data.authors ?? []).map((name) => `    <author><name>${xml(name)}</name></author>`);
  return [
    '  <entry>',
    `    <title>${xml(data.title)}</title>`,
    `    <link href="${xml(url)}"/>`,
    `    <id>${xml(url)}</id>`,
    `    <published>${published}</published>`,
    `    <updated>${entryUpdated(paper)}</updated>`,
    ...authors,
    `    <summary>${xml([byline, data.abstract || data.description].filter(Boolean).join(' — '))}</summary>`,
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

/** The `updated` of a paper's entry: the day it was added, or its latest version if later. */
function entryUpdated(paper: Paper): string {
  const { added, updated, published } = paper.data;
  return [atomDate(updated ?? published), ...(added ? [atomDate(added)] : [])].sort().at(-1)!;
}

/** An Atom document of the latest additions among `papers`. */
export function atomFeed(info: FeedInfo, papers: readonly Paper[], site: URL | undefined): string {
  const latest = recentlyAdded(papers).slice(0, FEED_SIZE);
  const entries = latest.map((paper) => feedEntry(paper, absolute(paperHref(paper.data.slug), site)));
  const updated = latest.map(entryUpdated).sort().at(-1) ?? UNDATED;
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
