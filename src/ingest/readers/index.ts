/** One reader per source format; each yields the same records and the same kind of diagnostics. */
import type { Diagnostic } from '../diagnostics.ts';
import type { SourceFormat, SourceRecord } from '../record.ts';
import type { SourceFile } from '../sources.ts';
import { readArxivFeed } from './arxiv-atom.ts';
import { readBibtex } from './bibtex.ts';
import { readHuggingFace } from './huggingface.ts';
import { readScrape } from './scrape.ts';

/** A reader turns one decoded source file into paper records. */
export type Reader = (source: SourceFile) => { papers: SourceRecord[]; diagnostics: Diagnostic[] };

/** The reader of each format. */
export const READERS: Record<SourceFormat, Reader> = {
  scrape: readScrape,
  arxiv: readArxivFeed,
  huggingface: readHuggingFace,
  bibtex: readBibtex,
};

/** The records of one source file, read by the reader of its format. */
export function readRecords(source: SourceFile): { papers: SourceRecord[]; diagnostics: Diagnostic[] } {
  return READERS[source.format](source);
}
