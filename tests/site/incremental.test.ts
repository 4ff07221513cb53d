/**
 * Adding a paper to a built site: the second build copies the pages whose data did not change
 * (Astro's incremental build, keyed by src/utils/page-keys.ts), renders the rest, and the
 * search index is complete again — the new paper is found, and so are the old ones.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { newPage, openBrowser } from '../support/pages.ts';
import { abstractAbout, ROOT, scrape, scratchProject } from '../support/project.ts';
import { BASE, buildEnvironment, SITE_URL } from '../support/site-setup.ts';
import { serveStatic } from '../support/static-server.ts';

const NEW_TITLE = 'Quokka Dendrites Compute Exclusive Disjunctions';

let browser: Browser;
let close: () => Promise<void>;
let cleanup: () => void;
let root: string;
let firstLog = '';
let secondLog = '';

function build(): string {
  return execFileSync(path.join(root, 'node_modules/.bin/astro'), ['build'], {
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
  secondLog = build();
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
    expect(readdirSync(path.join(root, 'dist/papers'))).toContain('quokka-dendrites-compute-exclusive-disjunctions');
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
