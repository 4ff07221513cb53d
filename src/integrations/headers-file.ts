import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployBase } from '../config/deploy.ts';

/** The policy Astro put in a page's `<meta http-equiv="content-security-policy">`. */
function metaPolicy(html: string): string | undefined {
  return /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1]?.replace(/;\s*$/, '').trim();
}

/**
 * Writes `_headers` from public/_headers after the build: the base path, and the
 * Content-Security-Policy of the pages, so that hosts that send headers send the same policy as
 * the pages' `<meta>` — plus what a `<meta>` cannot carry (`frame-ancestors`). Astro emits the
 * same policy, with every hash, on every page; the home page's is taken and the 404's compared.
 */
export default function headersFileIntegration(): AstroIntegration {
  let base = '/';
  let template = '';
  return {
    name: 'neuron-papers:headers-file',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = deployBase(config.base);
        // The template is public/_headers itself: dist/ is not emptied between builds, so the
        // copy there may be the last build's filled-in file.
        template = path.join(fileURLToPath(config.publicDir), '_headers');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const file = path.join(out, '_headers');
        const text = await readFile(template, 'utf8');
        const policy = metaPolicy(await readFile(path.join(out, 'index.html'), 'utf8'));
        const other = metaPolicy(await readFile(path.join(out, '404.html'), 'utf8'));
        if (!policy)
          throw new Error('_headers: the home page has no Content-Security-Policy <meta> (security.csp off?)');
        if (other !== policy)
          throw new Error('_headers: pages carry different policies; one _headers policy cannot match them');
        // Header values are one line; a policy never holds a newline or a "%" of its own.
        await writeFile(file, text.replaceAll('%BASE%', base).replaceAll('%CSP%', policy));
        logger.info('_headers: Content-Security-Policy and caching written');
      },
    },
  };
}
