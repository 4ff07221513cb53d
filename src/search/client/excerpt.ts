import type { PagefindResultData } from './pagefind-api.ts';
import { SEARCH_SETTINGS } from './settings.ts';

/**
 * Turns a Pagefind excerpt (text with `<mark>` around matched words) into DOM nodes, keeping
 * only text and `<mark>`. Abstracts are scraped text: whatever else the excerpt contains is
 * shown as text, never as markup.
 */
export function excerptNodes(excerpt: string, doc: Document = document): Node[] {
  // DOMParser builds an inert document: no scripts run and no resources load while we read it.
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  const nodes: Node[] = [];
  const walk = (node: Node, into: Node[]) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        into.push(doc.createTextNode(child.textContent ?? ''));
      } else if (child.nodeName === 'MARK') {
        const mark = doc.createElement('mark');
        const inner: Node[] = [];
        walk(child, inner);
        mark.append(...inner);
        into.push(mark);
      } else {
        // Any other element becomes its text.
        into.push(doc.createTextNode(child.textContent ?? ''));
      }
    }
  };
  walk(parsed.body, nodes);
  return nodes;
}

/**
 * The excerpt to show: Pagefind's, where the matched words are in the paper's text; where only
 * metadata matched (an author, an id, an alias) it has no marks, so show the abstract's opening.
 */
export function resultExcerpt(data: Pick<PagefindResultData, 'excerpt' | 'content' | 'meta'>): string {
  if (data.excerpt.includes('<mark>') || !data.content) return data.excerpt;
  const title = data.meta.title ?? '';
  const text = data.content.startsWith(title) ? data.content.slice(title.length) : data.content;
  const words = text.replace(/^[\s.]+/, '').split(/\s+/);
  const opening = words.slice(0, SEARCH_SETTINGS.excerptLength).join(' ');
  // Text, not markup: the excerpt is parsed as HTML, so escape what could be read as tags.
  const escaped = opening.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return words.length > SEARCH_SETTINGS.excerptLength ? `${escaped} …` : escaped;
}
