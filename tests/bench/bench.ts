/**
 * `npm run bench`: builds synthetic collections of 119, 1,000 and 10,000 papers (`--huge` adds
 * 100,000) in scratch copies of the project and measures each stage, the output, and what a
 * reader's browser fetches. Prints one table of measurements and one of issue #22's budgets
 * (./budgets.ts), and writes both to docs/benchmarks.md.
 *
 *   npm run bench                                  # 119, 1,000, 10,000
 *   npm run bench -- --huge                        # … and 100,000
 *   npm run bench -- --sizes 1000                  # just these sizes (docs/benchmarks.md untouched)
 *   npm run bench -- --sizes 10000,100000 --write  # just these sizes, written to docs/benchmarks.md
 *   npm run bench -- --sizes 119,1000 --rebuild-at 1000 --huge-at 1000
 *     # a short trial: one paper added at 1,000 (not 10,000), and the budgets the issue sets at
 *     # 10,000 and 100,000 read at 1,000
 *   --keep                                         # leaves our scratch projects in .bench/
 *
 * Anchors, built from the same papers in the same run: see ./anchors.ts.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../support/browser.ts';
import { scratchProject } from '../support/project.ts';
import { serveStatic } from '../support/static-server.ts';
import { anchorPapers, floorAstroSite, hugoSite, naiveAstroSite } from './anchors.ts';
import { budgetRows, type AddedPaper, type SizeResult } from './budgets.ts';
import { BUILDS_IN_A_ROW, describeGrowth, growthOfBuilds } from './growth.ts';
import { pagefindFloor, type PagefindFloor } from './pagefind-floor.ts';
import { count, kb, markdownTable, mb, megabytes, ratio, seconds, writeBetweenMarkers, type Row } from './report.ts';
import { attempt, succeeded, timed, type Outcome } from './timed.ts';
import { syntheticIdentities, syntheticPapers, syntheticScrape } from './synthetic.ts';

const ROOT = process.cwd();
const SEED = readFileSync(path.join(ROOT, 'content/sources/000_bfef83f9b2ef0b4d.txt'), 'utf8');
/** The seed's identities (authors, dates, arXiv ids): seed pages are benchmarked as published. */
const SEED_IDENTITY = readFileSync(path.join(ROOT, 'content/sources/001_seed-identity.bib'), 'utf8');
const SEED_SIZE = 119;
const SCRATCH = path.join(ROOT, '.bench');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const bin = (name: string) => path.join(NODE_MODULES, '.bin', name);
const DOCS = path.join(ROOT, 'docs/benchmarks.md');

/** What the command line asks for. */
interface Options {
  sizes: number[];
  /** Whether to write docs/benchmarks.md (always for the default sizes, on `--write` otherwise). */
  write: boolean;
  keep: boolean;
  /** Where one paper is added and built again; it stands in for 10,000 in the budgets. */
  rebuildAt: number;
  /** What stands in for 100,000 in the budgets. */
  hugeAt: number;
}

function parseOptions(args: readonly string[]): Options {
  const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const papers = (flag: string, text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < SEED_SIZE) throw new Error(`${flag} ${text}: not a number ≥ ${SEED_SIZE}`);
    return value;
  };
  const sizes = valueOf('--sizes');
  return {
    sizes: sizes
      ? sizes.split(',').map((size) => papers('--sizes', size))
      : [SEED_SIZE, 1_000, 10_000, ...(args.includes('--huge') ? [100_000] : [])],
    write: !sizes || args.includes('--write'),
    keep: args.includes('--keep'),
    rebuildAt: papers('--rebuild-at', valueOf('--rebuild-at') ?? '10000'),
    hugeAt: papers('--huge-at', valueOf('--huge-at') ?? '100000'),
  };
}

/** A scratch copy of the project whose sources are the seed plus synthetic papers. */
function benchProject(size: number): string {
  const sources: Record<string, string> = { '000_seed.txt': SEED, '001_seed-identity.bib': SEED_IDENTITY };
  if (size > SEED_SIZE) {
    const papers = syntheticPapers(SEED, size - SEED_SIZE, size);
    sources['synthetic.txt'] = syntheticScrape(SEED, size - SEED_SIZE, size);
    sources['synthetic-identities.bib'] = syntheticIdentities(papers, SEED_IDENTITY, size);
  }
  return scratchProject(sources, { site: true, root: path.join(SCRATCH, String(size)) }).root;
}

