/**
 * `npm run update` (run the saved searches) and `npm run add` (fetch given papers): fetch
 * everything first, judge each paper against the collection, then — unless it is a dry run —
 * save the responses that bring new papers and run the ingest. A failure anywhere writes
 * nothing: fetching writes nothing, and if saving or the ingest fails, what was saved is
 * removed again. A run that finds nothing new writes nothing, so running twice adds nothing twice.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../ingest/diagnostics.ts';
import { exclusionOf } from '../ingest/excluded.ts';
import { ingest, type IngestPaths } from '../ingest/ingest.ts';
import { PROVENANCE_SUFFIX } from '../ingest/provenance.ts';
import { CONTENT_FOLDERS, CURATOR_FILES, DATA_FILES } from '../lib/content-paths.ts';
import { parseTaxonomy } from '../lib/taxonomy.ts';
import { fetchArxivPage, idListUrl, searchUrl } from './arxiv.ts';
import { candidateKey, candidates, knownPapers, verdictOf, type Candidate, type Known } from './candidates.ts';
import { checkDoiResponse, DOI_ACCEPT, doiUrl } from './doi.ts';
import type { Lane, PoliteClient } from './http.ts';
import { checkHfResponse, HF_ACCEPT, hfPaperUrl, hfSearchUrl } from './huggingface.ts';
import { readQueries, type ArxivQuery, type HfQuery } from './queries.ts';
import type { QuerySummary, RunReport } from './report.ts';
import { readResponse, type FetchedResponse } from './response.ts';
import { namePart, provenanceOf, removeAll, saveAll, sourceFile, stamp } from './save.ts';
import type { UpdateSettings } from './settings.ts';
import { parseTarget } from './targets.ts';

/** Everything a run needs from outside. */
export interface RunContext {
  paths: IngestPaths;
  settings: UpdateSettings;
  client: PoliteClient;
  /** Progress lines. */
  log: (line: string) => void;
  /** The time the run starts; it names the files it saves. */
  now: () => Date;
}

/** The result of a run: its report, and the problems that stopped it (nothing written then). */
export interface RunOutcome {
  ok: boolean;
  report?: RunReport;
  /** Problems in the project's files (sources, queries, exclusions) or the ingest's warnings. */
  diagnostics: Diagnostic[];
}

/** How many ids one arXiv `id_list` call asks for. */
const ID_LIST_SIZE = 100;

const arxivLane = (settings: UpdateSettings): Lane => ({ name: 'arXiv API', delayMs: settings.arxivDelayMs });
const HF_LANE: Lane = { name: 'Hugging Face API', delayMs: 0 };
const DOI_LANE: Lane = { name: 'DOI resolver', delayMs: 0 };

/** What the collection holds now; an error in its sources stops the run before any request. */
async function readKnown(ctx: RunContext): Promise<{ known?: Known; diagnostics: Diagnostic[] }> {
  const { known, diagnostics } = await knownPapers(ctx.paths);
  if (!hasErrors(diagnostics)) return { known, diagnostics: [] };
  return {
    diagnostics: [
      ...diagnostics.filter((d) => d.severity === 'error'),
      {
        severity: 'error',
        file: CONTENT_FOLDERS.sources,
        line: 0,
        message: 'the collection has errors of its own, so what is new cannot be told',
        hint: 'Fix the errors above (`npm run ingest` shows them too), then run this again. Nothing was fetched.',
      },
    ],
  };
}

