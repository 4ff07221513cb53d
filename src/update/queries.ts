/**
 * The collection's saved searches (`content/queries.yaml`), which `npm run update` runs, and who
 * to contact about the client. Read as text only (YAML's failsafe schema): a search is never
 * mistaken for a number or a date. Every mistake is an error with its line.
 */
import { loadYaml } from '../ingest/yaml-file.ts';
import type { Diagnostic } from '../ingest/diagnostics.ts';
import { contactProblem, CONTACT_HINT } from './settings.ts';

/** A Hugging Face Papers search (`/api/papers/search?q=…`): one request, up to the API's limit. */
export interface HfQuery {
  name: string;
  source: 'huggingface';
  /** The search text. */
  q: string;
  line: number;
}

/** An arXiv API search, paged newest first until it meets papers the collection has, or `limit`. */
export interface ArxivQuery {
  name: string;
  source: 'arxiv';
  /** `search_query` as the arXiv API user manual defines it (`ti:neurons AND cat:q-bio.NC`). */
  search_query: string;
  /** Results per request (`max_results`). */
  pageSize: number;
  /** The most results one run goes through. */
  limit: number;
  line: number;
}

export type SavedQuery = HfQuery | ArxivQuery;

export const ARXIV_PAGE_SIZE = 50;
export const ARXIV_LIMIT = 200;
/** The API's own limits: at most 2,000 results a call, 30,000 in all. */
const MAX_PAGE_SIZE = 2000;
const MAX_LIMIT = 30_000;

const HINT =
  'Each search is `- name: <a-name>` with `source: huggingface` and `q: <text>`, or `source: arxiv` and `search_query: <query>` (optional `pageSize`, `limit`).';

/** Reads the saved searches and the contact; a missing file is an error (there is nothing to run). */
export function readQueries(
  text: string | undefined,
  file: string,
): { queries: SavedQuery[]; contact?: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const queries: SavedQuery[] = [];
  const error = (line: number, message: string, hint = HINT, entry?: string) =>
    diagnostics.push({ severity: 'error', file, line, ...(entry && { entry }), message, hint });
  if (text === undefined) {
    error(0, 'there is no file of saved searches', `Create it: ${HINT}`);
    return { queries, diagnostics };
  }
  const loaded = loadYaml(text, { failsafe: true });
  if (!loaded.ok) {
    error(loaded.line, loaded.message);
    return { queries, diagnostics };
  }
  const data = loaded.data;
  const fields =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const lines = text.split('\n');
  const lineOfKey = (key: string, from = 0) => {
    const index = lines.findIndex((line, i) => i >= from && new RegExp(`^\\s*(- )?${key}:`).test(line));
    return index + 1;
  };
  const contact = typeof fields.contact === 'string' ? fields.contact.trim() : undefined;
  if (contact !== undefined) {
    const problem = contactProblem(contact);
    if (problem) error(lineOfKey('contact'), problem, CONTACT_HINT);
  }
  if (!Array.isArray(fields.queries)) {
    error(lineOfKey('queries') || 1, 'the file has no list of searches under `queries:`');
    return { queries, diagnostics };
  }
  const itemLines = lines.map((line, i) => (/^\s*-\s/.test(line) ? i + 1 : 0)).filter(Boolean);
  const names = new Set<string>();
  (fields.queries as unknown[]).forEach((item, index) => {
    const line = itemLines[index] ?? 0;
    const q =
      typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
    const str = (key: string) => (typeof q[key] === 'string' ? (q[key] as string).trim() : '');
    const name = str('name');
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) {
      error(
        line,
        name
          ? `the name ${JSON.stringify(name)} is not lower-case words joined by hyphens`
          : 'the search has no `name`',
        'Name it like `arxiv-neurons`: the name goes into the file names of what it fetches.',
      );
      return;
    }
    if (names.has(name)) {
      error(line, `two searches are named "${name}"`, 'Give each search its own name.', name);
      return;
    }
    names.add(name);
    const number = (key: string, fallback: number, max: number): number | undefined => {
      const raw = str(key);
      if (!raw) return fallback;
      const value = Number(raw);
      if (/^\d+$/.test(raw) && value >= 1 && value <= max) return value;
      error(line, `${key} ${JSON.stringify(raw)} is not a whole number from 1 to ${max}`, HINT, name);
      return undefined;
    };
    const source = str('source');
    if (source === 'huggingface') {
      const text = str('q');
      if (!text) return void error(line, 'the Hugging Face search has no `q` (the search text)', HINT, name);
      queries.push({ name, source, q: text, line });
    } else if (source === 'arxiv') {
      const searchQuery = str('search_query');
      if (!searchQuery) return void error(line, 'the arXiv search has no `search_query`', HINT, name);
      const pageSize = number('pageSize', ARXIV_PAGE_SIZE, MAX_PAGE_SIZE);
      const limit = number('limit', ARXIV_LIMIT, MAX_LIMIT);
      if (pageSize !== undefined && limit !== undefined)
        queries.push({ name, source, search_query: searchQuery, pageSize, limit, line });
    } else {
      error(
        line,
        source ? `the source ${JSON.stringify(source)} is not one this update knows` : 'the search has no `source`',
        'Use `source: huggingface` (Hugging Face Papers) or `source: arxiv` (the arXiv API).',
        name,
      );
    }
  });
  return { queries, ...(contact && { contact }), diagnostics };
}
