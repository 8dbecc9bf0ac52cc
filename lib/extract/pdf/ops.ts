import type { PdfjsFont, PdfjsGlyph, PdfjsPage } from './pdfjs-api';

/** One glyph as placed on the page, in viewport space at scale 1 (top-left origin, y down). */
export interface PlacedGlyph {
  ch: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Baseline y and the font size in viewport units. */
  base: number;
  size: number;
  space: boolean;
  /** OCR confidence 0–1 (only for glyphs read from an image). */
  conf?: number;
}

/** A ruling: a horizontal or vertical line segment in viewport space. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  horizontal: boolean;
}

export interface PageContent {
  width: number;
  height: number;
  glyphs: PlacedGlyph[];
  segments: Segment[];
  /** Share of the page covered by painted images (a scanned page is ~1). */
  imageCover: number;
  /** Where images are painted (viewport space): pictures of text, such as a table pasted as an image. */
  images?: { x0: number; y0: number; x1: number; y1: number }[];
}

type M = [number, number, number, number, number, number];

const mul = (m: M, n: M): M => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

const apply = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface TextState {
  ctm: M;
  textMatrix: M | null;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  font: PdfjsFont | null;
  fontSize: number;
  fontDirection: number;
  fontMatrix: number[];
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

const THIN = 2.5; // a filled rectangle thinner than this (pt) is a ruling
const MIN_LEN = 2;

/**
 * Interpret a page's operator list the way pdf.js's canvas does, keeping only what layout needs: where
 * each glyph lands, the straight lines drawn (table rulings), and how much of the page images cover.
 * Reading text from the operator list (instead of a separate getTextContent pass) halves pdf.js's work.
 */
export function readPage(page: PdfjsPage, ops: { fnArray: number[]; argsArray: unknown[][] }, OPS: Record<string, number>): PageContent {
  const vp = page.getViewport({ scale: 1 });
  const base = vp.transform as M;
  const glyphs: PlacedGlyph[] = [];
  const segments: Segment[] = [];
  let imageArea = 0;
  const images: NonNullable<PageContent['images']> = [];
  let st: TextState = {
    ctm: base,
    textMatrix: null,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
    font: null,
    fontSize: 0,
    fontDirection: 1,
    fontMatrix: [0.001, 0, 0, 0.001, 0, 0],
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  };
  const stack: TextState[] = [];
  const fontCache = new Map<string, PdfjsFont | null>();
  const getFont = (name: string): PdfjsFont | null => {
    if (fontCache.has(name)) return fontCache.get(name)!;
    let f: PdfjsFont | null = null;
    try {
      if (page.commonObjs.has(name)) f = page.commonObjs.get(name) as PdfjsFont;
      else if (page.objs?.has(name)) f = page.objs.get(name) as PdfjsFont;
    } catch {
      f = null;
    }
    fontCache.set(name, f);
    return f;
  };

  const O = OPS;
  const { fnArray, argsArray } = ops;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[];
    switch (fn) {
      case O.save:
        stack.push({ ...st });
        break;
      case O.restore:
        if (stack.length) st = stack.pop()!;
        break;
      case O.transform: {
        const m = (args.length === 1 ? args[0] : args) as ArrayLike<number>;
        st.ctm = mul([m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!], st.ctm);
        break;
      }
      case O.paintFormXObjectBegin: {
        stack.push({ ...st });
        const m = args[0] as ArrayLike<number> | null;
        if (m && m.length === 6) st.ctm = mul([m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!], st.ctm);
        break;
      }
      case O.paintFormXObjectEnd:
        if (stack.length) st = stack.pop()!;
        break;
      case O.beginText:
        st.textMatrix = null;
        st.x = st.lineX = 0;
        st.y = st.lineY = 0;
        break;
      case O.setFont: {
        const [name, size] = args as [string, number];
        const font = getFont(name);
        st.font = font;
        st.fontMatrix = font?.fontMatrix ?? [0.001, 0, 0, 0.001, 0, 0];
        st.fontDirection = size < 0 ? -1 : 1;
        st.fontSize = Math.abs(size);
        break;
      }
      case O.setTextMatrix: {
        // pdf.js 5 passes the matrix as one typed array; older builds as six numbers.
        const m = (args.length === 1 ? args[0] : args) as ArrayLike<number>;
        st.textMatrix = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
        st.x = st.lineX = 0;
        st.y = st.lineY = 0;
        break;
      }
      case O.moveText:
        st.x = st.lineX += args[0] as number;
        st.y = st.lineY += args[1] as number;
        break;
      case O.setLeadingMoveText:
        st.leading = args[1] as number;
        st.x = st.lineX += args[0] as number;
        st.y = st.lineY += args[1] as number;
        break;
      case O.nextLine:
        st.x = st.lineX;
        st.y = st.lineY += st.leading;
        break;
      case O.setLeading:
        st.leading = -(args[0] as number);
        break;
      case O.setCharSpacing:
        st.charSpacing = args[0] as number;
        break;
      case O.setWordSpacing:
        st.wordSpacing = args[0] as number;
        break;
      case O.setHScale:
        st.hScale = (args[0] as number) / 100;
        break;
      case O.setTextRise:
        st.rise = args[0] as number;
        break;
      case O.showText:
      case O.showSpacedText:
        showText(st, args[0] as (PdfjsGlyph | number)[], glyphs);
        break;
      case O.nextLineShowText:
        st.x = st.lineX;
        st.y = st.lineY += st.leading;
        showText(st, args[0] as (PdfjsGlyph | number)[], glyphs);
        break;
      case O.nextLineSetSpacingShowText:
        st.wordSpacing = args[0] as number;
        st.charSpacing = args[1] as number;
        st.x = st.lineX;
        st.y = st.lineY += st.leading;
        showText(st, args[2] as (PdfjsGlyph | number)[], glyphs);
        break;
      case O.constructPath:
        readPath(st.ctm, args, O, segments);
        break;
      case O.paintImageXObject:
      case O.paintInlineImageXObject:
      case O.paintImageMaskXObject:
      case O.paintJpegXObject: {
        // An image is drawn into the unit square under the current transform.
        const [ax, ay] = apply(st.ctm, 0, 0);
        const [bx, by] = apply(st.ctm, 1, 1);
        imageArea += Math.abs((bx - ax) * (by - ay));
        const [cx, cy] = apply(st.ctm, 0, 1);
        const [dx, dy] = apply(st.ctm, 1, 0);
        images.push({ x0: Math.min(ax, bx, cx, dx), y0: Math.min(ay, by, cy, dy), x1: Math.max(ax, bx, cx, dx), y1: Math.max(ay, by, cy, dy) });
        break;
      }
      default:
        break;
    }
  }
  const cover = Math.min(1, imageArea / Math.max(1, vp.width * vp.height));
  return { width: vp.width, height: vp.height, glyphs, segments, imageCover: cover, images };
}

