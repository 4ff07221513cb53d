/**
 * Issue #22's budgets, each read from one bench run beside its anchor: ratios carry from one
 * machine to another, seconds do not. Each budget names the collection size the issue sets it
 * at; a short trial can let a smaller size stand in (`--rebuild-at`, `--huge-at`), and the
 * table then says so.
 */
import { BUILDS_IN_A_ROW, describeGrowth, nothingGrew, type Growth } from './growth.ts';
import type { PagefindFloor } from './pagefind-floor.ts';
import { count, kb, megabytes, ratio, seconds, type Row } from './report.ts';
import { succeeded, type Outcome, type Timing } from './timed.ts';

/** What the bench measured at one size, as the budgets need it. */
export interface SizeResult {
  papers: number;
  /** Our cold full build (ingest, then Astro with the search index): time and peak memory. */
  cold: Timing;
  /** The naive Astro anchors (up to 10,000 papers), with math as ours and without. */
  naiveWithMath?: Outcome;
  naiveWithoutMath?: Outcome;
  /** The stack floor's cold build. */
  floor: Outcome;
  /** Bytes a first search fetches on our site, and Pagefind's floor of it (on the floor site). */
  firstSearchBytes: number;
  pagefindFloor?: PagefindFloor;
  /** `dist/map/index.html`, the map's overview. */
  mapOverviewBytes: number;
  /** One paper added, then built again (at the rebuild size). */
  addedPaper?: AddedPaper;
  /** Builds in a row and what they left outside the project (at the seed size). */
  growth?: Growth;
}

/** The build after one added paper: ours, checked complete, and the floor's. */
export interface AddedPaper {
  seconds: number;
  pageBuilt: boolean;
  indexedPages: number;
  paperPages: number;
  floor: Outcome;
}

/** A budget read from a run: what was measured, beside what, their ratio and whether it is met. */
interface Reading {
  measured: string;
  anchor: string;
  ratio: string;
  /** Undefined when the run cannot tell (an anchor that did not build). */
  met: boolean | undefined;
}

interface Budget {
  /** The words. */
  text: string;
  /** The collection size the issue sets it at. */
  papers: number;
  /** Reads it from the measurements at that size; a sentence when they cannot tell. */
  read: (result: SizeResult) => Reading | string;
}

/** A time beside an anchor's: its ratio, within `limit` × the anchor (below it if `strict`). */
function againstAnchor(
  measured: number,
  anchor: Outcome | undefined,
  name: string,
  limit: number,
  strict = false,
): Reading | string {
  if (!anchor) return `no ${name} at this size`;
  if (!succeeded(anchor)) return readingWithoutAnchor(seconds(measured), `${name}: did not build, ${anchor.failure}`);
  const quotient = measured / anchor.seconds;
  return {
    measured: seconds(measured),
    anchor: `${name} ${seconds(anchor.seconds)}`,
    ratio: ratio(quotient),
    met: strict ? quotient < limit : quotient <= limit,
  };
}

/** A budget the run cannot judge, for the anchor it needs is missing. */
const readingWithoutAnchor = (measured: string, anchor: string): Reading => ({
  measured,
  anchor,
  ratio: '—',
  met: undefined,
});

/** An absolute limit, with an anchor beside it for scale (its ratio shown, the verdict the limit's). */
function underLimit(
  measured: number,
  limit: number,
  unit: (value: number) => string,
  anchor?: { name: string; value: number | undefined },
): Reading {
  const known = anchor?.value !== undefined;
  return {
    measured: unit(measured),
    anchor: anchor ? `${anchor.name} ${known ? unit(anchor.value!) : 'not measured'}` : '—',
    ratio: known ? ratio(measured / anchor!.value!) : '—',
    met: measured <= limit,
  };
}

/** The floor's peak memory, when it built. */
const floorPeak = (result: SizeResult) => (succeeded(result.floor) ? result.floor.peakMb : undefined);

/** Our first search against Pagefind's floor. */
function firstSearch(result: SizeResult): Reading | string {
  const floor = result.pagefindFloor;
  if (!floor) return 'no Pagefind floor: the floor site did not build';
  const quotient = result.firstSearchBytes / floor.bytes;
  return {
    measured: kb(result.firstSearchBytes),
    anchor: `Pagefind's floor ${kb(floor.bytes)} (WebAssembly ${kb(floor.wasm)}, pagefind.js ${kb(floor.code)}, worker ${kb(floor.worker)}, page list ${kb(floor.pageList)})`,
    ratio: ratio(quotient),
    met: quotient <= 1.25,
  };
}

