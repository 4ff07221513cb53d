import type { Taxonomy } from '../lib/taxonomy.ts';
import { classify, type Classification, type Place } from './classify.ts';
import { curated, type CuratorDecision } from './curation.ts';
import { cleanAbstract, cleanTitle, codeLinks, inlineText, type CleanBlocks } from './clean/segments.ts';
import type { MergedPaper } from './merge.ts';
import { paperBodyTree, toMdx } from './mdx.ts';
import { optional } from './record.ts';
import { citablePaper, citationLine } from '../paper/citation.ts';

/** Longest meta description; search engines cut around 160 characters. */
const MAX_DESCRIPTION = 180;

/** One paper's page as the ingest built it. */
export interface BuiltPage {
  slug: string;
  /** The complete MDX file: YAML frontmatter and a remark-serialised body. */
  mdx: string;
}

/** A short plain-text summary: the abstract's first sentences, cut at a word under the limit. */
export function describe(blocks: CleanBlocks): string {
  const text = inlineText(blocks[0] ?? []);
  const sentences = text.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g) ?? [text];
  let description = '';
  for (const sentence of sentences) {
    const next = (description + sentence).trim();
    if (next.length > MAX_DESCRIPTION) break;
    description = next + ' ';
    if (description.length >= 80) break;
  }
  description = description.trim();
  if (description) return description;
  const cut = text.slice(0, MAX_DESCRIPTION - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** A summary for a paper without an abstract: who wrote it and when. */
function describeByline(title: string, authors: readonly string[], published: string | undefined): string {
  const by = authors.length === 0 ? '' : authors.length === 1 ? ` by ${authors[0]}` : ` by ${authors[0]} et al.`;
  const year = published ? ` (${published.slice(0, 4)})` : '';
  const text = `${title}${by}${year}.`;
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

/** The author names a paper's page shows: cleaned like every text from a source. */
export function pageAuthors(paper: MergedPaper): string[] {
  return (paper.authors ?? []).map(cleanTitle).filter(Boolean);
}

/** How many phrases of each place the page names as the reason for its topic. */
const REASON_PHRASES = 3;

/**
 * Why a paper is in its topic, in a reader's words: the curator's reason, or the topic's
 * phrases its title and abstract use (strongest first; no scores, which mean nothing to a reader).
 */
function topicReasons(classification: Classification, decision: CuratorDecision | undefined) {
  if (decision?.topic !== undefined) return { curated: decision.why };
  const phrases = (place: Place) => [
    ...new Set(classification.evidence.filter((e) => e.place === place).map((e) => e.phrase)),
  ];
  return {
    title: phrases('title').slice(0, REASON_PHRASES),
    abstract: phrases('abstract').slice(0, REASON_PHRASES),
  };
}

/**
 * A paper's cleaned title and abstract and where it goes: the topic and tags the keyword rules
 * give it, then the curator's decision if there is one. `npm run update` reports new papers'
 * topics with it before anything is written.
 */
export function placePaper(paper: MergedPaper, taxonomy: Taxonomy, decision?: CuratorDecision) {
  const title = cleanTitle(paper.title);
  const blocks = cleanAbstract(paper.abstract);
  const abstract = blocks.map(inlineText).join('\n\n');
  const classification = classify(taxonomy, title, abstract);
  const { topic, tags } = curated(classification, decision, taxonomy.maxTags);
  return { title, blocks, abstract, classification, topic, tags };
}

/**
 * Turns a merged paper into its MDX page: cleans, classifies (the keyword rules, then the
 * curator's decision if there is one) and serialises it.
 */
export function buildPaperPage(
  paper: MergedPaper,
  slug: string,
  taxonomy: Taxonomy,
  decision?: CuratorDecision,
  authorSlugs: readonly (string | null)[] = [],
): BuiltPage {
  const { title, blocks, abstract, classification, topic, tags } = placePaper(paper, taxonomy, decision);
  const authors = pageAuthors(paper);
  const code = [...new Set([...codeLinks(blocks), ...(paper.code ?? [])])];
  const frontmatter = {
    title,
    slug,
    description: blocks.length > 0 ? describe(blocks) : describeByline(title, authors, paper.published),
    abstract,
    ...(authors.length > 0 && { authors }),
    // The slug of each author's page, in the authors' order (null: no page); see authors.ts.
    ...(authorSlugs.some((slug) => slug !== null) && { authorSlugs }),
    ...optional('published', paper.published),
    ...optional('updated', paper.updated),
    ...optional('version', paper.version),
    ...optional('added', paper.added),
    ...optional('arxiv', paper.arxiv),
    ...optional('doi', paper.doi),
    ...optional('primaryCategory', paper.primaryCategory),
    ...optional('venue', paper.venue && { ...paper.venue, name: cleanTitle(paper.venue.name) }),
    ...optional('comment', paper.comment && cleanTitle(paper.comment)),
    ...optional('projectPage', paper.projectPage),
    topic,
    tags,
    mentionedTags: classification.mentioned,
    code,
    topicReasons: topicReasons(classification, decision),
    math: blocks.some((inlines) => inlines.some((inline) => inline.kind === 'math')),
    provenance: paper.provenance,
  };
  // The one-line reference is formatted here, once per paper and in the ingest's worker threads,
  // not by every build: the APA style costs the CSL processor ≈ 5 ms a paper (50 s of a
  // 10,000-paper build, on the thread that renders the pages).
  const reference = citationLine(citablePaper(frontmatter));
  return { slug, mdx: toMdx({ ...frontmatter, reference }, paperBodyTree(blocks)) };
}
