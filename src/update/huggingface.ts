/**
 * The Hugging Face Papers API: `<base>/papers/search?q=…` (an array of items, each holding a
 * `paper`) and `<base>/papers/<arXiv id>` (one paper object; 404 when Hugging Face does not
 * know the paper). Answers are checked before they are read: HTML, a body that is not JSON or
 * was cut short, and JSON of the wrong shape are reported in words.
 */
import { FetchFailure, htmlTitle, looksLikeHtml, utf8, type HttpResponse } from './http.ts';

export const HF_ACCEPT = 'application/json';

/** The URL of a paper search. */
export function hfSearchUrl(api: string, q: string): string {
  return `${api}/papers/search?${new URLSearchParams({ q })}`;
}

/** The URL of one paper, by its arXiv id. */
export function hfPaperUrl(api: string, arxivId: string): string {
  return `${api}/papers/${arxivId}`;
}

/**
 * Checks a Hugging Face answer: HTTP 200 and JSON of the expected shape (`array` for a search,
 * `paper` for one paper). Returns false for a 404 of a paper (Hugging Face does not know it);
 * throws a `FetchFailure` saying what is wrong otherwise.
 */
export function checkHfResponse(response: HttpResponse, where: string, shape: 'array' | 'paper'): boolean {
  const fail = (message: string, hint: string): never => {
    throw new FetchFailure(`Hugging Face API, ${where}: ${message}`, `Nothing was written. ${hint}`, response.url);
  };
  const body = utf8(response.body);
  if (body === undefined) return fail('the answer is not valid UTF-8', 'Run it again later.');
  if (shape === 'paper' && response.status === 404) return false;
  if (looksLikeHtml(response.contentType, body)) {
    const title = htmlTitle(body);
    fail(
      `HTTP ${response.status}, an HTML page${title ? ` ("${title}")` : ''} instead of JSON`,
      'Check HF_API_URL (it ends in /api), or run it again later.',
    );
  }
  if (response.status !== 200) {
    const message = /"error"\s*:\s*"([^"]{1,200})"/.exec(body)?.[1];
    fail(
      `HTTP ${response.status}${message ? `: "${message}"` : ''}`,
      'Check the query and HF_API_URL, or run it again later.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    fail(
      `the answer is not valid JSON (${(error as Error).message}) — it was probably cut short`,
      'Run it again: the connection may have broken off.',
    );
  }
  const isPaper = (value: unknown) => typeof value === 'object' && value !== null && 'id' in value && 'title' in value;
  if (shape === 'array' && !Array.isArray(data))
    fail('the answer is JSON but not a list of papers', 'Check HF_API_URL: the answer is not a Papers API search.');
  if (shape === 'paper' && !isPaper(data))
    fail(
      'the answer is JSON but not a paper (no id and title)',
      'Check HF_API_URL: the answer is not a Papers API paper.',
    );
  return true;
}
