import { scratchRange } from './scratch-range';

/**
 * Where a reconciled cell's tick goes: beside its number, never on it — in the free space left or right of
 * the text inside the cell (the wider gap, the left one on a tie since numbers are right-aligned), vertically
 * centred on the text. No tick when neither gap has room: a cramped cell stays clean rather than scribbled on.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Width of the tick glyph and the space kept from the text, in CSS pixels. */
export const TICK = 9;
const SPACE = 2;

/** The tick's offset from the cell box's top-left corner, or null for no tick. */
export function tickPlace(cell: Box, text: Box | undefined): { x: number; y: number } | null {
  if (!text || text.width <= 0) return null;
  const leftGap = text.left - cell.left;
  const rightGap = cell.left + cell.width - (text.left + text.width);
  const need = TICK + SPACE + 1;
  const y = Math.max(0, Math.min(cell.height - TICK, text.top - cell.top + (text.height - TICK) / 2));
  if (leftGap >= need && leftGap >= rightGap) return { x: Math.round(text.left - cell.left - SPACE - TICK), y: Math.round(y) };
  if (rightGap >= need) return { x: Math.round(text.left + text.width - cell.left + SPACE), y: Math.round(y) };
  if (leftGap >= need) return { x: Math.round(text.left - cell.left - SPACE - TICK), y: Math.round(y) };
  return null;
}

/** The union of boxes (text pieces), or undefined when there are none. */
export function unionBox(boxes: Iterable<Box>): Box | undefined {
  let l = Infinity;
  let t = Infinity;
  let r = -Infinity;
  let b = -Infinity;
  for (const x of boxes) {
    if (x.width <= 0 || x.height <= 0) continue;
    l = Math.min(l, x.left);
    t = Math.min(t, x.top);
    r = Math.max(r, x.left + x.width);
    b = Math.max(b, x.top + x.height);
  }
  return l === Infinity ? undefined : { left: l, top: t, width: r - l, height: b - t };
}

/** Set (or clear) a tick on a pass mark's box: its position as CSS variables, or data-tick="none". */
export function applyTick(box: HTMLElement, at: { x: number; y: number } | null): void {
  if (!at) {
    box.dataset['tick'] = 'none';
    return;
  }
  box.dataset['tick'] = 'beside';
  box.style.setProperty('--bl-tick-x', `${at.x}px`);
  box.style.setProperty('--bl-tick-y', `${at.y}px`);
}

const cache = new WeakMap<Element, { w: number; h: number; at: { x: number; y: number } | null }>();

/**
 * The tick for a reconciled cell on a live page: the text's extent from its text nodes' line boxes (not the
 * cell's block children, which span the cell), relative to the mark's box `box` (viewport coordinates).
 * Cached per cell while its size stays the same.
 */
export function domTick(cell: Element, box: Box): { x: number; y: number } | null {
  const hit = cache.get(cell);
  if (hit && hit.w === box.width && hit.h === box.height) return hit.at;
  const doc = cell.ownerDocument;
  const range = scratchRange(doc);
  const pieces: Box[] = [];
  const walker = doc.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!/\S/.test(n.nodeValue ?? '')) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) pieces.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  const at = tickPlace(box, unionBox(pieces));
  cache.set(cell, { w: box.width, h: box.height, at });
  return at;
}
