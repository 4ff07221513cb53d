/** Every list the site exports as a file: the collection, each topic, each tag, each author. */
import { allTopics } from '../lib/taxonomy.ts';
import { authorPages } from './authors.ts';
import { siteTaxonomy } from './data-files.ts';
import type { ExportList } from './exports.ts';
import { getPapers, papersByTag, papersByTopic } from './papers.ts';

export async function exportLists(): Promise<ExportList[]> {
  const byTopic = await papersByTopic();
  const byTag = await papersByTag();
  const both = ['bib', 'csl.json'] as const;
  return [
    { path: '', what: 'All papers', papers: await getPapers(), formats: both },
    ...allTopics(siteTaxonomy())
      .filter((topic) => byTopic.has(topic.slug))
      .map((topic) => ({
        path: `topics/${topic.slug}/`,
        what: `Topic: ${topic.name}`,
        papers: byTopic.get(topic.slug)!,
        formats: both,
      })),
    ...siteTaxonomy()
      .tags.filter((tag) => byTag.has(tag.slug))
      .map((tag) => ({
        path: `tags/${tag.slug}/`,
        what: `Tag: ${tag.name}`,
        papers: byTag.get(tag.slug)!,
        formats: both,
      })),
    ...(await authorPages()).map((author) => ({
      path: `authors/${author.slug}/`,
      what: `Papers by ${author.name}`,
      papers: author.papers,
      formats: ['bib'] as const,
    })),
  ];
}
