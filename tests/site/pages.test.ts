import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import jsyaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import {
  entrySlug,
  frontmatterBySlug,
  htmlFiles,
  inAdditionOrder,
  read,
  siteDir,
  SITE_URL,
  BASE,
} from '../support/site.ts';

/** The seed's papers, as the ingest wrote them (title, slug, topic). */
const papers = readdirSync('content/papers').map((name) => {
  const text = readFileSync(`content/papers/${name}`, 'utf8');
  return jsyaml.load(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!, { schema: jsyaml.CORE_SCHEMA }) as {
    title: string;
    slug: string;
    topic: string;
  };
});
const paperPage = (slug: string) => `papers/${slug}/index.html`;

let files: string[];
let docs: Map<string, HTMLElement>;
beforeAll(() => {
  files = htmlFiles();
  docs = new Map(files.map((f) => [f, parse(read(f))]));
});

describe('one page per paper', () => {
  it('has exactly one page for each paper (the 119 seed papers and any added since), at papers/<slug>/', () => {
    expect(papers.length).toBeGreaterThanOrEqual(119);
    const paperDirs = readdirSync(path.join(siteDir(), 'papers'), { withFileTypes: true }).filter(
      // Page numbers and the newest-first list live beside the papers: not papers.
      (d) => d.isDirectory() && !/^\d+$/.test(d.name) && d.name !== 'newest',
    );
    expect(paperDirs.map((d) => d.name).sort()).toEqual(papers.map((p) => p.slug).sort());
    for (const paper of papers) {
      const h1 = docs.get(paperPage(paper.slug))!.querySelectorAll('h1');
      expect(h1.map((h) => h.text)).toEqual([paper.title]);
    }
  });

  it('shows no scrape or LaTeX debris on any page', () => {
    const debris = [
      '\\%',
      '``',
      "''",
      'lesssim',
      'gtrsim',
      'thicksim',
      '\\footnote',
      "\\'",
      'alpha_i',
      'cdot',
      'Get trending papers',
      'Subscribe',
    ];
    for (const file of files) {
      // What a reader sees: the text of <main> without its scripts.
      const main = docs.get(file)!.querySelector('main')?.clone() as HTMLElement | undefined;
      for (const script of main?.querySelectorAll('script') ?? []) script.remove();
      const text = main?.text ?? '';
      for (const bit of debris) expect(text.includes(bit), `${file} shows ${bit}`).toBe(false);
    }
  });
});

describe('head tags', () => {
  it('every page has a unique title, a description, a canonical URL under SITE_URL + BASE_PATH, Open Graph and a Twitter card', () => {
    const titles = new Map<string, string>();
    for (const file of files) {
      const doc = docs.get(file)!;
      const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content');
      const title = doc.querySelector('title')?.text;
      expect(title, file).toBeTruthy();
      if (file !== '404.html') {
        expect(titles.get(title!), `${file} repeats the title of ${titles.get(title!)}`).toBeUndefined();
        titles.set(title!, file);
      }
      expect(meta('meta[name="description"]'), file).toBeTruthy();
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
      expect(canonical, file).toMatch(new RegExp(`^${SITE_URL}${BASE}`));
      expect(meta('meta[property="og:url"]'), file).toBe(canonical);
      for (const property of ['og:title', 'og:description', 'og:type'])
        expect(meta(`meta[property="${property}"]`), `${file} ${property}`).toBeTruthy();
      expect(meta('meta[name="twitter:card"]'), file).toBe('summary');
      expect(doc.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href'), file).toBe(
        `${BASE}feed.xml`,
      );
    }
  });

  it('canonical URLs match where the page is', () => {
    for (const file of files.filter((f) => f.endsWith('/index.html'))) {
      const canonical = docs.get(file)!.querySelector('link[rel="canonical"]')!.getAttribute('href');
      expect(canonical).toBe(`${SITE_URL}${BASE}${file.replace(/index\.html$/, '')}`);
    }
  });
});

