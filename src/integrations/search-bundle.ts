import type { AstroIntegration } from 'astro';
import { build, type BuildOptions } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployBase } from '../config/deploy.ts';

/** The search code's entry point and the file it becomes, at the site's root (under the base path). */
const ENTRY = fileURLToPath(new URL('../search/client/index.ts', import.meta.url));
const OUTPUT = 'search-ui.js';

const options: BuildOptions = {
  entryPoints: [ENTRY],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  write: false,
  legalComments: 'none',
};

/** Bundles the search code (src/search/) into one module. */
async function bundle(): Promise<string> {
  const result = await build(options);
  return result.outputFiles![0]!.text;
}

/**
 * Builds `search-ui.js`, the code of `<search-box>`, as its own file: no page loads it until a
 * reader opens search (a processed <script> that imported it would be loaded by every page).
 * In `astro dev` it is bundled on request, so edits show on reload.
 */
export default function searchBundleIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'neuron-papers:search-bundle',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = deployBase(config.base);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (new URL(req.url ?? '/', 'http://dev').pathname !== `${base}${OUTPUT}`) return next();
          bundle().then(
            (code) => {
              res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
              res.end(code);
            },
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const code = await bundle();
        await writeFile(path.join(fileURLToPath(dir), OUTPUT), code);
        logger.info(`${OUTPUT}: ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB`);
      },
    },
  };
}
