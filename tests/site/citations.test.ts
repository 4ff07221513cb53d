/**
 * Facts a researcher can trust, on every built paper page: one valid DOI wherever the page names
 * it (shown, linked, Highwire, JSON-LD, BibTeX); the head tags that make Zotero create the right
 * item of each kind (pinned from what Zotero's translation-server made of them, docs/zotero.md);
 * a BibTeX entry that an independent parser reads as the right type with the right fields; the
 * APA reference; links out by identifier.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import jsyaml from 'js-yaml';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOI_PATTERN } from '../../src/lib/identifiers.ts';
import { splitPage } from '../../src/lib/page-file.ts';
import type { Venue } from '../../src/lib/venues.ts';
import { read } from '../support/site.ts';

/** What the ingest wrote for each paper: the expectations come from the data, not the markup. */
interface Paper {
  slug: string;
  title: string;
  abstract: string;
  authors?: string[];
  published?: string;
  arxiv?: string;
  doi?: string;
  primaryCategory?: string;
  venue?: Venue;
}
const papers = readdirSync('content/papers').map(
  (name) =>
    jsyaml.load(splitPage(readFileSync(`content/papers/${name}`, 'utf8'))!.yaml, {
      schema: jsyaml.CORE_SCHEMA,
    }) as Paper,
);
const kindOf = (p: Paper) => (p.venue ? (p.venue.kind === 'journal' ? 'journal' : 'conference') : 'preprint');
const bySlug = (slug: string) => papers.find((p) => p.slug === slug)!;

let docs: Map<string, HTMLElement>;
beforeAll(() => {
  // <pre> parsed as markup, not raw text (the parser's default): the BibTeX is in its <code>.
  const options = { blockTextElements: { script: true, noscript: true, style: true } };
  docs = new Map(papers.map((p) => [p.slug, parse(read(`papers/${p.slug}/index.html`), options)]));
});
const doc = (slug: string) => docs.get(slug)!;
/** The contents of the head's `<meta name=…>` tags, in document order; only direct children of <head> count for Zotero. */
const meta = (slug: string, name: string) =>
  doc(slug)
    .querySelectorAll(`head > meta[name="${name}"]`)
    .map((m) => m.getAttribute('content')!);
const jsonLd = (slug: string) =>
  JSON.parse(doc(slug).querySelector('script[type="application/ld+json"]')!.text) as {
    identifier?: { propertyID: string; value: string }[];
    sameAs?: string[];
    author?: unknown[];
  };
const bibtexText = (slug: string) => doc(slug).querySelector('.cite-bibtex code')!.text;
/** The page's BibTeX as Citation.js's BibTeX parser reads it (not the ingest's parser). */
const bibtex = (slug: string) =>
  plugins.input.chainLink(bibtexText(slug), { target: '@biblatex/entries+list' }) as {
    type: string;
    label: string;
    properties: Record<string, string>;
  }[];

describe('identifiers are the same valid DOI everywhere a page names them', () => {
  it('each DOI shown, linked, in citation_doi, in JSON-LD and in the BibTeX block', () => {
    const withDoi = papers.filter((p) => p.doi);
    expect(withDoi.length).toBeGreaterThanOrEqual(12);
    for (const paper of papers) {
      const page = doc(paper.slug);
      const link = page.querySelector('a.paper-link-doi');
      const ld = jsonLd(paper.slug);
      const [entry] = bibtex(paper.slug);
      const found = {
        shown: link?.text.replace(/^DOI /, ''),
        linked: link ? decodeURIComponent(link.getAttribute('href')!.replace('https://doi.org/', '')) : undefined,
        highwire: meta(paper.slug, 'citation_doi')[0],
        jsonLd: ld.identifier?.find((i) => i.propertyID === 'DOI')?.value,
        jsonLdLink: ld.sameAs?.find((u) => u.startsWith('https://doi.org/'))?.replace('https://doi.org/', ''),
        bibtex: entry!.properties.doi,
        bibtexUrl: entry!.properties.url?.startsWith('https://doi.org/')
          ? decodeURIComponent(entry!.properties.url.replace('https://doi.org/', ''))
          : undefined,
      };
      const expected = paper.doi;
      expect(found, paper.slug).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, expected])));
      if (expected) expect(expected, paper.slug).toMatch(DOI_PATTERN);
    }
  });

  it('the two DOIs that kept a BibTeX escape are right now, and no page holds a backslash in a DOI', () => {
    expect(meta('learning-in-wilson-cowan-model-for-metapopulation', 'citation_doi')).toEqual(['10.1162/neco_a_01744']);
    expect(
      doc('accurate-detection-of-spiking-motifs-by-learning-heterogeneous')
        .querySelector('a.paper-link-doi')!
        .getAttribute('href'),
    ).toBe('https://doi.org/10.1007/978-3-031-44207-0_31');
    for (const paper of papers) {
      const html = read(`papers/${paper.slug}/index.html`);
      expect(html, paper.slug).not.toMatch(/doi\.org\/[^"\s<]*(?:%5C|\\)/i);
      expect(bibtexText(paper.slug), paper.slug).not.toContain('\\_');
    }
  });
});

