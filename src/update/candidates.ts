/**
 * What the fetched papers are to the collection: new, already in it, or excluded by a curator —
 * by arXiv id, DOI, or (for a record with neither) title, the way the ingest merges — and where
 * each new one would go (topic, tags), with the ingest's own rules.
 */
import { readFile } from 'node:fs/promises';
import type { Exclusion } from '../ingest/excluded.ts';
import { exclusionOf } from '../ingest/excluded.ts';
import { readCollection, type IngestPaths } from '../ingest/ingest.ts';
import { mergePapers } from '../ingest/merge.ts';
import { placePaper } from '../ingest/page.ts';
import { identityKeys } from '../ingest/provenance.ts';
import type { SourceRecord } from '../ingest/record.ts';
import { assignSlugs, titleKey, type SlugRegistry } from '../ingest/slugs.ts';
import type { Diagnostic } from '../ingest/diagnostics.ts';
import { isOffTopic, type Taxonomy } from '../lib/taxonomy.ts';

/** What the collection holds now, as the sources say (before anything is fetched). */
export interface Known {
  /** Identity keys (`arxiv:…`, `doi:…`) of published papers → their slug. */
  byKey: Map<string, string>;
  /** Title keys of published papers no source identifies (a scrape line) → their slug. */
  byTitle: Map<string, string>;
  /** Each published paper's title, by slug. */
  titles: Map<string, string>;
  exclusions: ReadonlyMap<string, Exclusion>;
}

/** Reads what the collection holds; its diagnostics are the ingest's (errors mean: fix the sources first). */
export async function knownPapers(paths: IngestPaths): Promise<{ known: Known; diagnostics: Diagnostic[] }> {
  const collection = await readCollection(paths);
  const registryText = await readFile(paths.registry, 'utf8').catch(() => undefined);
  const registry = registryText ? (JSON.parse(registryText) as SlugRegistry) : { slugs: {}, redirects: {} };
  const { slugs } = assignSlugs(collection.papers, {
    slugs: registry.slugs ?? {},
    redirects: registry.redirects ?? {},
  });
  const byKey = new Map<string, string>();
  const byTitle = new Map<string, string>();
  const titles = new Map<string, string>();
  collection.papers.forEach((paper, i) => {
    titles.set(slugs[i]!, paper.title);
    const keys = identityKeys(paper);
    for (const key of keys) byKey.set(key, slugs[i]!);
    // A record joins a paper by its title only when that paper has no id (as the merge does).
    if (keys.length === 0) for (const key of paper.titleKeys ?? [paper.titleKey]) byTitle.set(key, slugs[i]!);
  });
  return {
    known: { byKey, byTitle, titles, exclusions: collection.exclusions },
    diagnostics: collection.diagnostics,
  };
}

/** What a fetched paper is to the collection. */
export type Verdict = { kind: 'new' } | { kind: 'present'; slug: string } | { kind: 'excluded'; exclusion: Exclusion };

/** Judges one record: excluded first (a curator's word wins), then known by id, then by title. */
export function verdictOf(record: Pick<SourceRecord, 'arxiv' | 'doi' | 'title'>, known: Known): Verdict {
  const keys = identityKeys(record);
  const exclusion = exclusionOf(known.exclusions, keys);
  if (exclusion) return { kind: 'excluded', exclusion };
  const slug = keys.map((key) => known.byKey.get(key)).find(Boolean) ?? known.byTitle.get(titleKey(record.title));
  return slug ? { kind: 'present', slug } : { kind: 'new' };
}

/** One paper among the fetched records, with every record of it and its verdict. */
export interface Candidate {
  /** Its strongest identity key, or its title key. */
  key: string;
  /** The id shown in reports (`arXiv 2309.04827`, `DOI 10.…`). */
  label: string;
  /** The paper's arXiv id, when known (for links). */
  arxiv?: string;
  doi?: string;
  title: string;
  records: SourceRecord[];
  /** The searches or commands that found it. */
  queries: string[];
  verdict: Verdict;
  /** Where a new paper would go. */
  placement?: { topic: string; topicName: string; tags: string[]; offTopic: boolean };
}

/** The key a record is grouped by: its arXiv id, else its DOI, else its title. */
export function candidateKey(record: Pick<SourceRecord, 'arxiv' | 'doi' | 'title'>): string {
  return identityKeys(record)[0] ?? `title:${titleKey(record.title)}`;
}

/**
 * Groups fetched records into papers (in the order they were first fetched), judges each, and
 * places the new ones as the ingest would.
 */
export function candidates(
  fetched: readonly { query: string; records: readonly SourceRecord[] }[],
  known: Known,
  taxonomy: Taxonomy,
): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const response of fetched) {
    for (const record of response.records) {
      const key = candidateKey(record);
      let candidate = byKey.get(key);
      if (!candidate) {
        candidate = {
          key,
          label: record.arxiv ? `arXiv ${record.arxiv}` : record.doi ? `DOI ${record.doi}` : 'no id',
          ...(record.arxiv && { arxiv: record.arxiv }),
          ...(record.doi && { doi: record.doi }),
          title: record.title,
          records: [],
          queries: [],
          verdict: verdictOf(record, known),
        };
        byKey.set(key, candidate);
      }
      candidate.records.push(record);
      if (!candidate.queries.includes(response.query)) candidate.queries.push(response.query);
    }
  }
  const all = [...byKey.values()];
  for (const candidate of all) {
    if (candidate.verdict.kind !== 'new') continue;
    const [paper] = mergePapers(candidate.records).papers;
    if (!paper) continue;
    const placed = placePaper(paper, taxonomy);
    const topic = [...taxonomy.topics, taxonomy.offTopic].find((t) => t.slug === placed.topic)!;
    candidate.title = placed.title;
    candidate.placement = {
      topic: placed.topic,
      topicName: topic.name,
      tags: placed.tags,
      offTopic: isOffTopic(taxonomy, placed.topic),
    };
  }
  return all;
}
