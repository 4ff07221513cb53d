/**
 * "Find it elsewhere" links by identifier: a reader lands on the paper, not on a list of
 * look-alike titles; only what has no identifier route is searched by title.
 */
import { describe, expect, it } from 'vitest';
import { findPaperLinks } from '../../src/paper/links.ts';

const title = 'Neurons in Large Language Models: Dead, N-gram, Positional';

describe('links out', () => {
  it('by arXiv id: Semantic Scholar’s /arxiv/ page and Connected Papers’ redirect; Google Scholar by exact title', () => {
    expect(findPaperLinks({ title, arxiv: '2309.04827', doi: '10.18653/v1/2024.findings-acl.75' })).toEqual([
      { label: 'Semantic Scholar', url: 'https://www.semanticscholar.org/arxiv/2309.04827' },
      { label: 'Connected Papers', url: 'https://www.connectedpapers.com/api/redirect/arxiv/2309.04827' },
      {
        label: 'Google Scholar',
        url: 'https://scholar.google.com/scholar?q=allintitle%3A%22Neurons%20in%20Large%20Language%20Models%3A%20Dead%2C%20N-gram%2C%20Positional%22',
      },
    ]);
  });

  it('an old-style arXiv id keeps its slash', () => {
    expect(findPaperLinks({ title, arxiv: 'q-bio/0601001' })[1]!.url).toBe(
      'https://www.connectedpapers.com/api/redirect/arxiv/q-bio/0601001',
    );
  });

  it('by DOI alone: Semantic Scholar’s lookup, each segment of the DOI encoded; no Connected Papers', () => {
    const links = findPaperLinks({ title, doi: '10.1002/(sici)1097-4636(199706)35:4<465::aid-jbm7>3.0.co;2-x' });
    expect(links.map((l) => l.label)).toEqual(['arXiv', 'Hugging Face Papers', 'Semantic Scholar', 'Google Scholar']);
    expect(links[2]!.url).toBe(
      'https://api.semanticscholar.org/DOI:10.1002/(sici)1097-4636(199706)35%3A4%3C465%3A%3Aaid-jbm7%3E3.0.co%3B2-x',
    );
  });

  it('by title only when there is no identifier', () => {
    expect(findPaperLinks({ title }).map((l) => l.url)).toEqual([
      expect.stringMatching(/^https:\/\/arxiv\.org\/search\/\?query=%22Neurons/),
      expect.stringMatching(/^https:\/\/huggingface\.co\/papers\?q=Neurons/),
      expect.stringMatching(/^https:\/\/www\.semanticscholar\.org\/search\?q=%22Neurons/),
      expect.stringMatching(/^https:\/\/scholar\.google\.com\/scholar\?q=allintitle/),
    ]);
  });
});
