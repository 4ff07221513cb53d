/**
 * Where a paper was published, as the ingest writes it into a page and the site shows and cites
 * it. The names come from one table, `content/venues.yaml` (read by `ingest/venues.ts`), so a
 * venue is named the same way on every page whatever its sources called it.
 */

/** What kind of publication a venue is: it decides the citation's type (Zotero item, BibTeX entry). */
export const VENUE_KINDS = ['conference', 'journal', 'workshop'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

/** A paper's venue: the table's names for it, and what the sources tell of this paper there. */
export interface Venue {
  /** The full name ("International Conference on Learning Representations"), or the source's text when the table does not know it. */
  name: string;
  /** The acronym or abbreviation ("ICLR", "PLOS Comput. Biol."), where the venue has one. */
  short?: string;
  kind: VenueKind;
  /** The year of the venue (the conference, the journal issue): not the arXiv first version's. */
  year?: string;
  volume?: string;
  /** The journal issue (BibTeX `number`). */
  issue?: string;
  /** `first–last` or an article number. */
  pages?: string;
}

/** Proceedings are cited as conference papers: workshops publish papers the same way conferences do. */
export const isProceedings = (venue: Pick<Venue, 'kind'>): boolean => venue.kind !== 'journal';

/**
 * The venue as every page shows it: the full name, with the acronym that conferences and
 * workshops go by ("International Conference on Learning Representations (ICLR), 2024"), and
 * the venue's year. Journals are known by their names; their abbreviation is for citations.
 */
export function venueLabel(venue: Venue): string {
  const acronym = venue.short && isProceedings(venue) && !venue.name.includes(venue.short) ? ` (${venue.short})` : '';
  return `${venue.name}${acronym}${venue.year ? `, ${venue.year}` : ''}`;
}

/** The venue in a short byline ("ICLR 2024", "Neural Computation 2025"): its short name, else its name. */
export function venueShort(venue: Venue): string {
  return `${venue.short ?? venue.name}${venue.year ? ` ${venue.year}` : ''}`;
}
