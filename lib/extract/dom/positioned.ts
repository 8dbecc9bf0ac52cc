import type { PageContent, PlacedGlyph } from '../pdf/ops';
import { layoutPage, type PageBlocks } from '../pdf/layout';
import { assemblePages } from '../pdf/extract-pdf';
import type { Anchor, Block, ExtractedDoc, Grid } from '../types';

/**
 * Pages that are PDFs converted to HTML (pdftohtml, pdf2htmlEX and the converters CMSs use): thousands of
 * absolutely positioned text elements and no <table>. They are read through the same layout as PDFs —
 * elements become placed glyphs, lines and columns are rebuilt from positions — and every block and cell is
 * anchored back to the element it came from.
 */
const POSITIONED = /position\s*:\s*absolute/i;
const PX = (s: string | undefined) => (s ? Number.parseFloat(s) : NaN);

/** Cheap test on the DOM: many absolutely placed text elements, no real table. */
export function isPositionedPage(doc: Document): boolean {
  // (Some DOMs throw on `body` when there is no root element at all.)
  const root = doc.documentElement ? (doc.body ?? doc.documentElement) : null;
  if (!root) return false;
  if (root.querySelector('table tr + tr + tr')) return false;
  let n = 0;
  for (const el of root.querySelectorAll('[style]')) {
    if (POSITIONED.test(el.getAttribute('style') ?? '') && /top\s*:/.test(el.getAttribute('style') ?? '') && el.textContent?.trim()) {
      if (++n >= 60) return true;
    }
  }
  return false;
}

interface Placed {
  el: Element;
  text: string;
  left: number;
  top: number;
  size: number;
  font: string;
  page: number;
}

function styleOf(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (el.getAttribute('style') ?? '').split(';')) {
    const i = part.indexOf(':');
    if (i > 0) out[part.slice(0, i).trim().toLowerCase()] = part.slice(i + 1).trim();
  }
  return out;
}

/** `.ft63{font-size:17px;…}` rules of the page's style sheets: class → font size. */
function classFontSizes(doc: Document): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const st of doc.querySelectorAll('style')) {
    for (const m of (st.textContent ?? '').matchAll(/\.([\w-]+)\s*\{[^}]*?font-size\s*:\s*([\d.]+)px/g)) sizes.set(m[1]!, Number(m[2]));
  }
  return sizes;
}

/** The page an element sits on: the index of its nearest page-like container (id page…, or a relative box). */
function pageContainers(doc: Document): Element[] {
  const root = doc.body ?? doc.documentElement!;
  const byId = [...root.querySelectorAll('[id]')].filter((e) => /^(pf|page)[\w-]*\d/i.test(e.id));
  if (byId.length) return byId;
  return [...root.querySelectorAll('[style]')].filter((e) => /position\s*:\s*relative/i.test(e.getAttribute('style') ?? '') && e.querySelector('[style*="absolute"]'));
}

function collect(doc: Document): { items: Placed[]; pages: { width: number; height: number }[] } {
  const sizes = classFontSizes(doc);
  const containers = pageContainers(doc);
  const pages = containers.length ? containers.map((c) => ({ width: PX(styleOf(c)['width']) || 900, height: PX(styleOf(c)['height']) || 1300 })) : [{ width: 900, height: 1300 }];
  const items: Placed[] = [];
  const root = doc.body ?? doc.documentElement!;
  for (const el of root.querySelectorAll('[style]')) {
    const st = styleOf(el);
    if (!POSITIONED.test(`position:${st['position'] ?? ''}`) || st['top'] === undefined) continue;
    // Leaf text only: a positioned box holding other positioned boxes is a container.
    if ([...el.querySelectorAll('[style]')].some((c) => POSITIONED.test(c.getAttribute('style') ?? ''))) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const cls = [...el.classList].find((c) => sizes.has(c));
    const size = PX(st['font-size']) || (cls ? sizes.get(cls)! : 12);
    const page = Math.max(0, containers.findIndex((c) => c.contains(el)));
    items.push({ el, text, left: PX(st['left']) || 0, top: PX(st['top']) || 0, size, font: cls ?? st['font-family'] ?? '', page });
  }
  return { items, pages };
}

/**
 * Converters place each font's text by its own idea of the ascent, so figures in one font can sit a fixed
 * distance above the labels of their row in another. Shift each font so that its elements line up with the
 * rows of the most used font, where a consistent shift exists.
 */
