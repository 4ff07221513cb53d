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

/**
 * A function from a character offset to its 1-based line, for many lookups in one text: the
 * line starts are found once, then each lookup is a binary search (a scan per lookup would make
 * a file of n entries cost n² in a large export).
 */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
