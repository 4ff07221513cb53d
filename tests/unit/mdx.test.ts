import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { evaluate } from '@mdx-js/mdx';
import jsyaml from 'js-yaml';
import { cleanAbstract, cleanTitle } from '../../src/ingest/clean/segments.ts';
import { abstractFingerprint } from '../../src/ingest/merge.ts';
import { rehypePlugins, remarkPlugins } from '../../src/lib/markdown/plugins.ts';
import { assertInert, paperBodyTree, toMdx } from '../../src/ingest/mdx.ts';
import { readPage, splitPage } from '../../src/lib/page-file.ts';
import { buildPaperPage } from '../../src/ingest/page.ts';
import { titleKey } from '../../src/ingest/slugs.ts';
import { projectTaxonomy } from '../support/taxonomy.ts';

/** Hostile texts from the issue: each must end up as literal text in the MDX. */
export const HOSTILE: [text: string, mustShow: string][] = [
  [
    'export const x = () => { throw new Error("pwned") }; and then the abstract goes on.',
    'export const x = () => { throw new Error(',
  ],
  ["import fs from 'node:fs' is how the abstract begins.", 'import fs from ‘node:fs’'],
  ['Abstract with {process.exit(1)} in the middle.', '{process.exit(1)}'],
  ['A <script>window.__pwned = 1</script> tag.', '<script>window.__pwned = 1</script>'],
  ['An <img src=x onerror="window.__pwned = 2"> image.', '<img src=x onerror=“window.__pwned = 2”>'],
  ['A component <Foo client:load /> here.', '<Foo client:load />'],
  [
    'Markdown *emphasis*, [a link](javascript:alert(1)), `code`, # heading, | table |, $5 and $6.',
    '*emphasis*, [a link](javascript:alert(1)), `code`, # heading, | table |, $5 and $6',
  ],
  [
    '--- a frontmatter fence, "quotes", colons: here, # a comment',
    '— a frontmatter fence, “quotes”, colons: here, # a comment',
  ],
];

const taxonomy = projectTaxonomy();
function page(title: string, abstract: string) {
  const paper = {
    title,
    abstract,
    titleKey: titleKey(title),
    fingerprint: abstractFingerprint(abstract),
    provenance: [{ file: 'content/sources/hostile.txt', line: 3 }],
  };
  return buildPaperPage(paper, 'hostile', taxonomy).mdx;
}

/** A JSX runtime that builds a plain tree, so we can see exactly what the MDX would render. */
type Element = { type: unknown; props: { children?: unknown } & Record<string, unknown> };
const runtime = {
  jsx: (type: unknown, props: Element['props']): Element => ({ type, props }),
  jsxs: (type: unknown, props: Element['props']): Element => ({ type, props }),
  Fragment: 'fragment',
};
/** The element types and the text of a rendered tree. */
function walk(node: unknown, types: Set<string>, text: string[]): void {
  if (typeof node === 'string') text.push(node);
  else if (Array.isArray(node)) node.forEach((child) => walk(child, types, text));
  else if (node && typeof node === 'object' && 'type' in node) {
    const element = node as Element;
    types.add(typeof element.type === 'string' ? element.type : 'component');
    walk(element.props.children, types, text);
  }
}

