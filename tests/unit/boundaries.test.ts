/**
 * The layout rule (README, "Architecture"): ESLint refuses an import that crosses a room's
 * boundary. Each case plants an import in a file of one room and expects the rule to name it.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The boundary rules' messages for `code` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = planted;\n`, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('the layout rule', () => {
  it.each([
    [
      'src/lib/planted.ts',
      "import { getPapers as planted } from '../site/papers.ts';",
      /lib\/ may import only from lib/,
    ],
    ['src/lib/planted.ts', "import { readFileSync as planted } from 'node:fs';", /no Node modules/],
    ['src/lib/planted.ts', "import { getCollection as planted } from 'astro:content';", /Astro's modules/],
    ['src/ingest/planted.ts', "import { getPapers as planted } from '../site/papers.ts';", /ingest\/ may import only/],
    ['src/ingest/planted.ts', "import { defineCollection as planted } from 'astro:content';", /Astro's modules/],
    [
      'src/site/planted.ts',
      "import { mergePapers as planted } from '../ingest/merge.ts';",
      /only the ingest .*imports ingest/,
    ],
    ['src/site/planted.ts', "import { runUpdate as planted } from '../update/run.ts';", /nothing imports update/],
    ['src/ingest/planted.ts', "import { runUpdate as planted } from '../update/run.ts';", /nothing imports update/],
    ['src/update/planted.ts', "import { getPapers as planted } from '../site/papers.ts';", /update\/ may import only/],
    ['src/update/planted.ts', "import { defineCollection as planted } from 'astro:content';", /Astro's modules/],
    [
      'src/components/Planted.astro',
      "---\nimport { ingest as planted } from '../ingest/ingest.ts';\n---",
      /only the ingest/,
    ],
    ['src/search/client/planted.ts', "import { readFileSync as planted } from 'node:fs';", /no Node modules/],
    ['src/search/client/planted.ts', "import { href as planted } from '../../site/urls.ts';", /search-client\/ may/],
    ['src/map/planted.ts', "import { getPapers as planted } from '../site/papers.ts';", /map\/ may import only/],
  ])('refuses, in %s, %s', async (filePath, code, message) => {
    const errors = await boundaryErrors(filePath, code);
    expect(
      errors.some((error) => message.test(error)),
      errors.join('\n'),
    ).toBe(true);
  });

  it.each([
    ['src/lib/planted.ts', "import { groupBy as planted } from './collections.ts';"],
    ['src/lib/planted.ts', "import { createHash as planted } from 'node:crypto';"],
    ['src/lib/planted.ts', "import { z as planted } from 'astro/zod';"],
    ['src/ingest/planted.ts', "import { inStrip as planted } from '../map/layout.ts';"],
    ['src/update/planted.ts', "import { ingest as planted } from '../ingest/ingest.ts';"],
    ['src/update/planted.ts', "import { arxivId as planted } from '../lib/identifiers.ts';"],
    ['src/update/planted.ts', "import { readFile as planted } from 'node:fs/promises';"],
    ['src/site/planted.ts', "import { groupBy as planted } from '../lib/collections.ts';"],
    ['src/search/client/planted.ts', "import { SEARCH_SETTINGS as planted } from './settings.ts';"],
  ])('allows, in %s, %s', async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
