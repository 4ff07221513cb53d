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

/**
 * `count` synthetic papers as a scrape file (two header lines, "Subscribe", then title and
 * abstract lines). Titles are new combinations of seed title words, unique by construction;
 * abstracts are 4–9 seed sentences.
 */
export function syntheticScrape(scrape: string, count: number, seed = 1): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const { titles, abstracts } = seedPapers(scrape);
  const words = [...new Set(titles.flatMap((t) => t.split(/\s+/)).filter((w) => /^[A-Za-z][\w-]{2,}$/.test(w)))];
  const sentences = abstracts.flatMap((a) => a.match(/[^.!?]+[.!?]+(?=\s|$)/g) ?? []).map((s) => s.trim());
  const seen = new Set(titles.map((t) => t.toLowerCase()));
  const lines = ['Get trending papers in your email inbox once a day!', 'Get trending papers in your email inbox!'];
  for (let i = 0; i < count; i++) {
    let title: string;
    do {
      const length = 4 + Math.floor(next() * 7);
      title = Array.from({ length }, () => pick(words)).join(' ');
    } while (seen.has(title.toLowerCase()));
    seen.add(title.toLowerCase());
    const sentenceCount = 4 + Math.floor(next() * 6);
    const abstract = Array.from({ length: sentenceCount }, () => pick(sentences)).join(' ');
    lines.push(i === 0 ? `Subscribe${title}` : title, abstract);
  }
  return `${lines.join('\n')}\n`;
}
