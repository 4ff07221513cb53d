/** Telling authors apart: one person per page, never two people joined by a guess. */
import { describe, expect, it } from 'vitest';
import { authorSlug, compatibleNames, identifyAuthors, nameParts } from '../../src/lib/authors.ts';
import { assignAuthorPages, type AuthoredPaper } from '../../src/ingest/authors.ts';

const counts = (names: string[]) => new Map(names.map((name) => [name, 1]));
const paper = (...authors: string[]): AuthoredPaper => ({ authors, provenance: [{ file: 'a.bib', line: 1 }] });

describe('compatible names', () => {
  it.each([
    ['Laurent U Perrinet', 'Laurent U. Perrinet', true],
    ['Laurent U Perrinet', 'Laurent Perrinet', true],
    ['Laurent Perrinet', 'L. Perrinet', true],
    ['François Yvon', 'Francois Yvon', true],
    ['Elena Voita', 'ELENA VOITA', true],
    ['John Smith', 'Jane Smith', false],
    ['Laurent U Perrinet', 'Laurent V Perrinet', false],
    ['Jing Huang', 'Jing Wang', false],
    ['Andreas Geiger', 'Atticus Geiger', false],
    ['Hinrich Schütze', 'Hinrich Schuetze', false],
  ])('%s ~ %s → %s', (a, b, same) => expect(compatibleNames(nameParts(a), nameParts(b))).toBe(same));

  it('keeps particles with the family name', () => {
    expect(nameParts('Jan van der Berg')).toMatchObject({ family: 'van der berg', given: ['jan'] });
  });
});

describe('identifying authors', () => {
  it('joins the ways one person is written, showing the fullest', () => {
    const { identities, doubtful } = identifyAuthors(
      counts(['Laurent U Perrinet', 'Laurent U. Perrinet', 'L. Perrinet', 'Elena Voita']),
    );
    expect(identities).toEqual([
      { name: 'Elena Voita', names: ['Elena Voita'] },
      { name: 'Laurent U Perrinet', names: ['L. Perrinet', 'Laurent U Perrinet', 'Laurent U. Perrinet'] },
    ]);
    expect(doubtful).toEqual([]);
  });

  it('never joins two people on a guess: a name that fits both is kept apart, and said', () => {
    const { identities, doubtful } = identifyAuthors(counts(['John Smith', 'Jane Smith', 'J. Smith']));
    expect(identities.map((i) => i.names)).toEqual([['J. Smith'], ['Jane Smith'], ['John Smith']]);
    expect(doubtful).toEqual([{ name: 'J. Smith', candidates: ['Jane Smith', 'John Smith'] }]);
  });
});

describe('author pages', () => {
  it('go to authors with two papers or more; the others get none', () => {
    const { registry, slugsByPaper } = assignAuthorPages(
      [paper('Elena Voita', 'Ivan Titov'), paper('Elena Voita', 'Rico Sennrich')],
      { authors: {} },
    );
    expect(Object.keys(registry.authors)).toEqual(['elena-voita']);
    expect(slugsByPaper).toEqual([
      ['elena-voita', null],
      ['elena-voita', null],
    ]);
  });

  it('keep their slug when the sources later write the name more fully, or a third paper comes', () => {
    const first = assignAuthorPages([paper('L. Perrinet'), paper('L. Perrinet')], { authors: {} });
    expect(Object.keys(first.registry.authors)).toEqual(['l-perrinet']);
    const later = assignAuthorPages(
      [paper('L. Perrinet'), paper('L. Perrinet'), paper('Laurent U Perrinet')],
      first.registry,
    );
    expect(Object.keys(later.registry.authors)).toEqual(['l-perrinet']);
    expect(later.registry.authors['l-perrinet']).toEqual({
      name: 'Laurent U Perrinet',
      names: ['L. Perrinet', 'Laurent U Perrinet'],
    });
    expect(later.slugsByPaper.flat()).toEqual(['l-perrinet', 'l-perrinet', 'l-perrinet']);
  });

  it('warn about a doubtful name, naming the source', () => {
    const { diagnostics } = assignAuthorPages(
      [paper('John Smith'), paper('John Smith'), paper('Jane Smith'), paper('J. Smith')],
      { authors: {} },
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', file: 'a.bib', line: 1 });
    expect(diagnostics[0]!.message).toBe(
      'the author "J. Smith" could be "Jane Smith" or "John Smith": kept apart from both',
    );
  });

  it('have slugs made from the name', () => {
    expect(authorSlug('François Yvon')).toBe('francois-yvon');
    expect(authorSlug('Laurent U. Perrinet')).toBe('laurent-u-perrinet');
  });
});
