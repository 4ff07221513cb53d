// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import headersFile from './src/integrations/headers-file.ts';
import pagefind from './src/integrations/pagefind.ts';
import searchBundle from './src/integrations/search-bundle.ts';
import siteUrl from './src/integrations/site-url.ts';
import staleOutput from './src/integrations/stale-output.ts';
import topicColours from './src/integrations/topic-colours.ts';
import { rehypePlugins, remarkPlugins } from './src/lib/markdown/plugins.ts';
import { deployBase, LOCAL_SITE } from './src/config/deploy.ts';
import { cspHash, THEME_SCRIPT } from './src/config/theme-script.ts';

// SITE_URL (origin; or the host's own variable) and BASE_PATH (sub-path) decide every absolute
// URL and link; see README. The site-url integration sets the origin, and fails a CI build
// that has none rather than publish localhost.
export default defineConfig({
  site: LOCAL_SITE,
  base: deployBase(process.env.BASE_PATH),
  trailingSlash: 'always',
  // Stylesheets as files, cached across pages, rather than repeated inline in every page; scoped
  // styles by class, which costs fewer bytes per element than an attribute.
  // Two pages in flight: their file writes overlap the next page's rendering (10,000 papers:
  // 53 s → 47 s of page generation; measured in docs/benchmarks.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  scopedStyleStrategy: 'class',
  // The ingest writes MDX we generated ourselves; typography is already done there.
  markdown: {
    // Paper bodies are rendered by the ingest with the same plugins (src/ingest/mdx.ts); this
    // processor renders curator notes.
    processor: unified({ remarkPlugins, rehypePlugins, smartypants: false }),
    // Abstracts hold no code: no syntax highlighter (Shiki's inline styles would need 'unsafe-inline').
    syntaxHighlight: false,
  },
  // staleOutput first: it removes what this build no longer writes before the others read dist/.
  integrations: [siteUrl(), staleOutput(), topicColours(), mdx(), searchBundle(), pagefind(), headersFile()],
  // A strict Content-Security-Policy in a <meta> of every page: Astro hashes the inline scripts
  // and styles it emits; nothing inline runs unless Astro hashed it. Pagefind compiles its
  // WebAssembly ('wasm-unsafe-eval') and runs a worker from the site. public/_headers repeats
  // the policy for hosts that read it, with what a <meta> cannot say (frame-ancestors).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "font-src 'self'",
      ],
      // The theme script is inline without processing (it must run before the first paint).
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [cspHash(THEME_SCRIPT)] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // One stylesheet for the whole site: fetched once, cached for every page, and one <link> per
  // page instead of one per component (paper pages live within a 30 KB budget).
  // dist/ is not emptied before a build: pages the incremental build skips stay where they are
  // (emptying and restoring 10,000 of them took longer than rendering what changed), and what
  // the last build wrote that this one did not is removed by src/integrations/stale-output.ts.
  vite: { build: { cssCodeSplit: false, emptyOutDir: false } },
  // Pages whose data and code are unchanged since the last build are copied, not rendered
  // again (paper pages give a cache key: src/site/render-keys.ts). The cache lives in the
  // project, not in node_modules, which the bench's and tests' scratch projects share.
  experimental: { incrementalBuild: true },
  cacheDir: './.cache/astro',
  prefetch: false,
  devToolbar: { enabled: false },
});