describe('paper pages', () => {
  it('list five related papers, never the paper itself, all of them real papers', () => {
    const slugs = new Set(papers.map((p) => p.slug));
    for (const paper of papers) {
      const doc = docs.get(paperPage(paper.slug))!;
      const links = doc
        .querySelectorAll('[aria-labelledby="related-heading"] .paper-list-title a')
        .map((a) => a.getAttribute('href')!);
      expect(links.length, paper.slug).toBeGreaterThanOrEqual(3);
      expect(links.length).toBeLessThanOrEqual(5);
      for (const href of links) {
        const slug = href.replace(`${BASE}papers/`, '').replace(/\/$/, '');
        expect(slug).not.toBe(paper.slug);
        expect(slugs.has(slug), href).toBe(true);
      }
    }
  });

  it('are at most 36 KB of HTML and load no script file', () => {
    for (const paper of papers) {
      const html = read(paperPage(paper.slug));
      // 30 KB until the head carried the whole abstract for Zotero (citation_abstract, up to
      // 2 KB: Zotero reads the abstract from no other place) and every author's name became a
      // link; the largest seed page (CompactifAI: 12 linked authors) is 34,298 B. Over budget.
      expect(Buffer.byteLength(html), paper.slug).toBeLessThanOrEqual(36 * 1024);
      expect(parse(html).querySelectorAll('script[src]')).toHaveLength(0);
    }
  });

  it('typeset the stripped formula as MathML at build time', () => {
    const aptx = papers.find((p) => p.title.startsWith('APTx Neuron'))!;
    const doc = docs.get(paperPage(aptx.slug))!;
    const maths = doc.querySelectorAll('.abstract math');
    expect(maths).toHaveLength(5); // the formula, then α_i, β_i, γ_i and δ in the sentence after it
    expect(maths[0]!.querySelector('munderover, msubsup')?.text).toContain('∑');
    expect(maths.slice(1).map((m) => m.text)).toEqual(['αi', 'βi', 'γi', 'δ']);
  });

  it('link the paper on arXiv, its code, and elsewhere by its arXiv id or exact title', () => {
    const monet = papers.find((p) => p.title.startsWith('Monet'))!;
    const doc = docs.get(paperPage(monet.slug))!;
    expect(doc.querySelectorAll('.paper-links a.paper-link-code').map((a) => a.getAttribute('href'))).toEqual([
      'https://github.com/dmis-lab/Monet',
    ]);
    expect(doc.querySelector('.paper-links a.paper-link-arxiv')!.getAttribute('href')).toMatch(
      /^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}$/,
    );
    // Identified papers are linked by their arXiv id where a service has a route for it; Google
    // Scholar has none and is searched by exact title.
    const find = doc.querySelectorAll('.find-links a').map((a) => a.getAttribute('href')!);
    const id = /\/abs\/(.+)$/.exec(doc.querySelector('.paper-links a.paper-link-arxiv')!.getAttribute('href')!)![1];
    expect(find).toEqual([
      `https://www.semanticscholar.org/arxiv/${id}`,
      `https://www.connectedpapers.com/api/redirect/arxiv/${id}`,
      expect.stringMatching(/^https:\/\/scholar\.google\.com\//),
    ]);
    expect(decodeURIComponent(find[2]!)).toContain(monet.title);
  });

  it('show the curator note of a paper that has one', () => {
    const noted = readdirSync('content/notes').filter((n) => n.endsWith('.mdx'));
    expect(noted.length).toBeGreaterThan(0);
    for (const name of noted) {
      const doc = docs.get(paperPage(name.replace(/\.mdx$/, '')))!;
      expect(doc.querySelector('.curator-note'), name).not.toBeNull();
    }
  });
});

describe('topics and tags', () => {
  it('topic counts add up to the number of papers, and each paper is listed under exactly one topic', () => {
    const home = docs.get('index.html')!;
    const counts = home.querySelectorAll('.topic-grid .count').map((c) => Number.parseInt(c.text, 10));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(119);
    const listed = new Map<string, number>();
    for (const file of files.filter((f) => /^topics\/[^/]+\/(\d+\/)?index\.html$/.test(f))) {
      for (const a of docs.get(file)!.querySelectorAll('.paper-list-title a')) {
        listed.set(a.getAttribute('href')!, (listed.get(a.getAttribute('href')!) ?? 0) + 1);
      }
    }
    expect(listed.size).toBe(119);
    expect([...listed.values()].every((n) => n === 1)).toBe(true);
  });

  it('has a page per tag in use, and a tags index linking each', () => {
    const tagPages = files.filter((f) => /^tags\/[^/]+\/index\.html$/.test(f));
    const indexLinks = docs
      .get('tags/index.html')!
      .querySelectorAll('.tag-index a')
      .map((a) => a.getAttribute('href'));
    expect(indexLinks.sort()).toEqual(tagPages.map((f) => `${BASE}${f.replace('index.html', '')}`).sort());
  });
});

