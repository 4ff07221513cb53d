/**
 * `search-ui.js`: the search UI (src/search/ui.ts) bundled and minified with esbuild at build
 * time. It is a separate file so that no page loads it until the reader opens search.
 */
import type { APIRoute } from 'astro';
import { build } from 'esbuild';
import path from 'node:path';
import { papersByTag } from '../utils/papers.ts';
import { allTopics, tagBySlug } from '../utils/taxonomy.ts';

export const GET: APIRoute = async () => {
  // The filter names, known at build time, so no filter index is needed to list them.
  const names = {
    topic: allTopics().map((topic) => topic.name),
    tag: [...(await papersByTag()).keys()].map((slug) => tagBySlug(slug).name),
  };
  const result = await build({
    define: { FILTER_NAMES: JSON.stringify(names) },
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
