/**
 * `npm run ingest`: turns the raw sources in content/sources/ into MDX pages in content/papers/.
 * Exits 1 (writing nothing) if any source has an error.
 */
import { performance } from 'node:perf_hooks';
import { ingest, printDiagnostics, projectPaths } from './ingest.ts';

const started = performance.now();
const result = await ingest(projectPaths(process.cwd())).catch((error: Error) => {
  // A broken taxonomy or an unwritable folder: say what, without a stack trace.
  console.error(`ingest: ${error.message}\nThe previous output is untouched.`);
  process.exit(1);
});
printDiagnostics(result.diagnostics, (line) => console.error(line));
const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
const ms = Math.round(performance.now() - started);
if (!result.ok) {
  console.error(`ingest: ${errors} error(s); nothing was written (${ms} ms).`);
  process.exit(1);
}
const { added, changed, removed } = result.written;
const map = result.map?.relaid ? `; map laid out anew in ${result.map.ms} ms` : `; map ${result.map?.ms ?? 0} ms`;
console.log(
  `ingest: ${result.papers} papers (${added} added, ${changed} changed, ${removed} removed${map}) in ${ms} ms.`,
);
