/**
 * The part of Citation.js (`@citation-js/core`, which ships no types) that the citations use:
 * build a `Cite` from CSL-JSON items and format it with a CSL style. The plugins register
 * themselves on import.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    /** `bibliography` with `template` (a CSL style: `apa`), `format` (`text`, `html`) and `lang`. */
    format(format: 'bibliography', options: { format: 'text' | 'html'; template: string; lang: string }): string;
    /** The items as CSL-JSON. */
    data: Record<string, unknown>[];
  }
  /** The plugin registry: `input.chainLink` parses a text into one of the formats plugins know. */
  export const plugins: {
    input: { chainLink(data: unknown, options: { target: string }): unknown };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
