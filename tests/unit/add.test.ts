/**
 * `npm run add -- <id>…` against the replay server: every form of id it accepts, papers already
 * there (not even fetched), excluded, unknown and new ones; and the command line itself
 * (`npm run update`/`add` as a process), its output and exit status, and its settings.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/ingest/diagnostics.ts';
import { readPage } from '../../src/lib/page-file.ts';
import { renderReport } from '../../src/update/report.ts';
import { runAdd } from '../../src/update/run.ts';
import { settingsFromEnv, userAgent } from '../../src/update/settings.ts';
import { parseTarget } from '../../src/update/targets.ts';
import { ROOT } from '../support/project.ts';
import { startReplay, type ReplayServer } from '../support/replay-server.ts';
import {
  CONTACT,
  contentSnapshot,
  hfOf,
  KNOWN,
  NEW,
  replayData,
  testContext,
  testSettings,
  updateProject,
} from '../support/update.ts';

const VOITA_SLUG = 'neurons-in-large-language-models-dead-n-gram-positional';
const BIBTEX = `@inproceedings{Quintero_2026, title={Axon Initial Segment Plasticity Tunes Neuronal Excitability}, url={http://dx.doi.org/10.1000/axon.2026.7}, DOI={10.1000/axon.2026.7}, booktitle={Proceedings of Fixture Neuroscience}, publisher={Fixture Press}, author={Quintero, Ana and Watanabe, Kenji}, year={2026}, month=nov, pages={1–12} }`;

let replay: ReplayServer;
beforeAll(async () => {
  const data = replayData();
  replay = await startReplay({
    ...data,
    hf: { ...data.hf, papers: [...data.hf.papers, hfOf(NEW.dendrites)] },
    dois: { '10.1000/axon.2026.7': BIBTEX },
  });
});
afterAll(() => replay.close());
let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
  replay.requests.length = 0;
});
function project() {
  const p = updateProject();
  cleanups.push(p.cleanup);
  return p;
}

describe('what npm run add accepts', () => {
  it.each([
    ['2309.04827', 'arxiv', '2309.04827'],
    ['2309.04827v2', 'arxiv', '2309.04827'],
    ['arXiv:2309.04827', 'arxiv', '2309.04827'],
    ['https://arxiv.org/abs/2309.04827v1', 'arxiv', '2309.04827'],
    ['https://arxiv.org/pdf/2309.04827v2.pdf', 'arxiv', '2309.04827'],
    ['https://arxiv.org/pdf/2309.04827', 'arxiv', '2309.04827'],
    ['http://export.arxiv.org/abs/q-bio/0601001?context=q-bio', 'arxiv', 'q-bio/0601001'],
    ['10.48550/arXiv.2309.04827', 'arxiv', '2309.04827'],
    ['https://doi.org/10.48550/arXiv.2309.04827', 'arxiv', '2309.04827'],
    ['10.18653/v1/2024.findings-acl.75', 'doi', '10.18653/v1/2024.findings-acl.75'],
    ['doi:10.1000/ABC', 'doi', '10.1000/abc'],
    ['https://huggingface.co/papers/2309.04827', 'huggingface', '2309.04827'],
    ['https://hf.co/papers/2309.04827#community', 'huggingface', '2309.04827'],
  ])('%s', (given, kind, id) => {
    expect(parseTarget(given)).toEqual({ given, kind, id });
  });

  it.each([
    '',
    'neurons',
    '2309.048',
    'https://example.org/abs/2309.04827',
    'https://huggingface.co/papers/not-an-id',
    'javascript:alert(1)',
  ])('refuses %j', (given) => expect(parseTarget(given)).toBeUndefined());
});

describe('npm run add', () => {
  it('reports a paper the collection has as already there, without asking any API', async () => {
    const p = project();
    const before = contentSnapshot(p.root);
    const outcome = await runAdd(testContext(p.paths, testSettings(replay)).ctx, ['2309.04827'], { dryRun: false });
    expect(outcome.ok).toBe(true);
    expect(outcome.report!.candidates).toMatchObject([
      { key: 'arxiv:2309.04827', verdict: { kind: 'present', slug: VOITA_SLUG } },
    ]);
    expect(renderReport(outcome.report!)).toContain(
      `- [arXiv 2309.04827](https://arxiv.org/abs/2309.04827) → \`papers/${VOITA_SLUG}/\``,
    );
    expect(replay.requests).toEqual([]);
    expect(contentSnapshot(p.root)).toEqual(before);
  });

  it('adds new papers by arXiv id (one id_list call), Hugging Face URL and DOI; reports excluded and unknown ones', async () => {
    const p = project();
    const args = [
      `arXiv:${NEW.sae.id}v2`,
      `https://arxiv.org/abs/${NEW.spiking.id}`,
      `https://huggingface.co/papers/${NEW.dendrites.id}`,
      '10.1000/axon.2026.7',
      NEW.excluded.id,
      '2513.09999',
      'https://huggingface.co/papers/2513.09998',
      'not-an-id',
      `10.48550/arXiv.${KNOWN.haystack}`,
    ];
    const outcome = await runAdd(testContext(p.paths, testSettings(replay)).ctx, args, { dryRun: false });
    // An argument that named no paper it could add: the run says so in its exit status.
    expect(outcome.ok).toBe(false);
    const report = outcome.report!;
    expect(report.failed).toEqual([
      { what: 'not-an-id', why: 'not an arXiv id, DOI or Hugging Face paper URL' },
      { what: '2513.09999', why: 'the arXiv API has no paper with this id' },
      {
        what: 'https://huggingface.co/papers/2513.09998',
        why: 'Hugging Face does not know this paper (404); add it by its arXiv id',
      },
    ]);
    const verdicts = Object.fromEntries(report.candidates.map((c) => [c.key, c.verdict.kind]));
    expect(verdicts).toEqual({
      [`arxiv:${NEW.excluded.id}`]: 'excluded',
      [`arxiv:${KNOWN.haystack}`]: 'present',
      [`arxiv:${NEW.sae.id}`]: 'new',
      [`arxiv:${NEW.spiking.id}`]: 'new',
      [`arxiv:${NEW.dendrites.id}`]: 'new',
      'doi:10.1000/axon.2026.7': 'new',
    });
    // One arXiv call for both ids, one per Hugging Face paper and DOI; the excluded paper is not fetched.
    expect(replay.requests.map((r) => `${r.api} ${r.path} ${r.params.id_list ?? ''}`.trim())).toEqual([
      `arxiv /api/query ${NEW.sae.id},${NEW.spiking.id},2513.09999`,
      `hf /hf/api/papers/${NEW.dendrites.id}`,
      'hf /hf/api/papers/2513.09998',
      'doi /doi/10.1000/axon.2026.7',
    ]);
    expect(replay.requests.find((r) => r.api === 'doi')!.accept).toBe('application/x-bibtex; charset=utf-8');
    const pages = readdirSync(p.paths.papers).map(
      (name) => readPage(readFileSync(path.join(p.paths.papers, name), 'utf8'))!.data,
    );
    expect(pages.map((d) => d.arxiv ?? d.doi).sort()).toEqual(
      [
        '10.1000/axon.2026.7',
        KNOWN.voita,
        KNOWN.haystack,
        '2513.00001',
        NEW.sae.id,
        NEW.spiking.id,
        NEW.dendrites.id,
      ].sort(),
    );
    expect(pages.find((d) => d.doi === '10.1000/axon.2026.7')).toMatchObject({
      title: 'Axon Initial Segment Plasticity Tunes Neuronal Excitability',
      authors: ['Ana Quintero', 'Kenji Watanabe'],
      // A venue the table does not know keeps the source's name; an @inproceedings is a conference.
      venue: { name: 'Proceedings of Fixture Neuroscience', kind: 'conference', year: '2026' },
    });
    expect(
      readdirSync(p.paths.sources)
        .filter((n) => !n.endsWith('.yaml'))
        .sort(),
    ).toEqual([
      '2026-12-02T06-00-00Z_add_arxiv-2513.00101-and-2-more.atom',
      '2026-12-02T06-00-00Z_add_doi-10.1000-axon.2026.7.bib',
      `2026-12-02T06-00-00Z_add_hf-${NEW.dendrites.id}.json`,
      'arxiv-query.atom',
    ]);
  });
});

/** Runs the command line in a project, with the environment pointing at the replay server. */
function cli(root: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'src/update/cli.ts'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, ...replay.env, ARXIV_DELAY_MS: '50', UPDATE_BACKOFF_MS: '20', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the command line', () => {
  it('`npm run add -- 2309.04827` reports the paper as already present and exits 0', async () => {
    const p = project();
    const { status, stdout, stderr } = await cli(p.root, ['add', '2309.04827']);
    expect(stderr).toMatch(/add: 0 new paper\(s\); nothing new, nothing written\./);
    expect(stdout).toContain('0 new papers, 1 already in the collection');
    expect(stdout).toContain(`→ \`papers/${VOITA_SLUG}/\``);
    expect(status).toBe(0);
  });

  it('`npm run update -- --dry-run --report FILE` prints and writes the report, and content/ stays as it was', async () => {
    const p = project();
    const before = contentSnapshot(p.root);
    const report = path.join(p.root, 'report.md');
    const { status, stdout } = await cli(p.root, ['update', '--dry-run', '--report', report]);
    expect(status).toBe(0);
    expect(stdout).toContain('6 new papers (1 would land off-topic)');
    expect(readFileSync(report, 'utf8')).toBe(`${stdout.trimEnd()}\n`);
    expect(contentSnapshot(p.root)).toEqual(before);
    const agent = replay.requests.map((r) => r.userAgent);
    expect(new Set(agent)).toEqual(new Set([`neuron-papers/0.1.0 (+${CONTACT})`]));
  });

  it('a failed request prints the error and what to do, exits 1, and writes nothing', async () => {
    const p = project();
    const before = contentSnapshot(p.root);
    const port = await closedPort();
    const { status, stderr } = await cli(p.root, ['update'], {
      HF_API_URL: `http://127.0.0.1:${port}/hf/api`,
      UPDATE_RETRIES: '0',
    });
    expect(status).toBe(1);
    expect(stderr).toContain(
      `http://127.0.0.1:${port}/hf/api/papers/search?q=neurons: error: Hugging Face API: the connection was refused (is the server running?) (1 attempt)\n  → Nothing was written.`,
    );
    expect(contentSnapshot(p.root)).toEqual(before);
  });
});

