/** A problem found in the sources, located precisely enough for a curator to fix it. */
export interface Diagnostic {
  /** `error` stops the ingest and leaves the previous output untouched; `warning` lets it go on. */
  severity: 'error' | 'warning';
  /** Source file, relative to the project root. */
  file: string;
  /** 1-based line number; 0 when the problem concerns the whole file. */
  line: number;
  /** What is wrong, in one sentence. */
  message: string;
  /** What the curator should do about it. */
  hint: string;
}

/** Formats a diagnostic the way compilers do (`file:line: severity: message`), hint indented below. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return `${where}: ${d.severity}: ${d.message}\n  → ${d.hint}`;
}

/** True when any diagnostic should stop the ingest. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
