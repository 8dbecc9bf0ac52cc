import { isSkippedTag } from './visibility';

/**
 * How deep the structured walks go. Real pages nest a few dozen levels; a hostile or broken one can nest
 * 100,000 and would overflow the stack of any recursive walk. Below this depth an element's text is
 * read flat, by an iterative walk.
 */
export const MAX_DEPTH = 256;

/** The text under `el` in document order, without recursion (script, style and form controls left out). */
export function flatText(el: Node): string {
  let out = '';
  let n: Node | null = el.firstChild;
  while (n && n !== el) {
    if (n.nodeType === 3) out += (n as Text).data;
    const skip = n.nodeType === 1 && isSkippedTag(n as Element);
    if (!skip && n.firstChild) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== el && !n.nextSibling) n = n.parentNode;
    if (!n || n === el) break;
    n = n.nextSibling;
  }
  return out;
}
