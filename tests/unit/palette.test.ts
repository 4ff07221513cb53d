/** The map's colours: one per topic whatever their number, each readable and each distinct. */
import { differenceEuclidean, wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import type { Taxonomy } from '../../src/lib/taxonomy.ts';
import { OFF_TOPIC_COLOUR, topicColours, topicColoursCss } from '../../src/map/palette.ts';
import { projectTaxonomy } from '../support/taxonomy.ts';

/** The page backgrounds of each theme (src/styles/global.css: --bg, --bg-soft). */
const BACKGROUNDS = { light: ['#ffffff', '#f4f5f7'], dark: ['#15171b', '#1f2228'] } as const;

/** Below this OKLab distance two colours are hard to tell apart on a small point. */
const DISTINCT = 0.08;

const distance = differenceEuclidean('oklab');

/** The seed taxonomy grown to `count` real topics. */
function taxonomyWith(count: number): Taxonomy {
  const seed = projectTaxonomy();
  const topics = Array.from({ length: count }, (_, i) => ({ ...seed.topics[0]!, slug: `topic-${i}`, name: `T${i}` }));
  return { ...seed, topics };
}

describe('the topic palette', () => {
  it('gives 14 topics 14 distinct colours and the off-topic bin its own grey', () => {
    const colours = topicColours(taxonomyWith(14));
    expect(colours.size).toBe(15);
    expect(colours.get('off-topic')).toEqual(OFF_TOPIC_COLOUR);
    for (const theme of ['light', 'dark'] as const) {
      const list = [...colours.values()].map((colour) => colour[theme]);
      expect(new Set(list).size).toBe(15);
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++)
          expect(distance(list[i]!, list[j]!), `${theme}: ${list[i]} vs ${list[j]}`).toBeGreaterThanOrEqual(DISTINCT);
    }
  });

  it('keeps every colour at 3:1 or more against the page in both themes (WCAG non-text contrast)', () => {
    for (const [slug, colour] of topicColours(taxonomyWith(14)))
      for (const theme of ['light', 'dark'] as const)
        for (const background of BACKGROUNDS[theme])
          expect(wcagContrast(colour[theme], background), `${slug} (${theme}) on ${background}`).toBeGreaterThanOrEqual(
            3,
          );
  });

  it('does not make a 12th topic grey, as colours picked by position did', () => {
    const colours = topicColours(taxonomyWith(12));
    expect(colours.get('topic-11')).not.toEqual(OFF_TOPIC_COLOUR);
  });

  it('writes one rule per topic of the seed taxonomy, off-topic included', () => {
    const taxonomy = projectTaxonomy();
    const css = topicColoursCss(taxonomy);
    expect(css.split('\n')).toHaveLength(taxonomy.topics.length + 1);
    expect(css).toContain(`.topic-off-topic { --c: light-dark(${OFF_TOPIC_COLOUR.light}, ${OFF_TOPIC_COLOUR.dark}); }`);
  });
});
