/**
 * The search page's "Export these results": the BibTeX entries of every paper the search found,
 * taken from the collection's own export (`papers.bib`, fetched only when asked), where a comment
 * line before each entry names its paper's page (`site/exports.ts`).
 */

/** The entries of a BibTeX export by the page each comes from (`/neurons/papers/<slug>/`). */
export function entriesByPage(bibtex: string): Map<string, string> {
  const entries = new Map<string, string>();
  const blocks = bibtex.split(/^% (\/\S*)\n/m);
  // [header, page, entry, page, entry, …]
  for (let i = 1; i + 1 < blocks.length; i += 2) entries.set(blocks[i]!, blocks[i + 1]!.trim());
  return entries;
}

/** A page's path without its query and fragment: Pagefind adds the highlight to result URLs. */
export const pagePath = (url: string): string => url.replace(/[?#].*$/, '');

/** The BibTeX file of some papers, in the order given, from the collection's export. */
export function resultsBibtex(collection: string, pages: readonly string[], query: string): string {
  const entries = entriesByPage(collection);
  const chosen = pages.map((page) => entries.get(pagePath(page))).filter((entry): entry is string => !!entry);
  const header = `% Search results for "${query.replace(/\s+/g, ' ')}": ${chosen.length} ${chosen.length === 1 ? 'paper' : 'papers'}, from Neuron Papers.`;
  return `${header}\n\n${chosen.join('\n\n')}\n`;
}

/** Offers a text as a file to download. */
export function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
