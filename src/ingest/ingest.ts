import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDiagnostic, hasErrors, type Diagnostic } from './diagnostics.ts';
import { readPage, type GeneratedPage } from '../lib/page-file.ts';
import { readCuration, type CuratorDecision } from './curation.ts';
import { mergePapers, type MergedPaper } from './merge.ts';
import { buildPages, type PageJob } from './pages.ts';
import { toolDigest, inputsDigest, pageDigest, readPageCache, writePageCache, type PageCache } from './cache.ts';
import { readFolder, replaceFile, replaceFolder } from './output.ts';
import { papersForMap, readMapRegistry, serializeMap, updateMap } from './map-file.ts';
import { readRecords } from './readers/index.ts';
import type { SourceRecord } from './record.ts';
import { assignSlugs, type SlugRegistry } from './slugs.ts';
import { loadSourceFiles } from './sources.ts';
import { exclusionOf, readExclusions, type Exclusions } from './excluded.ts';
import { identityKey, identityKeys, PROVENANCE_SUFFIX } from './provenance.ts';
import { CONTENT_FOLDERS, CURATOR_FILES, DATA_FILES, INGEST_TABLES, REGISTRY_FILES } from '../lib/content-paths.ts';
import { EMPTY_VENUES, parseVenues, resolveVenues } from './venues.ts';
import { assignAuthorPages, serializeAuthors, type AuthorRegistry } from './authors.ts';
import { pageAuthors } from './page.ts';
import { parseTaxonomy, type Taxonomy } from '../lib/taxonomy.ts';

/** The folders and files of one project that the ingest reads and writes. */
export interface IngestPaths {
  /** Project root; reported paths are relative to it. */
  root: string;
  /** Raw sources (scrapes, arXiv feeds, Hugging Face JSON, BibTeX), `content/sources/`. */
  sources: string;
  /** Generated MDX pages, `content/papers/`. */
  papers: string;
  /** Committed slug registry, `content/slugs.json`. */
  registry: string;
  /** Committed map of the collection, `content/map.json`: each paper's place. */
  map: string;
  /** Committed registry of author pages, `content/authors.json`. */
  authors: string;
  /** Taxonomy, `content/topics.yaml`. */
  taxonomy: string;
  /** The venue table, `content/venues.yaml` (a project without one knows no venue). */
  venues: string;
  /** Hand-written curator notes, `content/notes/` (read only, to check their slugs). */
  notes: string;
  /** Curators' decisions about single papers, `content/curation.yaml` (optional). */
  curation: string;
  /** Papers never to publish, `content/excluded.yaml` (optional). */
  excluded: string;
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
    authors: path.join(root, REGISTRY_FILES.authors),
    taxonomy: path.join(root, DATA_FILES.taxonomy),
    venues: path.join(root, INGEST_TABLES.venues),
    notes: path.join(root, CONTENT_FOLDERS.notes),
    curation: path.join(root, CURATOR_FILES.curation),
    excluded: path.join(root, CURATOR_FILES.excluded),
    cache: path.join(root, '.cache/ingest/pages.json'),
  };
}

/** What one ingest run did. */
export interface IngestResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  papers: number;
  written: { added: number; changed: number; removed: number };
  /** The slugs of the pages this run added. */
  addedSlugs: string[];
  /** How many papers the sources name that content/excluded.yaml leaves out. */
  excluded: number;
  /** Whether the map was laid out anew (rather than new papers placed among their neighbours), and in how long. */
  map?: { relaid: boolean; ms: number };
}

/**
 * Runs the whole ingest: sources → parse → merge → clean/classify → slugs → MDX → map. Every
 * diagnostic of every file is collected before deciding; with any error nothing is written.
 */
