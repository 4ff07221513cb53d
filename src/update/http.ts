/**
 * A polite HTTP client, as the APIs' terms ask: one request at a time, a pause between calls to
 * the same API (arXiv: 3 s), a User-Agent naming the project and a contact, a timeout on every
 * request (body included), and retries with exponential backoff that honour `Retry-After` on
 * 429 and 503. A refused or broken connection, a timeout and a body cut short are retried, then
 * reported in words; nothing here writes anything.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleepFor } from 'node:timers/promises';

/** A response read whole. */
export interface HttpResponse {
  /** The URL asked for (before redirects: what the provenance records). */
  url: string;
  status: number;
  contentType: string;
  /** The body as received. */
  body: Uint8Array;
  /** When the body had been read, `Date.now()` (the fetch time a provenance records). */
  receivedAt: number;
}

/** A request that failed for good: what happened, in words, and what to do. */
export class FetchFailure extends Error {
  readonly hint: string;
  readonly url: string;
  constructor(message: string, hint: string, url: string) {
    super(message);
    this.hint = hint;
    this.url = url;
  }
}

/** An API the client calls: a name for messages and the pause its terms ask between calls. */
export interface Lane {
  name: string;
  /** Milliseconds from the end of one call to the start of the next. */
  delayMs: number;
}

export interface ClientOptions {
  userAgent: string;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  maxWaitMs: number;
  /** Progress lines ("waiting 3 s before the next arXiv call"). */
  log?: (line: string) => void;
  /** Waits; tests may pass a recording one. */
  sleep?: (ms: number) => Promise<void>;
}

/** Statuses worth asking again: too many requests, and a server that is down or overloaded. */
const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);

/** The milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or undefined. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** What went wrong with a request that never gave a whole response, in words. */
function describeNetworkError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string; message?: string }; code?: string };
  if (err.name === 'TimeoutError' || err.name === 'AbortError')
    return `no complete answer within ${seconds(timeoutMs)}`;
  const code = err.cause?.code ?? err.code;
  if (code === 'ECONNREFUSED') return 'the connection was refused (is the server running?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name could not be resolved';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /terminated|other side closed/i.test(err.message))
    return 'the connection broke off before the whole response arrived (the body was cut short)';
  return `the request failed: ${err.cause?.message ?? err.message}`;
}

const seconds = (ms: number) => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`);

export class PoliteClient {
  /** When the last call of each lane ended (`performance.now()`, a monotonic clock). */
  private readonly lastEnd = new Map<string, number>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly options: ClientOptions;

  constructor(options: ClientOptions) {
    this.options = options;
    this.sleep = options.sleep ?? ((ms) => sleepFor(ms));
  }

  /** Waits until the lane's pause since its last call has passed. */
  private async pace(lane: Lane): Promise<void> {
    const last = this.lastEnd.get(lane.name);
    if (last === undefined) return;
    // Timers may fire a little early: wait until the pause has really passed.
    for (let wait = last + lane.delayMs - performance.now(); wait > 0; wait = last + lane.delayMs - performance.now())
      await this.sleep(Math.ceil(wait));
  }

  /**
   * GETs `url` and reads the whole body. Retries 429 and 5xx (waiting as `Retry-After` says, or
   * backing off), refused and broken connections and timeouts; returns any other response for
   * the caller to judge; throws a `FetchFailure` when the retries are used up.
   */
  async get(url: string, lane: Lane, accept: string): Promise<HttpResponse> {
    const { retries, backoffMs, maxWaitMs, timeoutMs, log } = this.options;
    let problem = '';
    for (let attempt = 0; attempt <= retries; attempt++) {
      await this.pace(lane);
      let wait = backoffMs * 2 ** attempt;
      try {
        const response = await fetch(url, {
          headers: { 'User-Agent': this.options.userAgent, Accept: accept },
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'follow',
        });
        const body = new Uint8Array(await response.arrayBuffer());
        const receivedAt = Date.now();
        this.lastEnd.set(lane.name, performance.now());
        const length = response.headers.get('content-length');
        if (length !== null && !response.headers.get('content-encoding') && Number(length) !== body.length) {
          problem = `the response was cut short: ${body.length} of ${length} bytes arrived`;
        } else if (RETRIED_STATUSES.has(response.status)) {
          problem = `HTTP ${response.status} ${response.statusText}`.trim();
          const asked = retryAfterMs(response.headers.get('retry-after'));
          if (asked !== undefined) {
            if (asked > maxWaitMs) {
              throw new FetchFailure(
                `${lane.name} answered ${problem} and asks to wait ${seconds(asked)} (Retry-After), longer than the ${seconds(maxWaitMs)} this run waits`,
                'Nothing was written. Run it again later (or raise UPDATE_MAX_WAIT_MS).',
                url,
              );
            }
            wait = asked;
          }
        } else {
          return {
            url,
            status: response.status,
            contentType: response.headers.get('content-type') ?? '',
            body,
            receivedAt,
          };
        }
      } catch (error) {
        if (error instanceof FetchFailure) throw error;
        this.lastEnd.set(lane.name, performance.now());
        problem = describeNetworkError(error, timeoutMs);
      }
      if (attempt < retries) {
        log?.(`${lane.name}: ${problem}; asking again in ${seconds(wait)} (attempt ${attempt + 2} of ${retries + 1})`);
        await this.sleep(wait);
      }
    }
    throw new FetchFailure(
      `${lane.name}: ${problem} (${retries + 1} ${retries === 0 ? 'attempt' : 'attempts'})`,
      'Nothing was written. Check the address (ARXIV_API_URL, HF_API_URL) and the network, then run it again: it starts over.',
      url,
    );
  }
}

/** Decodes a body as UTF-8, strictly; undefined when it is not UTF-8. */
export function utf8(body: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return undefined;
  }
}

/** The `<title>` of an HTML page, to say what a server answered instead of data. */
export function htmlTitle(text: string): string | undefined {
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(text)?.[1]?.replace(/\s+/g, ' ').trim();
  return title || undefined;
}

/** Whether a body is an HTML page rather than the data asked for. */
export function looksLikeHtml(contentType: string, text: string): boolean {
  return /\bhtml\b/i.test(contentType) || /^\s*(<!doctype html|<html[\s>])/i.test(text);
}
