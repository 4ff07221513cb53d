/**
 * `npm run bench`: builds synthetic collections of 119, 1,000 and 10,000 papers (`--huge` adds
 * 100,000) in scratch copies of the project and measures each stage, the output, and what a
 * reader's browser fetches. Prints one table and writes it to docs/benchmarks.md.
 *
 *   npm run bench                 # 119, 1,000, 10,000
 *   npm run bench -- --huge       # … and 100,000
 *   npm run bench -- --sizes 1000 # just these sizes (no docs/benchmarks.md written)
 *
 * Anchors, built from the same papers in the same run: see ./anchors.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../support/browser.ts';
import { buildEnvironment } from '../support/site-setup.ts';
import { scratchProject } from '../support/project.ts';
import { serveStatic } from '../support/static-server.ts';
import { anchorPapers, floorAstroSite, hugoSite, naiveAstroSite } from './anchors.ts';
import { syntheticIdentities, syntheticPapers, syntheticScrape } from './synthetic.ts';

const ROOT = process.cwd();
const SEED = readFileSync(path.join(ROOT, 'content/sources/000_bfef83f9b2ef0b4d.txt'), 'utf8');
/** The seed's identities (authors, dates, arXiv ids): seed pages are benchmarked as published. */
const SEED_IDENTITY = readFileSync(path.join(ROOT, 'content/sources/001_seed-identity.bib'), 'utf8');
const SCRATCH = path.join(ROOT, '.bench');
const args = process.argv.slice(2);
const sizesArg = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1]! : undefined;
const sizes = sizesArg
  ? sizesArg.split(',').map(Number)
  : [119, 1_000, 10_000, ...(args.includes('--huge') ? [100_000] : [])];

