/**
 * Typographic cleaning rules for plain scraped text. Each rule is a pure `string → string`
 * function with one job; `TEXT_RULES` applies them in an order where no rule undoes another.
 * Math, URLs and footnotes are cut out before these run (see `segments.ts`), so the rules may
 * treat `^`, `~`, braces and dots as prose.
 */

/** A named text rule, so tests and debugging can refer to it. */
export type TextRule = (text: string) => string;

/**
 * Collapses runs of ordinary whitespace to one space. It does not trim: a text segment next to a
 * link keeps its edge spaces. No-break spaces made by `latexTies` are kept on purpose.
 */
export const collapseWhitespace: TextRule = (text) => text.replace(/[ \t\r\n]+/g, ' ');

/** Removes the space a scraper leaves before punctuation: `Bad-Eyes .` → `Bad-Eyes.` */
export const spaceBeforePunctuation: TextRule = (text) => text.replace(/ +([.,;:!?])(?=\s|$)/g, '$1');

/** Unescapes LaTeX specials: `1-5\%` → `1-5%`, `\&` → `&`. */
export const latexSpecials: TextRule = (text) => text.replace(/\\([%&$#_])/g, '$1');

const COMBINING: Record<string, string> = {
  "'": '\u0301', // acute
  '`': '\u0300', // grave
  '^': '\u0302', // circumflex
  '"': '\u0308', // diaeresis
  '~': '\u0303', // tilde
  '=': '\u0304', // macron
  '.': '\u0307', // dot above
  c: '\u0327', // cedilla
  v: '\u030c', // caron
  u: '\u0306', // breve
  H: '\u030b', // double acute
};

/** Turns LaTeX accent commands into letters: `est\'an` → `están`, `dise\~nados` → `diseñados`. */
export const latexAccents: TextRule = (text) =>
  text
    .replace(/\\(['`^"~=.])\{?([A-Za-z])\}?/g, (_, accent: string, letter: string) =>
      (letter + COMBINING[accent]).normalize('NFC'),
    )
    .replace(/\\([cvuH])\{([A-Za-z])\}/g, (_, accent: string, letter: string) =>
      (letter + COMBINING[accent]).normalize('NFC'),
    );

/** LaTeX dashes: `---` → em dash, `--` → en dash (`1 -- 10 MeV` → `1–10 MeV`). */
export const latexDashes: TextRule = (text) =>
  text
    .replace(/(?<=\s|^)-{4,}(?=\s|$)/g, '—')
    .replace(/---/g, '—')
    .replace(/(\d) ?-- ?(?=\d)/g, '$1–')
    .replace(/--/g, '–');

/**
 * LaTeX quotes to curly quotes: ``` ``space'' ``` and ``` ``Hard Reset" ``` → “…”. A `''` that
 * opens a word (`''Spontaneous…''`) is an opening quote typed the wrong way.
 */
export const latexQuotes: TextRule = (text) =>
  text
    .replace(/``/g, '“')
    .replace(/(?<=^|[\s(\[])''(?=\S)/g, '“')
    .replace(/''/g, '”')
    .replace(/(?<=“[^”"]*)"/g, '”');

/** Straight quotes to curly ones by position: `"outer" brain` → `“outer” brain`, `LLMs'` → `LLMs’`. */
export const straightQuotes: TextRule = (text) =>
  text
    .replace(/(?<=^|[\s(\[—–=-])"(?=\S)/g, '“')
    .replace(/"/g, '”')
    .replace(/(?<=^|[\s(\[—–])'(?=\S)/g, '‘')
    .replace(/'/g, '’');

/** Closes a quotation the scrape left open, at the end of its block (e.g. a footnote). */
export const closeOpenQuote: TextRule = (text) => {
  const opened = (text.match(/“/g) ?? []).length;
  const closed = (text.match(/”/g) ?? []).length;
  return opened > closed ? text.replace(/([.!?]?)$/, '$1”') : text;
};

/** Relation symbols whose backslash was stripped: `lesssim 5` → `≲ 5`, `thicksim100` → `∼100`. */
export const strippedRelations: TextRule = (text) =>
  text
    .replace(/\blesssim\b ?/g, '≲ ')
    .replace(/\bgtrsim\b ?/g, '≳ ')
    .replace(/\bthicksim(?=\d|\b) ?/g, '∼')
    .replace(/\b(?:simeq|approx)(?=\s*\d)/g, '≈')
    .replace(/\bleq(?=\s*\d)/g, '≤')
    .replace(/\bgeq(?=\s*\d)/g, '≥');

/** A tilde before a number means "about": `~10^9` → `∼10^9`, `~5x` → `∼5x`. */
export const approximateTilde: TextRule = (text) => text.replace(/(?<=^|[\s(])~(?=\d)/g, '∼');

/** A remaining LaTeX tie `~` is a no-break space: `neurons~(including` → `neurons (including`. */
export const latexTies: TextRule = (text) => text.replace(/(?<=\S)~(?=\S)/g, '\u00a0');

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Numeric exponents to superscript digits: `10^9` → `10⁹`, `LLMEval^2` → `LLMEval²`, `10^{12}` → `10¹²`. */
export const superscripts: TextRule = (text) =>
  text.replace(/(?<=[\p{L}\p{N})])\^(?:\{(-?\d+)\}|(\d+))/gu, (_, braced?: string, bare?: string) =>
    [...(braced ?? bare ?? '')].map((d) => (d === '-' ? '⁻' : SUPERSCRIPT_DIGITS[Number(d)])).join(''),
  );

/** Removes braces left without a partner by stripped commands: `to enhance} mechanistic` → `to enhance mechanistic`. */
export const orphanBraces: TextRule = (text) => {
  const chars = [...text];
  const open: number[] = [];
  const orphans = new Set<number>();
  chars.forEach((c, i) => {
    if (c === '{') open.push(i);
    else if (c === '}') {
      if (open.length > 0) open.pop();
      else orphans.add(i);
    }
  });
  for (const i of open) orphans.add(i);
  // Paired braces stay: they may be the text itself (`{x}` in an abstract about code).
  return chars.filter((_, i) => !orphans.has(i)).join('');
};

/** Restores the space lost after a full stop: `counterparts.Our` → `counterparts. Our`. */
export const sentenceSpace: TextRule = (text) => text.replace(/(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})/gu, ' ');

/** The rules for prose, in the order they run. */
export const TEXT_RULES: readonly TextRule[] = [
  latexSpecials,
  latexAccents,
  latexDashes,
  latexQuotes,
  straightQuotes,
  strippedRelations,
  approximateTilde,
  latexTies,
  superscripts,
  orphanBraces,
  sentenceSpace,
  collapseWhitespace,
];

/** Applies every prose rule in order. */
export function cleanProse(text: string): string {
  return TEXT_RULES.reduce((value, rule) => rule(value), text);
}
