/**
 * The bench's anchors: the same papers built by two other stacks, in the same run, so that our
 * times can be read as ratios rather than as seconds on an unknown machine.
 *
 * - a minimal Hugo site: one Markdown file per paper, a plain page per paper and one list;
 * - a naive Astro 7 site: one `.mdx` file per paper through the `glob` loader, a plain page
 *   each, then the Pagefind CLI over the output; with math as ours (remark-math and KaTeX) and
 *   without, so that the cost of math can be told from the cost of Astro;
 * - the floor of our stack: Astro at its leanest (one JSON file through the `file` loader, each
 *   paper's HTML already rendered by our ingest, a bare page, incremental builds that keep
 *   dist/), then the Pagefind CLI. No site built with Astro and Pagefind does less per paper,
 *   so a budget below this floor cannot be met by any page design.
 *
 * All get each paper's title and abstract (its generated MDX body) from our own ingest's
 * output, so that every stack builds exactly the same papers.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { readPage } from '../../src/lib/page-file.ts';

/** A paper as the anchors need it. */
interface AnchorPaper {
  slug: string;
  title: string;
  body: string;
  /** The body as HTML, rendered by our ingest. */
  html: string;
}

/** The papers of a project's generated pages (`content/papers/*.mdx`). */
export function anchorPapers(papersDir: string): AnchorPaper[] {
  return readdirSync(papersDir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const page = readPage(readFileSync(path.join(papersDir, name), 'utf8'))!;
      return {
        slug: String(page.data.slug),
        title: String(page.data.title),
        body: page.body,
        html: String(page.data.html ?? ''),
      };
    });
}

/** Front matter with a title, as JSON (valid YAML, and no escaping surprises). */
const frontMatter = (title: string) => `---\ntitle: ${JSON.stringify(title)}\n---\n\n`;

