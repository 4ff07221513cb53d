import { readFileSync } from 'node:fs';
import { DATA_FILES } from '../../src/lib/content-paths.ts';
import { parseTaxonomy, type Taxonomy } from '../../src/lib/taxonomy.ts';

/** The project's own taxonomy (content/topics.yaml), as the ingest reads it. */
export function projectTaxonomy(): Taxonomy {
  return parseTaxonomy(readFileSync(DATA_FILES.taxonomy, 'utf8'), DATA_FILES.taxonomy);
}
