/**
 * `search-ui.js`: the search UI (src/search/ui.ts) bundled and minified with esbuild at build
 * time. It is a separate file so that no page loads it until the reader opens search.
 */
import type { APIRoute } from 'astro';
import { build } from 'esbuild';
import path from 'node:path';

export const GET: APIRoute = async () => {
  const result = await build({
    entryPoints: [path.resolve('src/search/ui.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  return new Response(result.outputFiles[0]!.text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
