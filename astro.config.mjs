// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import pagefind from './src/integrations/pagefind.ts';
import searchBundle from './src/integrations/search-bundle.ts';
import rehypePlainMathml from './src/integrations/rehype-plain-mathml.ts';
import { deployBase, deploySite } from './src/utils/deploy.ts';

// SITE_URL (origin) and BASE_PATH (sub-path) decide every absolute URL and link; see README.
export default defineConfig({
  site: deploySite(process.env.SITE_URL),
  base: deployBase(process.env.BASE_PATH),
  trailingSlash: 'always',
  // Stylesheets as files, cached across pages, rather than repeated inline in every page; scoped
  // styles by class, which costs fewer bytes per element than an attribute.
  build: { format: 'directory', inlineStylesheets: 'never' },
  scopedStyleStrategy: 'class',
  // The ingest writes MDX we generated ourselves; typography is already done there.
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      // MathML needs no stylesheet, no fonts and no client JavaScript.
      rehypePlugins: [[rehypeKatex, { output: 'mathml' }], rehypePlainMathml],
      smartypants: false,
    }),
  },
  integrations: [mdx(), searchBundle(), pagefind()],
  prefetch: false,
  devToolbar: { enabled: false },
});
