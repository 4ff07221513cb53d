/**
 * The arXiv API (the user manual's `query` interface): a `search_query` paged newest first
 * with `start`/`max_results`, or an `id_list`. Every answer is checked before it is read: an
 * HTML page, a body that is not XML or was cut short, an error feed (one entry titled "Error"),
 * and an empty page where `opensearch:totalResults` promises more are reported in words.
 */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import {
  FetchFailure,
  htmlTitle,
  looksLikeHtml,
  utf8,
  type HttpResponse,
  type Lane,
  type PoliteClient,
} from './http.ts';

/** Atom, as the API serves it. */
const ACCEPT = 'application/atom+xml, application/xml;q=0.9';

/** What a feed says about itself besides its entries. */
export interface ArxivFeedInfo {
  /** `opensearch:totalResults`: how many results the query has in all. */
  total: number;
  /** How many `<entry>` elements the page holds. */
  entries: number;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'entry' || name === 'link',
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
});

type Text = string | { '#text'?: string } | undefined;
const text = (value: Text) => (typeof value === 'string' ? value : (value?.['#text'] ?? '')).trim();

/** The URL of one page of a search, newest submissions first. */
export function searchUrl(api: string, searchQuery: string, start: number, maxResults: number): string {
  const params = new URLSearchParams({
    search_query: searchQuery,
    start: String(start),
    max_results: String(maxResults),
    sortBy: 'submittedDate',
    sortOrder: 'descending',
  });
  return `${api}?${params}`;
}

/** The URL that asks for the given papers (latest versions). */
export function idListUrl(api: string, ids: readonly string[]): string {
  const params = new URLSearchParams({ id_list: ids.join(','), max_results: String(ids.length) });
  return `${api}?${params}`;
}

/**
 * Checks an arXiv answer: HTTP 200, Atom (not HTML, well-formed, whole), not an error feed.
 * Returns what the feed says of itself; throws a `FetchFailure` saying what is wrong.
 */
export function checkArxivResponse(response: HttpResponse, where: string): ArxivFeedInfo {
  const fail = (message: string, hint: string): never => {
    throw new FetchFailure(`arXiv API, ${where}: ${message}`, `Nothing was written. ${hint}`, response.url);
  };
  const body = utf8(response.body);
  if (body === undefined) return fail('the answer is not valid UTF-8', 'Run it again later.');
  if (looksLikeHtml(response.contentType, body)) {
    const title = htmlTitle(body);
    fail(
      `HTTP ${response.status}, an HTML page${title ? ` ("${title}")` : ''} instead of an Atom feed`,
      'The API (or something in front of it) is not answering as the API; check ARXIV_API_URL, or run it again later.',
    );
  }
  try {
    SyntaxValidator.validate(body, { docType: { maxEntityCount: 16, maxEntitySize: 1024 } });
  } catch (error) {
    const { message, line } = error as Error & { line?: number };
    fail(
      `HTTP ${response.status}, the answer is not well-formed XML${line ? ` (line ${line})` : ''}: ${message} — it was probably cut short`,
      'Run it again: the API sometimes breaks off a response.',
    );
  }
  const document = parser.parse(body) as { feed?: Record<string, unknown> & { entry?: Record<string, Text>[] } };
  const feed = document.feed;
  if (!feed) return fail(`HTTP ${response.status}, XML but not an Atom feed`, 'Check ARXIV_API_URL.');
  const entries = feed.entry ?? [];
  // The manual's error feed: a single entry titled "Error" whose id is under …/api/errors.
  const error = entries.find(
    (e) => /\/api\/errors\b/.test(text(e.id)) || (text(e.title) === 'Error' && !/\/abs\//.test(text(e.id))),
  );
  if (error) {
    fail(
      `the API answered with an error: "${text(error.summary) || 'no message'}"`,
      'Fix the query (see "Details of Query Construction" in the arXiv API user manual), then run it again.',
    );
  }
  if (response.status !== 200) fail(`HTTP ${response.status}`, 'Run it again later.');
  const total = Number(text(feed['opensearch:totalResults'] as Text));
  if (!Number.isInteger(total) || total < 0)
    fail('the feed has no opensearch:totalResults', 'Check ARXIV_API_URL: the answer is not an arXiv API feed.');
  return { total, entries: entries.length };
}

/**
 * Asks for one page and checks it. An empty page that `totalResults` says should hold entries
 * — a fault the API is known for — is asked for again like a failed request, then reported.
 */
export async function fetchArxivPage(
  client: PoliteClient,
  lane: Lane,
  url: string,
  where: string,
  start: number,
  retries: number,
): Promise<{ response: HttpResponse; info: ArxivFeedInfo }> {
  for (let attempt = 0; ; attempt++) {
    const response = await client.get(url, lane, ACCEPT);
    const info = checkArxivResponse(response, where);
    if (info.entries > 0 || start >= info.total) return { response, info };
    if (attempt >= retries) {
      throw new FetchFailure(
        `arXiv API, ${where}: the page at start=${start} came back empty although the feed reports ${info.total} results (${attempt + 1} attempts)`,
        'Nothing was written. The API sometimes answers a page with no entries; run it again later.',
        url,
      );
    }
  }
}
