/** The reader of scrape text (`.txt`): header lines, then one title and one abstract line per paper. */
import type { Diagnostic } from '../diagnostics.ts';
import type { SourceRecord } from '../record.ts';
import type { SourceFile } from '../sources.ts';

/** Longest line we accept; real abstracts are under 3,000 characters. */
export const MAX_LINE_LENGTH = 20_000;
/** Longest line that can still be a title (the seed's longest is 159). */
const MAX_TITLE_LENGTH = 300;

/** The scraper's page header ("Get trending papers in your email inbox…"): not content. */
const HEADER_LINE = /^Get trending papers\b/;
/** The scraper glues its "Subscribe" button text to the first title. */
const SUBSCRIBE_PREFIX = /^Subscribe(?=\p{Lu})/u;

/**
 * Control characters, the replacement character and typical mojibake (UTF-8 read as Latin-1)
 * mark a line that was garbled on its way into the scrape.
 */
const GARBLED = /[\u0000-\u0008\u000b-\u001f\u007f\ufffd]|Ã[\u0080-\u00bf]|â€/;

/** A title is a short line with no sentence break (". The") inside and no final full stop; "?" is allowed. */
export function looksLikeTitle(line: string): boolean {
  return line.length <= MAX_TITLE_LENGTH && !/\.\s+\p{Lu}\p{Ll}/u.test(line) && !/\.\s*$/.test(line);
}

type Line = { text: string; number: number };

/** Drops the scraper's header lines and its glued "Subscribe" from the top of a file. */
function stripScrapeHeader(lines: Line[]): Line[] {
  let start = 0;
  while (start < lines.length && HEADER_LINE.test(lines[start]!.text)) start++;
  const rest = lines.slice(start);
  if (rest[0]) rest[0] = { ...rest[0], text: rest[0].text.replace(SUBSCRIBE_PREFIX, '') };
  return rest;
}

/** Checks one line for damage that no cleaning rule can repair. */
function lineProblem(line: string): { message: string; hint: string } | undefined {
  if (line.length > MAX_LINE_LENGTH) {
    return {
      message: `the line is ${line.length.toLocaleString('en')} characters long (the limit is ${MAX_LINE_LENGTH.toLocaleString('en')})`,
      hint: 'Two or more records were probably joined: split the line into title and abstract lines.',
    };
  }
  const garbled = GARBLED.exec(line);
  if (garbled) {
    const code = garbled[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return {
      message: `the line is garbled (it contains ${JSON.stringify(garbled[0])}, U+${code})`,
      hint: 'Re-scrape the paper or retype the damaged characters.',
    };
  }
  return undefined;
}

/**
 * Parses one scrape file into papers. The format is one title line followed by one abstract
 * line per paper; anything that breaks that rhythm is reported with its line number, and
 * parsing resynchronises on the next title so that one bad record never hides the others.
 */
export function readScrape(source: SourceFile): { papers: SourceRecord[]; diagnostics: Diagnostic[] } {
  const { file } = source;
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Diagnostic['severity'], line: number, message: string, hint: string) =>
    diagnostics.push({ severity, file, line, message, hint });

  const numbered = source.lines.map((text, i) => ({ text: text.trim(), number: i + 1 }));
  const content: Line[] = [];
  for (const line of stripScrapeHeader(numbered)) {
    if (line.text === '') {
      report('warning', line.number, 'blank line skipped', 'Remove the blank line; each paper is exactly two lines.');
      continue;
    }
    const problem = lineProblem(line.text);
    if (problem) {
      report('error', line.number, problem.message, problem.hint);
      // Keep a placeholder so the title/abstract rhythm of the following lines is preserved.
      content.push({ text: '', number: line.number });
      continue;
    }
    content.push(line);
  }

  if (content.length === 0) {
    report('error', 0, 'the file contains no papers', 'Delete the empty file, or paste the scrape into it.');
    return { papers: [], diagnostics };
  }

  const papers: SourceRecord[] = [];
  let i = 0;
  while (i < content.length) {
    const title = content[i]!;
    const abstract = content[i + 1];
    if (title.text === '') {
      // A damaged line was already reported; skip it and its partner.
      i += 2;
      continue;
    }
    if (!looksLikeTitle(title.text)) {
      report(
        'error',
        title.number,
        'expected a title but found an abstract-like line (an abstract without its title?)',
        'Add the missing title on the line above, or delete the stray line.',
      );
      i += 1;
      continue;
    }
    if (!abstract) {
      report(
        'error',
        title.number,
        `the title "${title.text}" has no abstract (the file ends after it: an odd number of lines)`,
        'Add the abstract on the next line, or delete the title.',
      );
      break;
    }
    if (abstract.text !== '' && looksLikeTitle(abstract.text) && !looksLikeTitle(content[i + 2]?.text ?? 'x.')) {
      // Two title-like lines in a row followed by an abstract: the first title lost its abstract.
      report(
        'error',
        title.number,
        `the title "${title.text}" has no abstract (the next line is another title)`,
        'Add the abstract on the line after the title, or delete the title.',
      );
      i += 1;
      continue;
    }
    if (abstract.text !== '') {
      papers.push({
        format: 'scrape',
        title: title.text,
        abstract: abstract.text,
        provenance: { file, line: title.number },
      });
    }
    i += 2;
  }
  return { papers, diagnostics };
}
