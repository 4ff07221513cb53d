/**
 * Line numbers for diagnostics. The XML and JSON parsers report where a syntax error is, but
 * not where each entry starts; the readers find the entries' starts in the text themselves.
 */

/** The 1-based line of every match of `start` (a global regex) in `text`, in order. */
export function startLines(text: string, start: RegExp): number[] {
  const lines: number[] = [];
  let line = 1;
  let scanned = 0;
  for (const match of text.matchAll(start)) {
    for (let i = scanned; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
    scanned = match.index;
    lines.push(line);
  }
  return lines;
}

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
