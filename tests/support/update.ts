/**
 * A project and a replay server for the tests of `npm run update` and `npm run add`: a scratch
 * project holding three papers (the arXiv fixture), saved searches, and a context whose client
 * calls the replay server on 127.0.0.1 with short delays and retries.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PoliteClient } from '../../src/update/http.ts';
import type { RunContext } from '../../src/update/run.ts';
import { DEFAULTS, type UpdateSettings } from '../../src/update/settings.ts';
import { ROOT, scratchProject } from './project.ts';
import type { ArxivPaper, HfPaper, ReplayServer } from './replay-server.ts';

/** The delay between arXiv calls in tests (arXiv itself asks for 3,000 ms). */
export const DELAY_MS = 120;
export const CONTACT = 'mailto:curators@example.org';
export const NOW = new Date('2026-12-02T06:00:00Z');
export const ARXIV_QUERY = 'ti:"neurons" AND (cat:cs.LG OR cat:q-bio.NC)';

/** A new paper on arXiv (ids of month 13: never a real paper). */
export function arxivPaper(n: number, title: string, summary: string, primaryCategory = 'cs.LG'): ArxivPaper {
  return {
    id: `2513.${String(100 + n).padStart(5, '0')}`,
    title,
    summary,
    authors: ['Ana Quintero', 'Kenji Watanabe'],
    published: `2026-11-${String(30 - n).padStart(2, '0')}T10:00:00Z`,
    primaryCategory,
  };
}

export const hfOf = (p: ArxivPaper): HfPaper => ({
  id: p.id,
  title: p.title,
  summary: p.summary,
  authors: p.authors,
  publishedAt: p.published.replace('Z', '.000Z'),
});

/** New papers, newest first, with the topic the ingest's rules give each. */
export const NEW = {
  sae: arxivPaper(
    1,
    'Sparse Autoencoders Find Monosemantic Neurons in Small Transformers',
    'We train sparse autoencoders on the MLP activations of small transformer language models and find that many learned features correspond to monosemantic neurons, while polysemantic neurons mix several features.',
  ),
  dendrites: arxivPaper(
    2,
    'Dendritic Computation in Cortical Pyramidal Neurons',
    'We model dendritic integration in layer 5 pyramidal neurons of the cortex and show that dendritic spikes let single neurons compute nonlinear functions of their synaptic input, with consequences for cortical circuits and plasticity.',
    'q-bio.NC',
  ),
  neutronStars: arxivPaper(
    3,
    'A Catalogue of Neutron Star Mergers from Gravitational Waves',
    'We compile a catalogue of binary neutron star merger candidates from gravitational wave observations and estimate their rates and masses.',
    'astro-ph.HE',
  ),
  spiking: arxivPaper(
    4,
    'Surrogate Gradients for Deep Spiking Neural Networks on Neuromorphic Hardware',
    'We train deep spiking neural networks of leaky integrate-and-fire neurons with surrogate gradients and run them on neuromorphic hardware with few spikes per inference.',
  ),
  older: arxivPaper(
    6,
    'Grid Cells and Place Cells in a Recurrent Network Model of the Hippocampus',
    'A recurrent network model of the hippocampus and entorhinal cortex develops grid cells and place cells when trained to path-integrate, matching recordings of neurons in rodents.',
    'q-bio.NC',
  ),
  neverFetched: arxivPaper(
    7,
    'Never Fetched: a Paper Beyond the Known Ones',
    'This paper about neurons lies beyond the first paper the collection already has, so the update never asks for its page.',
  ),
  hfOnly: arxivPaper(
    8,
    'Neuron-Level Attribution of Factual Recall in Language Models',
    'We attribute factual recall in large language models to individual neurons in MLP layers and show that editing a few knowledge neurons changes what the model recalls.',
    'cs.CL',
  ),
  excluded: arxivPaper(
    9,
    'An Excluded Paper About Neurons',
    'A curator decided this paper about neurons in language models should never be published in the collection.',
    'cs.CL',
  ),
} as const;

