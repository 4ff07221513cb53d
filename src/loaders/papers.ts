import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { bodyIsIntact, splitPage } from '../ingest/mdx.ts';

/**
 * Loads the generated paper pages (`content/papers/*.mdx`) and renders them once, at load
 * time, with the site's Markdown processor (remark-math, KaTeX), keeping the HTML in Astro's
 * data store. Unchanged files are skipped on the next build, so adding one paper renders one
 * paper.
 *
 * Why not the `glob` loader: it turns every `.mdx` entry into its own compiled JavaScript
 * module, which at 10,000 papers dominates the build's time and memory. These files cannot
 * hold JSX, imports or expressions — the ingest proved each body inert and recorded its digest
 * (`bodyDigest` in the frontmatter), which this loader checks (`bodyIsIntact`) — so they render identically as
 * Markdown. Hand-written MDX with components belongs in `content/notes/`, loaded by `glob`.
 */
export function papersLoader(options: { base: string }): Loader {
  return {
    name: 'neuron-papers:papers',
    load: async ({ store, parseData, renderMarkdown, generateDigest, logger, config }) => {
      const root = fileURLToPath(config.root);
      const dir = path.resolve(root, options.base);
      const names = (await readdir(dir)).filter((name) => name.endsWith('.mdx')).sort();
      const seen = new Set<string>();
      let rendered = 0;
      for (const name of names) {
        // The data store wants paths relative to the project root.
        const filePath = path.relative(root, path.join(dir, name));
        const text = await readFile(path.join(dir, name), 'utf8');
        const page = splitPage(text);
        if (!page) throw new Error(`${filePath}: no frontmatter. Re-run \`npm run ingest\`.`);
        if (!bodyIsIntact(text)) {
          throw new Error(
            `${filePath} was changed by hand (its body no longer matches its bodyDigest). ` +
              'Generated pages are rewritten by `npm run ingest`: put hand-written text in content/notes/<slug>.mdx instead.',
          );
        }
        // The ingest names each file after its slug, so the id is known before parsing anything.
        const id = name.replace(/\.mdx$/, '');
        seen.add(id);
        const digest = generateDigest(text);
        if (store.get(id)?.digest === digest) continue;
        const data = await parseData({ id, data: parseYaml(page.yaml) as Record<string, unknown>, filePath });
        if (data.slug !== id)
          throw new Error(`${filePath}: its slug is "${String(data.slug)}", not "${id}". Re-run \`npm run ingest\`.`);
        store.set({ id, data, body: page.body, digest, filePath, rendered: await renderMarkdown(page.body) });
        rendered++;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${names.length} papers, ${rendered} rendered, ${names.length - rendered} unchanged`);
    },
  };
}
