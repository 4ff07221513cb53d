/** A production build never publishes localhost: on CI, a build without a site URL fails, saying what to set. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { scratchProject } from '../support/project.ts';
import { buildEnvironment } from '../support/site-setup.ts';

const project = scratchProject({}, { site: true });
afterAll(() => project.cleanup());

it('a CI build without SITE_URL (or a host variable) stops before building anything', () => {
  const env = buildEnvironment();
  for (const name of ['SITE_URL', 'URL', 'CF_PAGES_URL', 'VERCEL_PROJECT_PRODUCTION_URL']) delete env[name];
  const result = spawnSync(path.join(project.root, 'node_modules/.bin/astro'), ['build'], {
    cwd: project.root,
    env: { ...env, CI: 'true', FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  expect(result.status).not.toBe(0);
  expect(`${result.stdout}${result.stderr}`).toMatch(
    /no site URL: .*Set SITE_URL to the address the site is served from/s,
  );
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/page\(s\) built/);
});
