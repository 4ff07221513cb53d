/**
 * Running the bench's builds under GNU time: wall seconds and peak memory of each, with one
 * environment for all of them (ours and the anchors alike), so that they compare.
 */
import { spawnSync } from 'node:child_process';
import { buildEnvironment } from '../support/site-setup.ts';

/** What a build cost: wall seconds and the peak resident memory of its largest process. */
export interface Timing {
  seconds: number;
  peakMb: number;
}

/** A timed run and what it printed. */
export interface TimedRun extends Timing {
  output: string;
}

/** An anchor's build: what it cost, or why it did not finish (reported, not fatal). */
export type Outcome = Timing | { failure: string };

/** The heap every timed build may use: the same for ours and the anchors. */
export const NODE_OPTIONS = '--max-old-space-size=16384';

/**
 * The environment of every timed build. `CI` is left as the caller's: Astro's CLI turns on
 * Node's compile cache only without it, and a curator's build runs without it.
 */
export function timedEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // A real address, as a deploy would give: a build without one warns (and fails on CI).
  return { SITE_URL: 'https://example.org', ...buildEnvironment(), NODE_OPTIONS, ...extra };
}

/** Runs a command under GNU time; its seconds, peak memory and output, or an error with the output's end. */
export function timed(command: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): TimedRun {
  const result = spawnSync('/usr/bin/time', ['-f', '@@TIME %e %M', command, ...args], {
    cwd,
    env: timedEnvironment(extraEnv),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-4000)}`);
  const [, seconds, kb] = /@@TIME ([\d.]+) (\d+)/.exec(output)!;
  return { seconds: Number(seconds), peakMb: Number(kb) / 1024, output };
}

/** Runs the steps of an anchor's build in turn: their summed time and largest peak, or why one failed. */
export function attempt(steps: (() => Timing)[]): Outcome {
  const total: Timing = { seconds: 0, peakMb: 0 };
  for (const step of steps) {
    try {
      const { seconds, peakMb } = step();
      total.seconds += seconds;
      total.peakMb = Math.max(total.peakMb, peakMb);
    } catch (error) {
      return { failure: failureReason(String(error)) };
    }
  }
  return total;
}

/** Why a build failed, in a few words: running out of memory is the case to tell apart. */
function failureReason(message: string): string {
  if (/heap out of memory/i.test(message)) return `out of memory (Node heap, ${NODE_OPTIONS})`;
  if (/terminated by signal 9\b/.test(message)) return 'killed (signal 9: out of memory?)';
  const status = /exited with non-zero status (\d+)/.exec(message)?.[1];
  // Its own words: the last line that names an error, not a stack frame or GNU time's report.
  const lines = message.split('\n').filter((line) => line.trim() && !/^(\s+at |@@TIME|Command exited)/.test(line));
  const lastWords = lines.findLast((line) => /error/i.test(line)) ?? lines.at(-1);
  return `failed${status ? ` (status ${status})` : ''}: ${lastWords?.trim().slice(0, 120) ?? ''}`;
}

export const succeeded = (outcome: Outcome | undefined): outcome is Timing => !!outcome && !('failure' in outcome);