export async function ingest(paths: IngestPaths): Promise<IngestResult> {
  const taxonomy = parseTaxonomy(await readFile(paths.taxonomy, 'utf8'), path.relative(paths.root, paths.taxonomy));
  const collection = await readCollection(paths);
  const { diagnostics, papers, exclusions } = collection;
  const failed = (): IngestResult => ({
    ok: false,
    diagnostics,
    papers: 0,
    written: { added: 0, changed: 0, removed: 0 },
    addedSlugs: [],
    excluded: collection.excluded.length,
  });
  if (hasErrors(diagnostics)) return failed();

  const registry = await readRegistry(paths.registry);
  const assigned = assignSlugs(papers, registry);
  const slugs = new Set(assigned.slugs);
  const curation = readCuration(
    await readFile(paths.curation, 'utf8').catch(() => undefined),
    path.relative(paths.root, paths.curation),
    taxonomy,
    slugs,
    excludedSlugs(registry, exclusions, path.relative(paths.root, paths.excluded)),
  );
  diagnostics.push(...curation.diagnostics);
  if (hasErrors(diagnostics)) return failed();
  const authors = assignAuthorPages(
    papers.map((paper) => ({ authors: pageAuthors(paper), provenance: paper.provenance })),
    await readAuthorRegistry(paths.authors),
  );
  diagnostics.push(...retitledPapers(papers, assigned), ...(await orphanNotes(paths, slugs)), ...authors.diagnostics);
  const pages = await buildOrReusePages(paths, papers, assigned.slugs, taxonomy, {
    decisions: curation.decisions,
    authorSlugs: authors.slugsByPaper,
  });
  const mapStarted = performance.now();
  const map = updateMap(papersForMap(pages.frontmatters), await readMapRegistry(paths.map), taxonomy);
  const mapMs = Math.round(performance.now() - mapStarted);

  // The registries first: should the swap of pages fail, the slugs and places they will get are
  // already kept.
  await replaceFile(paths.registry, `${JSON.stringify(assigned.registry, null, 2)}\n`);
  await replaceFile(paths.map, serializeMap(map.registry));
  await replaceFile(paths.authors, serializeAuthors(authors.registry));
  const written = await replaceFolder(paths.papers, pages.files, pages.current);
  await writePageCache(paths.cache, pages.cache);
  return {
    ok: true,
    diagnostics,
    papers: pages.files.size,
    written,
    addedSlugs: assigned.slugs.filter((slug) => !pages.current.has(`${slug}.mdx`)),
    excluded: collection.excluded.length,
    map: { relaid: map.relaid, ms: mapMs },
  };
}

/** The collection as the sources tell it: its papers (merged, dated), and those curators excluded. */
export interface Collection {
  /** The papers to publish, in the order the sources first name them, each with the day it was added. */
  papers: MergedPaper[];
  /** The papers content/excluded.yaml leaves out. */
  excluded: MergedPaper[];
  exclusions: Exclusions;
  diagnostics: Diagnostic[];
}

/**
 * Reads every source and the exclusions, and merges the records into papers: what the collection
 * holds before anything is written. `npm run update` reads it too, to know which papers are new.
 */
export async function readCollection(paths: IngestPaths): Promise<Collection> {
  const { records, diagnostics, fetched } = await readAllSources(paths);
  diagnostics.push(...resolveVenues(records, await readVenues(paths, diagnostics)));
  const read = readExclusions(
    await readFile(paths.excluded, 'utf8').catch(() => undefined),
    path.relative(paths.root, paths.excluded),
  );
  diagnostics.push(...read.diagnostics);
  const merged = mergePapers(records);
  const papers: MergedPaper[] = [];
  const excluded: MergedPaper[] = [];
  for (const paper of merged.papers) {
    if (exclusionOf(read.exclusions, identityKeys(paper))) excluded.push(paper);
    else papers.push(withAddedDate(paper, fetched));
  }
  diagnostics.push(...merged.diagnostics, ...missingAbstracts(papers));
  return { papers, excluded, exclusions: read.exclusions, diagnostics };
}

/**
 * The day a paper was added to the collection: the earliest day a source that names it was
 * fetched (its provenance), never the build's date. Without a dated source it has none.
 */
function withAddedDate(paper: MergedPaper, fetched: ReadonlyMap<string, string>): MergedPaper {
  const dates = paper.provenance.map((p) => fetched.get(p.file)).filter((d): d is string => !!d);
  return dates.length === 0 ? paper : { ...paper, added: dates.sort()[0]! };
}

/** The slugs of papers curators excluded (known from the registry), with where the exclusion is. */
function excludedSlugs(registry: SlugRegistry, exclusions: Exclusions, file: string): Map<string, string> {
  const slugs = new Map<string, string>();
  for (const [slug, entry] of Object.entries(registry.slugs)) {
    const exclusion = exclusionOf(exclusions, identityKeys(entry));
    if (exclusion) slugs.set(slug, `${file}:${exclusion.line}`);
  }
  return slugs;
}

/**
 * Every record of every source file, with the diagnostics of reading them, and the day each
 * dated source was fetched. A source whose provenance lists the papers it `adds` contributes
 * those only: a saved search response also names papers the collection had before.
 */
