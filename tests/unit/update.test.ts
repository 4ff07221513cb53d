/**
 * `npm run update` against a replay server on 127.0.0.1 that answers like the arXiv and Hugging
 * Face APIs: paging newest first until a known paper, exactly the new papers added (pages,
 * identity, topic), excluded ones never, twice adds nothing; 503 then success, 429; and an error
 * feed, a body cut short, an HTML page, an empty page, a stalled answer and a refused connection
 * each end with a clear message and content/ unchanged. The delay between arXiv calls is measured.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.ts';
import { readPage } from '../../src/lib/page-file.ts';
import { FetchFailure } from '../../src/update/http.ts';
import { renderReport } from '../../src/update/report.ts';
import { runUpdate } from '../../src/update/run.ts';
import { startReplay, type Fault, type ReplayServer } from '../support/replay-server.ts';
import {
  ARXIV_QUERY,
  CONTACT,
  contentSnapshot,
  DELAY_MS,
  KNOWN,
  NEW,
  replayData,
  testContext,
  testSettings,
  updateProject,
} from '../support/update.ts';

let replay: ReplayServer;
beforeAll(async () => {
  replay = await startReplay(replayData());
});
afterAll(() => replay.close());

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
  replay.requests.length = 0;
  replay.faults.length = 0;
});
function project(options?: Parameters<typeof updateProject>[0]) {
  const p = updateProject(options);
  cleanups.push(p.cleanup);
  return p;
}

/** The frontmatter of every page, by slug. */
function pages(dir: string) {
  return Object.fromEntries(
    readdirSync(dir).map((name) => [
      name.replace(/\.mdx$/, ''),
      readPage(readFileSync(path.join(dir, name), 'utf8'))!.data,
    ]),
  );
}
const byArxiv = (dir: string) => new Map(Object.values(pages(dir)).map((data) => [data.arxiv as string, data]));

/** Runs an update on a fresh project; returns the project, the outcome and the requests it made. */
async function update(faults: Fault[] = [], overrides: Parameters<typeof testSettings>[1] = {}, dryRun = false) {
  const p = project();
  replay.faults.push(...faults);
  replay.requests.length = 0;
  const { ctx, log } = testContext(p.paths, testSettings(replay, overrides));
  const outcome = await runUpdate(ctx, { dryRun });
  return { p, outcome, log, requests: [...replay.requests] };
}

const ADDED = [NEW.sae, NEW.dendrites, NEW.neutronStars, NEW.spiking, NEW.older, NEW.hfOnly].map((p) => p.id).sort();

