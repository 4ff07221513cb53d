/**
 * `npm run update [-- --dry-run] [--report FILE]`: runs the saved searches of
 * content/queries.yaml and adds the new papers.
 * `npm run add -- [--dry-run] [--report FILE] <arXiv id | DOI | Hugging Face paper URL>…`: adds
 * the given papers.
 * Prints the report (Markdown) on stdout, progress and problems on stderr; `--report` also writes
 * the report to a file (the scheduled update's pull request body). Exits 1 when the run failed
 * (then nothing was written) or, for `add`, when an argument named no paper it could add.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../ingest/diagnostics.ts';
import { printDiagnostics, projectPaths } from '../ingest/ingest.ts';
import { CURATOR_FILES } from '../lib/content-paths.ts';
import { FetchFailure, PoliteClient } from './http.ts';
import { readQueries } from './queries.ts';
import { renderReport } from './report.ts';
import { runAdd, runUpdate, type RunContext } from './run.ts';
import { CONTACT_HINT, DEFAULTS, settingsFromEnv, userAgent } from './settings.ts';

/** GitHub refuses a pull request body over 65,536 characters. */
const MAX_REPORT_FILE = 60_000;

const USAGE = `usage: npm run update [-- --dry-run] [--report FILE]
       npm run add -- [--dry-run] [--report FILE] <arXiv id | DOI | Hugging Face paper URL>…`;

const [command, ...rest] = process.argv.slice(2);
const flags = { dryRun: false, report: undefined as string | undefined };
const args: string[] = [];
for (let i = 0; i < rest.length; i++) {
  const arg = rest[i]!;
  if (arg === '--dry-run') flags.dryRun = true;
  else if (arg === '--report') flags.report = rest[++i];
  else if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  } else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
  else args.push(arg);
}
if (command !== 'update' && command !== 'add') usage('the command is update or add');
if (command === 'update' && args.length > 0)
  usage('update takes no arguments (the searches are in content/queries.yaml)');
if (command === 'add' && args.length === 0) usage('add needs at least one arXiv id, DOI or Hugging Face paper URL');
if (flags.report === '') usage('--report needs a file name');

const root = process.cwd();
const fail = (diagnostics: Diagnostic[], what = 'nothing was written'): never => {
  printDiagnostics(diagnostics, (line) => console.error(line));
  console.error(`${command}: ${diagnostics.filter((d) => d.severity === 'error').length} error(s); ${what}.`);
  process.exit(1);
};

const { settings, diagnostics } = settingsFromEnv(process.env);
if (diagnostics.length > 0) fail(diagnostics, 'nothing was fetched');
const contact = await resolveContact();
const project = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const log = (line: string) => console.error(`  ${line}`);
const ctx: RunContext = {
  paths: projectPaths(root),
  settings,
  client: new PoliteClient({ ...settings, userAgent: userAgent(project.name, project.version, contact), log }),
  log,
  now: () => new Date(),
};

try {
  const outcome =
    command === 'update'
      ? await runUpdate(ctx, { dryRun: flags.dryRun })
      : await runAdd(ctx, args, { dryRun: flags.dryRun });
  if (outcome.report) {
    const markdown = renderReport(outcome.report);
    console.log(markdown);
    if (flags.report) {
      const body =
        markdown.length <= MAX_REPORT_FILE
          ? markdown
          : `${markdown.slice(0, MAX_REPORT_FILE)}\n\n… (the report is cut here; the workflow's log holds all of it)\n`;
      await writeFile(flags.report, body);
    }
  }
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) fail(outcome.diagnostics);
  printDiagnostics(outcome.diagnostics, (line) => console.error(line));
  const report = outcome.report!;
  const fresh = report.candidates.filter((c) => c.verdict.kind === 'new').length;
  const wrote = report.written
    ? report.written.sources.length > 0
      ? `${report.written.sources.length} source(s) saved and ingested`
      : 'nothing new, nothing written'
    : 'dry run, nothing written';
  console.error(
    `${command}: ${fresh} new paper(s); ${wrote}${report.failed.length ? `; ${report.failed.length} failed` : ''}.`,
  );
  process.exit(outcome.ok ? 0 : 1);
} catch (error) {
  if (error instanceof FetchFailure) {
    console.error(
      formatDiagnostic({ severity: 'error', file: error.url, line: 0, message: error.message, hint: error.hint }),
    );
  } else {
    console.error(
      `${command}: error: ${(error as Error).message}\n  → Nothing was written (what was saved was removed).`,
    );
  }
  process.exit(1);
}

/**
 * Who the APIs can reach about this client: UPDATE_CONTACT, else `contact` in
 * content/queries.yaml, else the repository's address (`git remote get-url origin`). Without one
 * the run stops before any request — unless arXiv and Hugging Face are both mirrors or test
 * servers (ARXIV_API_URL, HF_API_URL), which are not owed one.
 */
async function resolveContact(): Promise<string | undefined> {
  if (settings.contact) return settings.contact;
  const text = await readFile(path.join(root, CURATOR_FILES.queries), 'utf8').catch(() => undefined);
  const fromFile = text ? readQueries(text, CURATOR_FILES.queries).contact : undefined;
  if (fromFile) return fromFile;
  const remote = spawnSync('git', ['remote', 'get-url', 'origin'], { cwd: root, encoding: 'utf8' }).stdout?.trim();
  const repository = remote && /^(?:https:\/\/|git@)([\w.-]+)[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(remote);
  if (repository) return `https://${repository[1]}/${repository[2]}`;
  if (settings.arxivApi !== DEFAULTS.arxivApi && settings.hfApi !== DEFAULTS.hfApi) return undefined;
  return fail(
    [
      {
        severity: 'error',
        file: CURATOR_FILES.queries,
        line: 0,
        message: 'no contact to send with the requests (the APIs ask who is calling)',
        hint: `Set \`contact:\` in ${CURATOR_FILES.queries}, or UPDATE_CONTACT. ${CONTACT_HINT}`,
      },
    ],
    'nothing was fetched',
  );
}

function usage(problem: string): never {
  console.error(`${command ?? 'update'}: ${problem}\n${USAGE}`);
  process.exit(2);
}
