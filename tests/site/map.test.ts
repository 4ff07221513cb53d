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

/** The collection's papers (the seed's and any added since), as the ingest wrote them. */
const papers = readdirSync('content/papers').map((name) => {
  const text = readFileSync(`content/papers/${name}`, 'utf8');
  return jsyaml.load(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!, { schema: jsyaml.CORE_SCHEMA }) as {
    title: string;
    slug: string;
    topic: string;
  };
});
const titleOf = new Map(papers.map((paper) => [paper.slug, paper.title]));
/** Each paper's place on the map, as the ingest keeps it. */
const places = (JSON.parse(readFileSync('content/map.json', 'utf8')) as { positions: Record<string, number[]> })
  .positions;
const distance = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);

let browser: Browser;
let close: () => Promise<void>;
beforeAll(async () => ({ browser, close } = await openBrowser()));
afterAll(() => close());

/** The points of a map: its SVG links to paper pages. */
const points = (doc: HTMLElement, selector = 'svg.map-large') =>
  doc.querySelectorAll(`${selector} a`).filter((a) => a.getAttribute('href')!.startsWith(`${BASE}papers/`));

describe('the map page', () => {
  const doc = () => parse(read('map/index.html'));

  it('has one link per paper (the 119 seed papers and any added since), to its page, named and titled by the paper title, with a legend', () => {
    const links = points(doc());
    expect(papers.length).toBeGreaterThanOrEqual(119);
    expect(links).toHaveLength(papers.length);
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
    // The off-topic bin, by its name in content/topics.yaml.
    expect(legend).toContain('Not about neurons');
  });

  it('says how to read it, and lists every paper as text under its topic', () => {
    const page = doc();
    expect(page.querySelector('#how-heading')!.text).toBe('How to read this map');
    const listed = page.querySelectorAll('#map-list li a').map((a) => a.text);
    expect(listed.sort()).toEqual([...titleOf.values()].sort());
    const headings = page.querySelectorAll('#map-list h3').map((h) => h.text);
    const spiking = papers.filter((p) => p.topic === 'spiking').length;
    expect(headings).toContain(`Spiking networks and neuromorphic computing (${spiking})`);
  });

  it('works without JavaScript: a point is a link, named by its title, that opens its paper', async () => {
    const { page, context, problems } = await newPage(browser, inject('origin'), { javaScriptEnabled: false });
    await page.goto(url('map/'));
    const map = page.getByRole('group', { name: `Map: ${papers.length} papers` });
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
    const target = page.locator(`svg.map-large a[id="${paper.slug}"] circle.dot`);
    await expect(target.isVisible()).resolves.toBe(true);
    const box = (await target.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(700);
    const stroke = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).strokeWidth);
    await expect(stroke(`svg.map-large a[id="${paper.slug}"] circle.dot`)).resolves.toBe('4px');
    // Tab from the skip link into the map: the first point gets a visible ring.
    await page.goto(url('map/'));
    await page.locator('.skip-map').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('svg')?.getAttribute('class'));
    expect(focused).toContain('map-large');
    await expect(
      page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('circle.dot')!).strokeWidth),
    ).resolves.toBe('3px');
    // …and its whole target is ringed too.
    await expect(
      page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('circle.hit')!).strokeWidth),
    ).resolves.toBe('2px');
    await context.close();
  });
});

