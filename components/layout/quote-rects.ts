/**
 * The line boxes of a quoted sentence inside some text nodes (a PDF text layer's pieces of one paragraph),
 * matching text while ignoring whitespace, so that a narrative finding marks its own words rather than the
 * whole paragraph. Empty when the words are not found (the caller falls back to the paragraph).
 */
import { repairGlyphs } from '../../lib/text/normalize';
import { unionBox, type Box } from './tick-place';

const squash = (s: string) => s.replace(/\s+/g, '');

export function quoteRects(nodes: readonly Text[], quote: string): Box[] {
  const want = squash(quote);
  if (!want || !nodes.length) return [];
  const at: { node: Text; off: number }[] = [];
  let flat = '';
  for (const n of nodes) {
    const s = n.data;
    for (let i = 0; i < s.length; i++) {
      if (/\s/.test(s[i]!)) continue;
      // The quote was read with radicals repaired (U+2F46 → 无); compare character for character the same way.
      flat += repairGlyphs(s[i]!)[0] ?? s[i];
      at.push({ node: n, off: i });
    }
  }
  // Other differences (a character the reader's repair missed): try the quote's first 12 characters, and
  // mark as far as the quote reaches.
  let start = flat.indexOf(want);
  if (start < 0) start = flat.indexOf(want.slice(0, 12));
  if (start < 0) return [];
  const end = Math.min(flat.length, start + want.length);
  const doc = nodes[0]!.ownerDocument;
  const range = doc.createRange();
  const rects: Box[] = [];
  // One node at a time: a range across the layer's absolutely placed spans would also box their parents.
  for (let i = start; i < end; ) {
    const node = at[i]!.node;
    let j = i;
    while (j + 1 < end && at[j + 1]!.node === node) j++;
    range.setStart(node, at[i]!.off);
    range.setEnd(node, at[j]!.off + 1);
    for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) rects.push({ left: r.left, top: r.top, width: r.width, height: r.height });
    i = j + 1;
  }
  // One box per line.
  const lines: Box[][] = [];
  for (const r of rects) {
    const line = lines.find((l) => Math.abs(l[0]!.top + l[0]!.height / 2 - (r.top + r.height / 2)) < Math.max(r.height, l[0]!.height) / 2);
    if (line) line.push(r);
    else lines.push([r]);
  }
  return lines.map((l) => unionBox(l)!).sort((a, b) => a.top - b.top);
}
