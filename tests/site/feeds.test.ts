/** Following a topic or a tag: each list page links its own Atom feed, which lists only its papers. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { BASE, entrySlug, frontmatterBySlug, inAdditionOrder, read, siteDir, SITE_URL } from '../support/site.ts';

const lists = (kind: 'topics' | 'tags') =>
  readdirSync(path.join(siteDir(), kind), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

describe.each(['topics', 'tags'] as const)('%s feeds', (kind) => {
  it('each page links its own feed (in <head> and visibly), which lists only its papers, latest additions first', () => {
    const frontmatter = frontmatterBySlug('content/papers');
    for (const slug of lists(kind)) {
      const page = parse(read(`${kind}/${slug}/index.html`));
      const feedHref = `${BASE}${kind}/${slug}/feed.xml`;
      expect(page.querySelectorAll('link[rel=alternate]').map((l) => l.getAttribute('href'))).toContain(feedHref);
      expect(page.querySelector(`main a[href="${feedHref}"]`)?.text, slug).toBe('Follow new papers (Atom feed)');
      const listed = new Set(
        page.querySelectorAll('.paper-list-title a').map((a) => `${SITE_URL}${a.getAttribute('href')}`),
      );
      const feed = parse(read(`${kind}/${slug}/feed.xml`));
      const entries = feed.querySelectorAll('entry');
      expect(entries.length, slug).toBe(listed.size);
      for (const entry of entries) expect(listed.has(entry.querySelector('id')!.text), slug).toBe(true);
      // In the order papers were added, the latest first.
      const pages = entries.map((e) => frontmatter.get(entrySlug(e.querySelector('id')!.text))!);
      expect(inAdditionOrder(pages), slug).toBe(true);
      expect(feed.querySelector('link[rel=self]')!.getAttribute('href')).toBe(`${SITE_URL}${feedHref}`);
    }
  });
});

describe('feed entries', () => {
  it('say who and when before the abstract, in the byline style of the lists', () => {
    const feed = parse(read('feed.xml'));
    const list = parse(read('papers/newest/index.html'));
    const bylines = new Map(
      list
        .querySelectorAll('.paper-list li')
        .map((li) => [
          `${SITE_URL}${li.querySelector('.paper-list-title a')!.getAttribute('href')}`,
          li.querySelector('.paper-list-byline')?.text.replace(/\s+/g, ' ').trim(),
        ]),
    );
    const entries = feed.querySelectorAll('entry');
    expect(entries.length).toBeGreaterThan(50);
    for (const entry of entries) {
      const byline = bylines.get(entry.querySelector('id')!.text);
      if (byline) expect(entry.querySelector('summary')!.text.startsWith(`${byline} — `), byline).toBe(true);
    }
  });
});
