import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPages, type PageJob } from '../../src/ingest/pages.ts';
import { abstractFingerprint } from '../../src/ingest/merge.ts';
import { buildPaperPage } from '../../src/ingest/page.ts';
import { readScrape } from '../../src/ingest/readers/scrape.ts';
import { slugify, titleKey } from '../../src/ingest/slugs.ts';
import { decodeSource } from '../../src/ingest/sources.ts';
import { projectTaxonomy } from '../support/taxonomy.ts';
import { syntheticScrape } from '../bench/synthetic.ts';

describe('building pages in parallel', () => {
  it('gives the same bytes, in the same order, as building them one by one', async () => {
    const seed = readFileSync('content/sources/000_bfef83f9b2ef0b4d.txt', 'utf8');
    const { papers } = readScrape(decodeSource('synthetic.txt', Buffer.from(syntheticScrape(seed, 900, 3))).source!);
    const jobs: PageJob[] = papers.map((raw, i) => ({
      paper: {
        title: raw.title,
        abstract: raw.abstract!,
        titleKey: titleKey(raw.title),
        fingerprint: abstractFingerprint(raw.abstract!),
        provenance: [raw.provenance],
      },
      slug: `${slugify(raw.title)}-${i}`,
      inputs: String(i).padStart(32, '0'),
      authorSlugs: [],
    }));
    const taxonomy = projectTaxonomy();
    // Two workers whatever the machine: on one core the default would compare serial with serial.
    const parallel = await buildPages(jobs, taxonomy, { workers: 2 });
    expect(parallel).toEqual(
      jobs.map((job) => buildPaperPage(job.paper, job.slug, taxonomy, job.decision, job.authorSlugs).mdx),
    );
    // It builds every seed page twice (workers, then one by one): on a busy 2-core machine, 30 s is short.
  }, 120_000);
});
