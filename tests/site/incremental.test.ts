/**
 * Adding a paper to a built site: the second build keeps the pages whose data did not change
 * (Astro's incremental build, keyed by src/site/render-keys.ts), renders the rest, removes what
 * the first build wrote and the second did not (src/integrations/stale-output.ts), and the
 * search index is complete again — the new paper is found, and so are the old ones. Then a data
 * file that pages read outside the collections changes, and the pages that show it follow.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { newPage, openBrowser } from '../support/pages.ts';
import { abstractAbout, ROOT, scrape, scratchProject } from '../support/project.ts';
import { BASE, buildEnvironment, SITE_URL } from '../support/site-setup.ts';
import { serveStatic } from '../support/static-server.ts';

const NEW_TITLE = 'Quokka Dendrites Compute Exclusive Disjunctions';
const NEW_SLUG = 'quokka-dendrites-compute-exclusive-disjunctions';
/** Files the first build did not write, left in dist/ as a removed page and an old bundle would be. */
const LEFTOVERS = ['papers/a-paper-since-removed/index.html', '_astro/old-bundle.css'];

let browser: Browser;
let close: () => Promise<void>;
let cleanup: () => void;
let root: string;
let firstLog = '';
let secondLog = '';
/** The new paper's page after content/abbreviations.yaml gained an entry its abstract uses. */
let afterDataFileChange = '';

function build(...flags: string[]): string {
  return execFileSync(path.join(root, 'node_modules/.bin/astro'), ['build', ...flags], {
    cwd: root,
    env: { ...buildEnvironment(), BASE_PATH: BASE, SITE_URL, FORCE_COLOR: '0' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

beforeAll(async () => {
  const seed = readFileSync(path.join(ROOT, 'content/sources/000_bfef83f9b2ef0b4d.txt'), 'utf8');
  const project = scratchProject({ '000_seed.txt': seed }, { site: true });
  ({ root, cleanup } = project);
  await ingest(project.paths);
  firstLog = build();
  writeFileSync(
    path.join(project.paths.sources, 'zz-new.txt'),
    scrape([[NEW_TITLE, abstractAbout('how quokka dendrites compute exclusive disjunctions')]]),
  );
  await ingest(project.paths);
  for (const leftover of LEFTOVERS) {
    const file = path.join(root, 'dist', leftover);
    mkdirSync(path.dirname(file), { recursive: true });
    // An article the search index would take for a paper, were the file still there.
    writeFileSync(
      file,
      '<!doctype html><html lang="en"><body><article data-pagefind-body><h1>Gone</h1></article></body></html>',
    );
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
  }
  secondLog = build();
  // What the incremental build made, against what a full render of the same content makes.
  cpSync(path.join(root, 'dist'), path.join(root, 'dist-incremental'), { recursive: true });
  build('--force');
  cpSync(path.join(root, 'dist'), path.join(root, 'dist-full'), { recursive: true });
  // Only a data file changes (read through src/site/data-files.ts, not through a collection).
  const abbreviations = path.join(root, 'content/abbreviations.yaml');
  writeFileSync(
    abbreviations,
    `${readFileSync(abbreviations, 'utf8')}- { short: [QXD], long: [exclusive disjunction] }\n`,
  );
  build();
  afterDataFileChange = readFileSync(path.join(root, 'dist/papers', NEW_SLUG, 'index.html'), 'utf8');
  ({ browser, close } = await openBrowser());
}, 300_000);

afterAll(async () => {
  await close?.();
  cleanup?.();
});

describe('a build after one paper was added', () => {
  it('copies the unchanged paper pages instead of rendering them, and renders the new one', () => {
    const copied = (log: string) => (log.match(/\((?:cached|restored)\)/g) ?? []).length;
    expect(copied(firstLog)).toBe(0);
    // 119 old papers; the new one's related papers and topic neighbours are rendered again.
    expect(copied(secondLog)).toBeGreaterThan(100);
    expect(readdirSync(path.join(root, 'dist/papers'))).toContain(NEW_SLUG);
  });

  it('keeps the list pages the new paper is not on, and renders those it is on', () => {
    const lines = secondLog.split('\n').filter((line) => /\/tags\//.test(line) && line.includes('index.html'));
    expect(lines.filter((line) => /\((?:cached|restored)\)/.test(line)).length).toBeGreaterThan(10);
    // Every page of every tag of the new paper, as now built: the new paper is on one of them.
    const paperPage = readFileSync(path.join(root, 'dist/papers', NEW_SLUG, 'index.html'), 'utf8');
    const tags = [...paperPage.matchAll(/href="[^"]*\/tags\/([^/"]+)\/" class="tag-chip/g)].map((match) => match[1]!);
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) {
      const pages = readdirSync(path.join(root, 'dist/tags', tag), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('index.html'))
        .map((file) => readFileSync(path.join(root, 'dist/tags', tag, file), 'utf8'));
      // Listed in both orders (A–Z and newest first).
      expect(pages.filter((html) => html.includes(`/papers/${NEW_SLUG}/"`)).length, tag).toBe(2);
    }
  });

  it('writes the same site as a full render: every kept page is still right', () => {
    const site = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(html|xml|json|txt)$/.test(file) && !file.startsWith('pagefind'))
        .sort();
    const files = site(path.join(root, 'dist-full'));
    expect(site(path.join(root, 'dist-incremental'))).toEqual(files);
    const differing = files.filter(
      (file) =>
        readFileSync(path.join(root, 'dist-full', file), 'utf8') !==
        readFileSync(path.join(root, 'dist-incremental', file), 'utf8'),
    );
    expect(differing).toEqual([]);
  });

  it('removes what the first build left and the second did not write, and fills _headers anew', () => {
    for (const leftover of LEFTOVERS) expect(existsSync(path.join(root, 'dist', leftover)), leftover).toBe(false);
    expect(existsSync(path.join(root, 'dist/papers/a-paper-since-removed'))).toBe(false);
    const headers = readFileSync(path.join(root, 'dist/_headers'), 'utf8');
    expect(headers).not.toMatch(/%(?:BASE|CSP)%/);
    expect(headers).toContain("Content-Security-Policy: default-src 'self'");
  });

  it('renders a page again when a data file it reads changes', () => {
    // The title says "Exclusive Disjunctions": the page's search aliases now hold "QXD".
    expect(afterDataFileChange).toMatch(/data-pagefind-meta="title_aliases"[^>]*>[^<]*QXD/);
  });

  it('leaves a complete search index: every paper once, the new one and the old ones found', async () => {
    const entry = JSON.parse(readFileSync(path.join(root, 'dist/pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages.en!.page_count).toBe(120);
    const served = await serveStatic(path.join(root, 'dist'), BASE);
    try {
      const { page, context, problems } = await newPage(browser, served.origin);
      const search = async (query: string) => {
        await page.goto(`${served.origin}${BASE}search/?q=${encodeURIComponent(query)}`);
        await page
          .locator('.search-status')
          .filter({ hasText: /result/ })
          .waitFor();
        return page.locator('.search-result-title').allTextContents();
      };
      expect(await search('quokka')).toEqual([NEW_TITLE]);
      expect(await search('neuroformer')).toContain(
        'Neuroformer: Multimodal and Multitask Generative Pretraining for Brain Data',
      );
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      served.server.close();
    }
  });
});