describe('Zotero reads each kind right (head tags as translation-server verified them)', () => {
  const KINDS = ['preprint', 'conference', 'journal'] as const;

  it('the seed has papers of every kind', () => {
    const counts = Object.fromEntries(KINDS.map((k) => [k, papers.filter((p) => kindOf(p) === k).length]));
    expect(counts.preprint).toBeGreaterThanOrEqual(50);
    expect(counts.conference).toBeGreaterThanOrEqual(45);
    expect(counts.journal).toBeGreaterThanOrEqual(10);
  });

  it('every page: title, each author, date, the whole abstract, the PDF, and the arXiv id in Extra', () => {
    for (const p of papers) {
      expect(meta(p.slug, 'citation_title'), p.slug).toEqual([p.title]);
      expect(meta(p.slug, 'citation_author').length, p.slug).toBe(p.authors?.length ?? 0);
      expect(meta(p.slug, 'citation_publication_date'), p.slug).toEqual([
        p.venue?.year ?? p.published!.replaceAll('-', '/'),
      ]);
      // Zotero takes the abstract from this tag whole; the description is only its opening.
      expect(meta(p.slug, 'citation_abstract'), p.slug).toEqual([p.abstract]);
      expect(meta(p.slug, 'citation_pdf_url'), p.slug).toEqual([`https://arxiv.org/pdf/${p.arxiv}`]);
      const archive = p.primaryCategory?.split('.')[0];
      expect(meta(p.slug, 'z.extra'), p.slug).toEqual([`arXiv:${p.arxiv}${archive ? ` [${archive}]` : ''}`]);
      // One type-setting tag per page: Zotero takes the last one in document order.
      const typeTags = [
        'citation_journal_title',
        'citation_conference_title',
        'citation_inbook_title',
        'citation_book_title',
        'citation_technical_report_institution',
        'citation_dissertation_institution',
      ];
      expect(typeTags.flatMap((t) => meta(p.slug, t)).length, p.slug).toBe(kindOf(p) === 'preprint' ? 0 : 1);
      // COinS and unAPI would outrank Embedded Metadata; og:type=website would make a web page.
      expect(doc(p.slug).querySelector('span.Z3988, link[rel="unapi-server"]'), p.slug).toBeNull();
      expect(doc(p.slug).querySelector('meta[property="og:type"]')!.getAttribute('content')).toBe('article');
    }
  });

  it('a preprint: DC.type preprint, arXiv as publisher, its id as report number, no venue', () => {
    for (const p of papers.filter((x) => kindOf(x) === 'preprint')) {
      expect(meta(p.slug, 'DC.type'), p.slug).toEqual(['preprint']);
      expect(meta(p.slug, 'citation_publisher'), p.slug).toEqual(['arXiv']);
      expect(meta(p.slug, 'citation_technical_report_number'), p.slug).toEqual([`arXiv:${p.arxiv}`]);
      expect(meta(p.slug, 'prism.publicationName'), p.slug).toEqual([]);
    }
  });

  it('a conference or workshop paper: the conference and the proceedings, and no preprint type', () => {
    for (const p of papers.filter((x) => kindOf(x) === 'conference')) {
      expect(meta(p.slug, 'citation_conference_title'), p.slug).toEqual([p.venue!.name]);
      expect(meta(p.slug, 'prism.publicationName'), p.slug).toEqual([p.venue!.name]);
      expect(meta(p.slug, 'DC.type'), p.slug).toEqual([]);
    }
  });

  it('a journal article: the journal, its abbreviation, volume, issue and pages', () => {
    for (const p of papers.filter((x) => kindOf(x) === 'journal')) {
      expect(meta(p.slug, 'citation_journal_title'), p.slug).toEqual([p.venue!.name]);
      expect(meta(p.slug, 'citation_journal_abbrev'), p.slug).toEqual(p.venue!.short ? [p.venue!.short] : []);
      expect(meta(p.slug, 'DC.type'), p.slug).toEqual([]);
    }
    const neco = 'learning-in-wilson-cowan-model-for-metapopulation';
    expect(
      ['citation_volume', 'citation_issue', 'citation_firstpage', 'citation_lastpage'].map((n) => meta(neco, n)),
    ).toEqual([['37'], ['4'], ['701'], ['741']]);
  });

  it.each([
    [
      'preprint',
      'a-brain-basis-of-dynamical-intelligence-for-ai-and-computational',
      [
        ['citation_title', 'A brain basis of dynamical intelligence for AI and computational neuroscience'],
        ['citation_author', 'Monaco, Joseph D.'],
        ['citation_author', 'Rajan, Kanaka'],
        ['citation_author', 'Hwang, Grace M.'],
        ['citation_publication_date', '2021/05/15'],
        ['citation_abstract', expect.stringMatching(/^The deep neural nets .* Investigators Meeting\.$/)],
        ['citation_arxiv_id', '2105.07284'],
        ['citation_pdf_url', 'https://arxiv.org/pdf/2105.07284'],
        ['citation_publisher', 'arXiv'],
        ['citation_technical_report_number', 'arXiv:2105.07284'],
        ['DC.type', 'preprint'],
        ['z.extra', 'arXiv:2105.07284 [q-bio]'],
      ],
    ],
    [
      'conference',
      'rigorously-assessing-natural-language-explanations-of-neurons',
      [
        ['citation_title', 'Rigorously Assessing Natural Language Explanations of Neurons'],
        ['citation_author', 'Huang, Jing'],
        ['citation_author', 'Geiger, Atticus'],
        ['citation_author', 'D’Oosterlinck, Karel'],
        ['citation_author', 'Wu, Zhengxuan'],
        ['citation_author', 'Potts, Christopher'],
        ['citation_publication_date', '2023'],
        ['citation_abstract', expect.stringMatching(/^Natural language is an appealing medium/)],
        ['citation_arxiv_id', '2309.10312'],
        ['citation_pdf_url', 'https://arxiv.org/pdf/2309.10312'],
        ['citation_doi', '10.18653/v1/2023.blackboxnlp-1.24'],
        ['citation_conference_title', 'BlackboxNLP Workshop on Analyzing and Interpreting Neural Networks for NLP'],
        ['prism.publicationName', 'BlackboxNLP Workshop on Analyzing and Interpreting Neural Networks for NLP'],
        ['citation_firstpage', '317'],
        ['citation_lastpage', '331'],
        ['z.extra', 'arXiv:2309.10312 [cs]'],
      ],
    ],
    [
      'journal',
      'transformation-of-stimulus-correlations-by-the-retina',
      [
        ['citation_title', 'Transformation of stimulus correlations by the retina'],
        ['citation_author', 'Simmons, Kristina D.'],
        ['citation_author', 'Prentice, Jason S.'],
        ['citation_author', 'Tkačik, Gašper'],
        ['citation_author', 'Homann, Jan'],
        ['citation_author', 'Yee, Heather K.'],
        ['citation_author', 'Palmer, Stephanie E.'],
        ['citation_author', 'Nelson, Philip C.'],
        ['citation_author', 'Balasubramanian, Vijay'],
        ['citation_publication_date', '2013'],
        ['citation_abstract', expect.any(String)],
        ['citation_arxiv_id', '1307.0058'],
        ['citation_pdf_url', 'https://arxiv.org/pdf/1307.0058'],
        ['citation_doi', '10.1371/journal.pcbi.1003344'],
        ['citation_journal_title', 'PLOS Computational Biology'],
        ['citation_journal_abbrev', 'PLOS Comput. Biol.'],
        ['citation_volume', '9'],
        ['citation_issue', '12'],
        ['citation_firstpage', 'e1003344'],
        ['z.extra', 'arXiv:1307.0058'],
      ],
    ],
  ])('pins the head of a %s (%s), in order', (_, slug, expected) => {
    const head = doc(slug)
      .querySelectorAll('head > meta[name]')
      .map((m) => [m.getAttribute('name'), m.getAttribute('content')])
      .filter(([name]) => /^(citation_|DC\.|prism\.|z\.)/.test(name!));
    expect(head).toEqual(expected);
  });

  it('a paper no record names the authors of says so and sends no author', () => {
    for (const slug of [
      'adaptive-coding-efficiency-in-recurrent-cortical-circuits',
      'mini-timecube-as-a-neutron-scatter-camera',
    ]) {
      expect(bySlug(slug).authors).toBeUndefined();
      expect(doc(slug).querySelector('.paper-authors')!.text.trim()).toBe('Authors not known');
      expect(meta(slug, 'citation_author')).toEqual([]);
      expect(jsonLd(slug).author).toBeUndefined();
    }
  });
});

