/**
 * DOIs that are not arXiv's own: the DOI resolver is asked for the record as BibTeX (content
 * negotiation, `Accept: application/x-bibtex`), which the ingest reads like any BibTeX export.
 * Such a record rarely has an abstract: the page then shows title, authors, date and links.
 */
import { FetchFailure, htmlTitle, looksLikeHtml, utf8, type HttpResponse } from './http.ts';

export const DOI_ACCEPT = 'application/x-bibtex; charset=utf-8';

/** The resolver URL of a DOI, each character that is not allowed in a path escaped. */
export function doiUrl(api: string, doi: string): string {
  return `${api}/${encodeURIComponent(doi).replaceAll('%2F', '/')}`;
}

/**
 * Checks a resolver's answer: BibTeX with HTTP 200. Returns false for a 404 (no such DOI, or no
 * metadata for it); throws a `FetchFailure` saying what is wrong otherwise.
 */
export function checkDoiResponse(response: HttpResponse, where: string): boolean {
  const fail = (message: string, hint: string): never => {
    throw new FetchFailure(`DOI resolver, ${where}: ${message}`, `Nothing was written. ${hint}`, response.url);
  };
  if (response.status === 404) return false;
  const body = utf8(response.body);
  if (body === undefined) return fail('the answer is not valid UTF-8', 'Run it again later.');
  if (response.status !== 200) fail(`HTTP ${response.status}`, 'Run it again later.');
  if (looksLikeHtml(response.contentType, body)) {
    const title = htmlTitle(body);
    fail(
      `an HTML page${title ? ` ("${title}")` : ''} instead of BibTeX`,
      'The registry of this DOI offers no BibTeX: add the paper by its arXiv id, or save its BibTeX under content/sources/.',
    );
  }
  if (!/^\s*@\w+\s*[{(]/.test(body))
    fail('the answer is not BibTeX', 'Add the paper by its arXiv id, or save its BibTeX under content/sources/.');
  return true;
}
