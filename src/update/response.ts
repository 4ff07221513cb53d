/**
 * A response an API gave, checked and read by the ingest's own reader for its format — as the
 * ingest will read it once saved — before anything is written.
 */
import type { Diagnostic } from '../ingest/diagnostics.ts';
import type { SourceFormat, SourceRecord } from '../ingest/record.ts';
import { readRecords } from '../ingest/readers/index.ts';
import { decodeSource } from '../ingest/sources.ts';
import { FetchFailure, type HttpResponse } from './http.ts';

/** One response, ready to be saved as received under `content/sources/`. */
export interface FetchedResponse {
  /** The saved search or command it answers (`arxiv-neurons`, `add`). */
  query: string;
  /** The file it will be saved as, relative to the project (`content/sources/…`). */
  file: string;
  format: SourceFormat;
  http: HttpResponse;
  /** The papers it holds, as the ingest reads them. */
  records: SourceRecord[];
  /** What the reader says about entries it could not read (they are left out). */
  problems: Diagnostic[];
}

/** Reads a checked response body with the ingest's reader of its format. */
export function readResponse(query: string, file: string, format: SourceFormat, http: HttpResponse): FetchedResponse {
  const decoded = decodeSource(file, http.body, format);
  if (!decoded.source) {
    throw new FetchFailure(
      `${http.url}: the response is not valid UTF-8`,
      'Nothing was written. The server sent something other than the API response; try again later.',
      http.url,
    );
  }
  const { papers, diagnostics } = readRecords(decoded.source);
  return { query, file, format, http, records: papers, problems: diagnostics };
}
