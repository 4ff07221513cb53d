/**
 * What builds leave behind outside the project: ten `npm run build` in a row, and the size of
 * the folders outside the project where a build could write, before and after.
 *
 * The builds get a temporary folder of their own (TMPDIR, which `os.tmpdir()` and so Node's
 * compile cache follow), so that what other processes on the machine write into the shared one
 * is not counted as theirs; it is warmed by one build first, so that what is counted is what
 * every further build adds, not the one-time filling of a cache. Everything else about their
 * environment is the other timed builds' (CI unset: Astro turns on the compile cache only then).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kb, mb } from './report.ts';
import { timed } from './timed.ts';

/** How many builds in a row. */
export const BUILDS_IN_A_ROW = 10;

/** A folder watched for growth, by the name the report gives it. */
interface WatchedFolder {
  folder: string;
  dir: string;
  /** The watched folder this one is part of (its growth is counted there too). */
  within?: string;
  /** Why its growth has a bound (it is then reported, but not held against the budget). */
  bounded?: string;
}

/** One folder's size before and after the builds. */
export interface FolderGrowth extends Omit<WatchedFolder, 'dir'> {
  beforeBytes: number;
  afterBytes: number;
}

/** What the builds left behind, and how long each took (the median). */
export interface Growth {
  folders: FolderGrowth[];
  medianBuildSeconds: number;
}

/** A folder's size in bytes (apparent sizes; 0 if it does not exist), read with `du`. */
function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  // du reports files that vanish while it reads (another process's) and goes on: its total stands.
  const result = spawnSync('du', ['-sb', dir], { encoding: 'utf8' });
  return Number(/^(\d+)/.exec(result.stdout)?.[1] ?? 0);
}

/**
 * The folders outside the project a build could write into: the builds' temporary folder (and
 * within it Node's compile cache), the user's caches, npm's cache and logs (every `npm run` may
 * write a log), the user's configuration (Astro keeps its telemetry settings there) and
 * node_modules, which scratch projects link to the real project's (Vite writes `.vite/` and
 * `.vite-temp/` there unless told otherwise).
 */
function watchedFolders(root: string, tmp: string): WatchedFolder[] {
  const home = os.homedir();
  const temporary = 'temporary folder (their own TMPDIR)';
  return [
    { folder: temporary, dir: tmp },
    { folder: 'node-compile-cache', dir: path.join(tmp, 'node-compile-cache'), within: temporary },
    { folder: '~/.cache', dir: path.join(home, '.cache') },
    { folder: '~/.npm/_cacache', dir: path.join(home, '.npm', '_cacache') },
    {
      folder: '~/.npm/_logs',
      dir: path.join(home, '.npm', '_logs'),
      bounded: `npm keeps its last ${npmLogsMax()} logs`,
    },
    { folder: '~/.config', dir: path.join(home, '.config') },
    { folder: 'node_modules (linked, shared)', dir: realpathSync(path.join(root, 'node_modules')) },
  ];
}

/** How many logs npm keeps (`logs-max`): it deletes older ones as it writes a new one. */
function npmLogsMax(): string {
  return spawnSync('npm', ['config', 'get', 'logs-max'], { encoding: 'utf8' }).stdout.trim() || '10';
}

/** The size of each watched folder, in their order. */
const sizes = (folders: readonly WatchedFolder[]) => folders.map(({ dir }) => folderBytes(dir));

/** Builds the project in `root` (ingest included) `BUILDS_IN_A_ROW` times and measures the growth. */
export function growthOfBuilds(root: string): Growth {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'neuron-papers-bench-tmp-'));
  const build = () => timed('npm', ['run', 'build', '--silent'], root, { TMPDIR: tmp }).seconds;
  try {
    build(); // fills the new temporary folder's caches once, as any earlier build would have
    const folders = watchedFolders(root, tmp);
    const before = sizes(folders);
    const seconds = Array.from({ length: BUILDS_IN_A_ROW }, build).sort((a, b) => a - b);
    const after = sizes(folders);
    return {
      folders: folders.map(({ dir: _dir, ...folder }, i) => ({
        ...folder,
        beforeBytes: before[i]!,
        afterBytes: after[i]!,
      })),
      medianBuildSeconds: seconds[seconds.length >> 1]!,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const grew = (f: FolderGrowth) => f.afterBytes - f.beforeBytes;

/** Bytes with a sign, in a unit that shows them (a few bytes are not "+0.0 MB"). */
function change(bytes: number): string {
  const size = Math.abs(bytes);
  const text = size < 1024 ? `${size} B` : size < 1024 ** 2 ? kb(size) : mb(size);
  return `${bytes < 0 ? '−' : '+'}${text}`;
}

/** The builds' growth in words: in all (folders within others counted once), then each that changed. */
export function describeGrowth(growth: Growth): string {
  const total = growth.folders.filter((f) => !f.within).reduce((n, f) => n + grew(f), 0);
  const each = growth.folders
    .filter((f) => grew(f) !== 0)
    .map((f) => `${f.folder} ${change(grew(f))}${f.bounded ? ` (bounded: ${f.bounded})` : ''}`);
  return `${change(total)} in all${each.length ? `: ${each.join('; ')}` : ''}`;
}

/** The budget: no folder outside the project grew, but for those whose growth has a bound. */
export const nothingGrew = (growth: Growth) => growth.folders.every((f) => f.bounded || grew(f) <= 0);
