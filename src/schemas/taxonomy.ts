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
