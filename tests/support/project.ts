import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectPaths, type IngestPaths } from '../../src/ingest/ingest.ts';

/** The real project root (tests run from it). */
export const ROOT = process.cwd();

/**
 * A scratch project with its own `content/` (the real taxonomy, the given sources) so that
 * tests can ingest and build without touching the working tree. With `site: true` it also
 * gets copies of the Astro sources and a link to node_modules, so it can be built. `root`
 * places it in a given (emptied) folder instead of a temporary one.
 */
export function scratchProject(
  sources: Record<string, string | Uint8Array>,
  options: { site?: boolean; root?: string } = {},
) {
  let root: string;
  if (options.root) {
    root = options.root;
    rmSync(root, { recursive: true, force: true });
  } else {
    root = mkdtempSync(path.join(tmpdir(), 'neuron-papers-'));
  }
  mkdirSync(path.join(root, 'content', 'sources'), { recursive: true });
  mkdirSync(path.join(root, 'content', 'notes'), { recursive: true });
  cpSync(path.join(ROOT, 'content', 'topics.yaml'), path.join(root, 'content', 'topics.yaml'));
  cpSync(path.join(ROOT, 'content', 'abbreviations.yaml'), path.join(root, 'content', 'abbreviations.yaml'));
  cpSync(path.join(ROOT, 'content', 'venues.yaml'), path.join(root, 'content', 'venues.yaml'));
  // The lock file is an input of the ingest (see src/ingest/cache.ts), as in the real project.
  cpSync(path.join(ROOT, 'package-lock.json'), path.join(root, 'package-lock.json'));
  for (const [name, text] of Object.entries(sources)) writeFileSync(path.join(root, 'content', 'sources', name), text);
  if (options.site) {
    for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
      cpSync(path.join(ROOT, entry), path.join(root, entry), { recursive: true });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  }
  const paths: IngestPaths = projectPaths(root);
  return { root, paths, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A scrape file in the seed's format: the two header lines, "Subscribe", then title/abstract pairs. */
export function scrape(papers: [title: string, abstract: string][]): string {
  const lines = ['Get trending papers in your email inbox once a day!', 'Get trending papers in your email inbox!'];
  papers.forEach(([title, abstract], i) => lines.push(i === 0 ? `Subscribe${title}` : title, abstract));
  return `${lines.join('\n')}\n`;
}

/** A plausible abstract of a given topic, long enough to read as an abstract. */
export function abstractAbout(subject: string): string {
  return `We study ${subject} in detail. Spiking neural networks (SNNs) process information with spikes, and we train them with surrogate gradients. Our results show that the method improves accuracy on several benchmarks while using fewer neurons than previous approaches. This matters for neuromorphic hardware.`;
}
