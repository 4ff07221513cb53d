import { z } from 'astro/zod';

/** The frontmatter of a generated paper page (`content/papers/<slug>.mdx`), as the ingest writes it. */
export const paperSchema = z.object({
  /** The cleaned title. */
  title: z.string().min(1),
  /** The permanent URL segment: `<base>papers/<slug>/`. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** A short plain-text summary for meta descriptions and lists. */
  description: z.string().min(1).max(200),
  /** The whole cleaned abstract as plain text (formulas as TeX), for feeds and similarity. */
  abstract: z.string().min(1),
  /** Slug of the primary topic (see `content/topics.yaml`). */
  topic: z.string().min(1),
  /** Tag slugs from the curated vocabulary, most relevant first. */
  tags: z.array(z.string()),
  /** Every tag the paper mentions (a superset of `tags`): their variants are its search synonyms. */
  mentionedTags: z.array(z.string()),
  /** Code repositories the abstract links to. */
  code: z.array(z.url()),
  /** Why the paper is in its topic: the score and the strongest phrases that placed it. */
  placement: z.object({
    score: z.number(),
    evidence: z.array(z.object({ phrase: z.string(), place: z.enum(['title', 'abstract']), points: z.number() })),
  }),
  /** Whether the abstract holds typeset formulas. */
  math: z.boolean(),
  /** Every scrape line the paper was found at, first occurrence first. */
  provenance: z.array(z.object({ file: z.string(), line: z.number().int().positive() })).min(1),
  /** Key of the inputs the page was made from; the ingest reuses the page while it matches. */
  ingestKey: z.string().regex(/^[0-9a-f]{32}$/),
  /** Digest of the body the ingest proved inert; the loader refuses a body that differs. */
  bodyDigest: z.string().regex(/^[0-9a-f]{32}$/),
});

/** The frontmatter of a curator note (`content/notes/<slug>.mdx`); all fields optional. */
export const noteSchema = z.object({
  /** Heading shown above the note; defaults to "Curator notes". */
  heading: z.string().optional(),
  /** Who wrote the note. */
  author: z.string().optional(),
});

export type PaperData = z.infer<typeof paperSchema>;
