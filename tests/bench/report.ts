/**
 * How the bench writes what it measured: units, Markdown tables, and the generated parts of
 * docs/benchmarks.md (each between its own pair of markers).
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** One row of a table: cell text by column name. */
export type Row = Record<string, string>;

export const seconds = (value: number) => `${value.toFixed(1)} s`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const megabytes = (value: number) => `${value.toFixed(0)} MB`;
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const count = (value: number) => value.toLocaleString('en');

/** A Markdown table of the rows; its columns are every column any row has, in order of appearance. */
export function markdownTable(rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    // A `|` in a cell (an error message, say) would end it.
    ...rows.map((row) => `| ${columns.map((column) => (row[column] ?? '').replaceAll('|', '\\|')).join(' | ')} |`),
  ].join('\n');
}

/**
 * Replaces what stands between `<!-- name:start -->` and `<!-- name:end -->` in a Markdown
 * file; the markers must be there (a missing one is an error, not a silent append).
 */
export function writeBetweenMarkers(file: string, name: string, content: string): void {
  const document = readFileSync(file, 'utf8');
  const marker = new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`);
  if (!marker.test(document)) throw new Error(`${file} has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  // A function, so that `$` in the content is not read as a replacement pattern.
  writeFileSync(
    file,
    document.replace(marker, () => `<!-- ${name}:start -->\n${content}\n<!-- ${name}:end -->`),
  );
}