describe('the map on every screen', () => {
  for (const width of [320, 390, 1280]) {
    it(`fits ${width} px: the whole map in view, every label whole and readable, every point a 24 px target`, async () => {
      const { page, context } = await newPage(browser, inject('origin'), { viewport: { width, height: 900 } });
      await page.goto(url('map/'));
      const map = await page.locator('svg.map-large').evaluate((svg: SVGSVGElement) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const rect = (el: Element) => el.getBoundingClientRect().toJSON() as DOMRect;
        return {
          box: rect(svg),
          // Shown: laid out with a size (checkVisibility() does not look at SVG's display).
          labels: [...svg.querySelectorAll('text')]
            .filter((t) => t.getBoundingClientRect().width > 0)
            .map((t) => ({ text: t.textContent!, px: parseFloat(getComputedStyle(t).fontSize) * scale, box: rect(t) })),
          targets: [...svg.querySelectorAll('a')].map((a) => ({
            title: a.querySelector('title')!.textContent!,
            box: rect(a),
          })),
        };
      });
      // The map fits the screen: nothing to pan, nothing off the edge.
      expect(map.box.left).toBeGreaterThanOrEqual(0);
      expect(map.box.right).toBeLessThanOrEqual(width);
      // Its labels: the topics' names and the off-topic strip's, each whole inside the map and 11 px or more.
      expect(map.labels.length, 'labels shown').toBeGreaterThanOrEqual(8);
      expect(map.labels.some((label) => label.text.startsWith('Not about neurons'))).toBe(true);
      for (const label of map.labels) {
        expect(label.px, `"${label.text}" on screen`).toBeGreaterThanOrEqual(10.9);
        expect(label.box.left, `"${label.text}" cut at the left`).toBeGreaterThanOrEqual(map.box.left);
        expect(label.box.right, `"${label.text}" cut at the right`).toBeLessThanOrEqual(map.box.right);
        expect(label.box.top, `"${label.text}" cut at the top`).toBeGreaterThanOrEqual(map.box.top);
        expect(label.box.bottom, `"${label.text}" cut at the bottom`).toBeLessThanOrEqual(map.box.bottom);
      }
      // One label set is shown per width: no topic is named twice.
      const names = map.labels.map((label) => label.text);
      expect(new Set(names).size).toBe(names.length);
      // Every point is a target of 24 × 24 CSS px or more (WCAG 2.2, 2.5.8), its dot staying small.
      expect(map.targets).toHaveLength(119);
      const small = map.targets.filter((t) => t.box.width < 24 || t.box.height < 24);
      expect(
        small.map((t) => `${t.title}: ${t.box.width.toFixed(1)} × ${t.box.height.toFixed(1)}`),
        `${width} px`,
      ).toEqual([]);
      // …and whole: none is cut by the map's edge (the map makes room for them).
      const cut = map.targets.filter(
        (t) =>
          t.box.left < map.box.left - 0.5 ||
          t.box.right > map.box.right + 0.5 ||
          t.box.top < map.box.top - 0.5 ||
          t.box.bottom > map.box.bottom + 0.5,
      );
      expect(
        cut.map((t) => t.title),
        `${width} px`,
      ).toEqual([]);
      const dot = await page.locator('svg.map-large circle.dot').first().boundingBox();
      expect(dot!.width).toBeLessThan(12);
      await context.close();
    });
  }

  it('points on a topic page are 24 px targets too, at 390 and 1280 px', async () => {
    for (const width of [390, 1280]) {
      const { page, context } = await newPage(browser, inject('origin'), { viewport: { width, height: 900 } });
      await page.goto(url('topics/spiking/'));
      const { sizes, cut } = await page.locator('svg.map-region').evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        const targets = [...svg.querySelectorAll('a')].map((a) => a.getBoundingClientRect());
        return {
          sizes: targets.map((r) => Math.min(r.width, r.height)),
          cut: targets.filter(
            (r) =>
              r.left < box.left - 0.5 ||
              r.right > box.right + 0.5 ||
              r.top < box.top - 0.5 ||
              r.bottom > box.bottom + 0.5,
          ).length,
        };
      });
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes), `${width} px`).toBeGreaterThanOrEqual(24);
      expect(cut, `${width} px: targets cut by the edge`).toBe(0);
      await context.close();
    }
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
      // The related papers are numbered 1, 2, … in the list and on the map, the same paper under
      // the same number, each at its place (to the map's rounding); the paper itself is ringed.
      const list = doc.querySelector('[aria-labelledby="related-heading"] ol.paper-list')!;
      const listed = list.querySelectorAll(':scope > li').map((li) => ({
        number: li.querySelector('.paper-list-number')!.text,
        slug: li.querySelector('.paper-list-title a')!.getAttribute('href')!.slice(`${BASE}papers/`.length, -1),
      }));
      expect(listed.map((item) => item.number)).toEqual(listed.map((_, i) => String(i + 1)));
      const numbers = svg.querySelectorAll('g.number');
      expect(numbers.map((g) => g.querySelector('text')!.text)).toEqual(listed.map((item) => item.number));
      numbers.forEach((g, i) => {
        const slug = listed[i]!.slug;
        const circle = g.querySelector('circle')!;
        const at = [Number(circle.getAttribute('cx')), Number(circle.getAttribute('cy'))];
        expect(distance(at, places[slug]!), `${paper.slug}: number ${i + 1} is ${slug}`).toBeLessThanOrEqual(0.71);
      });
      const here = svg.querySelector('circle.here')!;
      const hereAt = [Number(here.getAttribute('cx')), Number(here.getAttribute('cy'))];
      expect(distance(hereAt, places[paper.slug]!)).toBeLessThanOrEqual(0.71);
      expect(section.querySelector('.map-key')!.text).toMatch(
        /^The ringed point is this paper; 1(–\d)? (is|are) its related papers?, numbered as in the list above\./,
      );
      const link = section.querySelector('a')!;
      expect(link.text).toBe('See it on the full map');
      expect(link.getAttribute('href')).toBe(`${BASE}map/#${paper.slug}`);
      expect(map.getElementById(paper.slug), paper.slug).not.toBeNull();
    }
  });

  it('a paper page’s numbers are readable, and the same paper’s, on a phone and on a desktop', async () => {
    for (const width of [390, 1280]) {
      const { page, context } = await newPage(browser, inject('origin'), { viewport: { width, height: 900 } });
      await page.goto(url('papers/aptx-neuron-a-unified-trainable-neuron-architecture-integrating/'));
      const svg = page.locator('section[aria-labelledby="map-heading"] svg');
      const numbers = await svg.evaluate((el: SVGSVGElement) => {
        const scale = el.getBoundingClientRect().width / el.viewBox.baseVal.width;
        const box = el.getBoundingClientRect();
        const inside = (r: DOMRect) =>
          r.left >= box.left - 0.5 &&
          r.right <= box.right + 0.5 &&
          r.top >= box.top - 0.5 &&
          r.bottom <= box.bottom + 0.5;
        return [...el.querySelectorAll('g.number, circle.here')].map((mark) => ({
          text: mark.querySelector('text')?.textContent ?? 'this paper',
          px: mark.querySelector('text')
            ? parseFloat(getComputedStyle(mark.querySelector('text')!).fontSize) * scale
            : 12,
          disc: (mark.querySelector('circle') ?? mark).getBoundingClientRect().width,
          whole: inside(mark.getBoundingClientRect()),
        }));
      });
      const listed = await page
        .locator('[aria-labelledby="related-heading"] .paper-list-number')
        .evaluateAll((spans) => spans.map((span) => span.textContent));
      expect(numbers.map((n) => n.text)).toEqual([...listed, 'this paper']);
      expect(listed.length).toBeGreaterThan(0);
      for (const n of numbers) {
        expect(n.px, `${width} px: ${n.text}`).toBeGreaterThanOrEqual(12);
        expect(n.disc, `${width} px: ${n.text}`).toBeGreaterThanOrEqual(16);
        expect(n.whole, `${width} px: ${n.text} is cut by the map's edge`).toBe(true);
      }
      await context.close();
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
