/**
 * A server on the loopback address that answers like the APIs `npm run update` and `npm run add`
 * call, in their real formats, so that the tests never touch the network:
 * - the arXiv API (`/api/query`): Atom feeds as the user manual describes them — `search_query`
 *   paged with `start`/`max_results` (newest first, as `sortBy=submittedDate` asks), `id_list`,
 *   `opensearch:totalResults`/`startIndex`/`itemsPerPage`, and the manual's error feed for a
 *   malformed id or parameter (HTTP 400);
 * - the Hugging Face Papers API (`/hf/api/papers/search?q=`, `/hf/api/papers/<id>`): the JSON of
 *   the live API (items holding a `paper`; one paper object; 404 `{"error": …}`);
 * - a DOI resolver (`/doi/<doi>`) that answers BibTeX to `Accept: application/x-bibtex`.
 * Faults can be queued (503 or 429 with `Retry-After`, a body cut short, an HTML page, an error
 * feed, an empty page, an answer that never comes), and every request is logged with its headers
 * and times, so tests can check paging, politeness and the delay between calls.
 *
 * `node tests/support/replay-server.ts` starts it with a small demo collection and prints the
 * environment to point `npm run update` at it.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** A paper as arXiv knows it. */
export interface ArxivPaper {
  /** Without version: `2513.00101`. */
  id: string;
  version?: number;
  title: string;
  summary: string;
  authors: string[];
  /** ISO times of the first and of the latest version. */
  published: string;
  updated?: string;
  primaryCategory: string;
  categories?: string[];
  doi?: string;
  comment?: string;
  journalRef?: string;
}

/** A paper as Hugging Face Papers knows it. */
export interface HfPaper {
  id: string;
  title: string;
  summary: string;
  authors: string[];
  publishedAt: string;
  githubRepo?: string;
}

export type Api = 'arxiv' | 'hf' | 'doi';

/**
 * A fault the server answers with instead of the real answer, `times` times (default once),
 * after letting `after` requests to the same API through (default none).
 */
export type Fault = { api: Api; times?: number; after?: number } & (
  | { kind: 'status'; status: 429 | 500 | 502 | 503 | 504; retryAfter?: string }
  | { kind: 'truncate' }
  | { kind: 'html' }
  | { kind: 'garbage' }
  | { kind: 'error-feed'; message: string }
  | { kind: 'empty' }
  | { kind: 'stall' }
);

export interface ReplayData {
  arxiv?: { searches?: Record<string, ArxivPaper[]>; papers?: ArxivPaper[] };
  hf?: { searches?: Record<string, HfPaper[]>; papers?: HfPaper[] };
  /** DOI (lower case) → BibTeX. */
  dois?: Record<string, string>;
}

/** One request as the server saw it. */
export interface LoggedRequest {
  api: Api | 'other';
  path: string;
  params: Record<string, string>;
  userAgent: string;
  accept: string;
  /** `performance.now()` when it arrived and when its answer was sent (or the socket closed). */
  arrived: number;
  finished: number;
  fault?: Fault['kind'];
}

export interface ReplayServer {
  origin: string;
  /** The environment that points the update at this server. */
  env: { ARXIV_API_URL: string; HF_API_URL: string; DOI_API_URL: string };
  requests: LoggedRequest[];
  faults: Fault[];
  /** The most requests that were in flight at once. */
  maxInFlight: () => number;
  close: () => Promise<void>;
}

const xml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`);

/** Wraps text at about 78 columns the way the API's feeds do. */
function wrap(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > 78) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** One `<entry>`, element for element as the arXiv API writes it. */
export function atomEntry(p: ArxivPaper): string {
  const v = `${p.id}v${p.version ?? 1}`;
  const categories = p.categories ?? [p.primaryCategory];
  return [
    '  <entry>',
    `    <id>http://arxiv.org/abs/${v}</id>`,
    `    <title>${xml(wrap(p.title)).replaceAll('\n', '\n  ')}</title>`,
    `    <updated>${p.updated ?? p.published}</updated>`,
    `    <link href="https://arxiv.org/abs/${v}" rel="alternate" type="text/html"/>`,
    `    <link href="https://arxiv.org/pdf/${v}" rel="related" type="application/pdf" title="pdf"/>`,
    `    <summary>${xml(wrap(p.summary))}</summary>`,
    ...categories.map((c) => `    <category term="${c}" scheme="http://arxiv.org/schemas/atom"/>`),
    `    <published>${p.published}</published>`,
    ...(p.comment ? [`    <arxiv:comment>${xml(p.comment)}</arxiv:comment>`] : []),
    ...(p.journalRef ? [`    <arxiv:journal_ref>${xml(p.journalRef)}</arxiv:journal_ref>`] : []),
    `    <arxiv:primary_category term="${p.primaryCategory}"/>`,
    ...p.authors.map((name) => `    <author>\n      <name>${xml(name)}</name>\n    </author>`),
    ...(p.doi
      ? [
          `    <arxiv:doi>${xml(p.doi)}</arxiv:doi>`,
          `    <link rel="related" href="https://doi.org/${xml(p.doi)}" title="doi"/>`,
        ]
      : []),
    '  </entry>',
  ].join('\n');
}

