import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure functions and the ingest, seconds) and `site` (the built site under
// /neurons/, its HTML and a real browser). `npm test` runs them as separate stages.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/support/site-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
