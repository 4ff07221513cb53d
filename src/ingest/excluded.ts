/**
 * Papers curators decided never to publish (`content/excluded.yaml`): each by its arXiv id or
 * DOI, with the reason. The ingest leaves them out wherever a source names them, so excluding a
 * paper removes its page, and `npm run update` and `npm run add` never bring it back. The file
 * is read as text only (YAML's failsafe schema), so `2412.10180` stays an id, not a number.
 */
import { loadYaml } from './yaml-file.ts';
import type { Diagnostic } from './diagnostics.ts';
import { identityKey } from './provenance.ts';

/** One excluded paper. */
export interface Exclusion {
  /** The id as the curator wrote it. */
  id: string;
  /** Why, in the curator's words. */
  reason: string;
  /** Where it is written, for messages (`content/excluded.yaml:12`). */
  line: number;
}

/** Excluded papers by identity key (`arxiv:<id>`, `doi:<doi>`). */
export type Exclusions = ReadonlyMap<string, Exclusion>;

const HINT =
  'Each paper is `- id: <arXiv id or DOI>` with `reason: <why>` under `papers:` (see the comment at the top of the file).';

/** Reads the exclusions; a missing file excludes nothing. */
export function readExclusions(
  text: string | undefined,
  file: string,
): { exclusions: Map<string, Exclusion>; diagnostics: Diagnostic[] } {
  const exclusions = new Map<string, Exclusion>();
  const diagnostics: Diagnostic[] = [];
  if (text === undefined) return { exclusions, diagnostics };
  const error = (line: number, message: string, hint = HINT) =>
    diagnostics.push({ severity: 'error', file, line, message, hint });
  const loaded = loadYaml(text, { failsafe: true });
  if (!loaded.ok) {
    error(loaded.line, loaded.message);
    return { exclusions, diagnostics };
  }
  const data = loaded.data;
  const papers = data === null || data === undefined ? [] : (data as { papers?: unknown }).papers;
  if (typeof data !== 'object' || (papers !== undefined && papers !== '' && !Array.isArray(papers))) {
    error(1, 'the file holds no list of papers under `papers:`');
    return { exclusions, diagnostics };
  }
  // Items come in file order, so each one's line is the next `- ` item line after the previous one.
  const itemLines = text
    .split('\n')
    .map((line, i) => (/^\s*-\s/.test(line) ? i + 1 : 0))
    .filter(Boolean);
  (Array.isArray(papers) ? papers : []).forEach((item: unknown, index) => {
    const line = itemLines[index] ?? 0;
    const fields =
      typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
    const id = typeof fields.id === 'string' ? fields.id.trim() : '';
    const reason = typeof fields.reason === 'string' ? fields.reason.trim() : '';
    const key = identityKey(id);
    if (!key) {
      error(
        line,
        id ? `${JSON.stringify(id)} is not an arXiv id or DOI` : 'the entry has no `id`',
        'Write the arXiv id (`2309.04827`, `arXiv:2309.04827`) or the DOI (`10.xxxx/…`).',
      );
      return;
    }
    if (!reason) {
      error(line, `the exclusion of ${id} gives no \`reason\``, 'Say why, for the next curator: `reason: …`.');
      return;
    }
    const earlier = exclusions.get(key);
    if (earlier) {
      error(line, `${id} is already excluded at line ${earlier.line}`, 'Keep one entry per paper.');
      return;
    }
    exclusions.set(key, { id, reason, line });
  });
  return { exclusions, diagnostics };
}

/** The exclusion that names a paper (by any of its identity keys), if any. */
export function exclusionOf(exclusions: Exclusions, keys: readonly string[]): Exclusion | undefined {
  for (const key of keys) {
    const found = exclusions.get(key);
    if (found) return found;
  }
  return undefined;
}