/** A whole feed: the header the API writes (canonical query in the title, OpenSearch counts), then the entries. */
export function atomFeed(
  query: { search_query?: string; id_list?: string; start: number; max_results: number },
  total: number,
  entries: string[],
): string {
  const canonical = `search_query=${query.search_query ?? ''}&id_list=${query.id_list ?? ''}&start=${query.start}&max_results=${query.max_results}`;
  const id = createHash('sha1').update(canonical).digest('base64url').slice(0, 27);
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <id>https://arxiv.org/api/${id}</id>
  <title>arXiv Query: ${xml(canonical)}</title>
  <updated>2026-12-02T00:00:00Z</updated>
  <link href="https://arxiv.org/api/query?${xml(canonical)}" type="application/atom+xml"/>
  <opensearch:itemsPerPage>${query.max_results}</opensearch:itemsPerPage>
  <opensearch:totalResults>${total}</opensearch:totalResults>
  <opensearch:startIndex>${query.start}</opensearch:startIndex>
${entries.map((e) => `${e}\n`).join('')}</feed>
`;
}

/** The manual's error feed (section 3.4): one entry titled "Error" whose summary says what is wrong. */
export function errorFeed(canonical: string, message: string): string {
  const slug = message.replace(/\W+/g, '_');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
  <link href="http://arxiv.org/api/query?${xml(canonical)}" rel="self" type="application/atom+xml"/>
  <title>ArXiv Query: ${xml(canonical)}</title>
  <id>http://arxiv.org/api/kvuntZ8c9a4Eq5CF7KY03nMug+Q</id>
  <updated>2026-12-02T00:00:00-05:00</updated>
  <opensearch:totalResults>1</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
  <entry>
    <id>http://arxiv.org/api/errors#${xml(slug)}</id>
    <title>Error</title>
    <summary>${xml(message)}</summary>
    <updated>2026-12-02T00:00:00-05:00</updated>
    <link href="http://arxiv.org/api/errors#${xml(slug)}" rel="alternate" type="text/html"/>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>
</feed>
`;
}

/** A Hugging Face paper object, as `/api/papers/<id>` returns it. */
export function hfPaperObject(p: HfPaper) {
  return {
    id: p.id,
    authors: p.authors.map((name, i) => ({ _id: `${p.id.replace('.', '')}a${i}`, name, hidden: false })),
    publishedAt: p.publishedAt,
    title: p.title,
    summary: p.summary,
    upvotes: 3,
    discussionId: `d${p.id.replace('.', '')}`,
    ...(p.githubRepo && { githubRepo: p.githubRepo }),
    ai_keywords: [],
  };
}

