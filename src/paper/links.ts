/**
 * "Find it elsewhere": the paper on the services readers use to follow citations. A paper with
 * an arXiv id or a DOI is linked by it (one click to the right paper, never a list of look-alike
 * titles); a paper known only by its title gets searches by exact title.
 */
export interface FindLink {
  label: string;
  url: string;
}

/** What the links are made from. */
export interface FindablePaper {
  title: string;
  arxiv?: string;
  doi?: string;
}

/** A DOI in a URL path: each segment percent-encoded, the slashes kept (DOIs may hold `<`, `#`, `?`). */
const doiPath = (doi: string) => doi.split('/').map(encodeURIComponent).join('/');

/**
 * Semantic Scholar by arXiv id (its `/arxiv/<id>` page) or DOI (its lookup by external id, which
 * redirects to the paper); Connected Papers by arXiv id (it has no DOI route); Google Scholar by
 * exact title (it has no identifier route). Without identifiers, title searches on arXiv and
 * Hugging Face Papers too; with an arXiv id the page links those directly (`paperLinks`).
 */
export function findPaperLinks(paper: FindablePaper): FindLink[] {
  const quoted = encodeURIComponent(`"${paper.title}"`);
  const links: FindLink[] = [];
  if (!paper.arxiv) {
    links.push(
      { label: 'arXiv', url: `https://arxiv.org/search/?query=${quoted}&searchtype=title` },
      { label: 'Hugging Face Papers', url: `https://huggingface.co/papers?q=${encodeURIComponent(paper.title)}` },
    );
  }
  links.push({
    label: 'Semantic Scholar',
    url: paper.arxiv
      ? `https://www.semanticscholar.org/arxiv/${paper.arxiv}`
      : paper.doi
        ? `https://api.semanticscholar.org/DOI:${doiPath(paper.doi)}`
        : `https://www.semanticscholar.org/search?q=${quoted}`,
  });
  if (paper.arxiv) {
    links.push({
      label: 'Connected Papers',
      url: `https://www.connectedpapers.com/api/redirect/arxiv/${paper.arxiv}`,
    });
  }
  links.push({
    label: 'Google Scholar',
    url: `https://scholar.google.com/scholar?q=${encodeURIComponent(`allintitle:"${paper.title}"`)}`,
  });
  return links;
}
