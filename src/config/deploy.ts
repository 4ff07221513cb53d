/** Deploy settings read from the environment, normalised once for the Astro config. */

/** The deploy origin (`SITE_URL`), without a trailing slash; localhost when unset. */
export function deploySite(siteUrl: string | undefined): string {
  const value = siteUrl?.trim() || 'http://localhost:4321';
  const url = new URL(value); // throws on a malformed SITE_URL, at config time
  return url.origin;
}

/** The deploy sub-path (`BASE_PATH`), always with leading and trailing slashes: `/neurons/`. */
export function deployBase(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