/** Runs every saved search of content/queries.yaml. */
export async function runUpdate(ctx: RunContext, options: { dryRun: boolean }): Promise<RunOutcome> {
  const queriesFile = path.join(ctx.paths.root, CURATOR_FILES.queries);
  const read = readQueries(await readFile(queriesFile, 'utf8').catch(() => undefined), CURATOR_FILES.queries);
  if (hasErrors(read.diagnostics)) return { ok: false, diagnostics: read.diagnostics };
  const { known, diagnostics } = await readKnown(ctx);
  if (!known) return { ok: false, diagnostics };
  const started = ctx.now();
  const runStamp = stamp(started);
  const responses: FetchedResponse[] = [];
  const summaries: QuerySummary[] = [];
  for (const query of read.queries) {
    const run =
      query.source === 'arxiv'
        ? await runArxivQuery(ctx, query, known, runStamp)
        : await runHfQuery(ctx, query, runStamp);
    responses.push(...run.responses);
    summaries.push(run.summary);
  }
  return finish(ctx, {
    command: 'update',
    dryRun: options.dryRun,
    started,
    known,
    responses,
    summaries,
    local: [],
    failed: [],
  });
}

/** Pages through an arXiv search, newest first, until it meets a paper the collection has, its end, or the limit. */
async function runArxivQuery(
  ctx: RunContext,
  query: ArxivQuery,
  known: Known,
  runStamp: string,
): Promise<{ responses: FetchedResponse[]; summary: QuerySummary }> {
  const responses: FetchedResponse[] = [];
  let start = 0;
  let total = 0;
  let outcome = '';
  for (let page = 1; ; page++) {
    const url = searchUrl(
      ctx.settings.arxivApi,
      query.search_query,
      start,
      Math.min(query.pageSize, query.limit - start),
    );
    ctx.log(`${query.name}: arXiv API, results from ${start}`);
    const { response, info } = await fetchArxivPage(
      ctx.client,
      arxivLane(ctx.settings),
      url,
      `search "${query.name}" (content/queries.yaml:${query.line}), start=${start}`,
      start,
      ctx.settings.retries,
    );
    total = info.total;
    const file = sourceFile(
      CONTENT_FOLDERS.sources,
      runStamp,
      `${query.name}_p${String(page).padStart(2, '0')}`,
      'arxiv',
    );
    const fetched = readResponse(query.name, file, 'arxiv', response);
    responses.push(fetched);
    start += info.entries;
    const met = fetched.records.filter((record) => verdictOf(record, known).kind === 'present').length;
    if (met > 0) outcome = `stopped at ${met === 1 ? 'a paper' : `${met} papers`} already in the collection`;
    else if (info.entries === 0 || start >= total) outcome = 'reached the end of the results';
    else if (start >= query.limit)
      outcome = `stopped at the limit of ${query.limit} results (\`limit\` in content/queries.yaml)`;
    if (outcome) break;
  }
  return {
    responses,
    summary: {
      name: query.name,
      what: `arXiv search_query=${query.search_query}, newest first`,
      requests: responses.length,
      outcome: `${start.toLocaleString('en')} of ${total.toLocaleString('en')} results; ${outcome}`,
    },
  };
}

/** Runs a Hugging Face Papers search: one request. */
async function runHfQuery(
  ctx: RunContext,
  query: HfQuery,
  runStamp: string,
): Promise<{ responses: FetchedResponse[]; summary: QuerySummary }> {
  ctx.log(`${query.name}: Hugging Face API, search`);
  const url = hfSearchUrl(ctx.settings.hfApi, query.q);
  const response = await ctx.client.get(url, HF_LANE, HF_ACCEPT);
  checkHfResponse(response, `search "${query.name}" (content/queries.yaml:${query.line})`, 'array');
  const file = sourceFile(CONTENT_FOLDERS.sources, runStamp, query.name, 'huggingface');
  const fetched = readResponse(query.name, file, 'huggingface', response);
  return {
    responses: [fetched],
    summary: {
      name: query.name,
      what: `Hugging Face Papers q=${query.q}`,
      requests: 1,
      outcome: `${fetched.records.length.toLocaleString('en')} results`,
    },
  };
}

/**
 * Fetches the papers named on the command line — those the collection has or curators excluded
 * are not fetched at all — then saves and ingests the new ones.
 */
