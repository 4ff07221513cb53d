/**
 * The map's colours: one per topic, whatever the number of topics, and one apart for the
 * off-topic bin. A Glasbey-style categorical palette (Glasbey et al., "Colour displays for
 * categorical images", 2007): each colour was picked in turn, from OKLCH candidates, as the one
 * farthest (OKLab distance, in both themes) from all colours before it and from the off-topic
 * grey, among those with at least 3.3:1 contrast against the page and the soft background in
 * its theme (WCAG 2.2 non-text contrast asks 3:1). So neighbouring topics are never close, and
 * the first colours are the most distinct. tests/unit/palette.test.ts checks both properties.
 */
import { allTopics, type Taxonomy } from '../lib/taxonomy.ts';

/** One colour in both themes. */
export interface ThemeColour {
  light: string;
  dark: string;
}

/** Topic colours in order; a collection with more topics than this reuses them from the start. */
export const TOPIC_PALETTE: readonly ThemeColour[] = [
  { light: '#37981b', dark: '#93f47d' },
  { light: '#d44f13', dark: '#f86f3c' },
  { light: '#86046b', dark: '#fa7ed5' },
  { light: '#7858bb', dark: '#a789f0' },
  { light: '#937e3c', dark: '#edd692' },
  { light: '#4a690c', dark: '#9bc06a' },
  { light: '#329286', dark: '#90ebde' },
  { light: '#1e85d4', dark: '#45a4f6' },
  { light: '#763638', dark: '#f9adac' },
  { light: '#40477e', dark: '#b4c0ff' },
  { light: '#a64d67', dark: '#dc7d96' },
  { light: '#7d541a', dark: '#c1955e' },
  { light: '#9b6d9f', dark: '#f6c4f9' },
  { light: '#794a77', dark: '#d19dce' },
  { light: '#0c5c3c', dark: '#6ab08b' },
  { light: '#1d7a93', dark: '#57acc5' },
];

/** The off-topic bin: a neutral grey, unlike every topic colour. */
export const OFF_TOPIC_COLOUR: ThemeColour = { light: '#5f6670', dark: '#a3a9b3' };

/** Each topic's colour, by slug: real topics in taxonomy order, the off-topic bin grey. */
export function topicColours(taxonomy: Taxonomy): Map<string, ThemeColour> {
  return new Map(
    allTopics(taxonomy).map((topic, i) => [
      topic.slug,
      topic.slug === taxonomy.offTopic.slug ? OFF_TOPIC_COLOUR : TOPIC_PALETTE[i % TOPIC_PALETTE.length]!,
    ]),
  );
}

/** The class that gives a topic's colour (`--c`) to a map point, dots, swatch or list number. */
export function topicColourClass(slug: string): string {
  return `topic-${slug}`;
}

/** The stylesheet of the topic colours, one rule per topic, both themes through `light-dark()`. */
export function topicColoursCss(taxonomy: Taxonomy): string {
  return [...topicColours(taxonomy)]
    .map(
      ([slug, { light, dark }]) =>
        `:where(.map-view, .map-legend, .paper-list) .${topicColourClass(slug)} { --c: light-dark(${light}, ${dark}); }`,
    )
    .join('\n');
}
