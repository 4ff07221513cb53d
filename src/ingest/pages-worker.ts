/** Worker thread of `pages.ts`: builds the pages of one chunk and posts back their MDX. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Taxonomy } from '../lib/taxonomy.ts';
import type { PageJob } from './pages.ts';
import { buildPaperPage } from './page.ts';

const { jobs, taxonomy } = workerData as { jobs: PageJob[]; taxonomy: Taxonomy };
parentPort!.postMessage(
  jobs.map((job) => buildPaperPage(job.paper, job.slug, taxonomy, job.decision, job.authorSlugs).mdx),
);