function showText(st: TextState, items: (PdfjsGlyph | number)[], out: PlacedGlyph[]): void {
  const font = st.font;
  const size = st.fontSize;
  if (!items || size === 0) return;
  const vertical = !!font?.vertical;
  const spacingDir = vertical ? 1 : -1;
  const widthScale = size * (st.fontMatrix[0] ?? 0.001);
  const hs = st.hScale * st.fontDirection;
  // text space → page: translate(x, y + rise) then scale(hs, 1), then the text matrix, then the CTM.
  const tm = st.textMatrix ? mul(st.textMatrix, st.ctm) : st.ctm;
  const ascent = font?.ascent && font.ascent > 0.3 && font.ascent < 1.3 ? font.ascent : 0.88;
  const descent = font?.descent && font.descent < 0 && font.descent > -0.6 ? -font.descent : 0.12;
  let x = 0;
  for (const g of items) {
    if (typeof g === 'number') {
      x += (spacingDir * g * size) / 1000;
      continue;
    }
    if (!g) continue;
    const spacing = (g.isSpace ? st.wordSpacing : 0) + st.charSpacing;
    const w = g.width * widthScale;
    if (!vertical) {
      const gx = st.x + x * hs;
      const gy = st.y + st.rise;
      const [ax, ay] = apply(tm, gx, gy - descent * size);
      const [bx, by] = apply(tm, gx + w * hs, gy + ascent * size);
      const [, baseY] = apply(tm, gx, gy);
      const [sx0, sy0] = apply(tm, 0, 0);
      const [sx1, sy1] = apply(tm, 0, size);
      const vsize = Math.hypot(sx1 - sx0, sy1 - sy0);
      if (g.unicode) {
        // pdf.js marks char code 32 as a space even in two-byte fonts where 32 is an ideograph (Chromium's
        // subset fonts): whitespace is decided by the text, the advance by pdf.js's rule.
        out.push({ ch: g.unicode, x0: Math.min(ax, bx), x1: Math.max(ax, bx), top: Math.min(ay, by), bottom: Math.max(ay, by), base: baseY, size: vsize, space: /^\s+$/.test(g.unicode) });
      }
      x += w + spacing * st.fontDirection;
    } else {
      // Vertical writing: glyphs advance down the page.
      const gx = st.x;
      const gy = st.y - x;
      const [ax, ay] = apply(tm, gx - size / 2, gy - size);
      const [bx, by] = apply(tm, gx + size / 2, gy);
      if (g.unicode) {
        out.push({ ch: g.unicode, x0: Math.min(ax, bx), x1: Math.max(ax, bx), top: Math.min(ay, by), bottom: Math.max(ay, by), base: Math.max(ay, by), size, space: /^\s+$/.test(g.unicode) });
      }
      const vw = g.vmetric ? -(g.vmetric[0] ?? 0) : g.width;
      x += vw * widthScale - spacing * st.fontDirection;
    }
  }
  if (vertical) st.y -= x;
  else st.x += x * hs;
}