function alignFonts(all: Placed[]): void {
  const pages = new Map<number, Placed[]>();
  for (const it of all) pages.set(it.page, [...(pages.get(it.page) ?? []), it]);
  for (const items of pages.values()) alignFontsOnPage(items);
}

function alignFontsOnPage(items: Placed[]): void {
  const byFont = new Map<string, Placed[]>();
  for (const it of items) byFont.set(it.font, [...(byFont.get(it.font) ?? []), it]);
  const fonts = [...byFont.entries()].sort((a, b) => b[1].length - a[1].length);
  if (fonts.length < 2) return;
  const refTops = new Set(fonts[0]![1].map((it) => Math.round(it.top)));
  const hits = (xs: Placed[], d: number) => xs.filter((it) => [-1, 0, 1].some((e) => refTops.has(Math.round(it.top + d) + e))).length;
  for (const [, xs] of fonts.slice(1)) {
    const size = Math.max(...xs.map((x) => x.size));
    let best = 0;
    let bestHits = hits(xs, 0);
    for (let d = -Math.ceil(size); d <= Math.ceil(size); d++) {
      const h = hits(xs, d);
      if (h > bestHits) (best = d), (bestHits = h);
    }
    if (best !== 0 && bestHits >= Math.max(3, xs.length * 0.3)) for (const it of xs) it.top += best;
  }
}

/** Glyph advance in em, as most fonts draw them: CJK and full-width forms one em, figures half, stops a quarter. */
function advance(ch: string): number {
  if (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch)) return 1;
  if (/[.,:;'!|il ]/.test(ch)) return 0.25;
  if (ch === '%') return 0.83;
  return 0.5;
}

function pageContent(items: Placed[], size: { width: number; height: number }): PageContent {
  const glyphs: PlacedGlyph[] = [];
  // Widths are estimates: an element never runs into the next one on its line.
  const sorted = items.slice().sort((a, b) => Math.round(a.top) - Math.round(b.top) || a.left - b.left);
  for (let i = 0; i < sorted.length; i++) {
    const it = sorted[i]!;
    const next = sorted[i + 1];
    const estimate = [...it.text].reduce((w, ch) => w + advance(ch) * it.size, 0);
    const room = next && Math.abs(next.top - it.top) < it.size / 2 && next.left > it.left ? next.left - it.left - 0.1 : Infinity;
    const scale = estimate > room ? room / estimate : 1;
    let x = it.left;
    for (const ch of it.text) {
      const w = advance(ch) * it.size * scale;
      glyphs.push({ ch, x0: x, x1: x + w, top: it.top, bottom: it.top + it.size, base: it.top + it.size * 0.88, size: it.size, space: ch === ' ' });
      x += w;
    }
  }
  return { width: size.width, height: size.height, glyphs, segments: [], imageCover: 0 };
}

function elementAt(items: Placed[], a: Anchor): Element | undefined {
  if (a.kind !== 'pdf') return undefined;
  const [x0, y0, x1, y1] = a.box;
  const inside = items.filter((it) => it.page === a.page - 1 && it.left >= x0 - 1 && it.left <= x1 + 1 && it.top + it.size / 2 >= y0 - 1 && it.top + it.size / 2 <= y1 + 1);
  return inside[0]?.el;
}

/** Every anchor of the laid-out pages pointed back at the element it came from (its page box otherwise). */
function anchorToElements(blocks: Block[], items: Placed[], doc: Document): void {
  const fallback = doc.body ?? doc.documentElement!;
  const re = (a: Anchor): Anchor => {
    const el = elementAt(items, a);
    return { kind: 'dom', element: el ?? fallback };
  };
  for (const b of blocks) {
    if (b.type === 'text') b.anchor = re(b.anchor);
    else {
      const g: Grid = b.grid;
      for (const c of g.cells) c.anchor = re(c.anchor);
      b.anchor = re(b.anchor);
    }
  }
}

export function extractPositioned(doc: Document, source: string): ExtractedDoc {
  const { items, pages } = collect(doc);
  alignFonts(items);
  const laid: PageBlocks[] = pages.map((size, i) => layoutPage(pageContent(items.filter((it) => it.page === i), size), i + 1));
  const title = doc.title ?? '';
  const x = assemblePages(laid, { source, title, warnings: [] });
  anchorToElements(x.blocks, items, doc);
  return { ...x, format: 'html' };
}
