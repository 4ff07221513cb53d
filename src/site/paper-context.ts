import { RELATED_COUNT } from '../consts.ts';
import { groupBy } from '../lib/collections.ts';
import type { Paper } from './papers.ts';
import { relatedDocuments } from '../lib/similarity.ts';

/** What a paper page shows besides the paper itself. */
export interface PaperContext {
  related: Paper[];
  previous?: Paper;
  next?: Paper;
}

/**
 * Computes, once for the whole collection, each paper's related papers and its neighbours
 * within its topic (in title order).
 */
export function paperContexts(papers: readonly Paper[]): Map<string, PaperContext> {
  const bySlug = new Map(papers.map((p) => [p.data.slug, p]));
  const related = relatedDocuments(
    papers.map((p) => ({ id: p.data.slug, title: p.data.title, text: p.data.abstract })),
    RELATED_COUNT,
  );
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
