import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDiagnostic, hasErrors, type Diagnostic } from './diagnostics.ts';
import { readPage, type GeneratedPage } from '../lib/page-file.ts';
import { mergePapers } from './merge.ts';
import { buildPages, type PageJob } from './pages.ts';
import { ingestFingerprint, inputsKey, pageDigest, readPageCache, writePageCache, type PageCache } from './cache.ts';
import { readFolder, replaceFile, replaceFolder } from './output.ts';
import { papersForMap, readMapRegistry, serializeMap, updateMap } from './map-file.ts';
import { readSource } from './readers/index.ts';
import type { SourceRecord } from './record.ts';
import { assignSlugs, type SlugRegistry } from './slugs.ts';
import { readSources } from './sources.ts';
import { CONTENT_FOLDERS, DATA_FILES, REGISTRY_FILES } from '../lib/content-paths.ts';
import { parseTaxonomy } from '../lib/taxonomy.ts';

/** The folders and files of one project that the ingest reads and writes. */
export interface IngestPaths {
  /** Project root; reported paths are relative to it. */
  root: string;
  /** Raw scrapes, `content/sources/*.txt`. */
  sources: string;
  /** Generated MDX pages, `content/papers/`. */
  papers: string;
  /** Committed slug registry, `content/slugs.json`. */
  registry: string;
  /** Committed map of the collection, `content/map.json`: each paper's place. */
  map: string;
  /** Taxonomy, `content/topics.yaml`. */
  taxonomy: string;
  /** Hand-written curator notes, `content/notes/` (read only, to check their slugs). */
  notes: string;
  /** The ingest's cache of built pages, `.cache/ingest/pages.json` (ignored by git). */
  cache: string;
}

/** The default layout of a project rooted at `root`. */
export function projectPaths(root: string): IngestPaths {
  return {
    root,
    sources: path.join(root, CONTENT_FOLDERS.sources),
    papers: path.join(root, CONTENT_FOLDERS.papers),
    registry: path.join(root, REGISTRY_FILES.slugs),
    map: path.join(root, REGISTRY_FILES.map),
    taxonomy: path.join(root, DATA_FILES.taxonomy),
    notes: path.join(root, CONTENT_FOLDERS.notes),
    cache: path.join(root, '.cache/ingest/pages.json'),
  };
}

/** What one ingest run did. */
export interface IngestResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  papers: number;
  written: { added: number; changed: number; removed: number };
  /** Whether the map was laid out anew (rather than new papers placed among their neighbours), and in how long. */
  map?: { relaid: boolean; ms: number };
}

/**
 * Runs the whole ingest: sources → parse → merge → clean/classify → slugs → MDX. Every
 * diagnostic of every file is collected before deciding; with any error nothing is written.
 */