async function readAllSources(
  paths: IngestPaths,
): Promise<{ records: SourceRecord[]; diagnostics: Diagnostic[]; fetched: Map<string, string> }> {
  const { sources, diagnostics } = await loadSourceFiles(paths.sources, paths.root);
  const fetched = new Map<string, string>();
  if (sources.length === 0 && !hasErrors(diagnostics)) {
    diagnostics.push({
      severity: 'error',
      file: path.relative(paths.root, paths.sources) || '.',
      line: 0,
      message: 'there are no source files (.txt, .atom, .xml, .json, .bib) to ingest',
      hint: 'Put at least one scrape, arXiv feed, Hugging Face response or BibTeX file into the sources folder.',
    });
  }
  const records: SourceRecord[] = [];
  for (const source of sources) {
    const read = readRecords(source);
    if (source.provenance?.fetched) fetched.set(source.file, source.provenance.fetched);
    const adds = source.provenance?.adds;
    if (!adds) {
      records.push(...read.papers);
      diagnostics.push(...read.diagnostics);
      continue;
    }
    const kept = read.papers.filter((record) => identityKeys(record).some((key) => adds.has(key)));
    records.push(...kept);
    // What is wrong with an entry the source did not bring in does not concern the collection.
    const keptEntries = new Set(kept.map((record) => record.provenance.entry));
    diagnostics.push(
      ...read.diagnostics.filter(
        (d) => d.entry === undefined || keptEntries.has(d.entry) || adds.has(identityKey(d.entry) ?? ''),
      ),
    );
    const found = new Set(kept.flatMap(identityKeys));
    for (const key of adds) {
      if (found.has(key)) continue;
      diagnostics.push({
        severity: 'error',
        file: `${source.file}${PROVENANCE_SUFFIX}`,
        line: 0,
        entry: key.replace(/^\w+:/, ''),
        message: `the provenance says the source adds this paper, but ${source.file} holds no such entry`,
        hint: 'Remove the id from `adds`, or save the response that holds it again (`npm run add -- <id>`).',
      });
    }
  }
  return { records, diagnostics, fetched };
}

/** The venue table; its problems are added to `diagnostics` (an error stops the ingest). */
async function readVenues(paths: IngestPaths, diagnostics: Diagnostic[]) {
  const text = await readFile(paths.venues, 'utf8').catch(() => undefined);
  if (text === undefined) return EMPTY_VENUES;
  const parsed = parseVenues(text, path.relative(paths.root, paths.venues));
  diagnostics.push(...parsed.diagnostics);
  return parsed.table;
}

/** A warning per paper that no source gives an abstract for. */
function missingAbstracts(papers: readonly MergedPaper[]): Diagnostic[] {
  return papers
    .filter((paper) => !paper.abstract)
    .map((paper) => ({
      severity: 'warning' as const,
      ...paper.provenance[0]!,
      message: `no source gives an abstract for "${paper.title}": its page shows the title, authors and links only`,
      hint: "Add the paper's arXiv feed (or an `abstract` field) to show its abstract; nothing else to do.",
    }));
}

/** A warning per paper that kept its slug under a new title. */
function retitledPapers(papers: readonly MergedPaper[], assigned: ReturnType<typeof assignSlugs>): Diagnostic[] {
  return assigned.retitled.map((index) => ({
    severity: 'warning' as const,
    ...papers[index]!.provenance[0]!,
    message: `the title "${papers[index]!.title}" is new, but its abstract is a known paper's: it keeps the slug "${assigned.slugs[index]}"`,
    hint: 'Nothing to do if the title was corrected: published links keep working.',
  }));
}

/**
 * Every paper's page: reused as it is when its inputs are unchanged since the last run and its
 * file is still the one that run wrote (`cache.ts`), built otherwise. Also returns each page's
 * frontmatter (read once: the map needs it), the pages as they are now, and the next cache.
 */
async function buildOrReusePages(
  paths: IngestPaths,
  papers: readonly MergedPaper[],
  slugs: readonly string[],
  taxonomy: Taxonomy,
  { decisions, authorSlugs }: { decisions: ReadonlyMap<string, CuratorDecision>; authorSlugs: (string | null)[][] },
) {
  const tool = await toolDigest([paths.taxonomy, paths.venues], path.join(paths.root, 'package-lock.json'));
  const current = await readFolder(paths.papers);
  const previousCache = await readPageCache(paths.cache);
  const cache: PageCache = new Map();
  const files = new Map<string, string>();
  const frontmatters: GeneratedPage['data'][] = [];
  const jobs: PageJob[] = [];
  papers.forEach((paper, i) => {
    const slug = slugs[i]!;
    const name = `${slug}.mdx`;
    const decision = decisions.get(slug);
    const authors = authorSlugs[i]!;
    const inputs = inputsDigest(tool, [slug, paper, decision, authors]);
    const previous = current.get(name);
    const cached = previousCache.get(name);
    const page =
      previous !== undefined && cached?.inputs === inputs && cached.digest === pageDigest(previous)
        ? readPage(previous)
        : undefined;
    if (page?.intact) {
      files.set(name, previous!);
      frontmatters.push(page.data);
      cache.set(name, cached!);
    } else jobs.push({ paper, slug, inputs, authorSlugs: authors, ...(decision && { decision }) });
  });
  const built = await buildPages(jobs, taxonomy);
  jobs.forEach((job, i) => {
    const name = `${job.slug}.mdx`;
    files.set(name, built[i]!);
    frontmatters.push(readPage(built[i]!)!.data);
    cache.set(name, { inputs: job.inputs, digest: pageDigest(built[i]!) });
  });
  return { files, frontmatters, current, cache };
}

/** Reads the author registry; a missing file is an empty registry. */
async function readAuthorRegistry(file: string): Promise<AuthorRegistry> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined
    ? { authors: {} }
    : { authors: (JSON.parse(text) as Partial<AuthorRegistry>).authors ?? {} };
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
