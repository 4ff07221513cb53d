import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REGISTRY_FILES } from '../lib/content-paths.ts';

/**
 * The renamed URLs of content/slugs.json (old slug → new slug). Read from the file at build
 * time, not imported: an imported file would be part of every paper page's code, and adding a
 * paper (which adds a slug) would then re-render every page of an incremental build. Only
 * the redirect pages read it, and they have no render key.
 */
export function slugRedirects(): Record<string, string> {
  const registry = JSON.parse(readFileSync(path.resolve(REGISTRY_FILES.slugs), 'utf8')) as {
    redirects?: Record<string, string>;
  };
  return registry.redirects ?? {};
}