/** Writes a minimal Hugo site of the papers into `root` (emptied first); returns `root`. */
export function hugoSite(papers: readonly AnchorPaper[], root: string): string {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'content', 'papers'), { recursive: true });
  mkdirSync(path.join(root, 'layouts', '_default'), { recursive: true });
  writeFileSync(
    path.join(root, 'hugo.toml'),
    'baseURL = "https://example.org/"\ntitle = "Neuron Papers (Hugo anchor)"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
  );
  const page = (main: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>${main}</main></body></html>\n`;
  writeFileSync(path.join(root, 'layouts', '_default', 'single.html'), page('<h1>{{ .Title }}</h1>{{ .Content }}'));
  writeFileSync(
    path.join(root, 'layouts', '_default', 'list.html'),
    page(
      '<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>',
    ),
  );
  writeFileSync(
    path.join(root, 'layouts', 'index.html'),
    page('<h1>{{ .Site.Title }}</h1><p><a href="/papers/">All papers</a></p>'),
  );
  for (const paper of papers) {
    writeFileSync(path.join(root, 'content', 'papers', `${paper.slug}.md`), frontMatter(paper.title) + paper.body);
  }
  return root;
}

/** Writes a small Astro project: a link to our node_modules, package.json and the given source files (as lines). */
function astroProject(root: string, name: string, nodeModules: string, sources: Record<string, string[]>): void {
  symlinkSync(nodeModules, path.join(root, 'node_modules'), 'dir');
  writeFileSync(path.join(root, 'package.json'), `{ "name": "${name}", "private": true, "type": "module" }\n`);
  for (const [file, lines] of Object.entries(sources)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), [...lines, ''].join('\n'));
  }
}

/** `src/content.config.ts` of one `papers` collection. */
const contentConfig = (loaderImport: string, loader: string, schema: string) => [
  "import { defineCollection } from 'astro:content';",
  `import { ${loaderImport} } from 'astro/loaders';`,
  "import { z } from 'astro/zod';",
  `const papers = defineCollection({ loader: ${loader}, schema: z.object(${schema}) });`,
  'export const collections = { papers };',
];

/** `astro.config.mjs` of the naive site, with math as ours (MathML) or without. */
const naiveConfig = (math: boolean) => [
  "import mdx from '@astrojs/mdx';",
  "import { defineConfig } from 'astro/config';",
  ...(math ? ["import rehypeKatex from 'rehype-katex';", "import remarkMath from 'remark-math';"] : []),
  // Its own cache folder, so that the shared node_modules carries no store from one site into another.
  'export default defineConfig({',
  "  integrations: [mdx()], cacheDir: './.cache',",
  ...(math
    ? ["  markdown: { remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { output: 'mathml' }]] },"]
    : []),
  '});',
];

/** Our bodies' dialect (MDX, GFM, math), and the same without math to write them back in. */
const parseWithMath = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath);
const writeWithoutMath = unified().use(remarkMdx).use(remarkGfm).use(remarkStringify, { bullet: '-' });

/**
 * A body for a site without math: its formulas become text showing their TeX, as on any such
 * site, written back so that MDX reads them as text (left as they were, the braces of
 * `$\sum_{i=1}$` would be JavaScript expressions to MDX).
 */
function withoutMath(body: string): string {
  const tree = parseWithMath.parse(body);
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'inlineMath' && node.type !== 'math') || !parent || index === undefined) return;
    const text: Text = { type: 'text', value: `$${node.value}$` };
    parent.children[index] = node.type === 'math' ? { type: 'paragraph', children: [text] } : text;
    return SKIP;
  });
  return writeWithoutMath.stringify(tree);
}

/**
 * Writes a naive Astro site of the papers into `root` (emptied first); returns `root`. With
 * `math: false` it has no remark-math and KaTeX.
 */
export function naiveAstroSite(
  papers: readonly AnchorPaper[],
  root: string,
  nodeModules: string,
  { math = true } = {},
): string {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'src', 'content', 'papers'), { recursive: true });
  astroProject(root, math ? 'naive-astro' : 'naive-astro-without-math', nodeModules, {
    'astro.config.mjs': naiveConfig(math),
    'src/content.config.ts': contentConfig(
      'glob',
      "glob({ pattern: '*.mdx', base: './src/content/papers' })",
      '{ title: z.string() }',
    ),
    'src/pages/papers/[slug].astro': [
      '---',
      "import { getCollection, render } from 'astro:content';",
      'export async function getStaticPaths() {',
      "  return (await getCollection('papers')).map((paper) => ({ params: { slug: paper.id }, props: { paper } }));",
      '}',
      'const { paper } = Astro.props;',
      'const { Content } = await render(paper);',
      '---',
      '<html lang="en"><head><meta charset="utf-8" /><title>{paper.data.title}</title></head>',
      '<body><main data-pagefind-body><h1>{paper.data.title}</h1><Content /></main></body></html>',
    ],
    'src/pages/index.astro': [
      '---',
      "import { getCollection } from 'astro:content';",
      "const papers = await getCollection('papers');",
      '---',
      '<html lang="en"><head><meta charset="utf-8" /><title>Papers</title></head><body><main><ul>',
      '{papers.map((p) => <li><a href={`/papers/${p.id}/`}>{p.data.title}</a></li>)}',
      '</ul></main></body></html>',
    ],
  });
  for (const paper of papers) {
    writeFileSync(
      path.join(root, 'src', 'content', 'papers', `${paper.slug}.mdx`),
      frontMatter(paper.title) + (math ? paper.body : withoutMath(paper.body)),
    );
  }
  return root;
}

/**
 * Writes (or, given the same `root`, updates) the floor site of the papers: see the top of this
 * file. Only papers.json changes between its builds, so a second build renders only new pages.
 */
export function floorAstroSite(papers: readonly AnchorPaper[], root: string, nodeModules: string): string {
  const records = papers.map(({ slug, title, html }) => ({ id: slug, title, html }));
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'papers.json'), JSON.stringify(records));
  if (existsSync(path.join(root, 'node_modules'))) return root;
  astroProject(root, 'floor-astro', nodeModules, {
    'astro.config.mjs': [
      "import { defineConfig } from 'astro/config';",
      'export default defineConfig({',
      "  cacheDir: './.cache', experimental: { incrementalBuild: true }, vite: { build: { emptyOutDir: false } },",
      '});',
    ],
    'src/content.config.ts': contentConfig('file', "file('papers.json')", '{ title: z.string(), html: z.string() }'),
    'src/pages/papers/[slug].astro': [
      '---',
      "import { getCollection } from 'astro:content';",
      'export async function getStaticPaths() {',
      "  return (await getCollection('papers')).map((paper) => ({",
      '    params: { slug: paper.id }, props: { paper }, cacheKey: paper.data.title + paper.data.html,',
      '  }));',
      '}',
      'const { paper } = Astro.props;',
      '---',
      '<html lang="en"><head><meta charset="utf-8" /><title>{paper.data.title}</title></head>',
      '<body><main data-pagefind-body><h1>{paper.data.title}</h1><Fragment set:html={paper.data.html} /></main></body></html>',
    ],
    'src/pages/index.astro': [
      '<html lang="en"><head><meta charset="utf-8" /><title>Papers</title></head><body><main><h1>Papers</h1></main></body></html>',
    ],
  });
  return root;
}
