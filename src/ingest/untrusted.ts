/**
 * Guards for text and URLs taken from outside (scrapes, feeds, BibTeX, JSON). They never make
 * text safe to use as markup — it is always emitted as text — they remove what would make it
 * display as something it is not, and links that would not take a reader to a web page.
 */

/**
 * Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) can make a title
 * display reversed or reordered; zero-width characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD)
 * hide differences between two strings that look the same.
 */
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Removes bidi controls and zero-width characters; other text is kept as it is. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Collapses runs of whitespace (feeds wrap titles and summaries over lines), trims, and composes
 * characters (NFC): a BibTeX accent (`\'e`) decodes to `e` and a combining mark, readers and
 * search expect `é`.
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** A name or title as shown: invisible characters removed, whitespace collapsed. */
export function displayText(text: string): string {
  return oneLine(stripInvisible(text));
}

/**
 * The URL if it is an absolute `http(s)` URL, normalised by the URL parser; otherwise
 * undefined (`javascript:`, `data:`, relative paths, garbage). Callers warn about what they drop.
 */
export function webUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}
