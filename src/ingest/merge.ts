import { createHash } from 'node:crypto';
import type { Diagnostic } from './diagnostics.ts';
import type { Provenance, RawPaper } from './parse.ts';
import { titleKey } from './slugs.ts';

/** A paper after merging every scrape that mentions it. */
export interface MergedPaper {
  title: string;
  abstract: string;
  /** The paper's identity across scrapes (see `titleKey`). */
  key: string;
  /** Fingerprint of the abstract, used to recognise the paper if its title is corrected. */
  fingerprint: string;
  /** Every place the paper was found, first occurrence first. */
  provenance: Provenance[];
}

/** A fingerprint of an abstract that ignores case, spacing and punctuation differences between scrapes. */
export function abstractFingerprint(abstract: string): string {
  return createHash('sha256').update(titleKey(abstract)).digest('hex').slice(0, 16);
}

/**
 * Merges papers found in several scrapes (or twice in one): the same normalised title is the
 * same paper, recorded once with all its provenance. If the abstracts differ, the ingest does
 * not pick one silently: it reports an error naming both places.
 */
export function mergePapers(papers: readonly RawPaper[]): { papers: MergedPaper[]; diagnostics: Diagnostic[] } {
  const byKey = new Map<string, MergedPaper>();
  const diagnostics: Diagnostic[] = [];
  for (const paper of papers) {
    const key = titleKey(paper.title);
    const fingerprint = abstractFingerprint(paper.abstract);
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, {
        title: paper.title,
        abstract: paper.abstract,
        key,
        fingerprint,
        provenance: [paper.provenance],
      });
      continue;
    }
    const first = known.provenance[0]!;
    if (known.fingerprint !== fingerprint) {
      diagnostics.push({
        severity: 'error',
        file: paper.provenance.file,
        line: paper.provenance.line,
        message: `"${paper.title}" is already at ${first.file}:${first.line} with a different abstract`,
        hint: 'Keep the right abstract in one place and delete the other title and abstract lines.',
      });
      continue;
    }
    known.provenance.push(paper.provenance);
  }
  return { papers: [...byKey.values()], diagnostics };
}
