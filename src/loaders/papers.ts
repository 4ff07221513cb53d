import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readPage } from '../lib/page-file.ts';

/**
 * Loads the generated paper pages (`content/papers/*.mdx`) into Astro's data store with the
 * HTML the ingest rendered for each (its `html` field, made with the site's own Markdown
 * plugins: see `src/ingest/mdx.ts`). Nothing is rendered here: at 10,000 papers, rendering in
 * the loader took 25 s of every cold build. Unchanged files are skipped on the next build.
 *
 * Why not the `glob` loader: it turns every `.mdx` entry into its own compiled JavaScript
 * module, which at 10,000 papers dominates the build's time and memory. These files cannot
 * hold JSX, imports or expressions — the ingest proved each body inert and recorded the digest
 * of the body and its HTML (`bodyDigest`), which this loader checks — so a hand edit is refused.
 * Hand-written MDX with components belongs in `content/notes/`, loaded by `glob`.
 */
export function papersLoader(options: { base: string }): Loader {
  return {
    name: 'neuron-papers:papers',
    load: async ({ store, parseData, generateDigest, logger, config }) => {
      const root = fileURLToPath(config.root);
      const dir = path.resolve(root, options.base);
      const names = (await readdir(dir)).filter((name) => name.endsWith('.mdx')).sort();
      const seen = new Set<string>();
      let stored = 0;
      for (const name of names) {
        // The data store wants paths relative to the project root.
        const filePath = path.relative(root, path.join(dir, name));
        const text = await readFile(path.join(dir, name), 'utf8');
        // The ingest names each file after its slug, so the id is known before parsing anything.
        const id = name.replace(/\.mdx$/, '');
        seen.add(id);
        const digest = generateDigest(text);
        // The same bytes as last build: already checked and stored.
        if (store.get(id)?.digest === digest) continue;
        const page = readPage(text);
        if (!page) throw new Error(`${filePath}: no frontmatter. Re-run \`npm run ingest\`.`);
        if (!page.intact) {
          throw new Error(
            `${filePath} was changed by hand (its body or HTML no longer matches its bodyDigest). ` +
              'Generated pages are rewritten by `npm run ingest`: put hand-written text in content/notes/<slug>.mdx instead.',
          );
        }
        const { html, ...fields } = page.data;
        const data = await parseData({ id, data: fields, filePath });
        if (data.slug !== id)
          throw new Error(`${filePath}: its slug is "${String(data.slug)}", not "${id}". Re-run \`npm run ingest\`.`);
        // No `body`: pages show the HTML, and every byte stored is serialised after the sync and
        // loaded again by the build (10,000 papers: 43 MB with the Markdown, 32 MB without).
        store.set({ id, data, digest, filePath, rendered: { html: String(html) } });
        stored++;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${names.length} papers, ${stored} stored, ${names.length - stored} unchanged`);
    },
  };
}
