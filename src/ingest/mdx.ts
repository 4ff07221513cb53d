import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Paragraph, PhrasingContent, Root, RootContent, FootnoteDefinition } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import jsyaml from 'js-yaml';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified, type PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import type { CleanBlocks, Inline } from './clean/segments.ts';
import { rehypePlugins } from '../lib/markdown/plugins.ts';
import { bodyDigest } from '../lib/page-file.ts';

/**
 * The MDX dialect of the site: MDX + GFM (footnotes) + math. The same processor serialises our
 * trees and re-parses them to prove the result is inert. Frontmatter is YAML, written apart.
 */
const mdx = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkStringify, {
    bullet: '-',
    // mdast-util-to-markdown escapes `{` and `<` for MDX, but not a paragraph that starts with
    // `import`/`export`, which MDX would run as ESM. Escape their first letter at a line start.
    unsafe: [
      { character: 'i', atBreak: true, after: 'mport\\b' },
      { character: 'e', atBreak: true, after: 'xport\\b' },
    ],
  });

/** The site's rehype plugins (MathML for formulas), run on the hast of a body. */
const rehype = unified().use(rehypePlugins as PluggableList);

/** Node types that would make scraped text executable or rendered as markup. */
const CODE_NODE_TYPES = new Set([
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'html',
]);

/** Builds the mdast of a paper body: paragraphs with links, inline math and GFM footnotes. */
export function paperBodyTree(blocks: CleanBlocks): RootContent[] {
  const definitions: FootnoteDefinition[] = [];
  const phrasing = (inlines: readonly Inline[]): PhrasingContent[] =>
    inlines.map((inline): PhrasingContent => {
      switch (inline.kind) {
        case 'text':
          return { type: 'text', value: inline.value };
        case 'link':
          return { type: 'link', url: inline.url, children: [{ type: 'text', value: inline.url }] };
        case 'math':
          return { type: 'inlineMath', value: inline.tex };
        case 'footnote': {
          const identifier = String(definitions.length + 1);
          definitions.push({
            type: 'footnoteDefinition',
            identifier,
            label: identifier,
            children: [{ type: 'paragraph', children: phrasing(inline.children) }],
          });
          return { type: 'footnoteReference', identifier, label: identifier };
        }
      }
    });
  const paragraphs: Paragraph[] = blocks.map((inlines) => ({ type: 'paragraph', children: phrasing(inlines) }));
  return [...paragraphs, ...definitions];
}

/**
 * Serialises frontmatter and body to MDX. The frontmatter goes through a YAML serialiser (so
 * quotes, colons, `#` and `---` in titles stay data) and the body through remark (so `{`, `<`,
 * `import`/`export` stay text). The body is then parsed back and rejected if anything in it
 * would run or render as markup, or if its text differs from the tree's.
 */
export function toMdx(frontmatter: Record<string, unknown>, body: RootContent[]): string {
  const bodyTree: Root = { type: 'root', children: body };
  const bodyText = mdx.stringify(bodyTree);
  const html = renderHtml(assertInert(bodyText, bodyTree));
  // The digest of the proven-inert body and its HTML: the site's loader refuses a page whose
  // body or HTML no longer matches.
  // The core schema, as `lib/page-file.ts` reads it back: a date stays text, and text that
  // would read as a number, boolean or null is quoted.
  const yaml = jsyaml.dump(
    { ...frontmatter, html, bodyDigest: bodyDigest(bodyText, html) },
    { schema: jsyaml.CORE_SCHEMA, lineWidth: -1, noRefs: true },
  );
  return `---\n${yaml}---\n\n${bodyText}`;
}

/**
 * The HTML of a body, rendered here once rather than by the site's loader on every cold build
 * (10,000 pages: 25 s there). It is the tree the body parses back to — the one the site's
 * Markdown processor would build — through mdast-util-to-hast (what remark-rehype runs) and
 * the site's own rehype plugins; a test holds it equal to the site's rendering.
 */
export function renderHtml(tree: Root): string {
  return toHtml(rehype.runSync(toHast(tree)) as HastRoot);
}

/** Parses MDX back and throws if it holds code, JSX or HTML, or if its text changed; returns the tree. */
export function assertInert(output: string, expected: Root): Root {
  const reparsed = mdx.parse(output);
  visit(reparsed, (node) => {
    if (CODE_NODE_TYPES.has(node.type)) {
      throw new Error(`refusing to write MDX that contains a ${node.type} node:\n${output}`);
    }
  });
  if (toString(reparsed) !== toString(expected)) {
    throw new Error(`MDX round trip changed the text:\n${toString(expected)}\n≠\n${toString(reparsed)}`);
  }
  return reparsed;
}
