/**
 * The settings of `npm run update` and `npm run add`, from the environment: where the APIs are
 * (so that mirrors and tests can point elsewhere), how politely to call them, and who to
 * contact about this client. Every value is checked; a bad one is an error naming the variable.
 */
import type { Diagnostic } from '../ingest/diagnostics.ts';

export interface UpdateSettings {
  /** The arXiv API's query endpoint (`ARXIV_API_URL`). */
  arxivApi: string;
  /** The Hugging Face API's base (`HF_API_URL`): `<base>/papers/search`, `<base>/papers/<id>`. */
  hfApi: string;
  /** The DOI resolver (`DOI_API_URL`), asked for BibTeX by content negotiation. */
  doiApi: string;
  /** Milliseconds between the end of one arXiv API call and the start of the next (`ARXIV_DELAY_MS`). */
  arxivDelayMs: number;
  /** Milliseconds a request may take, body included, before it counts as failed (`UPDATE_TIMEOUT_MS`). */
  timeoutMs: number;
  /** Retries after a failed request (`UPDATE_RETRIES`): 429, 5xx, a broken or refused connection, a timeout. */
  retries: number;
  /** The wait before the first retry, doubled for each further one (`UPDATE_BACKOFF_MS`); `Retry-After` wins. */
  backoffMs: number;
  /** The longest wait a server may ask for with `Retry-After` (`UPDATE_MAX_WAIT_MS`); longer ends the run. */
  maxWaitMs: number;
  /** Who runs this client (`UPDATE_CONTACT`, else `contact` in content/queries.yaml): sent in the User-Agent. */
  contact?: string;
}

/** arXiv's terms: no more than one request every three seconds. */
export const ARXIV_MIN_DELAY_MS = 3000;

export const DEFAULTS = {
  arxivApi: 'https://export.arxiv.org/api/query',
  hfApi: 'https://huggingface.co/api',
  doiApi: 'https://doi.org',
  arxivDelayMs: ARXIV_MIN_DELAY_MS,
  timeoutMs: 30_000,
  retries: 4,
  backoffMs: 2_000,
  maxWaitMs: 120_000,
} as const satisfies Omit<UpdateSettings, 'contact'>;

/** The environment variable of each setting. */
const VARIABLES = {
  arxivApi: 'ARXIV_API_URL',
  hfApi: 'HF_API_URL',
  doiApi: 'DOI_API_URL',
  arxivDelayMs: 'ARXIV_DELAY_MS',
  timeoutMs: 'UPDATE_TIMEOUT_MS',
  retries: 'UPDATE_RETRIES',
  backoffMs: 'UPDATE_BACKOFF_MS',
  maxWaitMs: 'UPDATE_MAX_WAIT_MS',
  contact: 'UPDATE_CONTACT',
} as const satisfies Record<keyof UpdateSettings, string>;

/** Reads the settings from `env`; every bad value is a diagnostic naming its variable. */
export function settingsFromEnv(env: Record<string, string | undefined>): {
  settings: UpdateSettings;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const fail = (key: keyof UpdateSettings, message: string, hint: string) =>
    diagnostics.push({ severity: 'error', file: VARIABLES[key], line: 0, message, hint });
  const url = (key: 'arxivApi' | 'hfApi' | 'doiApi'): string => {
    const raw = env[VARIABLES[key]]?.trim();
    if (!raw) return DEFAULTS[key];
    try {
      const parsed = new URL(raw);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return raw.replace(/\/+$/, '');
    } catch {
      // reported below
    }
    fail(
      key,
      `${JSON.stringify(raw)} is not an http(s) URL`,
      `Set it to an http(s) URL, or unset it for ${DEFAULTS[key]}.`,
    );
    return DEFAULTS[key];
  };
  const whole = (key: 'arxivDelayMs' | 'timeoutMs' | 'retries' | 'backoffMs' | 'maxWaitMs'): number => {
    const raw = env[VARIABLES[key]]?.trim();
    if (!raw) return DEFAULTS[key];
    if (/^\d+$/.test(raw)) return Number(raw);
    fail(
      key,
      `${JSON.stringify(raw)} is not a whole number`,
      `Set it to a whole number, or unset it for ${DEFAULTS[key]}.`,
    );
    return DEFAULTS[key];
  };
  const settings: UpdateSettings = {
    arxivApi: url('arxivApi'),
    hfApi: url('hfApi'),
    doiApi: url('doiApi'),
    arxivDelayMs: whole('arxivDelayMs'),
    timeoutMs: whole('timeoutMs'),
    retries: whole('retries'),
    backoffMs: whole('backoffMs'),
    maxWaitMs: whole('maxWaitMs'),
    ...(env.UPDATE_CONTACT?.trim() && { contact: env.UPDATE_CONTACT.trim() }),
  };
  if (settings.timeoutMs === 0) fail('timeoutMs', 'a request needs more than 0 ms', 'Set it above 0, e.g. 30000.');
  // The delay may be shorter only for a mirror or a test server, never for arXiv itself.
  if (/(^|\.)arxiv\.org$/i.test(new URL(settings.arxivApi).hostname) && settings.arxivDelayMs < ARXIV_MIN_DELAY_MS) {
    fail(
      'arxivDelayMs',
      `${settings.arxivDelayMs} ms is shorter than the 3 s between calls that arXiv's terms of use ask for`,
      'Unset ARXIV_DELAY_MS (3000), or set a shorter delay only with ARXIV_API_URL pointing at a mirror or test server.',
    );
  }
  if (settings.contact !== undefined) {
    const problem = contactProblem(settings.contact);
    if (problem) fail('contact', problem, CONTACT_HINT);
  }
  return { settings, diagnostics };
}

export const CONTACT_HINT =
  'Give an e-mail address (mailto:curators@example.org) or a web page (https://github.com/<owner>/<repo>/issues) where the APIs can reach whoever runs the update.';

/** Why a contact is unusable, or undefined when it is an e-mail address or an http(s) URL. */
export function contactProblem(contact: string): string | undefined {
  if (/^(mailto:)?[^\s@<>()"]+@[^\s@<>()"]+\.[^\s@<>()"]+$/i.test(contact)) return undefined;
  try {
    const url = new URL(contact);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !/[\s()]/.test(contact)) return undefined;
  } catch {
    // reported below
  }
  return `the contact ${JSON.stringify(contact)} is not an e-mail address or an http(s) URL`;
}

/**
 * `neuron-papers/0.1.0 (+https://github.com/…)`: names the project and how to reach whoever runs
 * it (none only for mirrors and test servers).
 */
export function userAgent(name: string, version: string, contact: string | undefined): string {
  if (!contact) return `${name}/${version} (no contact: a mirror or test server)`;
  const reach = /@/.test(contact) && !/^(mailto:|https?:)/.test(contact) ? `mailto:${contact}` : contact;
  return `${name}/${version} (+${reach})`;
}