/** A port on 127.0.0.1 where nothing listens. */
function closedPort() {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('settings', () => {
  it('default to the public APIs and arXiv’s 3 s, and never allow less for arXiv itself', () => {
    const { settings, diagnostics } = settingsFromEnv({});
    expect(diagnostics).toEqual([]);
    expect(settings).toMatchObject({
      arxivApi: 'https://export.arxiv.org/api/query',
      hfApi: 'https://huggingface.co/api',
      arxivDelayMs: 3000,
    });
    expect(settingsFromEnv({ ARXIV_DELAY_MS: '100' }).diagnostics[0]!.message).toMatch(/shorter than the 3 s/);
    expect(
      settingsFromEnv({ ARXIV_DELAY_MS: '100', ARXIV_API_URL: 'http://127.0.0.1:1/api/query' }).diagnostics,
    ).toEqual([]);
    expect(settingsFromEnv({ UPDATE_CONTACT: 'not a contact' }).diagnostics[0]!.message).toMatch(
      /not an e-mail address/,
    );
    // Each bad value names its variable, as `file: error: … → …`.
    expect(
      settingsFromEnv({ ARXIV_DELAY_MS: 'soon', HF_API_URL: 'ftp://example.org' }).diagnostics.map(formatDiagnostic),
    ).toEqual([
      'HF_API_URL: error: "ftp://example.org" is not an http(s) URL\n  → Set it to an http(s) URL, or unset it for https://huggingface.co/api.',
      'ARXIV_DELAY_MS: error: "soon" is not a whole number\n  → Set it to a whole number, or unset it for 3000.',
    ]);
  });

  it('name the project and the contact in the User-Agent', () => {
    expect(userAgent('neuron-papers', '0.1.0', 'curators@example.org')).toBe(
      'neuron-papers/0.1.0 (+mailto:curators@example.org)',
    );
    expect(userAgent('neuron-papers', '0.1.0', 'https://github.com/o/r')).toBe(
      'neuron-papers/0.1.0 (+https://github.com/o/r)',
    );
  });
});
