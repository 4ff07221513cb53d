/**
 * Citations of each kind: the BibTeX entry parses with an independent parser (Citation.js's, not
 * the ingest's) into the right type and fields, the ingest reads it back to the same paper, and
 * the one-line reference is APA as a CSL processor writes it.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../src/ingest/readers/bibtex.ts';
import { bibtexEntry, citationKey, citationKind, citationLine, type CitablePaper } from '../../src/paper/citation.ts';

/** The entries of a BibTeX text as Citation.js's BibTeX parser reads them: type, key, fields. */
function parseWithCitationJs(text: string): { type: string; label: string; properties: Record<string, string> }[] {
  return plugins.input.chainLink(text, { target: '@biblatex/entries+list' }) as never;
}

const PREPRINT: CitablePaper = {
  title: 'Finding Neurons in a Haystack: Case Studies with Sparse Probing',
  authors: ['Wes Gurnee', 'Neel Nanda', 'Anneke van der Berg'],
  published: '2023-05-02',
  arxiv: '2305.01610',
  primaryCategory: 'cs.LG',
};
const CONFERENCE: CitablePaper = {
  title: 'Sparse Autoencoders Find Highly Interpretable Features in Language Models',
  authors: ['Hoagy Cunningham', 'Aidan Ewart'],
  published: '2023-09-15',
  arxiv: '2309.08600',
  primaryCategory: 'cs.LG',
  venue: {
    name: 'International Conference on Learning Representations',
    short: 'ICLR',
    kind: 'conference',
    year: '2024',
  },
};
const JOURNAL: CitablePaper = {
  title: 'Learning in Wilson-Cowan model for metapopulation',
  authors: ['Raffaele Marino', 'Lorenzo Buffoni'],
  published: '2024-06-24',
  arxiv: '2406.16453',
  doi: '10.1162/neco_a_01744',
  venue: { name: 'Neural Computation', kind: 'journal', year: '2025', volume: '37', issue: '4', pages: '701–741' },
  code: 'https://github.com/a/b_c',
};

describe('the BibTeX entry of each kind', () => {
  it('a preprint is @misc with eprint, archivePrefix, eprinttype and primaryClass, dated by its first version', () => {
    const [entry, ...more] = parseWithCitationJs(bibtexEntry(PREPRINT));
    expect(more).toEqual([]);
    expect(entry).toEqual({
      type: 'misc',
      label: 'gurnee2023finding',
      properties: {
        title: 'Finding Neurons in a Haystack: Case Studies with Sparse Probing',
        author: 'Gurnee, Wes and Nanda, Neel and van der Berg, Anneke',
        year: '2023',
        month: '05', // the parser expands the month macro
        date: '2023-05-02',
        eprint: '2305.01610',
        archiveprefix: 'arXiv',
        eprinttype: 'arxiv',
        primaryclass: 'cs.LG',
        publisher: 'arXiv',
        url: 'https://arxiv.org/abs/2305.01610',
      },
    });
  });

  it('a conference paper is @inproceedings with booktitle and the venue’s year, and keeps the arXiv id', () => {
    const [entry] = parseWithCitationJs(bibtexEntry(CONFERENCE));
    expect(entry).toMatchObject({
      type: 'inproceedings',
      label: 'cunningham2024sparse',
      properties: {
        booktitle: 'International Conference on Learning Representations',
        year: '2024',
        origdate: '2023-09-15',
        eprint: '2309.08600',
        archiveprefix: 'arXiv',
        eprinttype: 'arxiv',
      },
    });
    expect(entry!.properties).not.toHaveProperty('journal');
    expect(entry!.properties).not.toHaveProperty('date');
  });

  it('a journal article is @article with journal, volume, number, pages, and its DOI verbatim', () => {
    const text = bibtexEntry(JOURNAL);
    expect(text).toContain('doi = {10.1162/neco_a_01744}');
    expect(text).toContain('code = {https://github.com/a/b_c}');
    const [entry] = parseWithCitationJs(text);
    expect(entry).toMatchObject({
      type: 'article',
      label: 'marino2025learning',
      properties: {
        journal: 'Neural Computation',
        year: '2025',
        volume: '37',
        number: '4',
        pages: '701--741',
        doi: '10.1162/neco_a_01744',
        url: 'https://doi.org/10.1162/neco_a_01744',
        eprint: '2406.16453',
        eprinttype: 'arxiv',
      },
    });
    // Names keep their case in braces where a BibTeX style would lower-case them.
    expect(entry!.properties.title).toBe('Learning in {Wilson-Cowan} model for metapopulation');
  });

  it('reads back through the ingest as the same paper', () => {
    for (const paper of [PREPRINT, CONFERENCE, JOURNAL]) {
      const { papers, diagnostics } = readBibtex({
        file: 'content/sources/page.bib',
        format: 'bibtex',
        text: bibtexEntry(paper),
        lines: [],
      });
      expect(diagnostics).toEqual([]);
      expect(papers[0]).toMatchObject({
        title: paper.title,
        authors: paper.authors,
        published: paper.published,
        arxiv: paper.arxiv,
        ...(paper.doi && { doi: paper.doi }),
        ...(paper.venue && { venue: { name: paper.venue.name, year: paper.venue.year } }),
      });
    }
  });

  it('has no anon key: a paper without authors is keyed by its title', () => {
    const anonymous = {
      title: 'Adaptive coding efficiency in recurrent cortical circuits via gain control',
      published: '2023-05-31',
      arxiv: '2305.19869',
    };
    expect(citationKey(anonymous)).toBe('adaptive2023coding');
    const [entry] = parseWithCitationJs(bibtexEntry(anonymous));
    expect(entry!.properties).not.toHaveProperty('author');
  });

  it('escapes TeX in titles and names, so no text closes the value or starts a command', () => {
    const hostile = { title: 'A } \\input{x} % & 50_% title', authors: ['Eve {O}Hostile'] };
    const [entry, ...more] = parseWithCitationJs(bibtexEntry(hostile));
    expect(more).toEqual([]);
    expect(entry!.properties.title).toContain('\\}');
    expect(citationKind(hostile)).toBe('other');
  });
});

describe('the one-line reference', () => {
  it.each([
    [
      PREPRINT,
      'Gurnee, W., Nanda, N., & van der Berg, A. (2023). Finding Neurons in a Haystack: Case Studies with Sparse Probing (arXiv:2305.01610). arXiv. https://arxiv.org/abs/2305.01610',
    ],
    [
      CONFERENCE,
      'Cunningham, H., & Ewart, A. (2024). Sparse Autoencoders Find Highly Interpretable Features in Language Models. International Conference on Learning Representations. https://arxiv.org/abs/2309.08600',
    ],
    [
      JOURNAL,
      'Marino, R., & Buffoni, L. (2025). Learning in Wilson-Cowan model for metapopulation. Neural Computation, 37(4), 701–741. https://doi.org/10.1162/neco_a_01744',
    ],
    [
      { title: 'mini-TimeCube as a Neutron Scatter Camera', published: '2019-03', arxiv: '1903.01848' },
      'mini-TimeCube as a Neutron Scatter Camera (arXiv:1903.01848). (2019). arXiv. https://arxiv.org/abs/1903.01848',
    ],
  ])('is APA (%#)', (paper, line) => {
    expect(citationLine(paper)).toBe(line);
  });
});
