import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Taxonomy } from '../lib/taxonomy.ts';
import type { MergedPaper } from './merge.ts';
import type { CuratorDecision } from './curation.ts';
import { buildPaperPage } from './page.ts';

/** One page to build: the paper, its slug and the key of its inputs (`cache.ts`). */
export interface PageJob {
  paper: MergedPaper;
  slug: string;
  /** A curator's decision about the paper (`curation.ts`), if any. */
  decision?: CuratorDecision;
  /** The slug of each author's page (null: none). */
  authorSlugs: (string | null)[];
  inputs: string;
}

/** Below this many pages, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 400;

/**
 * Builds the MDX of every job, in input order. Building a page (cleaning, classifying,
 * serialising and re-parsing to prove it inert) is pure and CPU-bound, so large batches are
 * split across worker threads, one per core; the output is the same bytes either way.
 * `workers` overrides the count (tests force real workers on a one-core machine).
 */
export async function buildPages(
  jobs: readonly PageJob[],
  taxonomy: Taxonomy,
  options: { workers?: number } = {},
): Promise<string[]> {
  const workers = options.workers ?? Math.min(os.availableParallelism(), Math.ceil(jobs.length / PARALLEL_THRESHOLD));
  if (workers <= 1)
    return jobs.map((job) => buildPaperPage(job.paper, job.slug, taxonomy, job.decision, job.authorSlugs).mdx);
  const size = Math.ceil(jobs.length / workers);
  const chunks = Array.from({ length: workers }, (_, i) => jobs.slice(i * size, (i + 1) * size));
  const results = await Promise.all(chunks.map((chunk) => runWorker(chunk, taxonomy)));
  return results.flat();
}

function runWorker(jobs: readonly PageJob[], taxonomy: Taxonomy): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pages-worker.ts', import.meta.url), {
      workerData: { jobs, taxonomy },
    });
    worker.once('message', (pages: string[]) => resolve(pages));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`page-building worker exited with code ${code}`));
    });
  });
}
