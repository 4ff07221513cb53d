import { RELATED_COUNT } from '../consts.ts';
import { groupBy } from '../lib/collections.ts';
import type { Paper } from './papers.ts';
import { relatedDocuments } from '../lib/similarity.ts';
import { isOffTopic } from '../lib/taxonomy.ts';
import { siteTaxonomy } from './data-files.ts';

/** What a paper page shows besides the paper itself. */
export interface PaperContext {
  related: Paper[];
  previous?: Paper;
  next?: Paper;
}

/**
 * Computes, once for the whole collection, each paper's related papers and its neighbours
 * within its topic (in title order). A paper on neurons is related only to papers on neurons:
 * the site never recommends a neutron camera beside one. A paper not about neurons is related
 * to any paper that shares its words (its few fellows in the bin rarely do).
 */
export function paperContexts(papers: readonly Paper[]): Map<string, PaperContext> {
  const bySlug = new Map(papers.map((p) => [p.data.slug, p]));
  const taxonomy = siteTaxonomy();
  const documents = (list: readonly Paper[]) =>
    list.map((p) => ({ id: p.data.slug, title: p.data.title, text: p.data.abstract }));
  const onNeurons = papers.filter((p) => !isOffTopic(taxonomy, p.data.topic.id));
  const related = new Map([
    ...relatedDocuments(documents(papers), RELATED_COUNT),
    ...relatedDocuments(documents(onNeurons), RELATED_COUNT),
  ]);
  const contexts = new Map<string, PaperContext>();
  for (const list of groupBy(papers, (p) => [p.data.topic.id]).values()) {
    list.forEach((paper, i) => {
      contexts.set(paper.data.slug, {
        related: (related.get(paper.data.slug) ?? []).map((slug) => bySlug.get(slug)!),
        previous: list[i - 1],
        next: list[i + 1],
      });
    });
  }
  return contexts;
}