/** Straight axis-aligned lines of a path: stroked segments, and thin filled rectangles. */
function readPath(ctm: M, args: unknown[], O: Record<string, number>, out: Segment[]): void {
  const paint = args[0] as number;
  if (paint === O.endPath || paint === O.clip || paint === O.eoClip) return;
  const data = (args[1] as unknown[])?.[0] as ArrayLike<number> | undefined;
  if (!data || typeof data.length !== 'number') return;
  const stroke = paint === O.stroke || paint === O.closeStroke || paint === O.fillStroke || paint === O.eoFillStroke || paint === O.closeFillStroke || paint === O.closeEOFillStroke;
  const fill = paint === O.fill || paint === O.eoFill || paint === O.fillStroke || paint === O.eoFillStroke || paint === O.closeFillStroke || paint === O.closeEOFillStroke;
  // Sub-paths as point lists (curves contribute their end point only).
  const subs: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let k = 0; k < data.length; ) {
    const op = data[k]!;
    if (op === 0) {
      if (cur.length) subs.push(cur);
      cur = [apply(ctm, data[k + 1]!, data[k + 2]!)];
      k += 3;
    } else if (op === 1) {
      cur.push(apply(ctm, data[k + 1]!, data[k + 2]!));
      k += 3;
    } else if (op === 2) {
      cur.push(apply(ctm, data[k + 5]!, data[k + 6]!));
      k += 7;
    } else if (op === 3) {
      cur.push(apply(ctm, data[k + 3]!, data[k + 4]!));
      k += 5;
    } else if (op === 4) {
      if (cur.length) cur.push(cur[0]!);
      k += 1;
    } else break;
  }
  if (cur.length) subs.push(cur);
  for (const pts of subs) {
    if (fill) {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      for (const [x, y] of pts) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
      const w = x1 - x0;
      const h = y1 - y0;
      if (h <= THIN && w >= MIN_LEN) out.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2, horizontal: true });
      else if (w <= THIN && h >= MIN_LEN) out.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1, horizontal: false });
      else if (stroke && w > THIN && h > THIN) pushRectEdges(x0, y0, x1, y1, out);
      continue;
    }
    if (stroke) {
      for (let k = 1; k < pts.length; k++) {
        const [ax, ay] = pts[k - 1]!;
        const [bx, by] = pts[k]!;
        if (Math.abs(ay - by) < 0.8 && Math.abs(ax - bx) >= MIN_LEN) out.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2, horizontal: true });
        else if (Math.abs(ax - bx) < 0.8 && Math.abs(ay - by) >= MIN_LEN) out.push({ x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by), horizontal: false });
      }
    }
  }
}

function pushRectEdges(x0: number, y0: number, x1: number, y1: number, out: Segment[]): void {
  out.push({ x0, x1, y0, y1: y0, horizontal: true }, { x0, x1, y0: y1, y1, horizontal: true }, { x0, x1: x0, y0, y1, horizontal: false }, { x0: x1, x1, y0, y1, horizontal: false });
}
