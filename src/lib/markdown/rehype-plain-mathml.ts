import type { Element, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

/**
 * Keeps KaTeX's MathML but drops its `<annotation encoding="application/x-tex">` copy of the
 * TeX source: browsers never display it, screen readers read the MathML itself, and without it
 * the page text holds the formula once, as math, not as `\alpha_i` debris for search and copy.
 */
export default function rehypePlainMathml() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'semantics') {
        // <semantics><mrow>…</mrow><annotation/></semantics> → <mrow>…</mrow>
        const content = node.children.filter((c) => !(c.type === 'element' && c.tagName === 'annotation'));
        if (parent && index !== undefined) {
          parent.children.splice(index, 1, ...content);
          return [SKIP, index];
        }
      }
      return undefined;
    });
  };
}