/** One added paper against the floor's: in time, and with its page built and every page indexed. */
function addedAgainstFloor(result: SizeResult): Reading | string {
  const added = result.addedPaper;
  if (!added) return 'no paper added at this size';
  const complete = added.pageBuilt && added.indexedPages === added.paperPages;
  const reading = againstAnchor(added.seconds, added.floor, "stack floor's +1", 2);
  if (typeof reading === 'string') return reading;
  const checks = `${added.pageBuilt ? 'its page built' : 'NO PAGE FOR IT'}, ${count(added.indexedPages)} of ${count(added.paperPages)} paper pages indexed`;
  // Incomplete is not met, however fast; complete, the time decides (if the floor's +1 built).
  return { ...reading, measured: `${reading.measured} (${checks})`, met: complete ? reading.met : false };
}

/** The builds in a row: met when no folder outside the project grew. */
function growthReading(result: SizeResult): Reading | string {
  const growth = result.growth;
  if (!growth) return 'builds in a row not run at this size';
  return {
    measured: `${describeGrowth(growth)} (median build ${seconds(growth.medianBuildSeconds)})`,
    anchor: '—',
    ratio: '—',
    met: nothingGrew(growth),
  };
}

const GB = 1024;

export const BUDGETS: readonly Budget[] = [
  {
    text: 'cold build ≤ 1.5 × the stack floor',
    papers: 10_000,
    read: (r) => againstAnchor(r.cold.seconds, r.floor, 'stack floor', 1.5),
  },
  {
    text: 'cold build faster than naive Astro with math',
    papers: 10_000,
    read: (r) => againstAnchor(r.cold.seconds, r.naiveWithMath, 'naive Astro (math)', 1, true),
  },
  {
    text: 'cold build faster than naive Astro without math',
    papers: 10_000,
    read: (r) => againstAnchor(r.cold.seconds, r.naiveWithoutMath, 'naive Astro (no math)', 1, true),
  },
  {
    text: 'peak memory ≤ 2 GB',
    papers: 10_000,
    read: (r) => underLimit(r.cold.peakMb, 2 * GB, megabytes, { name: 'stack floor', value: floorPeak(r) }),
  },
  {
    text: "one added paper ≤ 2 × the stack floor's +1 (its page built, search index complete)",
    papers: 10_000,
    read: addedAgainstFloor,
  },
  {
    text: "one added paper ≤ 0.45 × naive Astro's (math) cold build",
    papers: 10_000,
    read: (r) =>
      r.addedPaper
        ? againstAnchor(r.addedPaper.seconds, r.naiveWithMath, 'naive Astro (math), cold', 0.45)
        : 'no paper added at this size',
  },
  { text: "first search ≤ 1.25 × Pagefind's floor", papers: 10_000, read: firstSearch },
  {
    text: 'peak memory ≤ 6 GB',
    papers: 100_000,
    read: (r) => underLimit(r.cold.peakMb, 6 * GB, megabytes, { name: 'stack floor', value: floorPeak(r) }),
  },
  {
    text: 'cold build ≤ 20 minutes (2 cores)',
    papers: 100_000,
    read: (r) =>
      succeeded(r.floor)
        ? underLimit(r.cold.seconds, 20 * 60, seconds, { name: 'stack floor', value: r.floor.seconds })
        : { ...underLimit(r.cold.seconds, 20 * 60, seconds), anchor: `stack floor: did not build, ${r.floor.failure}` },
  },
  {
    text: "the map's overview (map/index.html) ≤ 200 KB",
    papers: 100_000,
    read: (r) => underLimit(r.mapOverviewBytes, 200 * 1024, kb),
  },
  { text: "first search ≤ 1.25 × Pagefind's floor", papers: 100_000, read: firstSearch },
  {
    text: `${BUILDS_IN_A_ROW} builds in a row grow no folder outside the project`,
    papers: 119,
    read: growthReading,
  },
];

const verdict = (met: boolean | undefined) => (met === undefined ? 'cannot tell' : met ? 'met' : 'not met');

/**
 * The budgets table: one row per budget, read at its size (or the size standing in for it,
 * from `standIns`), or saying why it could not be read in this run.
 */
export function budgetRows(results: readonly SizeResult[], standIns: ReadonlyMap<number, number>): Row[] {
  return BUDGETS.map((budget) => {
    const size = standIns.get(budget.papers) ?? budget.papers;
    const papers = size === budget.papers ? count(size) : `${count(size)} (for ${count(budget.papers)})`;
    const row = { 'budget (issue #22)': `${count(budget.papers)} papers: ${budget.text}`, papers };
    const result = results.find((r) => r.papers === size);
    const reading = result ? budget.read(result) : `not run: no ${count(size)} papers in this run`;
    if (typeof reading === 'string') return { ...row, measured: '—', anchor: '—', ratio: '—', verdict: reading };
    const { measured, anchor, ratio: quotient, met } = reading;
    return { ...row, measured, anchor, ratio: quotient, verdict: verdict(met) };
  });
}
