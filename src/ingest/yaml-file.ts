/** Reading a curator's YAML file: its data, or where and why it is not YAML. */
import jsyaml from 'js-yaml';

/**
 * Parses YAML; a syntax error comes back with its 1-based line (0 when unknown) and its first
 * line of explanation, for a `file:line: error:` diagnostic. `failsafe` reads every scalar as
 * text (ids like 2309.04827 stay strings).
 */
export function loadYaml(
  text: string,
  { failsafe = false } = {},
): { ok: true; data: unknown } | { ok: false; line: number; message: string } {
  try {
    return { ok: true, data: jsyaml.load(text, failsafe ? { schema: jsyaml.FAILSAFE_SCHEMA } : {}) };
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    return {
      ok: false,
      line: mark ? mark.line + 1 : 0,
      message: `the file is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}