export async function runAdd(
  ctx: RunContext,
  args: readonly string[],
  options: { dryRun: boolean },
): Promise<RunOutcome> {
  const { known, diagnostics } = await readKnown(ctx);
  if (!known) return { ok: false, diagnostics };
  const started = ctx.now();
  const runStamp = stamp(started);
  const failed: RunReport['failed'] = [];
  const local: Candidate[] = [];
  const wanted = new Map<string, { kind: 'arxiv' | 'huggingface' | 'doi'; id: string; given: string }>();
  for (const arg of args) {
    const target = parseTarget(arg);
    if (!target) {
      failed.push({ what: arg, why: 'not an arXiv id, DOI or Hugging Face paper URL' });
      continue;
    }
    const key = target.kind === 'doi' ? `doi:${target.id}` : `arxiv:${target.id}`;
    if (wanted.has(key) || local.some((c) => c.key === key)) continue;
    const label = target.kind === 'doi' ? `DOI ${target.id}` : `arXiv ${target.id}`;
    const ids = target.kind === 'doi' ? { doi: target.id } : { arxiv: target.id };
    const exclusion = exclusionOf(known.exclusions, [key]);
    const slug = known.byKey.get(key);
    if (exclusion || slug) {
      local.push({
        key,
        label,
        ...ids,
        title: (slug && known.titles.get(slug)) || target.given,
        records: [],
        queries: ['add'],
        verdict: exclusion ? { kind: 'excluded', exclusion } : { kind: 'present', slug: slug! },
      });
    } else wanted.set(key, target);
  }
  const responses: FetchedResponse[] = [];
  const summaries: QuerySummary[] = [];
  const byKind = (kind: string) => [...wanted.values()].filter((t) => t.kind === kind);

  const arxivIds = byKind('arxiv').map((t) => t.id);
  for (let i = 0; i < arxivIds.length; i += ID_LIST_SIZE) {
    const ids = arxivIds.slice(i, i + ID_LIST_SIZE);
    ctx.log(`add: arXiv API, ${ids.join(', ')}`);
    const url = idListUrl(ctx.settings.arxivApi, ids);
    const { response } = await fetchArxivPage(
      ctx.client,
      arxivLane(ctx.settings),
      url,
      `id_list=${ids.join(',')}`,
      0,
      ctx.settings.retries,
    );
    const more = ids.length > 1 ? `-and-${ids.length - 1}-more` : '';
    const file = sourceFile(CONTENT_FOLDERS.sources, runStamp, `add_arxiv-${namePart(ids[0]!)}${more}`, 'arxiv');
    const fetched = readResponse('add', file, 'arxiv', response);
    const found = new Set(fetched.records.map((r) => r.arxiv));
    for (const id of ids) if (!found.has(id)) failed.push({ what: id, why: 'the arXiv API has no paper with this id' });
    if (fetched.records.length > 0) responses.push(fetched);
    summaries.push({
      name: 'add',
      what: `arXiv id_list=${ids.join(',')}`,
      requests: 1,
      outcome: `${fetched.records.length} of ${ids.length} found`,
    });
  }
  for (const target of byKind('huggingface')) {
    ctx.log(`add: Hugging Face API, ${target.id}`);
    const url = hfPaperUrl(ctx.settings.hfApi, target.id);
    const response = await ctx.client.get(url, HF_LANE, HF_ACCEPT);
    const known = checkHfResponse(response, `paper ${target.id}`, 'paper');
    summaries.push({
      name: 'add',
      what: `Hugging Face paper ${target.id}`,
      requests: 1,
      outcome: known ? 'found' : 'not found (404)',
    });
    if (!known) {
      failed.push({ what: target.given, why: 'Hugging Face does not know this paper (404); add it by its arXiv id' });
      continue;
    }
    const file = sourceFile(CONTENT_FOLDERS.sources, runStamp, `add_hf-${namePart(target.id)}`, 'huggingface');
    responses.push(readResponse('add', file, 'huggingface', response));
  }
  for (const target of byKind('doi')) {
    ctx.log(`add: DOI resolver, ${target.id}`);
    const response = await ctx.client.get(doiUrl(ctx.settings.doiApi, target.id), DOI_LANE, DOI_ACCEPT);
    const found = checkDoiResponse(response, `DOI ${target.id}`);
    summaries.push({
      name: 'add',
      what: `DOI ${target.id}`,
      requests: 1,
      outcome: found ? 'found' : 'not found (404)',
    });
    const fetched = found
      ? readResponse(
          'add',
          sourceFile(CONTENT_FOLDERS.sources, runStamp, `add_doi-${namePart(target.id)}`, 'bibtex'),
          'bibtex',
          response,
        )
      : undefined;
    if (!fetched || fetched.records.length === 0) {
      failed.push({
        what: target.given,
        why: found ? 'the DOI record names no paper that can be read' : 'the DOI resolver knows no such DOI (404)',
      });
      continue;
    }
    responses.push(fetched);
  }
  return finish(ctx, { command: 'add', dryRun: options.dryRun, started, known, responses, summaries, local, failed });
}

