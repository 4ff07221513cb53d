/**
 * Global setup of the `site` tests: builds the whole site from the raw sources as it would be
 * deployed under a sub-path (`BASE_PATH=/neurons/`, `SITE_URL=https://example.org`), then
 * serves it with a plain static server for the duration of the tests.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server.ts';

export const SITE_DIR = path.resolve('.test-site');
export const BASE = '/neurons/';
export const SITE_URL = 'https://example.org';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the local static server, e.g. `http://127.0.0.1:41234`. */
    origin: string;
    /** Folder of the built site. */
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  if (!process.env.SKIP_SITE_BUILD) {
    execFileSync('npm', ['run', 'build', '--silent', '--', '--outDir', SITE_DIR], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...buildEnvironment(), BASE_PATH: BASE, SITE_URL },
    });
  }
  const { server, origin } = await serveStatic(SITE_DIR, BASE);
  project.provide('origin', origin);
  project.provide('siteDir', SITE_DIR);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * The environment for a real build: ours without what Vitest adds (`BASE_URL=/`, `MODE`,
 * `NODE_ENV=test`, `VITEST…`), which Vite inside the build would otherwise take as its own.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST'].includes(key) || key.startsWith('VITEST'))
      delete env[key];
  }
  return env;
}
