/**
 * What the search index knows of a paper besides its title and abstract: its authors and
 * identifiers, as Pagefind metadata. Metadata is searched (weighted by `ranking.metaWeights`)
 * but never shown as an excerpt, so a result's excerpt is always the paper's own words.
 */
import type { PaperData } from '../../schemas/paper.ts';
import { listByline } from '../../paper/scholar-metadata.ts';
import { paperAliases } from './aliases.ts';

/** Names without initials ("Harry J Davies" → "Harry Davies"): a one-letter word would match any query starting with it. */
function searchableName(name: string): string {
  return name
    .split(/\s+/)
    .filter((word) => !/^\p{L}\.?$/u.test(word))
    .join(' ');
}

/**
 * `[key, value]` pairs for `data-pagefind-meta`: the aliases of the title's and the abstract's
 * terms (`search-aliases.ts`), the first author apart (readers search a paper by it, so it
 * weighs more), the other authors, the arXiv id and the DOI. Weights: `search/client/settings.ts`.
 *
 * And the byline a result shows, as the lists write it (`listByline`). It is there to be shown,
 * not searched; but Pagefind searches every metadata field, so the search box weighs it 0 and
 * counts no word as found in it (`SEARCH_SETTINGS.fields`).
 */
export function paperSearchMeta(data: PaperData): [key: string, value: string][] {
  const [first, ...others] = (data.authors ?? []).map(searchableName);
  const aliases = paperAliases(data.title, data.abstract);
  const meta: [string, string][] = [];
  if (aliases.title.length > 0) meta.push(['title_aliases', aliases.title.join(' · ')]);
  if (aliases.abstract.length > 0) meta.push(['aliases', aliases.abstract.join(' · ')]);
  if (first) meta.push(['first_author', first]);
  if (others.length > 0) meta.push(['authors', others.join(', ')]);
  if (data.arxiv) meta.push(['arxiv', data.arxiv]);
  if (data.doi) meta.push(['doi', data.doi]);
  const byline = listByline(data);
  if (byline) meta.push(['byline', byline]);
  return meta;
}
