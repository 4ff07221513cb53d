/**
 * The taxonomy of the collection (content/topics.yaml): its schema, how it is read, and the
 * lookups every part of the site uses. Pure: the caller reads the file (the ingest with `fs`,
 * the site through `site/data-files.ts`) and passes its text.
 */
import jsyaml from 'js-yaml';
import { z } from 'astro/zod';

/** Phrase → weight: how strongly a phrase points at a topic. */
const phrases = z.record(z.string().min(1), z.number().positive());

/** A topic of the collection: its identity, its blurb, and the phrases that assign papers to it. */
export const topicSchema = z.object({
  /** URL segment of the topic page, e.g. `spiking`. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Display name. */
  name: z.string().min(1),
  /** One paragraph shown on the home page and the topic page. */
  description: z.string().min(1),
  /** Weighted phrases; see the header of `content/topics.yaml` for how they score. */
  phrases,
});

/** A tag of the curated vocabulary, with the acronyms and spellings that mean the same thing. */
export const tagSchema = z.object({
  /** URL segment of the tag page. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Display name. */
  name: z.string().min(1),
  /** Every spelling that assigns the tag; also the search synonyms of each other. */
  variants: z.array(z.string().min(1)).min(1),
});

/** The whole of `content/topics.yaml`. */
export const taxonomySchema = z
  .object({
    /** A paper scoring below this in every real topic is off-topic. */
    minimumScore: z.number().positive(),
    /** The most tags a paper gets. */
    maxTags: z.number().int().positive(),
    /** Real topics, in precedence order (ties go to the earlier one). */
    topics: z.array(topicSchema).min(1),
    /** The topic for papers that are not about neurons at all. */
    offTopic: topicSchema,
    /** The tag vocabulary. */
    tags: z.array(tagSchema),
  })
  .superRefine((taxonomy, ctx) => {
    const unique = (what: string, slugs: string[]) => {
      const seen = new Set<string>();
      for (const slug of slugs) {
        if (seen.has(slug)) ctx.addIssue({ code: 'custom', message: `duplicate ${what} slug "${slug}"` });
        seen.add(slug);
      }
    };
    unique(
      'topic',
      [...taxonomy.topics, taxonomy.offTopic].map((t) => t.slug),
    );
    unique(
      'tag',
      taxonomy.tags.map((t) => t.slug),
    );
  });

export type Topic = z.infer<typeof topicSchema>;
export type Tag = z.infer<typeof tagSchema>;
export type Taxonomy = z.infer<typeof taxonomySchema>;

/** Parses and validates the taxonomy's text; a mistake names the file and the field. */
export function parseTaxonomy(text: string, file: string): Taxonomy {
  const result = taxonomySchema.safeParse(jsyaml.load(text));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${file} is not a valid taxonomy:\n${problems.join('\n')}`);
  }
  return result.data;
}

/** All topics, real ones in precedence order and the off-topic one last. */
export function allTopics(taxonomy: Taxonomy): Topic[] {
  return [...taxonomy.topics, taxonomy.offTopic];
}

/** Looks up a topic; an unknown slug is a build error, since the ingest wrote it. */
export function topicBySlug(taxonomy: Taxonomy, slug: string): Topic {
  const topic = allTopics(taxonomy).find((t) => t.slug === slug);
  if (!topic) throw new Error(`unknown topic "${slug}": re-run \`npm run ingest\` after editing content/topics.yaml`);
  return topic;
}

/** Looks up a tag of the vocabulary. */
export function tagBySlug(taxonomy: Taxonomy, slug: string): Tag {
  const tag = taxonomy.tags.find((t) => t.slug === slug);
  if (!tag) throw new Error(`unknown tag "${slug}": re-run \`npm run ingest\` after editing content/topics.yaml`);
  return tag;
}

/** Whether a topic is the off-topic bin (shown apart from the real topics). */
export function isOffTopic(taxonomy: Taxonomy, slug: string): boolean {
  return slug === taxonomy.offTopic.slug;
}
