/**
 * `npm test`: every check, in order, stopping at the first red stage, with the time of each.
 *   1. types   astro check (TypeScript strict, .astro and .ts)
 *   2. lint    ESLint (zero warnings) and Prettier
 *   3. unit    vitest: pure functions, the ingest, MDX safety, classification
 *   4. site    vitest: builds the site under /neurons/, serves it, checks the HTML, links,
 *              validity, accessibility, search and hostile input in Chromium, saves screenshots
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const bin = (name: string) => path.join('node_modules', '.bin', name);
const stages: [name: string, commands: string[][]][] = [
  ['types', [[bin('astro'), 'check']]],
  [
    'lint',
    [
      [bin('eslint'), '--max-warnings', '0', '.'],
      [bin('prettier'), '--check', '.'],
    ],
  ],
  ['unit', [[bin('vitest'), 'run', '--project', 'unit']]],
  ['site', [[bin('vitest'), 'run', '--project', 'site']]],
];

const only = process.argv.slice(2);
const times: [string, number][] = [];
for (const [name, commands] of stages) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n▶ ${name}`);
  const started = performance.now();
  for (const [command, ...args] of commands) {
    const result = spawnSync(command!, args, { stdio: 'inherit' });
    if (result.status !== 0) {
      console.error(
        `\n✖ stage "${name}" failed: ${[command, ...args].join(' ')} (exit ${result.status ?? result.signal})`,
      );
      process.exit(1);
    }
  }
  times.push([name, (performance.now() - started) / 1000]);
}
console.log('\nstage   seconds');
for (const [name, seconds] of times) console.log(`${name.padEnd(7)} ${seconds.toFixed(1).padStart(7)}`);
console.log(
  `total   ${times
    .reduce((sum, [, s]) => sum + s, 0)
    .toFixed(1)
    .padStart(7)}`,
);
