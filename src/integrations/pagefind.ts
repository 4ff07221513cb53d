import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index with its Node API once Astro has written the site, so that
 * `npm run build` is one step. Only paper pages carry `data-pagefind-body`, so navigation pages
 * stay out of the index. In `astro dev` it serves the index of the last build (see README).
 */
export default function pagefindIntegration(): AstroIntegration {
  let outDir = 'dist';
  let base = '/';
  return {
    name: 'neuron-papers:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
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
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(
          `read ${added.page_count} pages, indexed the paper pages, in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}

/** Content types of the files Pagefind writes. */
function contentType(file: string): string {
  if (file.endsWith('.js')) return 'text/javascript';
  if (file.endsWith('.css')) return 'text/css';
  if (file.endsWith('.json')) return 'application/json';
  return 'application/octet-stream';
}
