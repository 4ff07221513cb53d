/**
 * The reader of Hugging Face Papers API responses (`.json`): the array that
 * `/api/daily_papers` and `/api/papers/search` return, each item holding a `paper` object, the
 * one paper object `/api/papers/<id>` returns, or an array of such bare paper objects.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { arxivId, isoDate } from '../../lib/identifiers.ts';
import { optional, type SourceRecord } from '../record.ts';
import type { SourceFile } from '../sources.ts';
import { displayText, oneLine, webUrl } from '../untrusted.ts';
import { lineLocator } from './entry-lines.ts';

/** The fields of a Hugging Face paper object that the site uses; everything is checked, nothing trusted. */
interface HfPaper {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  authors?: unknown;
  publishedAt?: unknown;
  githubRepo?: unknown;
  projectPage?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Reports a problem with one item. */
type Report = (severity: Diagnostic['severity'], message: string, hint: string) => void;

/** Reads one response file: one record per item that holds a paper. */
export function readHuggingFace(source: SourceFile): { papers: SourceRecord[]; diagnostics: Diagnostic[] } {
  const { file } = source;
  const diagnostics: Diagnostic[] = [];
  const items = responseItems(source, diagnostics);
  const papers: SourceRecord[] = [];
  const lineAt = lineLocator(source.text);
  let searchFrom = 0;
  items?.forEach((item: unknown, index: number) => {
    const paper: HfPaper | undefined = isObject(item)
      ? isObject(item.paper)
        ? item.paper
        : 'id' in item
          ? item
          : undefined
      : undefined;
    const rawId = str(paper?.id);
    // Locate the item by its id in the text, for a line number that points at it.
    const at = rawId ? source.text.indexOf(JSON.stringify(rawId), searchFrom) : -1;
    if (at !== -1) searchFrom = at;
    const line = at === -1 ? 0 : lineAt(at);
    const entry = rawId || `item ${index + 1}`;
    const report: Report = (severity, message, hint) =>
      diagnostics.push({ severity, file, line, entry, message, hint });
    const record = toRecord(paper, report);
    if (record) papers.push({ ...record, provenance: { file, line, entry: record.arxiv! } });
  });
  return { papers, diagnostics };
}

/** The items of a response, or `undefined` (reported) when it is not JSON or holds no papers. */
function responseItems(source: SourceFile, diagnostics: Diagnostic[]): unknown[] | undefined {
  const fail = (line: number, message: string, hint: string) => {
    diagnostics.push({ severity: 'error', file: source.file, line, message, hint });
    return undefined;
  };
  let data: unknown;
  try {
    data = JSON.parse(source.text);
  } catch (error) {
    // V8 says where: "… at position 1234 (line 56 column 7)".
    const message = (error as Error).message;
    const line =
      Number(/line (\d+)/.exec(message)?.[1] ?? 0) ||
      lineLocator(source.text)(Number(/position (\d+)/.exec(message)?.[1] ?? 0));
    return fail(line, `the file is not valid JSON: ${message}`, 'Save the API response again, whole.');
  }
  const items = Array.isArray(data)
    ? data
    : isObject(data) && Array.isArray(data.papers)
      ? data.papers
      : isObject(data) && 'id' in data && 'title' in data
        ? [data]
        : undefined;
  if (!items) {
    return fail(
      1,
      'the JSON holds no papers (expected an array of Hugging Face paper items)',
      'Save the response of `https://huggingface.co/api/daily_papers` or `/api/papers/search?q=…` as it is.',
    );
  }
  if (items.length === 0)
    return fail(
      1,
      'the JSON holds no papers (the array is empty)',
      'Delete the file, or save a response that lists papers.',
    );
  return items;
}

/** One paper object as a record (without its provenance); `undefined` (reported) when unusable. */
function toRecord(paper: HfPaper | undefined, report: Report): Omit<SourceRecord, 'provenance'> | undefined {
  if (!paper) {
    report(
      'error',
      'the item holds no paper object',
      'Each item needs a `paper` object with `id` and `title`; remove the item.',
    );
    return undefined;
  }
  const title = displayText(str(paper.title));
  if (!title) {
    report('error', 'the paper has no title', 'Add the title, or remove the item.');
    return undefined;
  }
  const rawId = str(paper.id);
  const id = arxivId(rawId);
  if (!id) {
    report(
      'error',
      `the paper's id ${JSON.stringify(rawId)} is not an arXiv id`,
      'Hugging Face papers are identified by their arXiv id; fix or remove the item.',
    );
    return undefined;
  }
  const link = (field: 'githubRepo' | 'projectPage') => {
    const raw = str(paper[field]);
    const url = webUrl(raw);
    if (raw && !url)
      report(
        'warning',
        `${field} ${JSON.stringify(raw)} is not an http(s) URL; dropped`,
        'Nothing to do; fix the URL in the source to show it.',
      );
    return url;
  };
  const code = link('githubRepo');
  const authors = Array.isArray(paper.authors)
    ? paper.authors.map((author) => displayText(isObject(author) ? str(author.name) : '')).filter(Boolean)
    : [];
  const summary = oneLine(str(paper.summary));
  return {
    format: 'huggingface',
    title,
    ...(summary && { abstract: summary }),
    arxiv: id,
    ...(authors.length > 0 && { authors }),
    ...optional('published', isoDate(str(paper.publishedAt))),
    ...(code && { code: [code] }),
    ...optional('projectPage', link('projectPage')),
  };
}