/** Runs a command under GNU time; returns wall seconds, peak memory (MB) and its output. */
function timed(
  command: string,
  commandArgs: string[],
  cwd: string,
): { seconds: number; peakMb: number; output: string } {
  const result = spawnSync('/usr/bin/time', ['-f', '@@TIME %e %M', command, ...commandArgs], {
    cwd,
    // A real address, as a deploy would give: a build without one warns (and fails on CI).
    env: { SITE_URL: 'https://example.org', ...buildEnvironment(), NODE_OPTIONS: '--max-old-space-size=16384' },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed:\n${output.slice(-4000)}`);
  const [, seconds, kb] = /@@TIME ([\d.]+) (\d+)/.exec(output)!;
  return { seconds: Number(seconds), peakMb: Number(kb) / 1024, output };
}

/** A scratch copy of the project whose sources are the seed plus synthetic papers. */
function benchProject(size: number): string {
  const sources: Record<string, string> = { '000_seed.txt': SEED, '001_seed-identity.bib': SEED_IDENTITY };
  if (size > 119) {
    const papers = syntheticPapers(SEED, size - 119, size);
    sources['synthetic.txt'] = syntheticScrape(SEED, size - 119, size);
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

type Row = Record<string, string>;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const rows: Row[] = [];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

for (const size of sizes) {
  console.error(`\n=== ${size.toLocaleString('en')} papers`);
  const root = benchProject(size);
  const ingestRun = timed('node', ['src/ingest/cli.ts'], root);
  const build = timed(path.join(root, 'node_modules/.bin/astro'), ['build'], root);
  const indexMs = Number(/indexed \d+ paper pages in (\d+) ms/.exec(build.output)?.[1] ?? 0);
  const pages = Number(/(\d+) page\(s\) built/.exec(build.output)?.[1] ?? 0);
  const dist = path.join(root, 'dist');
  const output = files(dist);
  const paperPages = readdirSync(path.join(dist, 'papers'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !/^\d+$/.test(d.name) && d.name !== 'newest')
    .map((d) => statSync(path.join(dist, 'papers', d.name, 'index.html')).size)
    .sort((a, b) => a - b);
  const slug = readdirSync(path.join(root, 'content/papers'))[0]!.replace(/\.mdx$/, '');
  const mapPages = files(path.join(dist, 'map')).filter((f) => f.file.endsWith('.html'));
  const mapLayoutMs = Number(/map (?:laid out anew in )?(\d+) ms/.exec(ingestRun.output)?.[1] ?? 0);
  const browser = await browserMetrics(dist, slug);
  const total = ingestRun.seconds + build.seconds;
  const row: Row = {
    papers: size.toLocaleString('en'),
    pages: pages.toLocaleString('en'),
    ingest: `${ingestRun.seconds.toFixed(1)} s`,
    astro: `${(build.seconds - indexMs / 1000).toFixed(1)} s`,
    'search index': `${(indexMs / 1000).toFixed(1)} s`,
    'full build': `${total.toFixed(1)} s`,
    'pages/s': (pages / total).toFixed(0),
    'peak memory': `${Math.max(ingestRun.peakMb, build.peakMb).toFixed(0)} MB`,
    output: `${mb(output.reduce((n, f) => n + f.bytes, 0))}, ${output.length.toLocaleString('en')} files`,
    'map layout': `${(mapLayoutMs / 1000).toFixed(1)} s (${((100 * mapLayoutMs) / 1000 / total).toFixed(1)} % of the build)`,
    'author pages': authorPages(dist).toLocaleString('en'),
    'map pages (count / largest)': `${mapPages.length} / ${kb(Math.max(...mapPages.map((f) => f.bytes)))}`,
    'paper HTML (median / max)': `${kb(paperPages[paperPages.length >> 1]!)} / ${kb(paperPages.at(-1)!)}`,
    'GitHub Pages (≤ 1 GB)': output.reduce((n, f) => n + f.bytes, 0) <= HOSTS.githubPagesBytes ? 'fits' : 'too big',
    'Cloudflare free (≤ 20,000 files)': output.length <= HOSTS.cloudflareFreeFiles ? 'fits' : 'too many files',
    'JS before search': `${browser.jsBeforeSearch} B (+${browser.inlineJs} B inline)`,
    'first search fetches': `${kb(browser.searchBytes)} (Pagefind ${kb(browser.pagefindBytes)})`,
    'first result': `${browser.firstResultMs.toFixed(0)} ms`,
  };
  // The anchors: the same papers through Hugo and through a naive Astro site, in this run.
  const papers = anchorPapers(path.join(root, 'content/papers'));
  const hugoRoot = hugoSite(papers, path.join(SCRATCH, `hugo-${size}`));
  const hugo = median([1, 2, 3].map(() => timed('hugo', ['--quiet'], hugoRoot).seconds));
  const hugoPagefind = timed(path.join(ROOT, 'node_modules/.bin/pagefind'), ['--site', 'public'], hugoRoot);
  row['Hugo (median of 3) / + Pagefind CLI'] = `${hugo.toFixed(1)} s / ${(hugo + hugoPagefind.seconds).toFixed(1)} s`;
  let ratios = `${(total / hugo).toFixed(1)}× /`;
  // The naive Astro site compiles every paper into a module: past 10,000 papers it takes longer
  // than the rest of the bench together, so it anchors the sizes up to 10,000.
  if (size <= 10_000) {
    const naiveRoot = naiveAstroSite(papers, path.join(SCRATCH, `naive-${size}`), path.join(ROOT, 'node_modules'));
    const naive = timed(path.join(ROOT, 'node_modules/.bin/astro'), ['build'], naiveRoot);
    const naivePagefind = timed(path.join(ROOT, 'node_modules/.bin/pagefind'), ['--site', 'dist'], naiveRoot);
    const naiveTotal = naive.seconds + naivePagefind.seconds;
    row['naive Astro + Pagefind CLI'] =
      `${naiveTotal.toFixed(1)} s (astro ${naive.seconds.toFixed(1)} s), ${naive.peakMb.toFixed(0)} MB`;
    ratios += ` ${(total / naiveTotal).toFixed(2)}×`;
    rmSync(naiveRoot, { recursive: true, force: true });
  }
  row['ours ÷ Hugo / ÷ naive Astro'] = ratios;
  // The floor of the stack: what Astro and Pagefind need for these papers at the very least.
  const floorRoot = path.join(SCRATCH, `floor-${size}`);
  const floorBuild = (list: typeof papers) => {
    floorAstroSite(list, floorRoot, path.join(ROOT, 'node_modules'));
    const astro = timed(path.join(ROOT, 'node_modules/.bin/astro'), ['build'], floorRoot).seconds;
    return astro + timed(path.join(ROOT, 'node_modules/.bin/pagefind'), ['--site', 'dist'], floorRoot).seconds;
  };
  let floor = '';
  if (size <= 10_000) {
    rmSync(floorRoot, { recursive: true, force: true });
    const floorCold = floorBuild(papers);
    floor = `${floorCold.toFixed(1)} s (${(floorCold / hugo).toFixed(1)}× Hugo)`;
  }
  if (size === 10_000) {
    // One more paper: how much is redone? (Hugo, which keeps no state between builds, again in full.)
    appendFileSync(path.join(root, 'content/sources/zz-one-more.txt'), syntheticScrape(SEED, 1, 424242));
    const again = timed('node', ['src/ingest/cli.ts'], root);
    const rebuild = timed(path.join(root, 'node_modules/.bin/astro'), ['build'], root);
    const added = anchorPapers(path.join(root, 'content/papers')).filter(
      (paper) => !papers.some((p) => p.slug === paper.slug),
    );
    hugoSite([...papers, ...added], hugoRoot);
    const hugoAgain = timed('hugo', ['--quiet'], hugoRoot).seconds;
    const addedPage = added.length === 1 && existsSync(path.join(dist, 'papers', added[0]!.slug, 'index.html'));
    const reindexMs = Number(/indexed \d+ paper pages in (\d+) ms/.exec(rebuild.output)?.[1] ?? 0);
    row['+1 paper rebuild'] =
      `${(again.seconds + rebuild.seconds).toFixed(1)} s: ingest ${again.seconds.toFixed(1)} s (${/\((.*?)\)/.exec(again.output)?.[1]}), astro ${rebuild.seconds.toFixed(1)} s of which search index ${(reindexMs / 1000).toFixed(1)} s; ${addedPage ? 'its page built' : 'NO PAGE FOR IT'}; ÷ Hugo ${((again.seconds + rebuild.seconds) / hugoAgain).toFixed(1)}×`;
    const floorAgain = floorBuild([...papers, ...added]);
    floor += ` / +1 ${floorAgain.toFixed(1)} s (${(floorAgain / hugoAgain).toFixed(1)}× Hugo)`;
  }
  if (floor) row['stack floor: leanest Astro + Pagefind CLI (cold / +1 paper)'] = floor;
  rmSync(floorRoot, { recursive: true, force: true });
  rmSync(hugoRoot, { recursive: true, force: true });
  rows.push(row);
  console.error(JSON.stringify(row, null, 2));
  if (!args.includes('--keep')) rmSync(root, { recursive: true, force: true });
}

const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
const table = [
  `| ${columns.join(' | ')} |`,
  `| ${columns.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${columns.map((c) => r[c] ?? '').join(' | ')} |`),
].join('\n');
console.log(`\n${table}\n`);

if (!sizesArg) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const node = execFileSync('node', ['--version'], { encoding: 'utf8' }).trim();
  const machine = `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${node}`;
  const document = readFileSync(path.join(ROOT, 'docs/benchmarks.md'), 'utf8');
  const marker = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/;
  const generated = `<!-- bench:start -->\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}, with \`npm run bench${args.includes('--huge') ? ' -- --huge' : ''}\`.\n\n${table}\n<!-- bench:end -->`;
  writeFileSync(path.join(ROOT, 'docs/benchmarks.md'), document.replace(marker, generated));
  console.error('wrote docs/benchmarks.md');
}
if (existsSync(SCRATCH) && readdirSync(SCRATCH).length === 0) rmSync(SCRATCH, { recursive: true });
