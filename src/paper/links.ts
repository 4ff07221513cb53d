/**
 * "Find this paper" links: searches by exact title on the services readers use. A paper that
 * no source has identified has only these; an identified one links arXiv, its PDF, Hugging Face
 * and its DOI directly (`paper-identity.ts`) and keeps the searches arXiv cannot replace.
 */
export interface FindLink {
  label: string;
  url: string;
}

/** Search URLs for a title on arXiv, Hugging Face Papers, Semantic Scholar and Google Scholar. */
export function findPaperLinks(title: string): FindLink[] {
  const quoted = encodeURIComponent(`"${title}"`);
  const plain = encodeURIComponent(title);
  return [
    { label: 'arXiv', url: `https://arxiv.org/search/?query=${quoted}&searchtype=title` },
    { label: 'Hugging Face Papers', url: `https://huggingface.co/papers?q=${plain}` },
    { label: 'Semantic Scholar', url: `https://www.semanticscholar.org/search?q=${quoted}` },
    {
      label: 'Google Scholar',
      url: `https://scholar.google.com/scholar?q=${encodeURIComponent(`allintitle:"${title}"`)}`,
    },
  ];
}
