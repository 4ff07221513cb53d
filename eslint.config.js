// @ts-check
import { defineConfig } from 'eslint/config';
import boundaries from 'eslint-plugin-boundaries';
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

/**
 * The rooms of src/ (README, "Architecture"): one runtime each. Imports point one way —
 * the Node ingest and the browser never import the Astro site, the site never imports the
 * ingest, and what both share lives in lib/, which imports only npm packages and itself. The
 * update (Node, the CLI that fetches papers) stands on the ingest: it may import it and lib/,
 * and nothing imports the update.
 * tests/unit/boundaries.test.ts plants wrong imports to prove these rules catch them.
 */
const ROOMS = [
  { type: 'lib', pattern: 'src/lib' },
  { type: 'ingest', pattern: 'src/ingest' },
  { type: 'update', pattern: 'src/update' },
  { type: 'map', pattern: 'src/map' },
  { type: 'search-client', pattern: 'src/search/client' },
  { type: 'search-index', pattern: 'src/search/index' },
  { type: 'paper', pattern: 'src/paper' },
  { type: 'site', pattern: 'src/site' },
  { type: 'config', pattern: 'src/config' },
  { type: 'astro', pattern: 'src/(components|layouts|pages|loaders|integrations|schemas|styles)' },
];

/** Only these rooms may import from these rooms (besides npm packages). */
const ALLOWED = {
  lib: ['lib'],
  ingest: ['ingest', 'lib', 'map', 'paper'],
  update: ['update', 'ingest', 'lib'],
  map: ['map', 'lib'],
  'search-client': ['search-client'],
};

/**
 * Runtime modules a room must not use: Node's in code that runs in the browser or is shared,
 * Astro's outside the site. lib/ may hash (node:crypto): the digest of a generated page is
 * checked on Node by both the ingest and the site's loader.
 */
const NO_NODE = { group: ['node:*'], message: 'this code runs in the browser or is shared: no Node modules' };
// astro/zod is zod itself, which the content schemas must share with Astro.
const NO_ASTRO = { regex: '^astro($|:|/(?!zod$))', message: "Astro's modules belong to the site" };
const RUNTIME_RULES = [
  { files: ['src/lib/**'], patterns: [{ ...NO_NODE, group: ['node:*', '!node:crypto'] }, NO_ASTRO] },
  { files: ['src/map/**', 'src/search/client/**'], patterns: [NO_NODE, NO_ASTRO] },
  { files: ['src/ingest/**', 'src/update/**'], patterns: [NO_ASTRO] },
];

export default defineConfig(
  { ignores: ['dist/', '.astro/', '.test-site/', '.bench/', '.cache/', '.scratch/', 'node_modules/', 'test-results/'] },
  tseslint.configs.recommended,
  eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,astro}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ROOMS,
      'import/resolver': { node: { extensions: ['.ts', '.js', '.mjs', '.astro'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            ...Object.entries(ALLOWED).map(([from, to]) => ({
              from: { element: { type: from } },
              disallow: { to: { element: { types: { noneOf: to } } } },
              message: `${from}/ may import only from ${to.join(', ') || 'npm packages'} (see README, "Architecture")`,
            })),
            {
              from: { element: { types: { noneOf: ['ingest', 'update'] } } },
              disallow: { to: { element: { type: 'ingest' } } },
              message:
                'only the ingest (and the update on it) imports ingest/: move what the site shares with it into lib/',
            },
            {
              from: { element: { types: { noneOf: ['update'] } } },
              disallow: { to: { element: { type: 'update' } } },
              message: 'nothing imports update/: it is a command line tool on top of the ingest',
            },
          ],
        },
      ],
    },
  },
  ...RUNTIME_RULES.map(({ files, patterns }) => {
    /** @type {import('eslint').Linter.RulesRecord} */
    const rules = { 'no-restricted-imports': ['error', { patterns }] };
    return { files, rules };
  }),
);
