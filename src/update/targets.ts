/**
 * What `npm run add` accepts: arXiv ids (`2309.04827`, `2309.04827v2`, `arXiv:…`, old-style
 * `q-bio/0601001`, an abs or PDF URL), DOIs (`10.…`, `doi:…`, a doi.org URL; arXiv's own DOIs
 * `10.48550/arXiv.…` are arXiv ids) and Hugging Face paper URLs (`huggingface.co/papers/<id>`).
 * A version is dropped: the collection holds papers, and the API answers with the latest one.
 */
import { arxivId, doi } from '../lib/identifiers.ts';

export type Target =
  | { given: string; kind: 'arxiv'; id: string }
  | { given: string; kind: 'huggingface'; id: string }
  | { given: string; kind: 'doi'; id: string };

const HF_PAPER = /^https?:\/\/(?:www\.)?(?:hf\.co|huggingface\.co)\/papers\/([^/?#]+)\/?(?:[?#].*)?$/i;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

/** The paper an argument names, or undefined when it names none. */
export function parseTarget(given: string): Target | undefined {
  const text = given.trim();
  const hf = HF_PAPER.exec(text)?.[1];
  if (hf) {
    const id = arxivId(decodeURIComponent(hf));
    return id ? { given, kind: 'huggingface', id } : undefined;
  }
  const asDoi = doi(text);
  if (asDoi) {
    const fromArxivDoi = arxivId(ARXIV_DOI.exec(asDoi)?.[1]);
    if (fromArxivDoi) return { given, kind: 'arxiv', id: fromArxivDoi };
    return { given, kind: 'doi', id: asDoi };
  }
  // An abs or PDF URL may carry a query or fragment (`?context=cs`, `#page=2`).
  const id = arxivId(/^https?:/i.test(text) ? text.replace(/[?#].*$/, '').replace(/\/$/, '') : text);
  return id ? { given, kind: 'arxiv', id } : undefined;
}