describe('hosting files', () => {
  it('has sitemap.xml with every paper, robots.txt pointing at it, and an Atom feed', () => {
    const sitemap = read('sitemap.xml');
    for (const paper of papers) expect(sitemap).toContain(`<loc>${SITE_URL}${BASE}papers/${paper.slug}/</loc>`);
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE_URL}${BASE}sitemap.xml`);
    // The feed carries the 100 latest additions, the latest first.
    const feed = parse(read('feed.xml'));
    const pages = frontmatterBySlug('content/papers');
    const listed = feed.querySelectorAll('entry id').map((id) => pages.get(entrySlug(id.text))!);
    expect(listed).toHaveLength(100);
    expect(inAdditionOrder(listed)).toBe(true);
    // Nothing added later than the last entry is left out.
    const last = listed.at(-1)!;
    const missing = [...pages.values()].filter(
      (p) => !listed.includes(p) && inAdditionOrder([p, last]) && !inAdditionOrder([last, p]),
    );
    expect(missing.map((p) => p.slug)).toEqual([]);
  });

  it('the home page shows the latest additions with the day each was added, and links the feed', () => {
    const home = parse(read('index.html'));
    expect(home.querySelector('#latest-heading')!.text).toBe('Recently added');
    const items = home.querySelectorAll('#latest-heading + .paper-list li');
    expect(items).toHaveLength(5);
    const pages = frontmatterBySlug('content/papers');
    const shown = items.map((li) =>
      pages.get(/papers\/([^/]+)\/$/.exec(li.querySelector('a')!.getAttribute('href')!)![1]!)!,
    );
    expect(inAdditionOrder(shown)).toBe(true);
    const latest = [...pages.values()]
      .filter((p) => p.topic !== 'off-topic')
      .map((p) => p.added ?? '')
      .sort()
      .at(-1);
    expect(shown[0]!.added).toBe(latest);
    for (const [i, li] of items.entries())
      expect(li.querySelector('.paper-list-added time')!.getAttribute('datetime')).toBe(shown[i]!.added);
    expect(home.querySelector(`main a[href="${BASE}feed.xml"]`)?.text).toBe('Follow new papers (Atom feed)');
  });
});

describe('papers not about neurons stay apart', () => {
  const offTopic = new Set(papers.filter((p) => p.topic === 'off-topic').map((p) => p.slug));
  /** The paper slugs a part of a page links to. */
  const linkedPapers = (element: HTMLElement | null) =>
    (element?.querySelectorAll('a') ?? [])
      .map((a) => /\/papers\/([^/#]+)\/(?:#.*)?$/.exec(a.getAttribute('href') ?? '')?.[1])
      .filter((slug): slug is string => !!slug && !/^\d+$|^newest$/.test(slug));

  it("never shows one among a paper on neurons' related papers, neighbourhood map or previous/next", () => {
    expect(offTopic.size).toBeGreaterThan(0);
    for (const paper of papers.filter((p) => !offTopic.has(p.slug))) {
      const doc = docs.get(paperPage(paper.slug))!;
      const related = doc.querySelector('section[aria-labelledby="related-heading"]');
      const neighbourhood = doc.querySelector('.map-neighbourhood, figure.neighbourhood');
      const prevNext = doc.querySelector('nav.prev-next');
      expect(linkedPapers(related).length, paper.slug).toBeGreaterThan(0);
      for (const part of [related, neighbourhood, prevNext])
        expect(
          linkedPapers(part).filter((slug) => offTopic.has(slug)),
          paper.slug,
        ).toEqual([]);
    }
  });

  it('counts them apart on the home page and in the list of all papers', () => {
    const on = papers.length - offTopic.size;
    const home = docs.get('index.html')!.querySelector('main .lead')!.text.replace(/\s+/g, ' ');
    expect(home).toContain(`${on} papers on neurons`);
    expect(home).toContain(`${offTopic.size} more papers share the field's words but are not about neurons`);
    expect(docs.get('papers/index.html')!.querySelector('meta[name="description"]')!.getAttribute('content')).toBe(
      `All ${papers.length} papers of the collection: ${on} papers on neurons and ${offTopic.size} not about neurons.`,
    );
  });
});

describe('why a paper is in its topic', () => {
  it("is said in words on every paper page: phrases or a curator's reason, never a score", () => {
    for (const paper of papers) {
      const why = docs.get(paperPage(paper.slug))!.querySelector('section[aria-labelledby="why-heading"] p')!.text;
      const sentence = why.replace(/\s+/g, ' ').trim();
      expect(sentence, paper.slug).toMatch(
        /^(It is in .+ because its (title|abstract) mentions “|A curator put it in |None of the topics' phrases)/,
      );
      expect(sentence, paper.slug).not.toMatch(/\+\d|\d+ points|\((title|abstract)/);
    }
  });
});
