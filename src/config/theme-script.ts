import { createHash } from 'node:crypto';

/**
 * Applies the theme the reader chose last time before the page paints (inline in <head>; a
 * module script would run too late and flash the other theme). Kept here, as one string, so
 * that the Content-Security-Policy can allow exactly it by its hash (astro.config.mjs).
 */
export const THEME_SCRIPT =
  "try{const t=localStorage.getItem('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch{}";

/** A CSP source that allows an inline script with exactly this text. */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`;
}