describe('the citation block', () => {
  it('every page’s BibTeX is one entry of its kind, with the venue, its year and the arXiv id', () => {
    for (const p of papers) {
      const entries = bibtex(p.slug);
      expect(entries, p.slug).toHaveLength(1);
      const { type, label, properties } = entries[0]!;
      expect(label, p.slug).not.toMatch(/^anon/);
      expect(type, p.slug).toBe({ preprint: 'misc', conference: 'inproceedings', journal: 'article' }[kindOf(p)]);
      expect(properties.title, p.slug).toBeTruthy();
      expect(properties).toMatchObject({ eprint: p.arxiv, archiveprefix: 'arXiv', eprinttype: 'arxiv' });
      if (p.venue) {
        expect(properties[kindOf(p) === 'journal' ? 'journal' : 'booktitle'], p.slug).toBe(p.venue.name);
        expect(properties.year, p.slug).toBe(p.venue.year);
        expect(properties, p.slug).not.toHaveProperty(kindOf(p) === 'journal' ? 'booktitle' : 'journal');
      } else {
        expect(properties.year, p.slug).toBe(p.published!.slice(0, 4));
        if (p.primaryCategory) expect(properties.primaryclass, p.slug).toBe(p.primaryCategory);
      }
      if (p.authors) expect(properties.author!.split(' and '), p.slug).toHaveLength(p.authors.length);
      else expect(properties, p.slug).not.toHaveProperty('author');
    }
  });

  it.each([
    [
      'a-brain-basis-of-dynamical-intelligence-for-ai-and-computational',
      'Monaco, J. D., Rajan, K., & Hwang, G. M. (2021). A brain basis of dynamical intelligence for AI and computational neuroscience (arXiv:2105.07284). arXiv. https://arxiv.org/abs/2105.07284',
    ],
    [
      'sparse-autoencoders-find-highly-interpretable-features',
      'Cunningham, H., Ewart, A., Riggs, L., Huben, R., & Sharkey, L. (2024). Sparse Autoencoders Find Highly Interpretable Features in Language Models. International Conference on Learning Representations. https://arxiv.org/abs/2309.08600',
    ],
    [
      'learning-in-wilson-cowan-model-for-metapopulation',
      'Marino, R., Buffoni, L., Chicchi, L., Di Patti, F., Febbe, D., Giambagli, L., & Fanelli, D. (2025). Learning in Wilson-Cowan model for metapopulation. Neural Computation, 37(4), 701–741. https://doi.org/10.1162/neco_a_01744',
    ],
  ])('the reference of %s is APA', (slug, line) => {
    expect(doc(slug).querySelector('.cite-line')!.text).toBe(line);
  });

  it('shows the venue one way: full name, acronym of a conference, the venue’s year', () => {
    const dates = (slug: string) => doc(slug).querySelector('.paper-dates')!.text.replace(/\s+/g, ' ').trim();
    expect(dates('sparse-autoencoders-find-highly-interpretable-features')).toBe(
      'First version 15 September 2023 · International Conference on Learning Representations (ICLR), 2024 · cs.LG · Added to the collection 28 November 2026',
    );
    expect(dates('learning-in-wilson-cowan-model-for-metapopulation')).toBe(
      'First version 24 June 2024 · Neural Computation, 2025 · q-bio.NC · Added to the collection 28 November 2026',
    );
  });
});

describe('links out by identifier', () => {
  it('Semantic Scholar and Connected Papers by arXiv id, Google Scholar by title', () => {
    for (const p of papers) {
      const links = doc(p.slug)
        .querySelectorAll('.find-links a')
        .map((a) => [a.text.trim(), a.getAttribute('href')]);
      expect(links, p.slug).toEqual([
        ['Semantic Scholar', `https://www.semanticscholar.org/arxiv/${p.arxiv}`],
        ['Connected Papers', `https://www.connectedpapers.com/api/redirect/arxiv/${p.arxiv}`],
        ['Google Scholar', `https://scholar.google.com/scholar?q=${encodeURIComponent(`allintitle:"${p.title}"`)}`],
      ]);
    }
  });
});
