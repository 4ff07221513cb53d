import { reference } from 'astro:content';
import { z } from 'astro/zod';
import { DOI_PATTERN } from '../lib/identifiers.ts';
import { VENUE_KINDS } from '../lib/venues.ts';

/** The frontmatter of a generated paper page (`content/papers/<slug>.mdx`), as the ingest writes it. */
export const paperSchema = z.object({
  /** The cleaned title. */
  title: z.string().min(1),
  /** The permanent URL segment: `<base>papers/<slug>/`. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** A short plain-text summary for meta descriptions and lists. */
  description: z.string().min(1).max(200),
  /** The whole cleaned abstract as plain text (formulas as TeX), for feeds and similarity; `''` when no source has one. */
  abstract: z.string(),
  /** Author names as displayed ("Given Family"), in order; absent when no source names them. */
  authors: z.array(z.string().min(1)).min(1).optional(),
  /** The slug of each author's page, in the authors' order (`null`: no page); absent when none has one. */
  authorSlugs: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
        .nullable(),
    )
    .optional(),
  /** Date of the first version: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the sources are vaguer. */
  published: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)
    .optional(),
  /** Date of the latest version, when an arXiv feed tells it. */
  updated: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)
    .optional(),
  /** The number of the latest arXiv version (`4` for v4), from an arXiv feed. */
  version: z.number().int().positive().optional(),
  /**
   * The day the paper was added to the collection, from the provenance of the first source that
   * named it (never the build's date); absent when no source is dated.
   */
  added: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /** arXiv identifier without version (`2309.04827`, `q-bio/0601001`). */
  arxiv: z
    .string()
    .regex(/^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/)
    .optional(),
  /** DOI of the published version, lower-cased, without resolver. */
  doi: z.string().regex(DOI_PATTERN).optional(),
  /** arXiv primary category, e.g. `cs.LG`. */
  primaryCategory: z.string().optional(),
  /** Where the paper was published, named by content/venues.yaml (`lib/venues.ts`). */
  venue: z
    .object({
      name: z.string().min(1),
      short: z.string().min(1).optional(),
      kind: z.enum(VENUE_KINDS),
      year: z
        .string()
        .regex(/^\d{4}$/)
        .optional(),
      volume: z.string().min(1).optional(),
      issue: z.string().min(1).optional(),
      pages: z.string().min(1).optional(),
    })
    .optional(),
  /** The arXiv comment ("10 pages, accepted at …"). */
  comment: z.string().optional(),
  /** The paper's project page. */
  projectPage: z.url({ protocol: /^https?$/ }).optional(),
  /** The primary topic, by slug: a reference into the `topics` collection (content/topics.yaml). */
  topic: reference('topics'),
  /** Tags from the curated vocabulary (the `tags` collection), most relevant first. */
  tags: z.array(reference('tags')),
  /** Every tag the paper mentions (a superset of `tags`), as the classifier found them. */
  mentionedTags: z.array(z.string()),
  /** Code repositories: linked from the abstract or named by a source. */
  code: z.array(z.url({ protocol: /^https?$/ })),
  /**
   * Why the paper is in its topic, in a reader's words: a curator's reason, or the topic's
   * phrases that its title and its abstract use (none: no topic's phrases reached the minimum).
   */
  topicReasons: z.union([
    z.object({ curated: z.string().min(1) }).strict(),
    z.object({ title: z.array(z.string()), abstract: z.array(z.string()) }).strict(),
  ]),
  /** Whether the abstract holds typeset formulas. */
  math: z.boolean(),
  /** The one-line reference in APA style, formatted by the ingest with Citation.js (paper/citation.ts). */
  reference: z.string().min(1),
  /** Every source record the paper was found in, in input order. */
  provenance: z
    .array(z.object({ file: z.string(), line: z.number().int().nonnegative(), entry: z.string().optional() }))
    .min(1),
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

/** A paper's place on the map (an entry of content/map.json, by slug). */
export const placeSchema = z.object({ x: z.number(), y: z.number() });

/** An author with a page (content/authors.json, kept by the ingest: see src/ingest/authors.ts). */
export const authorSchema = z.object({
  /** The name the page shows: the fullest way the sources write it. */
  name: z.string().min(1),
  /** Every way the sources write it. */
  names: z.array(z.string().min(1)).min(1),
});

export type PaperData = z.infer<typeof paperSchema>;
