/**
 * A list of papers to take away: all its entries in one BibTeX file or one CSL-JSON file, for a
 * reference manager (Zotero, JabRef, Mendeley…). Each entry is the paper page's own citation.
 */
import { bibtexEntry, citablePaper, cslItem } from '../paper/citation.ts';
import type { Paper } from './papers.ts';
import { href } from './urls.ts';

/**
 * The papers' citation keys, made unique within the file: a second paper with the same key gets
 * `b`, a third `c`… (a reference manager drops or merges entries with one key).
 */
function uniqueKeys(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}${String.fromCharCode(96 + Math.min(count, 26))}${count > 26 ? count : ''}`;
  });
}

/** The marker before each entry of a BibTeX export: which page it comes from (BibTeX skips it as a comment). */
export const bibtexMarker = (slug: string): string => `% ${href(`papers/${slug}/`)}`;

/**
 * The papers as one BibTeX file: a comment that says what it holds, then each entry after a line
 * naming its paper's page (the search page picks entries by it).
 */
export function bibtexExport(papers: readonly Paper[], what: string): string {
  const entries = papers.map((paper) => bibtexEntry(citablePaper(paper.data)));
  const keys = uniqueKeys(entries.map((entry) => /^@\w+\{([^,]+),/.exec(entry)![1]!));
  const body = entries.map(
    (entry, i) => `${bibtexMarker(papers[i]!.data.slug)}\n${entry.replace(/^(@\w+\{)[^,]+,/, `$1${keys[i]},`)}`,
  );
  return `% ${what}: ${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}, from Neuron Papers.\n\n${body.join('\n\n')}\n`;
}

/** The papers as CSL-JSON (an array of items), with unique ids. */
export function cslExport(papers: readonly Paper[]): string {
  const items = papers.map((paper) => cslItem(citablePaper(paper.data)));
  const ids = uniqueKeys(items.map((item) => String(item.id)));
  return `${JSON.stringify(
    items.map((item, i) => ({ ...item, id: ids[i] })),
    null,
    1,
  )}\n`;
}

/** The HTTP responses of the two formats. */
export const bibtexResponse = (body: string): Response =>
  new Response(body, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
export const cslResponse = (body: string): Response =>
  new Response(body, { headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' } });

/** A list that can be exported: where it lives, what it is called, its papers, in which formats. */
export interface ExportList {
  /** The list page's path under the base path, `''` for the whole collection: `topics/spiking/`. */
  path: string;
  /** What the file holds, for its header: "Topic: Spiking networks". */
  what: string;
  papers: readonly Paper[];
  /** BibTeX always; CSL-JSON for the collection, topics and tags (authors are many: BibTeX only). */
  formats: readonly ExportFormat[];
}

/** The file formats of an export, by the file name's ending. */
export const EXPORT_FORMATS = { bib: 'BibTeX', 'csl.json': 'CSL-JSON' } as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** The URL of a list's export in a format: `/neurons/topics/spiking/papers.bib`. */
export const exportHref = (listPath: string, format: ExportFormat): string => href(`${listPath}papers.${format}`);