describe('npm run update', () => {
  it('pages through arXiv newest first until a known paper, adds exactly the new papers, and a second run adds nothing', async () => {
    const { p, outcome, requests } = await update();
    expect(outcome.ok, JSON.stringify(outcome.diagnostics)).toBe(true);

    // Paging: start/max_results, newest first, three pages of two; the known paper is on the third.
    const arxiv = requests.filter((r) => r.api === 'arxiv');
    expect(arxiv.map((r) => r.params)).toEqual(
      [0, 2, 4].map((start) => ({
        search_query: ARXIV_QUERY,
        start: String(start),
        max_results: '2',
        sortBy: 'submittedDate',
        sortOrder: 'descending',
      })),
    );
    expect(requests.filter((r) => r.api === 'hf').map((r) => r.params)).toEqual([{ q: 'neurons' }]);
    // Politeness: one request at a time, a User-Agent naming the project and the contact, the delay kept.
    expect(replay.maxInFlight()).toBe(1);
    for (const r of requests) expect(r.userAgent).toBe(`neuron-papers/0.1.0 (+${CONTACT})`);
    for (let i = 1; i < arxiv.length; i++)
      expect(arxiv[i]!.arrived - arxiv[i - 1]!.finished).toBeGreaterThanOrEqual(DELAY_MS - 1);

    // Exactly the new papers: the excluded one never, the one beyond the known paper never fetched.
    const after = byArxiv(p.paths.papers);
    expect([...after.keys()].filter((id) => id.startsWith('2513.001')).sort()).toEqual(ADDED);
    expect(after.has(NEW.excluded.id)).toBe(false);
    expect(after.has(NEW.neverFetched.id)).toBe(false);
    expect(after.size).toBe(3 + ADDED.length);
    // Identity and topic, as the ingest gives them; the day added from the provenance, not the publication.
    expect(after.get(NEW.sae.id)).toMatchObject({
      title: NEW.sae.title,
      authors: ['Ana Quintero', 'Kenji Watanabe'],
      primaryCategory: 'cs.LG',
      published: '2026-11-29',
      topic: 'sparse-autoencoders',
    });
    expect(after.get(NEW.dendrites.id)).toMatchObject({ topic: 'plasticity' });
    expect(after.get(NEW.neutronStars.id)).toMatchObject({ topic: 'off-topic' });
    expect(after.get(NEW.hfOnly.id)).toMatchObject({ title: NEW.hfOnly.title });
    const fetchedDay = (file: string) =>
      /fetched: (\d{4}-\d{2}-\d{2})/.exec(
        readFileSync(path.join(p.paths.sources, `${file}.provenance.yaml`), 'utf8'),
      )![1];
    expect(after.get(NEW.sae.id)!.added).toBe(fetchedDay('2026-12-02T06-00-00Z_hf-neurons.json'));
    expect(after.get(KNOWN.voita)!.added).toBe('2026-11-28');

    // Saved as received, named by what they hold and when, each with its provenance.
    expect(readdirSync(p.paths.sources).sort()).toEqual([
      '2026-12-02T06-00-00Z_arxiv-neurons_p01.atom',
      '2026-12-02T06-00-00Z_arxiv-neurons_p01.atom.provenance.yaml',
      '2026-12-02T06-00-00Z_arxiv-neurons_p02.atom',
      '2026-12-02T06-00-00Z_arxiv-neurons_p02.atom.provenance.yaml',
      '2026-12-02T06-00-00Z_arxiv-neurons_p03.atom',
      '2026-12-02T06-00-00Z_arxiv-neurons_p03.atom.provenance.yaml',
      '2026-12-02T06-00-00Z_hf-neurons.json',
      '2026-12-02T06-00-00Z_hf-neurons.json.provenance.yaml',
      'arxiv-query.atom',
      'arxiv-query.atom.provenance.yaml',
    ]);
    const page3 = readFileSync(
      path.join(p.paths.sources, '2026-12-02T06-00-00Z_arxiv-neurons_p03.atom.provenance.yaml'),
      'utf8',
    );
    expect(page3).toMatch(/^query: arxiv-neurons$/m);
    expect(page3).toMatch(/^request: http:\/\/127\.0\.0\.1:\d+\/api\/query\?search_query=.*&start=4&max_results=2&/m);
    expect(page3).toContain(`adds:\n  - '${NEW.older.id}'\n`);
    const hf = readFileSync(path.join(p.paths.sources, '2026-12-02T06-00-00Z_hf-neurons.json.provenance.yaml'), 'utf8');
    // The known and the excluded paper of the response are not among what it adds.
    expect(hf).toContain(`adds:\n  - '${NEW.sae.id}'\n  - '${NEW.hfOnly.id}'\n`);

    // The report: new papers by topic, off-topic apart, known, excluded.
    const report = renderReport(outcome.report!);
    expect(report).toContain(
      '6 new papers (1 would land off-topic), 2 already in the collection, 1 excluded by curators.',
    );
    expect(report).toMatch(
      /## Would land off-topic \(1\)\n[\s\S]*A Catalogue of Neutron Star Mergers[\s\S]*`- id: arXiv:2513\.00103`/,
    );
    expect(report).toMatch(
      /## Excluded by curators \(1\): not added\n\n- \[arXiv 2513\.00109\]\(https:\/\/arxiv\.org\/abs\/2513\.00109\) \*\*An Excluded Paper About Neurons\*\* — A test says so\. \(content\/excluded\.yaml:2\)/,
    );
    expect(report).toContain('stopped at a paper already in the collection');
    expect(report).toContain('→ `papers/sparse-autoencoders-find-monosemantic-neurons-in-small/`');

    // Twice adds nothing twice: no request finds anything new, nothing is written.
    const before = contentSnapshot(p.root);
    const { ctx } = testContext(p.paths, testSettings(replay));
    const again = await runUpdate(ctx, { dryRun: false });
    expect(again.ok).toBe(true);
    expect(again.report!.candidates.filter((c) => c.verdict.kind === 'new')).toEqual([]);
    expect(contentSnapshot(p.root)).toEqual(before);
  });

  it('a published paper a curator then excludes is removed, and the next update does not add it back', async () => {
    const haystack = 'finding-neurons-in-a-haystack-case-studies-with-sparse-probing';
    const p = project({ excluded: 'papers: []\n' });
    await ingest(p.paths);
    expect(readdirSync(p.paths.papers)).toContain(`${haystack}.mdx`);
    writeFileSync(p.paths.excluded, `papers:\n  - id: ${KNOWN.haystack}\n    reason: Curators took it out.\n`);
    const outcome = await runUpdate(testContext(p.paths, testSettings(replay)).ctx, { dryRun: false });
    expect(outcome.ok).toBe(true);
    const haystackCandidate = outcome.report!.candidates.find((c) => c.arxiv === KNOWN.haystack)!;
    expect(haystackCandidate.verdict).toMatchObject({
      kind: 'excluded',
      exclusion: { reason: 'Curators took it out.' },
    });
    expect(readdirSync(p.paths.papers)).not.toContain(`${haystack}.mdx`);
    expect(byArxiv(p.paths.papers).has(KNOWN.haystack)).toBe(false);
    expect(renderReport(outcome.report!)).toContain('Curators took it out. (content/excluded.yaml:2)');
  });

  it('--dry-run fetches and reports the same, and writes nothing', async () => {
    const p = project();
    const before = contentSnapshot(p.root);
    const { ctx } = testContext(p.paths, testSettings(replay));
    const outcome = await runUpdate(ctx, { dryRun: true });
    expect(outcome.ok).toBe(true);
    const fresh = outcome.report!.candidates.filter((c) => c.verdict.kind === 'new');
    expect(fresh.map((c) => c.arxiv).sort()).toEqual(ADDED);
    expect(fresh.find((c) => c.arxiv === NEW.neutronStars.id)!.placement).toMatchObject({
      topic: 'off-topic',
      offTopic: true,
    });
    expect(renderReport(outcome.report!)).toMatch(/^# New papers from the saved searches \(dry run: nothing written\)/);
    expect(contentSnapshot(p.root)).toEqual(before);
  });

  it('a 503 with Retry-After, then success, gives the same pages; the wait is honoured', async () => {
    const plain = await update();
    const retried = await update([{ api: 'arxiv', kind: 'status', status: 503, retryAfter: '1', after: 1 }]);
    expect(retried.outcome.ok).toBe(true);
    const arxiv = retried.requests.filter((r) => r.api === 'arxiv');
    expect(arxiv.map((r) => r.fault ?? 'ok')).toEqual(['ok', 'status', 'ok', 'ok']);
    expect(arxiv[2]!.arrived - arxiv[1]!.finished).toBeGreaterThanOrEqual(1000 - 1);
    const names = readdirSync(plain.p.paths.papers);
    expect(readdirSync(retried.p.paths.papers)).toEqual(names);
    for (const name of names)
      expect(readFileSync(path.join(retried.p.paths.papers, name), 'utf8')).toBe(
        readFileSync(path.join(plain.p.paths.papers, name), 'utf8'),
      );
  });

  it('a 429 is asked again after Retry-After (or a backoff), and the run goes on', async () => {
    const { outcome, requests, log } = await update([
      { api: 'hf', kind: 'status', status: 429, retryAfter: '0' },
      { api: 'arxiv', kind: 'status', status: 429 },
    ]);
    expect(outcome.ok).toBe(true);
    expect(requests.filter((r) => r.fault).map((r) => `${r.api} ${r.fault}`)).toEqual(['hf status', 'arxiv status']);
    expect(log.filter((l) => /HTTP 429/.test(l))).toHaveLength(2);
  });

  /** A run that must fail: a clear message, and content/ exactly as before. */
  async function failing(faults: Fault[], message: RegExp, overrides: Parameters<typeof testSettings>[1] = {}) {
    const p = project();
    const before = contentSnapshot(p.root);
    replay.faults.push(...faults);
    const { ctx } = testContext(p.paths, testSettings(replay, overrides));
    const error = await runUpdate(ctx, { dryRun: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FetchFailure);
    expect((error as FetchFailure).message).toMatch(message);
    expect((error as FetchFailure).hint).toMatch(/^Nothing was written\./);
    expect(contentSnapshot(p.root)).toEqual(before);
    return p;
  }

  it.each<[string, Fault[], RegExp]>([
    [
      'an arXiv error feed',
      [{ api: 'arxiv', kind: 'error-feed', message: 'max_results must be an integer' }],
      /arXiv API, search "arxiv-neurons" \(content\/queries\.yaml:6\), start=0: the API answered with an error: "max_results must be an integer"/,
    ],
    [
      'a body cut short on the second page, every time',
      [{ api: 'arxiv', kind: 'truncate', after: 1, times: 3 }],
      /arXiv API: the connection broke off before the whole response arrived \(the body was cut short\) \(3 attempts\)/,
    ],
    [
      'an HTML page instead of a feed',
      [{ api: 'arxiv', kind: 'html' }],
      /HTTP 200, an HTML page \("arXiv is undergoing maintenance"\) instead of an Atom feed/,
    ],
    ['a body that is not XML', [{ api: 'arxiv', kind: 'garbage' }], /the answer is not well-formed XML/],
    [
      'a Hugging Face body that is not JSON',
      [{ api: 'hf', kind: 'garbage' }],
      /Hugging Face API, search "hf-neurons" \(content\/queries\.yaml:3\): the answer is not valid JSON/,
    ],
    [
      'an empty page where the feed promises results',
      [{ api: 'arxiv', kind: 'empty', times: 3 }],
      /the page at start=0 came back empty although the feed reports 7 results \(3 attempts\)/,
    ],
    [
      'a 503 that lasts',
      [{ api: 'hf', kind: 'status', status: 503, times: 3 }],
      /Hugging Face API: HTTP 503 Service Unavailable \(3 attempts\)/,
    ],
  ])('%s ends with a clear message and content/ unchanged', async (_name, faults, message) => {
    await failing(faults, message);
  });

  it('an answer that never comes times out', async () => {
    await failing([{ api: 'hf', kind: 'stall', times: 2 }], /no complete answer within 300 ms \(2 attempts\)/, {
      timeoutMs: 300,
      retries: 1,
    });
  });

  it('a Retry-After longer than the run may wait ends it at once', async () => {
    await failing(
      [{ api: 'arxiv', kind: 'status', status: 503, retryAfter: '3600' }],
      /answered HTTP 503 Service Unavailable and asks to wait 3600 s \(Retry-After\), longer than the 5 s this run waits/,
    );
  });

  it('a refused connection ends with a clear message and content/ unchanged; a rerun then adds everything', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const closed = {
      env: {
        ARXIV_API_URL: `http://127.0.0.1:${port}/api/query`,
        HF_API_URL: `http://127.0.0.1:${port}/hf/api`,
        DOI_API_URL: `http://127.0.0.1:${port}/doi`,
      },
    };
    const p = project();
    const before = contentSnapshot(p.root);
    const { ctx } = testContext(p.paths, testSettings(closed));
    const error = (await runUpdate(ctx, { dryRun: false }).catch((e: unknown) => e)) as FetchFailure;
    expect(error.message).toBe('Hugging Face API: the connection was refused (is the server running?) (3 attempts)');
    expect(error.url).toBe(`http://127.0.0.1:${port}/hf/api/papers/search?q=neurons`);
    expect(contentSnapshot(p.root)).toEqual(before);
    // Nothing was half-done: the next run starts over and adds the new papers.
    const rerun = await runUpdate(testContext(p.paths, testSettings(replay)).ctx, { dryRun: false });
    expect(rerun.ok).toBe(true);
    expect([...byArxiv(p.paths.papers).keys()].filter((id) => id.startsWith('2513.001')).sort()).toEqual(ADDED);
  });

  it('when the ingest fails after saving, what was saved is removed again', async () => {
    const p = project();
    // A curator's decision naming a tag that does not exist: the ingest refuses it.
    writeFileSync(
      p.paths.curation,
      'papers:\n  finding-neurons-in-a-haystack-case-studies-with-sparse-probing:\n    addTags: [no-such-tag]\n    why: test\n',
    );
    const before = contentSnapshot(p.root);
    const outcome = await runUpdate(testContext(p.paths, testSettings(replay)).ctx, { dryRun: false });
    expect(outcome.ok).toBe(false);
    expect(outcome.diagnostics.map((d) => d.message)).toContain('the tag "no-such-tag" does not exist');
    expect(contentSnapshot(p.root)).toEqual(before);
  });

  it('a mistake in content/queries.yaml is an error with its line, before any request', async () => {
    const p = project({
      queries: 'queries:\n  - name: Bad Name\n    source: arxiv\n  - name: ok\n    source: gopher\n',
    });
    const outcome = await runUpdate(testContext(p.paths, testSettings(replay)).ctx, { dryRun: false });
    expect(outcome.ok).toBe(false);
    expect(outcome.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      'content/queries.yaml:2: the name "Bad Name" is not lower-case words joined by hyphens',
      'content/queries.yaml:4: the source "gopher" is not one this update knows',
    ]);
    expect(replay.requests).toEqual([]);
  });
});
