/**
 * The site's Markdown plugins in one place: the ingest renders paper bodies with them, and
 * astro.config.mjs gives them to Astro's processor for curator notes. Formulas become MathML at
 * build time: no stylesheet, no fonts, no client JavaScript.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import rehypePlainMathml from './rehype-plain-mathml.ts';

export const remarkPlugins = [remarkMath] satisfies RemarkPlugins;
export const rehypePlugins = [
  [rehypeKatex, { output: 'mathml' }],
  [rehypePlainMathml, {}],
] satisfies RehypePlugins;