/** Judges what was fetched, then saves and ingests the new papers (unless a dry run). */
async function finish(
  ctx: RunContext,
  run: {
    command: 'update' | 'add';
    dryRun: boolean;
    started: Date;
    known: Known;
    responses: FetchedResponse[];
    summaries: QuerySummary[];
    local: Candidate[];
    failed: RunReport['failed'];
  },
): Promise<RunOutcome> {
  const taxonomyFile = path.join(ctx.paths.root, DATA_FILES.taxonomy);
  const taxonomy = parseTaxonomy(await readFile(taxonomyFile, 'utf8'), DATA_FILES.taxonomy);
  const fetched = candidates(run.responses, run.known, taxonomy);
  const all = [...run.local, ...fetched];
  const fresh = new Set(fetched.filter((c) => c.verdict.kind === 'new').map((c) => c.key));
  const savings = run.responses
    .map((response) => {
      const adds = [
        ...new Set(response.records.filter((r) => fresh.has(candidateKey(r))).map((r) => (r.arxiv ?? r.doi)!)),
      ];
      return {
        file: response.file,
        body: response.http.body,
        provenance: provenanceOf(response.query, response.http, adds),
      };
    })
    .filter((saving) => saving.provenance.adds!.length > 0);
  const report: RunReport = {
    command: run.command,
    dryRun: run.dryRun,
    started: run.started.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    queries: run.summaries,
    candidates: all,
    failed: run.failed,
    unreadable: run.responses.flatMap((r) =>
      r.problems
        .filter((d) => d.severity === 'error')
        .map((d) => `${d.entry ? `${d.entry}: ` : ''}${d.message} (${r.query}, ${path.basename(r.file)})`),
    ),
  };
  if (run.dryRun || savings.length === 0) {
    if (!run.dryRun) report.written = { sources: [], slugs: new Map() };
    return { ok: run.failed.length === 0, report, diagnostics: [] };
  }

  const written = await saveAll(ctx.paths.root, savings);
  let result;
  try {
    result = await ingest(ctx.paths);
  } catch (error) {
    await removeAll(ctx.paths.root, written);
    throw error;
  }
  if (!result.ok) {
    await removeAll(ctx.paths.root, written);
    return { ok: false, report, diagnostics: result.diagnostics };
  }
  // Each new paper's slug, as the ingest assigned it.
  const after = await knownPapers(ctx.paths);
  const slugs = new Map<string, string>();
  for (const c of all) {
    const slug = [c.arxiv && `arxiv:${c.arxiv}`, c.doi && `doi:${c.doi}`]
      .filter((k): k is string => !!k)
      .map((k) => after.known.byKey.get(k))
      .find(Boolean);
    if (slug) slugs.set(c.key, slug);
  }
  report.written = { sources: written.filter((f) => !f.endsWith(PROVENANCE_SUFFIX)), slugs };
  return { ok: run.failed.length === 0, report, diagnostics: result.diagnostics };
}
