/**
 * Where an anchor is on a live page: a cell's box, or the line boxes of one sentence inside its paragraph.
 * Reads layout only; never changes the page.
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

import { scratchRange } from '../layout/scratch-range';

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The range of `quote` inside `el`, matching text while ignoring whitespace (the sentence was read with
 * spaces squashed and lines joined). Undefined when the text is not found. The Range is the document's
 * shared one (see scratch-range): read it before the next measurement.
 */
export function rangeForQuote(el: Element, quote: string): Range | undefined {
  const doc = el.ownerDocument;
  const want = squash(quote);
  if (!want) return undefined;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  // Every non-space character with its text node and offset.
  const nodes: Text[] = [];
  const offs: number[] = [];
  let flat = '';
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const s = n.data;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (/\s/.test(ch)) continue;
      flat += ch;
      nodes.push(n);
      offs.push(i);
    }
  }
  let at = flat.indexOf(want);
  if (at < 0) {
    // Glyph repairs (radicals) or full-width forms may differ: fall back to the first 12 characters.
    at = flat.indexOf(want.slice(0, 12));
    if (at < 0) return undefined;
  }
  const end = Math.min(flat.length - 1, at + want.length - 1);
  const r = scratchRange(doc);
  r.setStart(nodes[at]!, offs[at]!);
  r.setEnd(nodes[end]!, offs[end]! + 1);
  return r;
}

function visible(el: Element): boolean {
  const v = el.ownerDocument.defaultView;
  if (!v) return false;
  const cs = v.getComputedStyle(el);
  return cs.visibility !== 'hidden' && cs.display !== 'none';
}

/** The nearest ancestor that clips its content (a scrolling table wrapper), if any. */
export function clipAncestor(el: Element): Element | undefined {
  const v = el.ownerDocument.defaultView;
  if (!v) return undefined;
  for (let a = el.parentElement; a && a !== el.ownerDocument.body && a !== el.ownerDocument.documentElement; a = a.parentElement) {
    const cs = v.getComputedStyle(a);
    if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible') return a;
  }
  return undefined;
}

function intersect(a: DOMRect | Rect, b: DOMRect): Rect | undefined {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : undefined;
}

/** Viewport rectangles of an element or of a sentence inside it; empty when not shown. */
export function viewportRects(el: Element, quote?: string, clip?: Element): Rect[] {
  if (!el.isConnected) return [];
  let rects: Rect[];
  if (quote) {
    const range = rangeForQuote(el, quote);
    rects = range ? [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0) : [];
    // Merge the per-text-node boxes of one line.
    const lines: Rect[] = [];
    for (const r of rects) {
      const same = lines.find((l) => Math.abs(l.top - r.top) < 2 && Math.abs(l.height - r.height) < 4);
      if (same) {
        const right = Math.max(same.left + same.width, r.left + r.width);
        same.left = Math.min(same.left, r.left);
        same.width = right - same.left;
      } else lines.push({ left: r.left, top: r.top, width: r.width, height: r.height });
    }
    rects = lines;
  } else {
    const r = el.getBoundingClientRect();
    rects = r.width > 0 && r.height > 0 && visible(el) ? [{ left: r.left, top: r.top, width: r.width, height: r.height }] : [];
  }
  if (clip && rects.length) {
    const c = clip.getBoundingClientRect();
    rects = rects.map((r) => intersect(r, c)).filter((r): r is Rect => !!r);
  }
  return rects;
}
