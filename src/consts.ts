/** Site-wide constants: one place for the name and the words that describe the site. */

/** The site's name, in the header and in every `<title>`. */
export const SITE_TITLE = 'Neuron Papers';

/** The site's one-line description, for the home page's meta description and the feed. */
export const SITE_DESCRIPTION =
  'A searchable collection of research papers about neurons — in AI models (interpretability, sparse autoencoders, neuron-level analysis) and in brains (spiking networks, plasticity, cortex).';

/** How many papers a list page shows before it paginates. */
export const PAGE_SIZE = 100;

/** How many related papers a paper page lists. */
export const RELATED_COUNT = 5;

/** The query parameter Pagefind adds to result links so the paper page can highlight the terms. */
export const HIGHLIGHT_PARAM = 'highlight';
