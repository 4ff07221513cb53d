import { describe, expect, it } from 'vitest';
import { relatedDocuments, tokenize, topK } from '../../src/lib/similarity.ts';

const docs = [
  {
    id: 'snn-a',
    title: 'Spiking neural networks with delays',
    text: 'Spiking networks learn heterogeneous delays for motion detection.',
  },
  {
    id: 'snn-b',
    title: 'Delays in spiking networks',
    text: 'Heterogeneous synaptic delays improve spiking motif detection.',
  },
  {
    id: 'sae-a',
    title: 'Sparse autoencoders find features',
    text: 'Sparse autoencoders decompose polysemantic activations into features.',
  },
  {
    id: 'sae-b',
    title: 'Autoencoders and superposition',
    text: 'Sparse dictionary features resolve superposition and polysemantic neurons.',
  },
  { id: 'lonely', title: 'Bread', text: 'Sourdough fermentation.' },
];

describe('related papers', () => {
  const related = relatedDocuments(docs, 5);

  it('ranks the paper on the same subject first', () => {
    expect(related.get('snn-a')![0]).toBe('snn-b');
    expect(related.get('sae-a')![0]).toBe('sae-b');
  });

  it('never lists a paper as related to itself', () => {
    for (const [id, list] of related) expect(list).not.toContain(id);
  });

  it('lists nothing for a paper that shares no term', () => {
    expect(related.get('lonely')).toEqual([]);
  });

  it('is deterministic', () => {
    expect(relatedDocuments(docs, 5)).toEqual(related);
  });

  it('returns at most the requested count', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      id: `d${i}`,
      title: `spiking delays ${i}`,
      text: 'spiking delays motif',
    }));
    const lists = relatedDocuments(many, 5);
    // Thirty near-identical documents: each has 29 candidates, so exactly five are kept.
    expect(lists.size).toBe(30);
    for (const list of lists.values()) expect(list).toHaveLength(5);
  });

  it('picks the top k by score, ties by lower index, best first', () => {
    const scores = Float64Array.from([0.5, 0.9, 0.1, 0.9, 0.7, 0.3]);
    expect(topK([0, 1, 2, 3, 4, 5], scores, 3)).toEqual([1, 3, 4]);
    expect(topK([5, 4, 3, 2, 1, 0], scores, 3)).toEqual([1, 3, 4]);
    expect(topK([2], scores, 3)).toEqual([2]);
  });

  it('tokenises without stop words and folds plurals', () => {
    expect(tokenize('The Networks of spiking neurons and GPT-2')).toEqual(['spiking', 'gpt-2']);
    expect(tokenize('autoencoders autoencoder')).toEqual(['autoencoder', 'autoencoder']);
  });
});
