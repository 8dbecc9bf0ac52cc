import { repairGlyphs } from '../../text/normalize';
import { flatText, MAX_DEPTH } from './flat-text';
import { isInlineHidden, isSkippedTag, tagOf } from './visibility';

const BREAKING = new Set(['br', 'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr']);
const CJK_END = /[\u3000-\u9fff\uff00-\uffef]$/;
const CJK_START = /^[\u3000-\u9fff\uff00-\uffef]/;

/**
 * The text of a table cell as a reader sees it on one line. Line breaks inside a cell (`<br>`, one `<p>`
 * per line as Word pastes them) are joined without a space between two Chinese characters
 * ("对个人和家<br>庭的补助" → "对个人和家庭的补助") and with one space otherwise.
 */
export function cellText(el: Element, isHidden?: (el: Element) => boolean, seen?: { table: boolean }): string {
  const lines: string[] = [];
  let cur = '';
  const walk = (node: Node, depth: number): void => {
    if (node.nodeType === 3) {
      cur += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1) return;
    const e = node as Element;
    if (isSkippedTag(e) || isInlineHidden(e) || (isHidden && isHidden(e))) return;
    const tag = tagOf(e);
    if (tag === 'table' && seen) seen.table = true;
    const breaking = BREAKING.has(tag);
    if (breaking && cur.trim()) {
      lines.push(cur);
      cur = '';
    }
    // Past any real cell's nesting: the rest as flat text, without recursion.
    if (depth >= MAX_DEPTH) cur += flatText(e);
    else for (let c = e.firstChild; c; c = c.nextSibling) walk(c, depth + 1);
    if (breaking && cur.trim()) {
      lines.push(cur);
      cur = '';
    }
  };
  for (let c = el.firstChild; c; c = c.nextSibling) walk(c, 0);
  if (cur.trim()) lines.push(cur);
  let out = '';
  for (const raw of lines) {
    const line = repairGlyphs(raw).replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (!out) out = line;
    else out += CJK_END.test(out) && CJK_START.test(line) ? line : ' ' + line;
  }
  return out;
}
