/**
 * Papers with an identity, as a reader meets them: a site built (under /neurons/) from the seed
 * and from fixtures in each real format — an arXiv API feed, Hugging Face daily papers, a Zotero
 * BibTeX export — plus hostile metadata in each. Pages link the paper, name its authors, can be
 * cited and are read by reference managers; the feed is dated; search finds authors and ids.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanTitle } from '../../src/ingest/clean/segments.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { newPage, openBrowser } from '../support/pages.ts';
import { ROOT, scratchProject } from '../support/project.ts';
import { BASE, buildEnvironment, SITE_URL } from '../support/site-setup.ts';
import { entrySlug, frontmatterBySlug, inAdditionOrder } from '../support/site.ts';
import { serveStatic } from '../support/static-server.ts';

const readDir = (dir: string) =>
  Object.fromEntries(readdirSync(path.join(ROOT, dir)).map((n) => [n, readFileSync(path.join(ROOT, dir, n), 'utf8')]));

const HOSTILE_ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <entry>
    <id>http://arxiv.org/abs/2513.00009v1</id>
    <title>Hostile \u202Esnoruen\u202C &lt;img src=x onerror="window.__pwned='atom'"&gt; Neurons</title>
    <summary>A summary with &lt;script&gt;window.__pwned = 'summary'&lt;/script&gt; and {globalThis.__pwned = 1} in it, about spiking neurons.</summary>
    <published>2026-01-02T00:00:00Z</published>
    <author><name>Mallory\u200B &lt;b&gt;Bold&lt;/b&gt; Attacker</name></author>
    <link href="javascript:window.__pwned='link'" rel="related" title="pdf"/>
  </entry>
</feed>
`;
const HOSTILE_BIB = `@misc{hostile_bib,
  title = {Escaped \\& and \\textless{}script\\textgreater{} in BibTeX Neurons},
  author = {O'Hostile, Eve and Zw\u200Bsp, Ann},
  url = {javascript:alert(1)},
  year = {2026}, month = feb,
  abstract = {An abstract about neurons that tries export const x = 1 and an expression {process.exit(1)}.}
}
`;

let browser: Browser;
let close: () => Promise<void>;
let origin: string;
let dist: string;
let stopServer: () => void;
let cleanup: () => void;

beforeAll(async () => {
  const project = scratchProject(
    {
      ...readDir('content/sources'),
      ...readDir('tests/fixtures/sources'),
      'hostile.atom': HOSTILE_ATOM,
      'hostile.bib': HOSTILE_BIB,
    },
    { site: true },
  );
  cleanup = project.cleanup;
  const result = await ingest(project.paths);
  if (!result.ok) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new Error(errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n'));
  }
  execFileSync(path.join(project.root, 'node_modules/.bin/astro'), ['build', '--silent'], {
    cwd: project.root,
    env: { ...buildEnvironment(), BASE_PATH: BASE, SITE_URL },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  dist = path.join(project.root, 'dist');
  const served = await serveStatic(dist, BASE);
  origin = served.origin;
  stopServer = () => served.server.close();
  ({ browser, close } = await openBrowser());
}, 180_000);

afterAll(async () => {
  await close?.();
  stopServer?.();
  cleanup?.();
});

const html = (file: string) => parse(readFileSync(path.join(dist, file), 'utf8'));
const page = (slug: string) => html(`papers/${slug}/index.html`);
const VOITA = 'neurons-in-large-language-models-dead-n-gram-positional';
const DUPRE = 'zoom-in-on-neuron-morphology-a-fixture-for-bibtex-names';
const meta = (doc: ReturnType<typeof html>, name: string) =>
  doc.querySelectorAll(`meta[name="${name}"]`).map((m) => m.getAttribute('content'));

describe('a paper page takes the reader to the paper', () => {
  it('shows authors and date and links the arXiv abstract, PDF, Hugging Face page and DOI', () => {
    const doc = page(VOITA);
    expect(doc.querySelector('.paper-authors')!.text.replace(/\s+/g, ' ').trim()).toBe(
      'Authors: Elena Voita, Javier Ferrando, Christoforos Nalmpantis',
    );
    expect(doc.querySelector('.paper-dates time')!.getAttribute('datetime')).toBe('2023-09-09');
    expect(doc.querySelector('.paper-dates')!.text).toContain('First version 9 September 2023');
    // When it came into the collection, apart from when it was published.
    expect(doc.querySelector('.paper-dates')!.text).toContain('Added to the collection 28 November 2026');
    const links = doc.querySelectorAll('.paper-links a').map((a) => [a.text.trim(), a.getAttribute('href')]);
    expect(links).toEqual([
      ['arXiv:2309.04827', 'https://arxiv.org/abs/2309.04827'],
      ['PDF', 'https://arxiv.org/pdf/2309.04827'],
      ['Hugging Face', 'https://huggingface.co/papers/2309.04827'],
      ['DOI 10.18653/v1/2024.findings-acl.75', 'https://doi.org/10.18653/v1/2024.findings-acl.75'],
    ]);
  });

  it('shows the versions arXiv knows: the first and the latest, with their dates, and the comment', () => {
    // The fixture's feed says v2, updated 2 June 2023.
    const doc = page('finding-neurons-in-a-haystack-case-studies-with-sparse-probing');
    const dates = doc.querySelector('.paper-dates')!.text.replace(/\s+/g, ' ').trim();
    expect(dates).toMatch(/^v1 2 May 2023 · v2 2 June 2023\b/);
    expect(
      doc
        .querySelectorAll('.paper-dates time')
        .map((t) => t.getAttribute('datetime'))
        .slice(0, 2),
    ).toEqual(['2023-05-02', '2023-06-02']);
    const dendrites = readdirSync(path.join(dist, 'papers')).find((slug) => slug.startsWith('dendritic-plateau'))!;
    const revised = page(dendrites);
    expect(revised.querySelector('.paper-dates')!.text.replace(/\s+/g, ' ')).toMatch(
      /^ ?v1 30 December 2025 · v3 3 February 2026/,
    );
    expect(revised.querySelector('.paper-comment')!.text.trim()).toBe(
      'arXiv comment: 12 pages, 4 figures; synthetic fixture entry',
    );
    const jsonLd = JSON.parse(revised.querySelector('script[type="application/ld+json"]')!.text) as Record<
      string,
      unknown
    >;
    expect(jsonLd).toMatchObject({ datePublished: '2025-12-30', dateModified: '2026-02-03', version: 3 });
    // A paper with one version says so plainly.
    expect(page(VOITA).querySelector('.paper-dates')!.text).toContain('First version 9 September 2023');
  });

  it('carries Highwire citation_* tags and ScholarlyArticle JSON-LD for Zotero and Google Scholar', () => {
    const doc = page(VOITA);
    expect(meta(doc, 'citation_title')).toEqual(['Neurons in Large Language Models: Dead, N-gram, Positional']);
    expect(meta(doc, 'citation_author')).toEqual(['Voita, Elena', 'Ferrando, Javier', 'Nalmpantis, Christoforos']);
    // Cited as published: the venue's year (Findings of ACL 2024), not the first version's.
    expect(meta(doc, 'citation_publication_date')).toEqual(['2024']);
    expect(meta(doc, 'citation_pdf_url')).toEqual(['https://arxiv.org/pdf/2309.04827']);
    expect(meta(doc, 'citation_arxiv_id')).toEqual(['2309.04827']);
    expect(meta(doc, 'citation_doi')).toEqual(['10.18653/v1/2024.findings-acl.75']);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.text) as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@type': 'ScholarlyArticle',
      headline: 'Neurons in Large Language Models: Dead, N-gram, Positional',
      datePublished: '2023-09-09',
      author: [{ name: 'Elena Voita' }, { name: 'Javier Ferrando' }, { name: 'Christoforos Nalmpantis' }],
      url: `${SITE_URL}${BASE}papers/${VOITA}/`,
    });
  });

  it('offers a BibTeX entry and a one-line reference that copy to the clipboard', async () => {
    const { page: tab, context, problems } = await newPage(browser, origin);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await tab.goto(`${origin}${BASE}papers/${VOITA}/`);
    const bibtex = await tab.locator('.cite-bibtex').innerText();
    expect(bibtex).toMatch(/^@inproceedings\{voita2024neurons,/);
    expect(bibtex).toContain('booktitle = {Findings of the Association for Computational Linguistics}');
    expect(bibtex).toContain('author = {Voita, Elena and Ferrando, Javier and Nalmpantis, Christoforos}');
    expect(bibtex).toContain('eprint = {2309.04827}');
    await tab.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect(tab.evaluate(() => navigator.clipboard.readText())).resolves.toBe(bibtex);
    await expect(tab.locator('.cite-line').innerText()).resolves.toBe(
      'Voita, E., Ferrando, J., & Nalmpantis, C. (2024). Neurons in Large Language Models: Dead, N-gram, Positional. Findings of the Association for Computational Linguistics. https://doi.org/10.18653/v1/2024.findings-acl.75',
    );
    await tab.getByRole('button', { name: 'Copy reference' }).click();
    await expect(tab.evaluate(() => navigator.clipboard.readText())).resolves.toMatch(/^Voita, E\., Ferrando/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows nothing that is not known: a paper without abstract has no Abstract heading and no arXiv links', () => {
    const doc = page(DUPRE);
    expect(doc.querySelector('#abstract-heading')).toBeNull();
    expect(doc.querySelectorAll('.paper-links a').map((a) => a.text.trim())).toEqual(['DOI 10.5555/fixture.0001']);
    expect(meta(doc, 'citation_pdf_url')).toEqual([]);
    expect(doc.querySelector('.paper-authors')!.text).toContain('Jean-Luc Dupré, Jörg Müller, Anneke van der Berg');
    // Known by its DOI only: Semantic Scholar finds it by the DOI; Connected Papers has no DOI route.
    expect(doc.querySelectorAll('.find-links a').map((a) => [a.text.trim(), a.getAttribute('href')])).toEqual([
      ['arXiv', expect.stringMatching(/^https:\/\/arxiv\.org\/search\//)],
      ['Hugging Face Papers', expect.stringMatching(/^https:\/\/huggingface\.co\/papers\?q=/)],
      ['Semantic Scholar', 'https://api.semanticscholar.org/DOI:10.5555/fixture.0001'],
      ['Google Scholar', expect.stringMatching(/^https:\/\/scholar\.google\.com\/scholar\?q=allintitle/)],
    ]);
    // A journal article whose journal the table does not know: still cited as one, named as given.
    expect(meta(doc, 'citation_journal_title')).toEqual(['Journal of Fixture Neuroscience']);
    expect(meta(doc, 'citation_author')).toEqual(['Dupré, Jean-Luc', 'Müller, Jörg', 'van der Berg, Anneke']);
  });

  it('links at least 110 of the 119 seed papers to arXiv, with citation_author', () => {
    const registry = JSON.parse(readFileSync(path.join(ROOT, 'content/slugs.json'), 'utf8')) as { slugs: object };
    // Every slug ever given: the seed's 119 and the papers added since (but those excluded again).
    const seedSlugs = Object.keys(registry.slugs).filter((slug) => existsSync(path.join(dist, 'papers', slug)));
    expect(seedSlugs.length).toBeGreaterThanOrEqual(119);
    const linked = seedSlugs.filter((slug) => {
      const doc = page(slug);
      return (
        doc.querySelector('a.paper-link-arxiv[href^="https://arxiv.org/abs/"]') &&
        meta(doc, 'citation_author').length > 0
      );
    });
    expect(linked.length).toBeGreaterThanOrEqual(110);
  });
});

describe('lists and feed know the dates', () => {
  it('lists show first author, year and venue; the newest-first list is ordered by date', () => {
    const items = html('papers/newest/index.html').querySelectorAll('.paper-list li');
    const bylines = items.map((li) => li.querySelector('.paper-list-byline')?.text ?? '');
    expect(bylines.slice(0, 3)).toContain('Ben-David and Lin, 2026');
    const years = bylines.map((b) => Number(/, (\d{4})(?: · |$)/.exec(b)?.[1] ?? 0)).filter(Boolean);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(html('index.html').querySelectorAll('#latest-heading + .paper-list li')).toHaveLength(5);
  });

  it('the Atom feed carries real dates and authors, in the order papers were added', () => {
    const feed = parse(readFileSync(path.join(dist, 'feed.xml'), 'utf8'));
    const entries = feed.querySelectorAll('entry');
    const pages = frontmatterBySlug(path.join(dist, '../content/papers'));
    const listed = entries.map((e) => pages.get(entrySlug(e.querySelector('id')!.text))!);
    expect(inAdditionOrder(listed)).toBe(true);
    // The seed's papers were added on the day its provenance says (the fixtures have no date: they come last).
    expect(pages.get(VOITA)!.added).toBe('2026-11-28');
    expect(listed[0]!.added).toBe(
      [...pages.values()]
        .map((p) => p.added ?? '')
        .sort()
        .at(-1),
    );
    const voita = entries.find((e) => e.querySelector('id')!.text.endsWith(`/papers/${VOITA}/`))!;
    expect(voita.querySelector('published')!.text).toBe('2023-09-09T00:00:00Z');
    expect(voita.querySelectorAll('author name').map((n) => n.text)).toEqual([
      'Elena Voita',
      'Javier Ferrando',
      'Christoforos Nalmpantis',
    ]);
  });
});

describe('search finds authors and identifiers', () => {
  it.each([
    ['Voita', 'Neurons in Large Language Models: Dead, N-gram, Positional'],
    ['2309.04827', 'Neurons in Large Language Models: Dead, N-gram, Positional'],
    ['10.18653/v1/2024.findings-acl.75', 'Neurons in Large Language Models: Dead, N-gram, Positional'],
    ['Dupré', 'Zoom In on Neuron Morphology: a Fixture for BibTeX Names'],
    ['Dupre', 'Zoom In on Neuron Morphology: a Fixture for BibTeX Names'],
    ['Quintero', 'Dendritic Plateau Potentials as Gated Memory in Pyramidal Neurons: a Fixture'],
  ])('%j puts %j first', async (query, expected) => {
    const { page: tab, context, problems } = await newPage(browser, origin);
    await tab.goto(`${origin}${BASE}search/?q=${encodeURIComponent(query)}`);
    await tab
      .locator('.search-status')
      .filter({ hasText: /result/ })
      .waitFor();
    const titles = await tab.locator('.search-result-title').allTextContents();
    expect(titles[0], titles.join(' | ')).toBe(expected);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('hostile metadata is inert', () => {
  it('shows markup in titles, names and abstracts as text, and runs nothing', async () => {
    const { page: tab, context, problems } = await newPage(browser, origin);
    await tab.goto(`${origin}${BASE}papers/`);
    const href = await tab.locator('.paper-list-title a', { hasText: 'Hostile' }).getAttribute('href');
    await tab.goto(`${origin}${href}`);
    // Typography (curly quotes) applies to every title; the markup stays visible text.
    await expect(tab.locator('h1').innerText()).resolves.toBe(
      cleanTitle(`Hostile snoruen <img src=x onerror="window.__pwned='atom'"> Neurons`),
    );
    await expect(tab.locator('.paper-authors').innerText()).resolves.toContain('Mallory <b>Bold</b> Attacker');
    await expect(tab.locator('article').innerText()).resolves.toContain('<script>window.__pwned = ‘summary’</script>');
    await expect(tab.locator('article img, article b, article script').count()).resolves.toBe(0);
    await expect(tab.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('emits no javascript: link and no bidi control anywhere in the site', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(html|xml)$/.test(entry.name)) files.push(full);
      }
    };
    walk(dist);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/(?:href|src)="\s*javascript:/i);
      expect(text, file).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
    }
    const bib = page('escaped-and-script-in-bibtex-neurons');
    expect(bib.querySelector('h1')!.text).toBe('Escaped & and <script> in BibTeX Neurons');
    expect(bib.querySelector('.paper-authors')!.text).toContain('Eve O’Hostile, Ann Zwsp');
  });
});
