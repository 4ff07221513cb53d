import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { inBatches } from '../lib/collections.ts';
import { deployBase } from '../config/deploy.ts';

/**
 * Builds the Pagefind search index with its Node API once Astro has written the site, so that
 * `npm run build` is one step. Only paper pages are indexed, and only their article (see
 * `paperArticles`). In `astro dev` it serves the index of the last build (see README).
 */
export default function pagefindIntegration(): AstroIntegration {
  let outDir = 'dist';
  let base = '/';
  return {
    name: 'neuron-papers:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = deployBase(config.base);
      },
      'astro:server:setup': ({ server, logger }) => {
        const index = path.join(outDir, 'pagefind');
        if (!existsSync(index)) {
          logger.warn('no search index yet: run `npm run build` once so search works in dev.');
        }
        server.middlewares.use((req, res, next) => {
          const url = new URL(req.url ?? '/', 'http://dev');
          const prefix = `${base}pagefind/`;
          if (!url.pathname.startsWith(prefix)) return next();
          const file = path.join(index, decodeURIComponent(url.pathname.slice(prefix.length)));
          if (!file.startsWith(index + path.sep) || !existsSync(file)) return next();
          res.setHeader('Content-Type', contentType(file));
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        // Index a scratch copy of the paper pages reduced to their article: Pagefind reads a
        // folder far faster than it takes pages one by one through its API.
        const scratch = await mkdtemp(path.join(tmpdir(), 'pagefind-'));
        try {
          const { index } = checked('start', await pagefind.createIndex({ forceLanguage: 'en' }));
          if (!index) throw new Error('Pagefind could not start');
          const articles = await paperArticles(site);
          await inBatches(articles, async (page) => {
            await mkdir(path.join(scratch, page.url), { recursive: true });
            await writeFile(path.join(scratch, page.url, 'index.html'), page.content);
          });
          const pages = articles.length;
          logger.info(`prepared ${pages} articles in ${Math.round(performance.now() - started)} ms`);
          checked('index the papers', await index.addDirectory({ path: scratch }));
          // Pagefind names its files by content and never deletes: the last build's index goes first.
          await rm(path.join(site, 'pagefind'), { recursive: true, force: true });
          checked('write the index', await index.writeFiles({ outputPath: path.join(site, 'pagefind') }));
          logger.info(`indexed ${pages} paper pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          // Pagefind runs a service process: close it whatever happened, or the build never exits.
          await rm(scratch, { recursive: true, force: true });
          await pagefind.close();
        }
      },
    },
  };
}

/** A Pagefind API response, or an error naming the step when it reports any. */
function checked<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind could not ${step}: ${response.errors.join('; ')}`);
  return response;
}

/** Content types of the files Pagefind writes. */
function contentType(file: string): string {
  if (file.endsWith('.js')) return 'text/javascript';
  if (file.endsWith('.css')) return 'text/css';
  if (file.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}

/**
 * The paper pages of the built site, reduced to their `<article data-pagefind-body>`. Pagefind
 * would ignore everything outside it anyway, but parsing the header, sidebar and related list
 * of every page doubled its time at 10,000 papers.
 */
async function paperArticles(site: string): Promise<{ url: string; content: string }[]> {
  const papersDir = path.join(site, 'papers');
  const slugs = (await readdir(papersDir)).sort();
  const pages = await inBatches(slugs, async (slug) => {
    const html = await readFile(path.join(papersDir, slug, 'index.html'), 'utf8').catch(() => '');
    const start = html.indexOf('<article');
    const end = html.indexOf('</article>');
    // Pagination pages (papers/2/) and redirect pages have no article: not papers.
    if (start === -1 || end === -1 || !html.includes('data-pagefind-body')) return undefined;
    return {
      url: `/papers/${slug}/`,
      content: `<!doctype html><html lang="en"><body>${html.slice(start, end + '</article>'.length)}</body></html>`,
    };
  });
  return pages.filter((page) => page !== undefined);
}
