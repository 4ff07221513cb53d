import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inBatches } from '../lib/collections.ts';

/**
 * Builds write over the last build's output instead of emptying `dist/` first (see
 * `emptyOutDir` in astro.config.mjs): a page Astro's incremental build can skip is then simply
 * left where it is. Emptying and restoring 10,000 paper pages cost more than rendering the
 * changed ones.
 *
 * What the last build wrote and this one did not is removed here, before any other integration
 * reads the output (the search index must not find a page that no longer exists): a file is
 * kept if this build generated it (`assets`, rendered or kept), wrote it (modified since the
 * build started: bundles, integrations' files) or copied it from `public/`.
 */
export default function staleOutputIntegration(): AstroIntegration {
  let publicDir = '';
  let started = 0;
  return {
    name: 'neuron-papers:stale-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': () => {
        started = Date.now();
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = path.resolve(fileURLToPath(dir)); // without the URL's trailing slash
        const generated = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const entries = await readdir(out, { recursive: true, withFileTypes: true });
        // The search index's folder is the Pagefind integration's, which replaces it whole.
        const index = path.join(out, 'pagefind') + path.sep;
        const files = entries
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath, entry.name))
          .filter((file) => !file.startsWith(index));
        const stale = await inBatches(files, async (file) => {
          if (generated.has(file) || existsSync(path.join(publicDir, path.relative(out, file)))) return undefined;
          return (await stat(file)).mtimeMs < started ? file : undefined;
        });
        const removed = stale.filter((file) => file !== undefined);
        await inBatches(removed, (file) => rm(file, { force: true }));
        await removeEmptyFolders(out, removed);
        if (removed.length > 0)
          logger.info(`removed ${removed.length} file(s) the last build wrote and this one did not`);
      },
    },
  };
}

/** Removes the folders that held `removed` files and are now empty, up to (not including) `root`. */
async function removeEmptyFolders(root: string, removed: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const file of removed) {
    for (let folder = path.dirname(file); folder.startsWith(root + path.sep); folder = path.dirname(folder))
      folders.add(folder);
  }
  // Deepest first, so that a folder whose only content was an empty folder goes too.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    if ((await readdir(folder)).length === 0) await rmdir(folder);
  }
}
