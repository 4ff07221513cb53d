/**
 * A list's papers taken away: each topic, tag, author and the whole collection as BibTeX (and
 * CSL-JSON), read back by an independent parser (Citation.js, not the ingest's BibTeX parser),
 * holding exactly the list's papers.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { BASE, read, siteDir } from '../support/site.ts';

/** The entries of a BibTeX file as an independent parser reads them. */
const bibtexEntries = (text: string) =>
  plugins.input.chainLink(text, { target: '@biblatex/entries+list' }) as {
    label: string;
    properties: { title?: string };
  }[];

/** The paper pages a list page links to, over all its pages (A–Z order only). */
function listedPapers(listDir: string): Set<string> {
  const dir = path.join(siteDir(), listDir);
  const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('index.html') && !file.startsWith('newest'),
  );
  return new Set(
    pages.flatMap((file) =>
      parse(read(path.join(listDir, file)))
        .querySelectorAll('main .paper-list-title a')
        .map((a) => a.getAttribute('href')!),
    ),
  );
}

/** The paper pages a BibTeX export names, from the marker before each entry. */
const exportedPapers = (text: string) => new Set([...text.matchAll(/^% (\S+)$/gm)].map((m) => m[1]!));

const lists = [
  '',
  ...['topics', 'tags', 'authors'].flatMap((kind) =>
    readdirSync(path.join(siteDir(), kind), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${kind}/${d.name}/`),
  ),
];

describe('exports', () => {
  it.each(lists.map((list) => [list || '(all papers)', list]))(
    '%s: a BibTeX file that parses, one entry per paper of the list, unique keys',
    (_, list) => {
      const papersDir = list || 'papers/';
      const text = read(`${list}papers.bib`);
      const entries = bibtexEntries(text);
      const listed = listedPapers(papersDir);
      expect(entries.length).toBe(listed.size);
      expect(exportedPapers(text)).toEqual(listed);
      expect(new Set(entries.map((e) => e.label)).size).toBe(entries.length);
      expect(entries.every((e) => e.properties.title)).toBe(true);
    },
  );

  it('offer CSL-JSON beside BibTeX for the collection, topics and tags, with the same papers', () => {
    for (const list of lists.filter((l) => !l.startsWith('authors/'))) {
      const items = JSON.parse(read(`${list}papers.csl.json`)) as { id: string; title: string }[];
      const entries = bibtexEntries(read(`${list}papers.bib`));
      expect(items.map((i) => i.id)).toEqual(entries.map((e) => e.label));
    }
  });

  it('are linked from every list page and author page, as downloads', () => {
    const links = (file: string) =>
      parse(read(file))
        .querySelectorAll('.export-links a')
        .map((a) => [a.text.trim(), a.getAttribute('href')]);
    expect(links('topics/spiking/index.html')).toEqual([
      ['BibTeX', `${BASE}topics/spiking/papers.bib`],
      ['CSL-JSON', `${BASE}topics/spiking/papers.csl.json`],
    ]);
    expect(links('papers/index.html')).toEqual([
      ['BibTeX', `${BASE}papers.bib`],
      ['CSL-JSON', `${BASE}papers.csl.json`],
    ]);
    expect(links('authors/elena-voita/index.html')).toEqual([['BibTeX', `${BASE}authors/elena-voita/papers.bib`]]);
    expect(parse(read('tags/sparse-autoencoders/index.html')).querySelector('.export-links')!.text).toMatch(
      /^Export all \d+ papers for a reference manager: BibTeX · CSL-JSON$/,
    );
  });
});
