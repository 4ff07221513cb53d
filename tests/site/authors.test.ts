/** Authors a reader can follow: a page per author with two papers or more, every name a link. */
import { readdirSync, readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { BASE, read } from '../support/site.ts';

/** The seed's papers as the ingest wrote them. */
const papers = readdirSync('content/papers').map((name) => {
  const text = readFileSync(`content/papers/${name}`, 'utf8');
  return jsyaml.load(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!, { schema: jsyaml.CORE_SCHEMA }) as {
    title: string;
    slug: string;
    authors?: string[];
  };
});
const registry = JSON.parse(readFileSync('content/authors.json', 'utf8')) as {
  authors: Record<string, { name: string; names: string[] }>;
};
/** The paper slugs an author page lists. */
const listed = (slug: string) =>
  parse(read(`authors/${slug}/index.html`))
    .querySelectorAll('main .paper-list-title a')
    .map((a) => a.getAttribute('href')!.replace(`${BASE}papers/`, '').replace(/\/$/, ''));

describe('author pages', () => {
  it('list exactly the papers of held-out authors, newest first', () => {
    expect(listed('elena-voita')).toEqual([
      'lm-transparency-tool-interactive-tool-for-analyzing-transformer',
      'neurons-in-large-language-models-dead-n-gram-positional',
    ]);
    // Written "Laurent U Perrinet" by one source and "Laurent U. Perrinet" by another: one person.
    expect(listed('laurent-u-perrinet').sort()).toEqual(
      papers
        .filter((p) => p.authors?.some((a) => /^Laurent U\.? Perrinet$/.test(a)))
        .map((p) => p.slug)
        .sort(),
    );
  });

  it('exist for every author with two papers or more, each listing every paper that names them', () => {
    const named = new Map<string, Set<string>>();
    for (const paper of papers)
      for (const name of paper.authors ?? []) named.set(name, (named.get(name) ?? new Set()).add(paper.slug));
    for (const [name, slugs] of named) {
      const page = Object.entries(registry.authors).find(([, entry]) => entry.names.includes(name));
      if (slugs.size >= 2) expect(page, name).toBeDefined();
      if (page) expect(listed(page[0]), name).toEqual(expect.arrayContaining([...slugs]));
    }
    for (const [slug, entry] of Object.entries(registry.authors)) {
      const expected = papers.filter((p) => p.authors?.some((a) => entry.names.includes(a))).map((p) => p.slug);
      expect(listed(slug).sort(), slug).toEqual(expected.sort());
    }
  });

  it('name their co-authors, and the A–Z index lists every page with its count', () => {
    const voita = parse(read('authors/elena-voita/index.html'));
    expect(voita.querySelector('[aria-labelledby="coauthors-heading"]')!.text).toContain('Javier Ferrando');
    const index = parse(read('authors/index.html'));
    const entries = index.querySelectorAll('.author-index li').map((li) => li.text.replace(/\s+/g, ' ').trim());
    expect(entries).toHaveLength(Object.keys(registry.authors).length);
    expect(entries).toContain('Elena Voita 2 papers');
  });
});

describe('author names', () => {
  it('are links on every paper page: to the author page, or to a search for an author with one paper', () => {
    for (const paper of papers.filter((p) => p.authors)) {
      const links = parse(read(`papers/${paper.slug}/index.html`)).querySelectorAll('.paper-authors a');
      expect(
        links.map((a) => a.text),
        paper.slug,
      ).toEqual(paper.authors);
      for (const [i, a] of links.entries()) {
        const page = Object.entries(registry.authors).find(([, entry]) => entry.names.includes(paper.authors![i]!));
        expect(a.getAttribute('href')).toBe(
          page ? `${BASE}authors/${page[0]}/` : `${BASE}search/?q=${encodeURIComponent(paper.authors![i]!)}`,
        );
      }
    }
  });

  it('lead every list entry: the first author, linked, then year and venue in one style', () => {
    const list = parse(read('papers/index.html'));
    const bylines = list.querySelectorAll('.paper-list-byline').map((p) => p.text.replace(/\s+/g, ' ').trim());
    expect(bylines.length).toBeGreaterThan(90);
    for (const byline of bylines) expect(byline).toMatch(/^[^,]+(?: et al\.| and [^,]+)?, \d{4}(?: · .+)?$|^\d{4}/);
    expect(bylines).toContain('Voita et al., 2023 · Findings of ACL 2024');
  });
});
