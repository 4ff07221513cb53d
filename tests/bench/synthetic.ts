/**
 * Synthetic scrapes in the seed's own format, made from the seed's own words and sentences
 * (debris included), deterministic for a given seed number. Used by the benchmark.
 */

import { random } from '../../src/lib/random.ts';

/** The seed's titles and abstracts, without its header lines. */
export function seedPapers(scrape: string): { titles: string[]; abstracts: string[] } {
  const lines = scrape.split('\n').filter((line) => line.trim() !== '');
  const content = lines.filter((line) => !/^Get trending papers/.test(line));
  content[0] = content[0]!.replace(/^Subscribe/, '');
  const titles: string[] = [];
  const abstracts: string[] = [];
  content.forEach((line, i) => (i % 2 === 0 ? titles : abstracts).push(line));
  return { titles, abstracts };
}

/** A synthetic paper: a title and an abstract made of the seed's words and sentences. */
export interface SyntheticPaper {
  title: string;
  abstract: string;
}

/**
 * `count` synthetic papers. Titles are new combinations of seed title words, unique by
 * construction; abstracts are 4–9 seed sentences.
 */
export function syntheticPapers(scrape: string, count: number, seed = 1): SyntheticPaper[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const { titles, abstracts } = seedPapers(scrape);
  const words = [...new Set(titles.flatMap((t) => t.split(/\s+/)).filter((w) => /^[A-Za-z][\w-]{2,}$/.test(w)))];
  const sentences = abstracts.flatMap((a) => a.match(/[^.!?]+[.!?]+(?=\s|$)/g) ?? []).map((s) => s.trim());
  const seen = new Set(titles.map((t) => t.toLowerCase()));
  const papers: SyntheticPaper[] = [];
  for (let i = 0; i < count; i++) {
    let title: string;
    do {
      const length = 4 + Math.floor(next() * 7);
      title = Array.from({ length }, () => pick(words)).join(' ');
    } while (seen.has(title.toLowerCase()));
    seen.add(title.toLowerCase());
    const sentenceCount = 4 + Math.floor(next() * 6);
    papers.push({ title, abstract: Array.from({ length: sentenceCount }, () => pick(sentences)).join(' ') });
  }
  return papers;
}

/** Synthetic papers as a scrape file (two header lines, "Subscribe", then title and abstract lines). */
export function syntheticScrape(scrape: string, count: number, seed = 1): string {
  const lines = ['Get trending papers in your email inbox once a day!', 'Get trending papers in your email inbox!'];
  syntheticPapers(scrape, count, seed).forEach(({ title, abstract }, i) =>
    lines.push(i === 0 ? `Subscribe${title}` : title, abstract),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The identities of synthetic papers as BibTeX: made-up arXiv ids (from 2015, which no seed
 * paper uses) and authors drawn from a pool of names made of the seed's given and family names,
 * a few of them prolific (a power law, as in real collections), so that author pages appear in
 * numbers like a real collection's.
 */
export function syntheticIdentities(papers: readonly SyntheticPaper[], identities: string, seed = 1): string {
  const next = random(seed);
  const names = [...identities.matchAll(/author = \{([^}]*)\}/g)].flatMap((m) => m[1]!.split(' and '));
  const family = [...new Set(names.map((n) => n.split(',')[0]!.trim()))].filter((n) => /^[A-Za-z-]+$/.test(n));
  const given = [...new Set(names.map((n) => n.split(',')[1]?.trim().split(' ')[0] ?? ''))].filter((n) =>
    /^[A-Za-z]{2,}$/.test(n),
  );
  const pool = Math.max(200, papers.length);
  const author = (index: number) =>
    `${family[Math.floor(index / given.length) % family.length]}, ${given[index % given.length]}`;
  return papers
    .map(({ title }, i) => {
      const month = Math.floor(i / 99_999);
      const id = `${15 + Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}.${String((i % 99_999) + 1).padStart(5, '0')}`;
      const count = 1 + Math.floor(next() * 6);
      const authors = [...new Set(Array.from({ length: count }, () => author(Math.floor(pool * next() ** 3))))];
      return `@misc{syn${i},\n  title = {${title}},\n  author = {${authors.join(' and ')}},\n  year = {2024},\n  eprint = {${id}},\n  archivePrefix = {arXiv}\n}\n`;
    })
    .join('\n');
}