/** The arXiv fixture's papers: the collection before the update. */
export const KNOWN = {
  voita: '2309.04827',
  haystack: '2305.01610',
  haystackPaper: {
    id: '2305.01610',
    title: 'Finding Neurons in a Haystack: Case Studies with Sparse Probing',
    summary:
      'Despite rapid adoption and deployment of large language models (LLMs), the internal computations of these models remain opaque.',
    authors: ['Wes Gurnee', 'Neel Nanda'],
    published: '2023-05-02T17:13:55Z',
    primaryCategory: 'cs.LG',
  } satisfies ArxivPaper,
};

/** The searches the replay server answers: arXiv newest first (a known paper after four new ones), Hugging Face. */
export function replayData() {
  const { sae, dendrites, neutronStars, spiking, older, neverFetched, hfOnly, excluded } = NEW;
  return {
    arxiv: {
      searches: { [ARXIV_QUERY]: [sae, dendrites, neutronStars, spiking, KNOWN.haystackPaper, older, neverFetched] },
      papers: [hfOnly, excluded],
    },
    hf: {
      searches: {
        neurons: [
          {
            id: KNOWN.voita,
            title: 'Neurons in Large Language Models: Dead, N-gram, Positional',
            summary: 'We analyze…',
            authors: ['Elena Voita'],
            publishedAt: '2023-09-09T16:34:08.000Z',
          },
          hfOf(sae),
          hfOf(hfOnly),
          hfOf(excluded),
        ],
      },
      papers: [hfOf(hfOnly)],
    },
  };
}

export const QUERIES = `contact: ${CONTACT}
queries:
  - name: hf-neurons
    source: huggingface
    q: neurons
  - name: arxiv-neurons
    source: arxiv
    search_query: '${ARXIV_QUERY}'
    pageSize: 2
    limit: 20
`;

export const EXCLUDED = `papers:
  - id: arXiv:${NEW.excluded.id}
    reason: A test says so.
`;

/** A scratch project with the arXiv fixture's three papers, saved searches and one exclusion. */
export function updateProject(options: { queries?: string; excluded?: string } = {}) {
  const fixture = readFileSync(path.join(ROOT, 'tests/fixtures/sources/arxiv-query.atom'), 'utf8');
  const p = scratchProject({
    'arxiv-query.atom': fixture,
    'arxiv-query.atom.provenance.yaml': 'fetched: 2026-11-28\n',
  });
  writeFileSync(path.join(p.root, 'content/queries.yaml'), options.queries ?? QUERIES);
  writeFileSync(p.paths.excluded, options.excluded ?? EXCLUDED);
  writeFileSync(path.join(p.root, 'package.json'), '{ "name": "neuron-papers", "version": "0.1.0" }\n');
  return p;
}

/** Test settings pointing at a replay server: short delay, quick retries. */
export function testSettings(
  replay: Pick<ReplayServer, 'env'>,
  overrides: Partial<UpdateSettings> = {},
): UpdateSettings {
  return {
    ...DEFAULTS,
    arxivApi: replay.env.ARXIV_API_URL,
    hfApi: replay.env.HF_API_URL,
    doiApi: replay.env.DOI_API_URL,
    arxivDelayMs: DELAY_MS,
    timeoutMs: 3000,
    retries: 2,
    backoffMs: 30,
    maxWaitMs: 5000,
    contact: CONTACT,
    ...overrides,
  };
}

/** A run context for a project and settings; progress lines are collected in `log`. */
export function testContext(paths: RunContext['paths'], settings: UpdateSettings) {
  const log: string[] = [];
  const ctx: RunContext = {
    paths,
    settings,
    client: new PoliteClient({ ...settings, userAgent: `neuron-papers/0.1.0 (+${CONTACT})`, log: (l) => log.push(l) }),
    log: (l) => log.push(l),
    now: () => NOW,
  };
  return { ctx, log };
}

/** Every file under `content/` with its bytes: to prove a failed run changed nothing. */
export function contentSnapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else files[path.relative(root, file)] = readFileSync(file, 'latin1');
    }
  };
  walk(path.join(root, 'content'));
  return files;
}
