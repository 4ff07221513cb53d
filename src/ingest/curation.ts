/**
 * Curators' decisions about single papers (`content/curation.yaml`): a paper's topic, tags to
 * add or remove, and why, in the curator's words. The keyword rules of content/topics.yaml
 * place most papers; this file corrects the rest and survives every re-ingest, since the ingest
 * only reads it. A slug, topic or tag that does not exist is an error, never a silent no-op.
 */
import { loadYaml } from './yaml-file.ts';
import { z } from 'astro/zod';
import type { Taxonomy } from '../lib/taxonomy.ts';
import type { Diagnostic } from './diagnostics.ts';

/** What a curator decided about one paper. */
const decisionSchema = z
  .object({
    /** The paper's topic, instead of the one its phrases give. */
    topic: z.string().min(1).optional(),
    /** Tags the paper gets although its words do not assign them. */
    addTags: z.array(z.string().min(1)).optional(),
    /** Tags its words assign that it should not have (a word used in another sense). */
    removeTags: z.array(z.string().min(1)).optional(),
    /** Why, for readers: shown on the paper page when the topic is the curator's. */
    why: z.string().min(1),
  })
  .strict();

export type CuratorDecision = z.infer<typeof decisionSchema>;

const fileSchema = z.object({ papers: z.record(z.string(), decisionSchema).default({}) }).strict();

/**
 * Reads the curation file: decisions by paper slug, and an error for every decision that names
 * an unknown paper, topic or tag (with the line of its entry). A decision about a paper that
 * content/excluded.yaml leaves out (`excluded`: slug → where) is only a warning: it is unused.
 */
export function readCuration(
  text: string | undefined,
  file: string,
  taxonomy: Taxonomy,
  slugs: ReadonlySet<string>,
  excluded: ReadonlyMap<string, string> = new Map(),
): { decisions: Map<string, CuratorDecision>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const decisions = new Map<string, CuratorDecision>();
  if (text === undefined) return { decisions, diagnostics };
  const lineOf = (slug: string) => {
    const index = text.split('\n').findIndex((line) => new RegExp(`^\\s+['"]?${escape(slug)}['"]?:`).test(line));
    return index + 1;
  };
  const loaded = loadYaml(text);
  if (!loaded.ok) {
    diagnostics.push({
      severity: 'error',
      file,
      line: loaded.line,
      message: loaded.message,
      hint: 'Fix the YAML; each paper is `<slug>:` under `papers:` with `topic`, `addTags`, `removeTags` and `why`.',
    });
    return { decisions, diagnostics };
  }
  const data = loaded.data;
  const parsed = fileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const slug = issue.path[0] === 'papers' ? String(issue.path[1] ?? '') : '';
      diagnostics.push({
        severity: 'error',
        file,
        line: slug ? lineOf(slug) : 0,
        ...(slug && { entry: slug }),
        message: `${issue.path.join('.') || '(root)'}: ${issue.message}`,
        hint: 'Each paper is `<slug>:` under `papers:` with optional `topic`, `addTags`, `removeTags`, and a `why`.',
      });
    }
    return { decisions, diagnostics };
  }
  const topics = new Set([...taxonomy.topics, taxonomy.offTopic].map((t) => t.slug));
  const tags = new Set(taxonomy.tags.map((t) => t.slug));
  for (const [slug, decision] of Object.entries(parsed.data.papers)) {
    if (!slugs.has(slug) && excluded.has(slug)) {
      diagnostics.push({
        severity: 'warning',
        file,
        line: lineOf(slug),
        entry: slug,
        message: `the paper is excluded (${excluded.get(slug)}): this decision is not used`,
        hint: 'Delete the decision, or the exclusion to publish the paper again.',
      });
      continue;
    }
    const problems = [
      !slugs.has(slug) && [`no paper has the slug "${slug}"`, 'Use the slug of a paper (content/slugs.json).'],
      decision.topic !== undefined &&
        !topics.has(decision.topic) && [
          `the topic "${decision.topic}" does not exist`,
          'Use the slug of a topic of content/topics.yaml.',
        ],
      ...[...(decision.addTags ?? []), ...(decision.removeTags ?? [])]
        .filter((tag) => !tags.has(tag))
        .map((tag) => [`the tag "${tag}" does not exist`, 'Use the slug of a tag of content/topics.yaml.']),
    ].filter((problem): problem is string[] => Array.isArray(problem));
    for (const [message, hint] of problems)
      diagnostics.push({ severity: 'error', file, line: lineOf(slug), entry: slug, message: message!, hint: hint! });
    if (problems.length === 0) decisions.set(slug, decision);
  }
  return { decisions, diagnostics };
}

/** A paper's topic and tags after a curator's decision; the keyword rules' where there is none. */
export function curated(
  placed: { topic: string; tags: readonly string[] },
  decision: CuratorDecision | undefined,
  maxTags: number,
): { topic: string; tags: string[] } {
  if (!decision) return { topic: placed.topic, tags: [...placed.tags] };
  const removed = new Set(decision.removeTags ?? []);
  const added = (decision.addTags ?? []).filter((tag) => !placed.tags.includes(tag));
  const kept = placed.tags.filter((tag) => !removed.has(tag));
  // The rules' tags stay in their order (most mentioned first); their least mentioned make room
  // for the curator's.
  const tags = [...kept.slice(0, Math.max(0, maxTags - added.length)), ...added].slice(0, maxTags);
  return { topic: decision.topic ?? placed.topic, tags };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
