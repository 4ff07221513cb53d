/** Worker thread of `build-pages.ts`: builds the pages of one chunk and posts back their MDX. */
import { parentPort, workerData } from 'node:worker_threads';
import type { PageJob } from './build-pages.ts';
import { buildPaperPage } from './paper.ts';
import { loadTaxonomy } from './taxonomy.ts';

const { jobs, taxonomyFile } = workerData as { jobs: PageJob[]; taxonomyFile: string };
const taxonomy = loadTaxonomy(taxonomyFile);
parentPort!.postMessage(jobs.map((job) => buildPaperPage(job.paper, job.slug, job.key, taxonomy).mdx));
