import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { naiveAstroSite } from '../bench/anchors.ts';
import { budgetRows, type SizeResult } from '../bench/budgets.ts';
import { nothingGrew, type Growth } from '../bench/growth.ts';

/** A run at 10,000 papers, every budget's measurement in it. */
const at10k: SizeResult = {
  papers: 10_000,
  cold: { seconds: 120, peakMb: 1_600 },
  naiveWithMath: { seconds: 160, peakMb: 3_200 },
  naiveWithoutMath: { failure: 'out of memory' },
  floor: { seconds: 40, peakMb: 900 },
  firstSearchBytes: 200 * 1024,
  pagefindFloor: { bytes: 160 * 1024, wasm: 60, code: 13, worker: 12, pageList: 75 },
  mapOverviewBytes: 150 * 1024,
  addedPaper: {
    seconds: 60,
    pageBuilt: true,
    indexedPages: 10_001,
    paperPages: 10_001,
    floor: { seconds: 16, peakMb: 0 },
  },
};
const noStandIns = new Map<number, number>();
const rowOf = (rows: ReturnType<typeof budgetRows>, words: string, papers = '10,000') =>
  rows.find((row) => row['budget (issue #22)']!.startsWith(`${papers} papers: ${words}`))!;

describe('the bench budgets', () => {
  const rows = budgetRows([at10k], noStandIns);

  it('reads each ratio budget beside its anchor', () => {
    expect(rowOf(rows, 'cold build ≤ 1.5')).toMatchObject({ ratio: '3.00×', verdict: 'not met' });
    expect(rowOf(rows, 'cold build faster than naive Astro with math')).toMatchObject({
      anchor: 'naive Astro (math) 160.0 s',
      ratio: '0.75×',
      verdict: 'met',
    });
    expect(rowOf(rows, 'one added paper ≤ 0.45')).toMatchObject({ ratio: '0.38×', verdict: 'met' });
    expect(rowOf(rows, 'first search')).toMatchObject({ ratio: '1.25×', verdict: 'met' });
  });

  it('says plainly when an anchor did not build, and judges nothing from it', () => {
    const row = rowOf(rows, 'cold build faster than naive Astro without math');
    expect(row.anchor).toContain('did not build, out of memory');
    expect(row.verdict).toBe('cannot tell');
  });

  it('holds an added paper to a complete search index', () => {
    const incomplete = { ...at10k, addedPaper: { ...at10k.addedPaper!, seconds: 20, indexedPages: 10_000 } };
    const row = rowOf(budgetRows([incomplete], noStandIns), 'one added paper ≤ 2');
    expect(row.ratio).toBe('1.25×');
    expect(row.verdict).toBe('not met');
  });

  it('names a size that stands in for the issue’s, and sizes not run', () => {
    const small = { ...at10k, papers: 1_000 };
    const trial = budgetRows([small], new Map([[10_000, 1_000]]));
    expect(rowOf(trial, 'peak memory').papers).toBe('1,000 (for 10,000)');
    expect(rowOf(trial, 'peak memory', '100,000').verdict).toBe('not run: no 100,000 papers in this run');
  });
});

describe('growth outside the project', () => {
  const growth = (folders: Growth['folders']): Growth => ({ folders, medianBuildSeconds: 1 });

  it('is met only when no folder grew, but for one whose growth is bounded', () => {
    const logs = { folder: 'logs', bounded: 'npm keeps 10', beforeBytes: 10, afterBytes: 20 };
    expect(nothingGrew(growth([{ folder: 'tmp', beforeBytes: 5, afterBytes: 5 }, logs]))).toBe(true);
    expect(nothingGrew(growth([{ folder: 'tmp', beforeBytes: 5, afterBytes: 6 }, logs]))).toBe(false);
  });
});

describe('the naive Astro anchor without math', () => {
  it('writes formulas as text that MDX compiles without remark-math', async () => {
    const root = path.join(mkdtempSync(path.join(tmpdir(), 'naive-')), 'site');
    try {
      const body = 'The form $y = \\sum_{i=1}^{n} \\{x_i\\}$ holds for \\<2% of them.\n';
      naiveAstroSite([{ slug: 'p', title: 'P', body, html: '' }], root, path.resolve('node_modules'), { math: false });
      const mdx = readFileSync(path.join(root, 'src/content/papers/p.mdx'), 'utf8');
      const compiled = String(await compile(mdx.replace(/^---[\s\S]*?---\n/, '')));
      expect(compiled).toContain('$y = \\\\sum_{i=1}^{n} \\\\{x_i\\\\}$');
      expect(compiled).toContain('<2% of them');
    } finally {
      rmSync(path.dirname(root), { recursive: true, force: true });
    }
  });
});