/** An item of a search or the daily list: the paper, and the item's own copy of some fields. */
export function hfItem(p: HfPaper) {
  return {
    paper: hfPaperObject(p),
    publishedAt: p.publishedAt,
    title: p.title,
    summary: p.summary,
    thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${p.id}.png`,
    numComments: 0,
    isAuthorParticipating: false,
  };
}

const ARXIV_ID = /^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/;

/** Starts the server on 127.0.0.1 (a free port). */
export async function startReplay(data: ReplayData, faults: Fault[] = []): Promise<ReplayServer> {
  const requests: LoggedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const arxivPapers = new Map<string, ArxivPaper>();
  for (const p of [...(data.arxiv?.papers ?? []), ...Object.values(data.arxiv?.searches ?? {}).flat()])
    arxivPapers.set(p.id, p);
  const hfPapers = new Map<string, HfPaper>();
  for (const p of [...(data.hf?.papers ?? []), ...Object.values(data.hf?.searches ?? {}).flat()]) hfPapers.set(p.id, p);
  const open = new Set<ServerResponse>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api: LoggedRequest['api'] = url.pathname.startsWith('/api/query')
      ? 'arxiv'
      : url.pathname.startsWith('/hf/api/')
        ? 'hf'
        : url.pathname.startsWith('/doi/')
          ? 'doi'
          : 'other';
    const entry: LoggedRequest = {
      api,
      path: url.pathname,
      params: Object.fromEntries(url.searchParams),
      userAgent: req.headers['user-agent'] ?? '',
      accept: req.headers.accept ?? '',
      arrived: performance.now(),
      finished: 0,
    };
    requests.push(entry);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    open.add(res);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      entry.finished = performance.now();
      inFlight--;
      open.delete(res);
    };
    res.on('finish', finish);
    res.on('close', finish);

    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...headers });
      res.end(body);
    };
    const fault = faults.find((f) => f.api === api && !(f.after && f.after-- > 0));
    if (fault) {
      entry.fault = fault.kind;
      if (fault.times === undefined || --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
      switch (fault.kind) {
        case 'status': {
          const text = {
            429: 'Too Many Requests',
            500: 'Internal Server Error',
            502: 'Bad Gateway',
            503: 'Service Unavailable',
            504: 'Gateway Timeout',
          }[fault.status];
          return send(
            fault.status,
            'text/html; charset=utf-8',
            `<html><head><title>${fault.status} ${text}</title></head><body><h1>${text}</h1></body></html>\n`,
            fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {},
          );
        }
        case 'truncate': {
          // The headers promise the whole body; half of it comes, then the connection breaks.
          const body = answer(api, url).body;
          res.writeHead(200, { 'Content-Type': answer(api, url).type, 'Content-Length': Buffer.byteLength(body) });
          res.write(body.slice(0, Math.floor(body.length / 2)));
          setTimeout(() => res.destroy(), 20);
          return;
        }
        case 'html':
          return send(
            200,
            'text/html; charset=utf-8',
            '<!DOCTYPE html>\n<html><head><title>arXiv is undergoing maintenance</title></head><body><p>Please try again later.</p></body></html>\n',
          );
        case 'garbage':
          return send(
            200,
            api === 'arxiv' ? 'application/atom+xml; charset=UTF-8' : 'application/json; charset=utf-8',
            'Internal error: no data\n',
          );
        case 'error-feed':
          return send(400, 'application/atom+xml; charset=UTF-8', errorFeed(url.search.slice(1), fault.message));
        case 'empty': {
          const start = Number(url.searchParams.get('start') ?? 0);
          const max = Number(url.searchParams.get('max_results') ?? 10);
          const total = data.arxiv?.searches?.[url.searchParams.get('search_query') ?? '']?.length ?? 1;
          return send(
            200,
            'application/atom+xml; charset=UTF-8',
            atomFeed(
              { search_query: url.searchParams.get('search_query') ?? '', start, max_results: max },
              Math.max(total, start + 1),
              [],
            ),
          );
        }
        case 'stall':
          return; // never answers; the client's timeout ends it
      }
    }
    const { status, type, body } = answer(api, url, req.headers.accept ?? '');
    send(status, type, body);
  });

  /** The real answer to a request. */
  function answer(api: LoggedRequest['api'], url: URL, accept = ''): { status: number; type: string; body: string } {
    const atom = 'application/atom+xml; charset=UTF-8';
    const json = 'application/json; charset=utf-8';
    if (api === 'arxiv') {
      const p = url.searchParams;
      const canonical = url.search.slice(1);
      const startText = p.get('start') ?? '0';
      const maxText = p.get('max_results') ?? '10';
      if (!/^\d+$/.test(startText))
        return { status: 400, type: atom, body: errorFeed(canonical, 'start must be an integer') };
      if (!/^\d+$/.test(maxText))
        return { status: 400, type: atom, body: errorFeed(canonical, 'max_results must be an integer') };
      const start = Number(startText);
      const max = Number(maxText);
      const idList = p.get('id_list') ?? '';
      if (idList) {
        const ids = idList.split(',');
        const bad = ids.find((id) => !ARXIV_ID.test(id));
        if (bad) return { status: 400, type: atom, body: errorFeed(canonical, `incorrect id format for ${bad}`) };
        const found = ids.map((id) => arxivPapers.get(id.replace(/v\d+$/, ''))).filter((x): x is ArxivPaper => !!x);
        return {
          status: 200,
          type: atom,
          body: atomFeed(
            { id_list: idList, start, max_results: max },
            found.length,
            found.slice(start, start + max).map(atomEntry),
          ),
        };
      }
      const searchQuery = p.get('search_query') ?? '';
      const results = data.arxiv?.searches?.[searchQuery] ?? [];
      return {
        status: 200,
        type: atom,
        body: atomFeed(
          { search_query: searchQuery, start, max_results: max },
          results.length,
          results.slice(start, start + max).map(atomEntry),
        ),
      };
    }
    if (api === 'hf') {
      const search = url.pathname === '/hf/api/papers/search';
      if (search) {
        const items = (data.hf?.searches?.[url.searchParams.get('q') ?? ''] ?? []).map(hfItem);
        return { status: 200, type: json, body: JSON.stringify(items) };
      }
      const id = decodeURIComponent(url.pathname.replace('/hf/api/papers/', ''));
      const paper = hfPapers.get(id);
      return paper
        ? { status: 200, type: json, body: JSON.stringify(hfPaperObject(paper)) }
        : { status: 404, type: json, body: JSON.stringify({ error: 'Paper not found' }) };
    }
    if (api === 'doi') {
      const doi = decodeURIComponent(url.pathname.replace('/doi/', '')).toLowerCase();
      const bib = data.dois?.[doi];
      if (!bib)
        return {
          status: 404,
          type: 'text/html;charset=utf-8',
          body: '<html><head><title>Error: DOI Not Found</title></head><body>DOI Not Found</body></html>',
        };
      if (!/x-bibtex/.test(accept))
        return {
          status: 200,
          type: 'text/html;charset=utf-8',
          body: `<html><head><title>${doi}</title></head></html>`,
        };
      return { status: 200, type: 'application/x-bibtex; charset=utf-8', body: bib };
    }
    return { status: 404, type: 'text/plain', body: 'not found' };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    env: { ARXIV_API_URL: `${origin}/api/query`, HF_API_URL: `${origin}/hf/api`, DOI_API_URL: `${origin}/doi` },
    requests,
    faults,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A demo collection for trying the update by hand: new papers on neurons, and the seed's Voita paper. */
export function demoData(): ReplayData {
  const paper = (n: number, title: string, summary: string, category = 'cs.LG'): ArxivPaper => ({
    // Month 13: never a real paper; 9xx: none of the tests' fixtures either.
    id: `2513.${String(900 + n).padStart(5, '0')}`,
    title,
    summary,
    authors: ['Ana Quintero', 'Kenji Watanabe'],
    published: `2026-11-${String(20 - n).padStart(2, '0')}T10:00:00Z`,
    primaryCategory: category,
  });
  const fresh = [
    paper(
      1,
      'Sparse Autoencoders Find Monosemantic Neurons in Small Transformers',
      'We train sparse autoencoders on the MLP activations of small transformer language models and find that many learned features correspond to monosemantic neurons. We study how interpretable features relate to individual neurons and polysemantic neurons.',
    ),
    paper(
      2,
      'Dendritic Computation in Cortical Pyramidal Neurons',
      'We model dendritic integration in layer 5 pyramidal neurons of the cortex and show that dendritic spikes let single neurons compute nonlinear functions of their synaptic input, with consequences for cortical circuits and plasticity.',
      'q-bio.NC',
    ),
    paper(
      3,
      'A Catalogue of Neutron Star Mergers from Gravitational Waves',
      'We compile a catalogue of binary neutron star merger candidates from gravitational wave observations and estimate their rates and masses for astrophysics.',
      'astro-ph.HE',
    ),
  ];
  const voita: ArxivPaper = {
    id: '2309.04827',
    title: 'Neurons in Large Language Models: Dead, N-gram, Positional',
    summary:
      'We analyze a family of large language models in such a lightweight manner that can be done on a single GPU.',
    authors: ['Elena Voita', 'Javier Ferrando', 'Christoforos Nalmpantis'],
    published: '2023-09-09T16:34:08Z',
    primaryCategory: 'cs.CL',
    doi: '10.18653/v1/2024.findings-acl.75',
  };
  return {
    arxiv: {
      searches: { 'ti:"neurons" AND (cat:cs.LG OR cat:cs.CL OR cat:cs.NE OR cat:q-bio.NC)': [...fresh, voita] },
    },
    hf: {
      searches: {
        neurons: [
          {
            id: '2309.04827',
            title: voita.title,
            summary: voita.summary,
            authors: voita.authors,
            publishedAt: '2023-09-09T16:34:08.000Z',
          },
          {
            id: fresh[0]!.id,
            title: fresh[0]!.title,
            summary: fresh[0]!.summary,
            authors: fresh[0]!.authors,
            publishedAt: fresh[0]!.published,
          },
        ],
      },
    },
  };
}

if (import.meta.main) {
  const replay = await startReplay(demoData());
  console.log(`Replay server at ${replay.origin}. Point the update at it:\n`);
  console.log(
    Object.entries({ ...replay.env, ARXIV_DELAY_MS: '200' })
      .map(([k, v]) => `export ${k}=${v}`)
      .join('\n'),
  );
  console.log('\nThen `npm run update -- --dry-run`. Ctrl-C stops the server.');
  process.on('SIGINT', () => void replay.close().then(() => process.exit(0)));
  setInterval(() => {
    for (const r of replay.requests.splice(0))
      console.error(`${r.api} ${r.path}?${new URLSearchParams(r.params)} (${r.userAgent})`);
  }, 500);
}
