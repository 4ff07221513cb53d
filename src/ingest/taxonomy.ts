import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { taxonomySchema, type Taxonomy } from '../schemas/taxonomy.ts';

/** Where the taxonomy lives, relative to the project root. */
export const TAXONOMY_FILE = 'content/topics.yaml';

/** Reads and validates the taxonomy; a mistake in it names the file and the field. */
export function loadTaxonomy(file: string = TAXONOMY_FILE): Taxonomy {
  const result = taxonomySchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${file} is not a valid taxonomy:\n${problems.join('\n')}`);
  }
  return result.data;
}
