/**
 * The map of the collection as a reader meets it: /map/ with a link per paper, the
 * neighbourhood on each paper page, the region on each topic page, without JavaScript, with a
 * keyboard, and the same bytes from a second build.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import jsyaml from 'js-yaml';
import { buildEnvironment } from '../support/site-setup.ts';
import { newPage, openBrowser } from '../support/pages.ts';
import { BASE, read, SITE_URL, url } from '../support/site.ts';

/** The seed's papers, as the ingest wrote them. */
const papers = readdirSync('content/papers').map((name) => {
  const text = readFileSync(`content/papers/${name}`, 'utf8');
  return jsyaml.load(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!, { schema: jsyaml.CORE_SCHEMA }) as {
    title: string;
    slug: string;
    topic: string;
  };
});
const titleOf = new Map(papers.map((paper) => [paper.slug, paper.title]));

let browser: Browser;
let close: () => Promise<void>;
beforeAll(async () => ({ browser, close } = await openBrowser()));
afterAll(() => close());

/** The points of a map: its SVG links to paper pages. */
const points = (doc: HTMLElement, selector = 'svg.map-large') =>
  doc.querySelectorAll(`${selector} a`).filter((a) => a.getAttribute('href')!.startsWith(`${BASE}papers/`));

describe('the map page', () => {
  const doc = () => parse(read('map/index.html'));

  it('has one link per paper (119), to its page, named and titled by the paper title, with a legend', () => {
    const links = points(doc());
    expect(links).toHaveLength(119);
    const slugs = links.map((a) => a.getAttribute('href')!.slice(`${BASE}papers/`.length, -1));
    expect(new Set(slugs)).toEqual(new Set(titleOf.keys()));
    for (const a of links) {
      const slug = a.getAttribute('href')!.slice(`${BASE}papers/`.length, -1);
      // The target page exists and is that paper.
      expect(parse(read(`papers/${slug}/index.html`)).querySelector('h1')!.text).toBe(titleOf.get(slug));
      expect(a.querySelector('title')!.text).toBe(titleOf.get(slug));
      expect(a.getAttribute('id')).toBe(slug);
    }
    const legend = doc()
      .querySelectorAll('.map-legend a')
      .map((a) => a.text);
    expect(legend).toContain('Spiking networks and neuromorphic computing');
    expect(legend).toContain('Not about neurons');
  });

  it('says how to read it, and lists every paper as text under its topic', () => {
    const page = doc();
    expect(page.querySelector('#how-heading')!.text).toBe('How to read this map');
    const listed = page.querySelectorAll('#map-list li a').map((a) => a.text);
    expect(listed.sort()).toEqual([...titleOf.values()].sort());
    const headings = page.querySelectorAll('#map-list h3').map((h) => h.text);
    expect(headings).toContain('Spiking networks and neuromorphic computing (9)');
  });

  it('works without JavaScript: a point is a link, named by its title, that opens its paper', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'), { javaScriptEnabled: false });
    await page.goto(url('map/'));
    const map = page.getByRole('group', { name: 'Map: 119 papers' });
    const paper = papers.find((p) => p.slug.startsWith('aptx-neuron'))!;
    await map.getByRole('link', { name: paper.title }).click();
    await page.waitForURL(url(`papers/${paper.slug}/`));
    await expect(page.locator('h1').textContent()).resolves.toBe(paper.title);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows keyboard focus on a point, and #<slug> brings that point into view, marked', async () => {
    const { page, context } = await newPage(browser, inject('origin'), { viewport: { width: 1280, height: 700 } });
    const paper = papers[0]!;
    await page.goto(url(`map/#${paper.slug}`));
    const target = page.locator(`svg.map-large a[id="${paper.slug}"] circle`);
    await expect(target.isVisible()).resolves.toBe(true);
    const box = (await target.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(700);
    const stroke = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).strokeWidth);
    await expect(stroke(`svg.map-large a[id="${paper.slug}"] circle`)).resolves.toBe('4px');
    // Tab from the skip link into the map: the first point gets a visible ring.
    await page.goto(url('map/'));
    await page.locator('.skip-map').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('svg')?.getAttribute('class'));
    expect(focused).toContain('map-large');
    await expect(
      page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('circle')!).strokeWidth),
    ).resolves.toBe('3px');
    await context.close();
  });
});

describe('maps on other pages', () => {
  it('every paper page shows its neighbourhood and links to its own point on the full map', () => {
    const map = parse(read('map/index.html'));
    for (const paper of papers) {
      const doc = parse(read(`papers/${paper.slug}/index.html`));
      const section = doc.querySelector('section[aria-labelledby="map-heading"]')!;
      const svg = section.querySelector('svg')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toMatch(/^This paper \(ringed\) and its \d related papers/);
      // The paper, ringed, and one line to each related paper.
      expect(svg.querySelectorAll('circle.here')).toHaveLength(1);
      const related = doc.querySelectorAll('[aria-labelledby="related-heading"] .paper-list-title a');
      expect(svg.querySelectorAll('line.join')).toHaveLength(related.length);
      const link = section.querySelector('a')!;
      expect(link.text).toBe('See it on the full map');
      expect(link.getAttribute('href')).toBe(`${BASE}map/#${paper.slug}`);
      expect(map.getElementById(paper.slug), paper.slug).not.toBeNull();
    }
  });

  it("every topic page shows its region: exactly the topic's papers as links, the others faint", () => {
    const topics = new Set(papers.map((p) => p.topic));
    for (const topic of topics) {
      const doc = parse(read(`topics/${topic}/index.html`));
      const own = points(doc, 'svg.map-region').map((a) => a.querySelector('title')!.text);
      const expected = papers.filter((p) => p.topic === topic).map((p) => p.title);
      expect(own.sort(), topic).toEqual(expected.sort());
      expect(doc.querySelector('figure.topic-region figcaption a')!.getAttribute('href')).toBe(`${BASE}map/`);
    }
  });
});

describe('a second build', () => {
  it('writes the same map, paper and topic pages, byte for byte', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'neuron-papers-rebuild-'));
    try {
      // Through npm, like the build itself, so that the project's Node runs Astro; `--force`,
      // so that every page is rendered again rather than copied from the incremental cache.
      execFileSync('npm', ['exec', '--', 'astro', 'build', '--force', '--outDir', out], {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...buildEnvironment(), BASE_PATH: BASE, SITE_URL },
      });
      for (const file of [
        'map/index.html',
        'topics/spiking/index.html',
        `papers/${papers[0]!.slug}/index.html`,
        `papers/${papers[118]!.slug}/index.html`,
      ]) {
        expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(read(file));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