export async function ingest(paths: IngestPaths): Promise<IngestResult> {
  const taxonomy = parseTaxonomy(await readFile(paths.taxonomy, 'utf8'), path.relative(paths.root, paths.taxonomy));
  const { sources, diagnostics } = await readSources(paths.sources, paths.root);
  if (sources.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push({
      severity: 'error',
      file: path.relative(paths.root, paths.sources) || '.',
      line: 0,
      message: 'there are no source files (.txt, .atom, .xml, .json, .bib) to ingest',
      hint: 'Put at least one scrape, arXiv feed, Hugging Face response or BibTeX file into the sources folder.',
    });
  }
  const raw: SourceRecord[] = [];
  for (const source of sources) {
    const parsed = readSource(source);
    raw.push(...parsed.papers);
    diagnostics.push(...parsed.diagnostics);
  }
  const merged = mergePapers(raw);
  diagnostics.push(...merged.diagnostics);
  for (const paper of merged.papers) {
    if (paper.abstract) continue;
    diagnostics.push({
      severity: 'warning',
      ...paper.provenance[0]!,
      message: `no source gives an abstract for "${paper.title}": its page shows the title, authors and links only`,
      hint: "Add the paper's arXiv feed (or an `abstract` field) to show its abstract; nothing else to do.",
    });
  }
  const unchanged = { added: 0, changed: 0, removed: 0 };
  if (hasErrors(diagnostics)) return { ok: false, diagnostics, papers: 0, written: unchanged };

  const registry = await readRegistry(paths.registry);
  const assigned = assignSlugs(merged.papers, registry);
  for (const index of assigned.retitled) {
    const paper = merged.papers[index]!;
    diagnostics.push({
      severity: 'warning',
      ...paper.provenance[0]!,
      message: `the title "${paper.title}" is new, but its abstract is a known paper's: it keeps the slug "${assigned.slugs[index]}"`,
      hint: 'Nothing to do if the title was corrected: published links keep working.',
    });
  }

  // A page whose inputs are unchanged since the last run, and whose file is still the one that
  // run wrote, is reused as it is.
  const fingerprint = await ingestFingerprint(paths.taxonomy, path.join(paths.root, 'package-lock.json'));
  const current = await readFolder(paths.papers);
  const cache = await readPageCache(paths.cache);
  const nextCache: PageCache = new Map();
  const files = new Map<string, string>();
  // Each page's frontmatter, read once: the map needs it.
  const frontmatters: GeneratedPage['data'][] = [];
  const jobs: PageJob[] = [];
  merged.papers.forEach((paper, i) => {
    const slug = assigned.slugs[i]!;
    const name = `${slug}.mdx`;
    const inputs = inputsKey(fingerprint, [slug, paper]);
    const previous = current.get(name);
    const cached = cache.get(name);
    const page =
      previous !== undefined && cached?.inputs === inputs && cached.digest === pageDigest(previous)
        ? readPage(previous)
        : undefined;
    if (page?.intact) {
      files.set(name, previous!);
      frontmatters.push(page.data);
      nextCache.set(name, cached!);
    } else jobs.push({ paper, slug, inputs });
  });
  const built = await buildPages(jobs, taxonomy);
  jobs.forEach((job, i) => {
    const name = `${job.slug}.mdx`;
    files.set(name, built[i]!);
    frontmatters.push(readPage(built[i]!)!.data);
    nextCache.set(name, { inputs: job.inputs, digest: pageDigest(built[i]!) });
  });
  diagnostics.push(...(await orphanNotes(paths, new Set(assigned.slugs))));
  const mapStarted = performance.now();
  const map = updateMap(papersForMap(frontmatters), await readMapRegistry(paths.map), taxonomy);
  const mapMs = Math.round(performance.now() - mapStarted);

  // The registries first: should the swap of pages fail, the slugs and places they will get are
  // already kept.
  await replaceFile(paths.registry, `${JSON.stringify(assigned.registry, null, 2)}\n`);
  await replaceFile(paths.map, serializeMap(map.registry));
  const written = await replaceFolder(paths.papers, files, current);
  await writePageCache(paths.cache, nextCache);
  return { ok: true, diagnostics, papers: files.size, written, map: { relaid: map.relaid, ms: mapMs } };
}

/** Reads the slug registry; a missing file is an empty registry (the first ingest). */
async function readRegistry(file: string): Promise<SlugRegistry> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { slugs: {}, redirects: {} };
  const parsed = JSON.parse(text) as Partial<SlugRegistry>;
  return { slugs: parsed.slugs ?? {}, redirects: parsed.redirects ?? {} };
}

/** Warns about curator notes whose file name matches no paper, since they would never be shown. */
async function orphanNotes(paths: IngestPaths, slugs: ReadonlySet<string>): Promise<Diagnostic[]> {
  const names = await readdir(paths.notes).catch(() => [] as string[]);
  return names
    .filter((name) => /\.mdx?$/.test(name) && !slugs.has(name.replace(/\.mdx?$/, '')))
    .map((name) => ({
      severity: 'warning' as const,
      file: path.relative(paths.root, path.join(paths.notes, name)),
      line: 0,
      message: `the curator note matches no paper slug`,
      hint: 'Rename it to <slug>.mdx of an existing paper (see content/slugs.json).',
    }));
}

/** Prints diagnostics, errors last so they stay on screen. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], write: (line: string) => void): void {
  const ordered = [...diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'warning' ? -1 : 1));
  for (const d of ordered) write(formatDiagnostic(d));
}
