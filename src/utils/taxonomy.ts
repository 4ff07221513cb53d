import { loadTaxonomy } from '../ingest/taxonomy.ts';
import type { Tag, Taxonomy, Topic } from '../schemas/taxonomy.ts';

let cached: Taxonomy | undefined;

/** The taxonomy of `content/topics.yaml`, read once per build. */
export function taxonomy(): Taxonomy {
  return (cached ??= loadTaxonomy());
}

/** All topics, real ones in precedence order and the off-topic one last. */
export function allTopics(): Topic[] {
  const t = taxonomy();
  return [...t.topics, t.offTopic];
}

/** Looks up a topic; an unknown slug is a build error, since the ingest wrote it. */
export function topicBySlug(slug: string): Topic {
  const topic = allTopics().find((t) => t.slug === slug);
  if (!topic) throw new Error(`unknown topic "${slug}": re-run \`npm run ingest\` after editing content/topics.yaml`);
  return topic;
}

/** Looks up a tag of the vocabulary. */
export function tagBySlug(slug: string): Tag {
  const tag = taxonomy().tags.find((t) => t.slug === slug);
  if (!tag) throw new Error(`unknown tag "${slug}": re-run \`npm run ingest\` after editing content/topics.yaml`);
  return tag;
}

/** Whether a topic is the off-topic bin (shown apart from the real topics). */
export function isOffTopic(slug: string): boolean {
  return slug === taxonomy().offTopic.slug;
}
export type { Tag, Topic } from '../schemas/taxonomy.ts';
