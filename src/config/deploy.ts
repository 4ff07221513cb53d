/** Deploy settings read from the environment, normalised once for the Astro config. */

/** Where the site is served when nothing says otherwise: `astro dev` and `astro preview`. */
export const LOCAL_SITE = 'http://localhost:4321';

/**
 * Where a host puts the site's address in the build's environment, in order of precedence.
 * `SITE_URL` is ours (the GitHub Pages workflow sets it from `actions/configure-pages`); the
 * others are set by the hosts themselves: Netlify's `URL` (the site's main address), Cloudflare
 * Pages' `CF_PAGES_URL` (the deployment's address), Vercel's `VERCEL_PROJECT_PRODUCTION_URL`
 * (a host name without scheme).
 */
const HOST_VARIABLES: readonly { name: string; host: string; toUrl?: (value: string) => string }[] = [
  { name: 'SITE_URL', host: 'SITE_URL' },
  { name: 'URL', host: 'Netlify' },
  { name: 'CF_PAGES_URL', host: 'Cloudflare Pages' },
  { name: 'VERCEL_PROJECT_PRODUCTION_URL', host: 'Vercel', toUrl: (value) => `https://${value}` },
];

/** The site's origin and where it came from; localhost (`from: undefined`) when no variable gives one. */
export function siteFromEnvironment(env: Record<string, string | undefined>): { site: string; from?: string } {
  for (const { name, host, toUrl } of HOST_VARIABLES) {
    const value = env[name]?.trim();
    if (!value) continue;
    return { site: deploySite(toUrl ? toUrl(value) : value), from: `${host} (${name})` };
  }
  return { site: LOCAL_SITE };
}

/**
 * The site's origin for a command. A production build without one would publish localhost in
 * every canonical URL, permalink, feed and sitemap: on CI that is an error that says what to
 * set, on a curator's machine a warning (they may only be looking at the result).
 */
export function buildSite(
  env: Record<string, string | undefined>,
  command: 'dev' | 'build' | 'preview' | 'sync',
  warn: (message: string) => void,
): string {
  const { site, from } = siteFromEnvironment(env);
  if (from || command !== 'build') return site;
  const message =
    `no site URL: canonical URLs, permalinks, feeds and the sitemap would say ${LOCAL_SITE}/. ` +
    'Set SITE_URL to the address the site is served from (e.g. SITE_URL=https://example.org, with ' +
    'BASE_PATH=/neurons/ for a sub-path); Netlify, Cloudflare Pages, Vercel and the GitHub Pages ' +
    'workflow provide it themselves (README, "Deploy").';
  if (env.CI && env.CI !== 'false') throw new Error(message);
  warn(message);
  return site;
}

/** An origin (`SITE_URL`), without a trailing slash; a malformed one throws, at config time. */
export function deploySite(siteUrl: string): string {
  return new URL(siteUrl.trim()).origin;
}

/** The deploy sub-path (`BASE_PATH`), always with leading and trailing slashes: `/neurons/`. */
export function deployBase(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
