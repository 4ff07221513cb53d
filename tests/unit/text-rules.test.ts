import { describe, expect, it } from 'vitest';
import {
  approximateTilde,
  cleanProse,
  closeOpenQuote,
  latexAccents,
  latexDashes,
  latexQuotes,
  latexSpecials,
  latexTies,
  orphanBraces,
  sentenceSpace,
  spaceBeforePunctuation,
  straightQuotes,
  strippedRelations,
  superscripts,
  type TextRule,
} from '../../src/ingest/clean/text-rules.ts';

// Every row is a real case from the seed scrape unless marked otherwise.
const cases: [string, TextRule, string, string][] = [
  ['latexSpecials', latexSpecials, 'find that 1-5\\% of neurons', 'find that 1-5% of neurons'],
  ['latexSpecials', latexSpecials, 'uses 0.3\\% of its neurons', 'uses 0.3% of its neurons'],
  ['latexSpecials (ampersand, made up)', latexSpecials, 'R\\&D', 'R&D'],
  ['latexAccents acute', latexAccents, "Estos apuntes est\\'an", 'Estos apuntes están'],
  ['latexAccents tilde', latexAccents, 'dise\\~nados para', 'diseñados para'],
  ['latexAccents several', latexAccents, "matem\\'aticamente y gr\\'aficamente", 'matemáticamente y gráficamente'],
  ['latexAccents braced (made up)', latexAccents, "Poincar\\'{e}", 'Poincaré'],
  ['latexDashes range', latexDashes, 'in the 1 -- 10 MeV energy range', 'in the 1–10 MeV energy range'],
  ['latexDashes aside', latexDashes, 'training paradigm -- Contrastive', 'training paradigm – Contrastive'],
  ['latexDashes separator', latexDashes, 'backpropagation. ----- Estos', 'backpropagation. — Estos'],
  [
    "latexQuotes ``…''",
    latexQuotes,
    "identify individual ``space neurons'' and",
    'identify individual “space neurons” and',
  ],
  ['latexQuotes ``…"', latexQuotes, 'its ``Hard Reset" mechanism', 'its “Hard Reset” mechanism'],
  [
    "latexQuotes ''…''",
    latexQuotes,
    "phenomenon of ''Spontaneous Multilingual Alignment''.",
    'phenomenon of “Spontaneous Multilingual Alignment”.',
  ],
  ['straightQuotes pair', straightQuotes, 'the "outer" brain', 'the “outer” brain'],
  ['straightQuotes apostrophe', straightQuotes, "enhance LLMs' multilingual", 'enhance LLMs’ multilingual'],
  [
    'straightQuotes single pair',
    straightQuotes,
    "beyond 'dendritic democracy', we",
    'beyond ‘dendritic democracy’, we',
  ],
  [
    'strippedRelations lesssim',
    strippedRelations,
    'to their BMU is lesssim 5 (accounting',
    'to their BMU is ≲ 5 (accounting',
  ],
  ['strippedRelations gtrsim', strippedRelations, 'at Euclidean distances gtrsim 7.', 'at Euclidean distances ≳ 7.'],
  [
    'strippedRelations thicksim',
    strippedRelations,
    'volume to thicksim100 picoseconds and thicksim5 mm',
    'volume to ∼100 picoseconds and ∼5 mm',
  ],
  ['approximateTilde', approximateTilde, 'gather data at ~10^9 bits/s', 'gather data at ∼10^9 bits/s'],
  ['approximateTilde factor', approximateTilde, 'a further ~5x reduction', 'a further ∼5x reduction'],
  ['latexTies', latexTies, 'language neurons~(including', 'language neurons\u00a0(including'],
  ['superscripts power of ten', superscripts, 'at ∼10^9 bits/s', 'at ∼10⁹ bits/s'],
  ['superscripts after a name', superscripts, 'benchmark LLMEval^2 for', 'benchmark LLMEval² for'],
  ['superscripts braced (made up)', superscripts, '10^{-12} s', '10⁻¹² s'],
  ['orphanBraces', orphanBraces, 'expert counts to enhance} mechanistic', 'expert counts to enhance mechanistic'],
  [
    'orphanBraces second',
    orphanBraces,
    'to fundamentally adjust} model behavior',
    'to fundamentally adjust model behavior',
  ],
  ['orphanBraces keeps pairs (made up)', orphanBraces, 'write {x} and a}', 'write {x} and a'],
  [
    'sentenceSpace',
    sentenceSpace,
    'their finetuned counterparts.Our results',
    'their finetuned counterparts. Our results',
  ],
  ['sentenceSpace second', sentenceSpace, 'disrupting the other.We approach', 'disrupting the other. We approach'],
  [
    'sentenceSpace keeps versions',
    sentenceSpace,
    'Contrastive (Wav2Vec2.0) and Llama3.1-8B',
    'Contrastive (Wav2Vec2.0) and Llama3.1-8B',
  ],
  [
    'sentenceSpace keeps initials',
    sentenceSpace,
    'nematode C. elegans and e.g. cities',
    'nematode C. elegans and e.g. cities',
  ],
  ['spaceBeforePunctuation', spaceBeforePunctuation, 'found https://github.com/x/y .', 'found https://github.com/x/y.'],
  ['closeOpenQuote', closeOpenQuote, 'such as “a class with properties.', 'such as “a class with properties.”'],
  ['closeOpenQuote leaves balanced', closeOpenQuote, 'the “outer” brain.', 'the “outer” brain.'],
];

describe('text rules', () => {
  it.each(cases)('%s: %j', (_name, rule, input, expected) => {
    expect(rule(input)).toBe(expected);
  });

  it('runs all rules in an order where none undoes another', () => {
    const input =
      "We find ``space neurons'' at ~10^9 bits/s -- about 1-5\\% of est\\'an neurons~(i) enhance} it.Our work";
    expect(cleanProse(input)).toBe(
      'We find “space neurons” at ∼10⁹ bits/s – about 1-5% of están neurons\u00a0(i) enhance it. Our work',
    );
  });
});
