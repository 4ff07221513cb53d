/** Text compared as people read it, not as it is encoded. */

/**
 * Text folded for comparing: lower case, accents removed, every run of punctuation and space
 * one space. "Padé Approximants!" and "pade approximants" fold alike.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
