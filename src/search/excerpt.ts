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