/** How many author pages a built site has (the A–Z index aside). */
function authorPages(dist: string): number {
  const dir = path.join(dist, 'authors');
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).length : 0;
}

/** Every file under a folder with its size. */
function files(dir: string): { file: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file, bytes: statSync(file).size };
    });
}

/** What the browser does on a paper page: JS before search, then the first search. */
async function browserMetrics(dist: string, paperSlug: string) {
  // Bytes are counted where they leave the server: the search code and Pagefind's files
  // (some fetched from a web worker) all pass through it.
  const served: { url: string; bytes: number }[] = [];
  const { server, origin } = await serveStatic(dist, '/', (url, bytes) => served.push({ url, bytes }));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/papers/${paperSlug}/`, { waitUntil: 'networkidle' });
    const jsBeforeSearch = served.filter((s) => s.url.endsWith('.js')).reduce((n, s) => n + s.bytes, 0);
    const inlineJs = await page.evaluate(() =>
      [...document.scripts].reduce((n, s) => n + (s.src ? 0 : s.text.length), 0),
    );
    served.length = 0;
    const started = performance.now();
    await page.keyboard.press('/');
    await page.locator('dialog[open] input').waitFor();
    await page.keyboard.type('spiking', { delay: 0 });
    await page.locator('dialog .search-results li').first().waitFor();
    const firstResultMs = performance.now() - started;
    // What the first query needed: everything fetched until its first result was on screen.
    const searchBytes = served.reduce((n, s) => n + s.bytes, 0);
    const pagefindBytes = served.filter((s) => s.url.includes('/pagefind/')).reduce((n, s) => n + s.bytes, 0);
    return { jsBeforeSearch, inlineJs, searchBytes, pagefindBytes, firstResultMs };
  } finally {
    await browser.close();
    server.close();
  }
}

/** Published-site limits of the static hosts the README names (checked 2026-11). */
const HOSTS = {
  /** GitHub Pages: a published site may be at most 1 GB. */
  githubPagesBytes: 1024 ** 3,
  /** Cloudflare Pages, free plan: at most 20,000 files per deployment. */
  cloudflareFreeFiles: 20_000,
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
/** The seconds Pagefind reports for indexing in a build's output. */
const indexSeconds = (output: string) => Number(/indexed \d+ paper pages in (\d+) ms/.exec(output)?.[1] ?? 0) / 1000;
/** How many paper pages the search index holds, from a build's output. */
const indexedPages = (output: string) => Number(/indexed (\d+) paper pages/.exec(output)?.[1] ?? 0);

/** Our cold build: the ingest, then Astro (whose last step is the search index). */
function buildOurs(root: string) {
  const ingest = timed('node', ['src/ingest/cli.ts'], root);
  const build = timed(bin('astro'), ['build'], root);
  return {
    ingest,
    build,
    total: ingest.seconds + build.seconds,
    peakMb: Math.max(ingest.peakMb, build.peakMb),
    pages: Number(/(\d+) page\(s\) built/.exec(build.output)?.[1] ?? 0),
  };
}

/** Our build's cells of the table: stages, output, pages and what the browser fetches. */
async function ourCells(size: number, root: string, ours: ReturnType<typeof buildOurs>) {
  const dist = path.join(root, 'dist');
  const output = files(dist);
  const outputBytes = output.reduce((n, f) => n + f.bytes, 0);
  const paperPages = readdirSync(path.join(dist, 'papers'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !/^\d+$/.test(d.name) && d.name !== 'newest')
    .map((d) => statSync(path.join(dist, 'papers', d.name, 'index.html')).size)
    .sort((a, b) => a - b);
  const slug = readdirSync(path.join(root, 'content/papers'))[0]!.replace(/\.mdx$/, '');
  const mapPages = files(path.join(dist, 'map')).filter((f) => f.file.endsWith('.html'));
  const mapOverviewBytes = statSync(path.join(dist, 'map', 'index.html')).size;
  const mapLayoutMs = Number(/map (?:laid out anew in )?(\d+) ms/.exec(ours.ingest.output)?.[1] ?? 0);
  const browser = await browserMetrics(dist, slug);
  const searchIndex = indexSeconds(ours.build.output);
  const cells: Row = {
    papers: count(size),
    pages: count(ours.pages),
    ingest: seconds(ours.ingest.seconds),
    astro: seconds(ours.build.seconds - searchIndex),
    'search index': seconds(searchIndex),
    'full build': seconds(ours.total),
    'pages/s': (ours.pages / ours.total).toFixed(0),
    'peak memory': megabytes(ours.peakMb),
    output: `${mb(outputBytes)}, ${count(output.length)} files`,
    'map layout': `${seconds(mapLayoutMs / 1000)} (${((100 * mapLayoutMs) / 1000 / ours.total).toFixed(1)} % of the build)`,
    'author pages': count(authorPages(dist)),
    'map pages (count / largest)': `${mapPages.length} / ${kb(Math.max(...mapPages.map((f) => f.bytes)))}`,
    'map overview': kb(mapOverviewBytes),
    'paper HTML (median / max)': `${kb(paperPages[paperPages.length >> 1]!)} / ${kb(paperPages.at(-1)!)}`,
    'GitHub Pages (≤ 1 GB)': outputBytes <= HOSTS.githubPagesBytes ? 'fits' : 'too big',
    'Cloudflare free (≤ 20,000 files)': output.length <= HOSTS.cloudflareFreeFiles ? 'fits' : 'too many files',
    'JS before search': `${browser.jsBeforeSearch} B (+${browser.inlineJs} B inline)`,
    'first search fetches': `${kb(browser.searchBytes)} (Pagefind ${kb(browser.pagefindBytes)})`,
    'first result': `${browser.firstResultMs.toFixed(0)} ms`,
  };
  return { cells, firstSearchBytes: browser.searchBytes, mapOverviewBytes };
}

type Papers = ReturnType<typeof anchorPapers>;

/** Hugo's build of the papers: the median of three (it is quick, and this machine is noisy). */
const hugoSeconds = (hugoRoot: string) => median([1, 2, 3].map(() => timed('hugo', ['--quiet'], hugoRoot).seconds));

/** The naive Astro anchor (see ./anchors.ts), with or without math: Astro, then the Pagefind CLI. */
function naiveBuild(papers: Papers, size: number, math: boolean): Outcome {
  const root = path.join(SCRATCH, `naive-${math ? 'math' : 'plain'}-${size}`);
  try {
    naiveAstroSite(papers, root, NODE_MODULES, { math });
    return attempt([
      () => timed(bin('astro'), ['build'], root),
      () => timed(bin('pagefind'), ['--site', 'dist'], root),
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The stack floor (see ./anchors.ts) of these papers, built in `root` (again: incrementally). */
function floorBuild(papers: Papers, root: string): Outcome {
  floorAstroSite(papers, root, NODE_MODULES);
  return attempt([() => timed(bin('astro'), ['build'], root), () => timed(bin('pagefind'), ['--site', 'dist'], root)]);
}

/** An anchor's build in a cell: its time and peak memory, or why it did not build. */
const outcomeCell = (outcome: Outcome | undefined, hugo: number) =>
  !outcome
    ? ''
    : succeeded(outcome)
      ? `${seconds(outcome.seconds)} (${(outcome.seconds / hugo).toFixed(1)}× Hugo), ${megabytes(outcome.peakMb)}`
      : `did not build: ${outcome.failure}`;

/** Ours ÷ an anchor's time, when it built. */
const quotient = (ours: number, anchor: Outcome | undefined) =>
  succeeded(anchor) ? ratio(ours / anchor.seconds) : '—';

/**
 * One more paper, then our ingest and build again with the last build's output and caches in
 * place; Hugo (which keeps no state between builds) and the floor again too.
 */
function addOnePaper(root: string, papers: Papers, hugoRoot: string, floorRoot: string) {
  appendFileSync(path.join(root, 'content/sources/zz-one-more.txt'), syntheticScrape(SEED, 1, 424242));
  const ingest = timed('node', ['src/ingest/cli.ts'], root);
  const build = timed(bin('astro'), ['build'], root);
  const now = anchorPapers(path.join(root, 'content/papers'));
  const added = now.filter((paper) => !papers.some((p) => p.slug === paper.slug));
  hugoSite(now, hugoRoot);
  const hugo = timed('hugo', ['--quiet'], hugoRoot).seconds;
  const result: AddedPaper = {
    seconds: ingest.seconds + build.seconds,
    pageBuilt: added.length === 1 && existsSync(path.join(root, 'dist/papers', added[0]!.slug, 'index.html')),
    indexedPages: indexedPages(build.output),
    paperPages: now.length,
    floor: floorBuild(now, floorRoot),
  };
  const ingestSummary = /\((.*?)\)/.exec(ingest.output)?.[1];
  const cell = `${seconds(result.seconds)}: ingest ${seconds(ingest.seconds)} (${ingestSummary}), astro ${seconds(build.seconds)} of which search index ${seconds(indexSeconds(build.output))}; ${result.pageBuilt ? 'its page built' : 'NO PAGE FOR IT'}, ${count(result.indexedPages)} of ${count(result.paperPages)} pages indexed; ÷ Hugo ${(result.seconds / hugo).toFixed(1)}×`;
  return { result, hugo, cell };
}

/** The anchors of one size, each built from the same papers as ours (see ./anchors.ts). */
interface Anchors {
  hugo: number;
  hugoPagefind: number;
  naiveWithMath?: Outcome;
  naiveWithoutMath?: Outcome;
  floor: Outcome;
  pagefindFloor?: PagefindFloor;
}

/** Builds the anchors of these papers; the floor's site stays in `floorRoot` for the +1 paper. */
function buildAnchors(papers: Papers, size: number, hugoRoot: string, floorRoot: string): Anchors {
  hugoSite(papers, hugoRoot);
  const hugo = hugoSeconds(hugoRoot);
  const hugoPagefind = timed(bin('pagefind'), ['--site', 'public'], hugoRoot).seconds;
  // The naive Astro sites compile every paper into a module: past 10,000 papers they take
  // longer than the rest of the bench together, so they anchor the sizes up to 10,000.
  const naiveWithMath = size <= 10_000 ? naiveBuild(papers, size, true) : undefined;
  const naiveWithoutMath = size <= 10_000 ? naiveBuild(papers, size, false) : undefined;
  // The floor of the stack, at every size: if it cannot build 100,000 papers, the table says so.
  rmSync(floorRoot, { recursive: true, force: true });
  const floor = floorBuild(papers, floorRoot);
  const floorIndex = path.join(floorRoot, 'dist/pagefind');
  const pagefind = succeeded(floor) && existsSync(floorIndex) ? pagefindFloor(floorIndex) : undefined;
  return { hugo, hugoPagefind, naiveWithMath, naiveWithoutMath, floor, pagefindFloor: pagefind };
}

const FLOOR_COLUMN = 'stack floor: leanest Astro + Pagefind CLI (cold / +1 paper)';

/** The anchors' cells of the table, with ours as a ratio to each. */
function anchorCells(anchors: Anchors, ourSeconds: number, firstSearchBytes: number): Row {
  const { hugo, naiveWithMath, naiveWithoutMath, floor, pagefindFloor: pagefind } = anchors;
  return {
    'Hugo (median of 3) / + Pagefind CLI': `${seconds(hugo)} / ${seconds(hugo + anchors.hugoPagefind)}`,
    'naive Astro + Pagefind CLI: with math / without': `${outcomeCell(naiveWithMath, hugo)} / ${outcomeCell(naiveWithoutMath, hugo)}`,
    'ours ÷ Hugo / ÷ naive Astro with math / without': `${(ourSeconds / hugo).toFixed(1)}× / ${quotient(ourSeconds, naiveWithMath)} / ${quotient(ourSeconds, naiveWithoutMath)}`,
    [FLOOR_COLUMN]: outcomeCell(floor, hugo),
    'ours ÷ stack floor': quotient(ourSeconds, floor),
    "Pagefind's floor of a first search (WebAssembly + pagefind.js + worker + page list)": pagefind
      ? `${kb(pagefind.bytes)} (${kb(pagefind.wasm)} + ${kb(pagefind.code)} + ${kb(pagefind.worker)} + ${kb(pagefind.pageList)})`
      : '—',
    "first search ÷ Pagefind's floor": pagefind ? ratio(firstSearchBytes / pagefind.bytes) : '—',
  };
}

/** Builds and measures one size: ours, then the anchors, then (at their sizes) +1 paper and growth. */
async function benchSize(size: number, options: Options): Promise<{ row: Row; result: SizeResult }> {
  console.error(`\n=== ${count(size)} papers`);
  const root = benchProject(size);
  const hugoRoot = path.join(SCRATCH, `hugo-${size}`);
  const floorRoot = path.join(SCRATCH, `floor-${size}`);
  try {
    const ours = buildOurs(root);
    const { cells, firstSearchBytes, mapOverviewBytes } = await ourCells(size, root, ours);
    const papers = anchorPapers(path.join(root, 'content/papers'));
    const anchors = buildAnchors(papers, size, hugoRoot, floorRoot);
    const row: Row = { ...cells, ...anchorCells(anchors, ours.total, firstSearchBytes) };
    const result: SizeResult = {
      papers: size,
      cold: { seconds: ours.total, peakMb: ours.peakMb },
      naiveWithMath: anchors.naiveWithMath,
      naiveWithoutMath: anchors.naiveWithoutMath,
      floor: anchors.floor,
      firstSearchBytes,
      pagefindFloor: anchors.pagefindFloor,
      mapOverviewBytes,
    };
    if (size === options.rebuildAt) {
      const added = addOnePaper(root, papers, hugoRoot, floorRoot);
      result.addedPaper = added.result;
      row['+1 paper rebuild'] =
        `${added.cell}; ÷ naive Astro (math) cold ${quotient(added.result.seconds, anchors.naiveWithMath)}; ÷ stack floor's +1 ${quotient(added.result.seconds, added.result.floor)}`;
      row[FLOOR_COLUMN] += ` / +1 ${outcomeCell(added.result.floor, added.hugo)}`;
    }
    if (size === SEED_SIZE) {
      console.error(`${BUILDS_IN_A_ROW} builds in a row…`);
      result.growth = growthOfBuilds(root);
      row[`${BUILDS_IN_A_ROW} builds in a row: growth outside the project`] =
        `${describeGrowth(result.growth)} (median build ${seconds(result.growth.medianBuildSeconds)})`;
    }
    console.error(JSON.stringify(row, null, 2));
    return { row, result };
  } finally {
    rmSync(floorRoot, { recursive: true, force: true });
    rmSync(hugoRoot, { recursive: true, force: true });
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
}

/** This machine in a line: what the seconds are seconds of. */
function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const node = execFileSync('node', ['--version'], { encoding: 'utf8' }).trim();
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${node}`;
}

const options = parseOptions(process.argv.slice(2));
const rows: Row[] = [];
const results: SizeResult[] = [];
for (const size of options.sizes) {
  const { row, result } = await benchSize(size, options);
  rows.push(row);
  results.push(result);
}
const table = markdownTable(rows);
const budgets = markdownTable(
  budgetRows(
    results,
    new Map([
      [10_000, options.rebuildAt],
      [100_000, options.hugeAt],
    ]),
  ),
);
console.log(`\n${table}\n\n${budgets}\n`);

if (options.write) {
  const command = ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const measured = `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, with \`${command}\`.`;
  writeBetweenMarkers(DOCS, 'bench', `${measured}\n\n${table}`);
  writeBetweenMarkers(DOCS, 'budgets', `${measured}\n\n${budgets}`);
  console.error('wrote docs/benchmarks.md');
}
if (existsSync(SCRATCH) && readdirSync(SCRATCH).length === 0) rmSync(SCRATCH, { recursive: true });
