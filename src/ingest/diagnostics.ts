/** A problem found in the sources, located precisely enough for a curator to fix it. */
export interface Diagnostic {
  /** `error` stops the ingest and leaves the previous output untouched; `warning` lets it go on. */
  severity: 'error' | 'warning';
  /** Source file, relative to the project root. */
  file: string;
  /** 1-based line number; 0 when the problem concerns the whole file or the line is unknown. */
  line: number;
  /** The entry's name (BibTeX key, arXiv id) in formats that name their entries. */
  entry?: string;
  /** What is wrong, in one sentence. */
  message: string;
  /** What the curator should do about it. */
  hint: string;
}

/** Formats a diagnostic the way compilers do (`file:line: severity: message`), hint indented below. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  const entry = d.entry !== undefined ? `entry ${JSON.stringify(d.entry)}: ` : '';
  return `${where}: ${d.severity}: ${entry}${d.message}\n  → ${d.hint}`;
}

/** True when any diagnostic should stop the ingest. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