describe('scraped text never becomes code', () => {
  it.each(HOSTILE)('abstract %j renders as its own text, and nothing runs', async (text, mustShow) => {
    const mdx = page('A Harmless Title', text);
    const body = mdx.replace(/^---[\s\S]*?\n---\n/, '');
    const globals = globalThis as { __pwned?: unknown };
    delete globals.__pwned;
    // Evaluating runs whatever the MDX holds: ESM, expressions, components. Nothing may run.
    const { default: Content } = await evaluate(body, { ...runtime, development: false } as never);
    const types = new Set<string>();
    const rendered: string[] = [];
    walk((Content as (props: object) => unknown)({}), types, rendered);
    expect(globals.__pwned).toBeUndefined();
    expect([...types].filter((t) => !['fragment', 'p'].includes(t))).toEqual([]);
    expect(rendered.join('')).toContain(mustShow);
  });

  it.each(HOSTILE)('title %j stays data in the frontmatter', (text) => {
    const mdx = page(text, 'A perfectly ordinary abstract about spiking neurons. It has two sentences.');
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]!;
    expect(mdx.match(/^---$/gm)).toHaveLength(2);
    expect((jsyaml.load(frontmatter, { schema: jsyaml.CORE_SCHEMA }) as { title: string }).title).toBe(
      cleanTitle(text),
    );
  });

  it('refuses to write MDX that would parse as code', () => {
    const tree = { type: 'root' as const, children: paperBodyTree(cleanAbstract('plain words')) };
    expect(() => assertInert('export const x = 1\n', tree)).toThrow(/mdxjsEsm/);
    expect(() => assertInert('{1 + 1}\n', tree)).toThrow(/mdxFlowExpression/);
    expect(() => assertInert('<b>x</b>\n', tree)).toThrow(/mdxJsx/);
  });

  it('recognises an intact body whose digest YAML had to quote (found at 100,000 papers)', () => {
    const body = 'Some body text.\n';
    const mdx = toMdx({ title: 'T' }, [{ type: 'paragraph', children: [{ type: 'text', value: 'Some body text.' }] }]);
    expect(readPage(mdx)?.intact).toBe(true);
    // The same page as YAML writes it when the digest looks like a number, e.g. "037e6649…".
    const quoted = mdx.replace(/^bodyDigest: (\w+)$/m, 'bodyDigest: "$1"');
    expect(readPage(quoted)?.intact).toBe(true);
    expect(readPage(quoted.replace('Some body', 'Edited body'))?.intact).toBe(false);
    expect(body).toBe(splitPage(mdx)!.body);
  });

  it('serialises frontmatter with YAML quoting', () => {
    const title = 'A: "b" # c\n--- d';
    const mdx = toMdx({ title }, []);
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(mdx)![1]!;
    expect(jsyaml.load(frontmatter, { schema: jsyaml.CORE_SCHEMA })).toEqual({
      title,
      html: '',
      bodyDigest: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });
});

describe('emitted MDX', () => {
  it('matches the fixture for the paper with the most debris (math, URL-free, footnote-free)', async () => {
    const file = readdirSync('content/papers').find((name) => name.startsWith('aptx-neuron'))!;
    await expect(readFileSync(`content/papers/${file}`, 'utf8')).toMatchFileSnapshot('../fixtures/aptx-neuron.mdx');
  });

  it('matches the fixture for the paper with a footnote', async () => {
    const file = readdirSync('content/papers').find((name) => name.startsWith('speech-representation'))!;
    await expect(readFileSync(`content/papers/${file}`, 'utf8')).toMatchFileSnapshot(
      '../fixtures/speech-representation.mdx',
    );
  });
});

describe('the HTML the ingest renders', () => {
  it("is what the site's Markdown processor makes of the body, for every committed page", async () => {
    const processor = await createMarkdownProcessor({
      remarkPlugins,
      rehypePlugins,
      smartypants: false,
      syntaxHighlight: false,
    });
    const dir = 'content/papers';
    let withMath = 0;
    let withFootnotes = 0;
    for (const name of readdirSync(dir)) {
      const page = readPage(readFileSync(path.join(dir, name), 'utf8'))!;
      expect(page.intact, name).toBe(true);
      const expected = (await processor.render(page.body)).code;
      // Astro's processor re-parses its HTML (rehype-raw), which writes an empty attribute as
      // `data-footnotes=""`; the ingest writes `data-footnotes`. The same DOM: compare both the same way.
      const attributes = (html: string) => html.replaceAll('=""', '');
      expect(attributes(String(page.data.html)), name).toBe(attributes(expected));
      if (expected.includes('<math')) withMath++;
      if (expected.includes('data-footnotes')) withFootnotes++;
    }
    // The comparison covered the hard cases: formulas and footnotes.
    expect(withMath).toBeGreaterThan(0);
    expect(withFootnotes).toBeGreaterThan(0);
  });

  it('a page whose HTML was edited by hand is no longer intact', () => {
    const mdx = toMdx({ title: 'T' }, [{ type: 'paragraph', children: [{ type: 'text', value: 'Some body' }] }]);
    expect(readPage(mdx)?.intact).toBe(true);
    expect(readPage(mdx)!.data.html).toBe('<p>Some body</p>');
    expect(readPage(mdx.replace('<p>Some body</p>', '<p>Some body<script>x</script></p>'))?.intact).toBe(false);
  });
});
