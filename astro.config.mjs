// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import pagefind from './src/integrations/pagefind.ts';
import rehypePlainMathml from './src/integrations/rehype-plain-mathml.ts';
import { deployBase, deploySite } from './src/utils/deploy.ts';

// SITE_URL (origin) and BASE_PATH (sub-path) decide every absolute URL and link; see README.
export default defineConfig({
  site: deploySite(process.env.SITE_URL),
  base: deployBase(process.env.BASE_PATH),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The ingest writes MDX we generated ourselves; typography is already done there.
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      // MathML needs no stylesheet, no fonts and no client JavaScript.
      rehypePlugins: [[rehypeKatex, { output: 'mathml' }], rehypePlainMathml],
      smartypants: false,
    }),
  },
  integrations: [mdx(), pagefind()],
  prefetch: false,
  devToolbar: { enabled: false },
});
