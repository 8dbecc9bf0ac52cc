import { repairGlyphs } from '../../text/normalize';
import type { Box, Grid, GridCell, TableBlock, TextBlock } from '../types';
import type { PageContent, PlacedGlyph } from './ops';
import { findRuledRegions, type RuledRegion } from './rulings';
import { joinLines, joinPieces } from './text-join';

/** A line of text on a page: glyphs sharing a baseline, left to right. */
export interface Line {
  glyphs: PlacedGlyph[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  base: number;
  size: number;
  text: string;
  /** Pieces separated by wide gaps (columns of an unruled table). */
  pieces: { text: string; x0: number; x1: number }[];
}

export interface PageBlocks {
  page: number;
  width: number;
  height: number;
  /** Tables and text in reading order. */
  blocks: (TableBlock | TextBlock)[];
  /** Lines at the page edges (kept aside for running header/footer detection). */
  edgeLines: { text: string; top: number; block: TextBlock }[];
  glyphCount: number;
  /** Tables pasted as pictures on this page, which has text (not read unless OCR is 'on'). */
  pictures?: number;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Group glyphs into lines by baseline, and lines into words/pieces by horizontal gaps. */
function buildLines(glyphs: PlacedGlyph[]): Line[] {
  const gs = glyphs.filter((g) => g.x1 > g.x0 || g.space).sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: PlacedGlyph[][] = [];
  for (const g of gs) {
    const last = lines[lines.length - 1];
    if (last) {
      const ref = last[last.length - 1]!;
      const tol = Math.max(1, Math.min(ref.size, g.size) * 0.4);
      if (Math.abs(g.base - ref.base) <= tol) {
        last.push(g);
        continue;
      }
    }
    lines.push([g]);
  }
  return lines.map((ls) => makeLine(ls.sort((a, b) => a.x0 - b.x0)));
}

function makeLine(glyphs: PlacedGlyph[]): Line {
  const size = median(glyphs.map((g) => g.size)) || 10;
  const pieces: Line['pieces'] = [];
  let words: { text: string; x0: number; x1: number; spaced: boolean }[] = [];
  let cur: { text: string; x0: number; x1: number; spaced: boolean } | null = null;
  let sawSpace = false;
  for (const g of glyphs) {
    if (g.space) {
      if (cur) words.push(cur);
      cur = null;
      sawSpace = true;
      continue;
    }
    if (cur && g.x0 - cur.x1 <= size * 0.25) {
      cur.text += g.ch;
      cur.x1 = Math.max(cur.x1, g.x1);
    } else {
      if (cur) words.push(cur);
      cur = { text: g.ch, x0: g.x0, x1: g.x1, spaced: sawSpace };
    }
    sawSpace = false;
  }
  if (cur) words.push(cur);
  // Pieces: words closer than ~1.2 em belong together.
  let text = '';
  let piece: { text: string; x0: number; x1: number } | null = null;
  for (const w of words) {
    const gap = piece ? (w.x0 - piece.x1) / size : 0;
    // A printed space between two numbers stays ("883 50" may be an amount with a lost decimal point).
    const join = (a: string, b: string) => (w.spaced && /\d$/.test(a) && /^\d/.test(b) ? `${a} ${b}` : joinPieces(a, b, gap));
    text = text ? join(text, w.text) : w.text;
    if (piece && gap < 1.2) {
      piece.text = join(piece.text, w.text);
      piece.x1 = w.x1;
    } else {
      if (piece) pieces.push(piece);
      piece = { text: w.text, x0: w.x0, x1: w.x1 };
    }
  }
  if (piece) pieces.push(piece);
  words = [];
  return {
    glyphs,
    x0: Math.min(...glyphs.map((g) => g.x0)),
    x1: Math.max(...glyphs.map((g) => g.x1)),
    top: Math.min(...glyphs.map((g) => g.top)),
    bottom: Math.max(...glyphs.map((g) => g.bottom)),
    base: median(glyphs.map((g) => g.base)),
    size,
    text: repairGlyphs(text),
    pieces: pieces.map((p) => ({ ...p, text: repairGlyphs(p.text) })),
  };
}

const pdfAnchor = (page: number, x0: number, y0: number, x1: number, y1: number) => ({ kind: 'pdf' as const, page, box: [x0, y0, x1, y1] as Box });

/** The box of a cell's glyphs, as the anchor's `text` (nothing for an empty cell). */
function glyphBox(glyphs: PlacedGlyph[]): { text?: Box } {
  if (!glyphs.length) return {};
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const g of glyphs) {
    x0 = Math.min(x0, g.x0);
    y0 = Math.min(y0, g.top);
    x1 = Math.max(x1, g.x1);
    y1 = Math.max(y1, g.bottom);
  }
  return { text: [x0, y0, x1, y1] };
}

/** Text of the glyphs in one cell: lines top to bottom, each left to right. */
function cellText(glyphs: PlacedGlyph[]): string {
  if (!glyphs.length) return '';
  return joinLines(buildLines(glyphs).map((l) => l.text)).replace(/\s+/g, ' ').trim();
}

function gridFromRegion(r: RuledRegion, glyphs: PlacedGlyph[], page: number): Grid {
  const nr = r.ys.length - 1;
  const nc = r.xs.length - 1;
  const bucket: PlacedGlyph[][] = r.cells.map(() => []);
  const findIdx = (arr: number[], v: number) => {
    let lo = 0;
    let hi = arr.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (arr[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const g of glyphs) {
    const cx = (g.x0 + g.x1) / 2;
    const cy = (g.top + g.bottom) / 2;
    const i = findIdx(r.ys, cy);
    const j = findIdx(r.xs, cx);
    const k = r.cellOf[i]?.[j];
    if (k !== undefined && k >= 0) bucket[k]!.push(g);
  }
  const cells: GridCell[] = [];
  const slots: (GridCell | null)[][] = Array.from({ length: nr }, () => new Array<GridCell | null>(nc).fill(null));
  r.cells.forEach((c, k) => {
    const cell: GridCell = {
      text: cellText(bucket[k]!),
      row: c.r0,
      col: c.c0,
      rowSpan: c.r1 - c.r0 + 1,
      colSpan: c.c1 - c.c0 + 1,
      anchor: { ...pdfAnchor(page, r.xs[c.c0]!, r.ys[c.r0]!, r.xs[c.c1 + 1]!, r.ys[c.r1 + 1]!), ...glyphBox(bucket[k]!) },
    };
    cells.push(cell);
    for (let i = c.r0; i <= c.r1; i++) for (let j = c.c0; j <= c.c1; j++) slots[i]![j] = cell;
  });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return dropEmptyRows({ nRows: nr, nCols: nc, cells, slots });
}

/** Rows with no text that no merged cell needs (split-row fragments at page breaks, spacer rows). */
function dropEmptyRows(g: Grid): Grid {
  const keep: number[] = [];
  for (let i = 0; i < g.nRows; i++) {
    const row = g.slots[i]!;
    const own = row.filter((c): c is GridCell => !!c && c.row === i);
    const spanning = row.some((c) => c && (c.row !== i || c.rowSpan > 1));
    if (own.some((c) => c.text) || spanning) keep.push(i);
  }
  if (keep.length === g.nRows) return g;
  const map = new Map(keep.map((old, idx) => [old, idx]));
  const slots = keep.map((i) => g.slots[i]!);
  const cells: GridCell[] = [];
  for (const c of g.cells) {
    const first = keep.find((i) => i >= c.row && i < c.row + c.rowSpan);
    if (first === undefined) continue;
    let last = first;
    for (const i of keep) if (i >= c.row && i < c.row + c.rowSpan) last = i;
    c.row = map.get(first)!;
    c.rowSpan = map.get(last)! - c.row + 1;
    cells.push(c);
  }
  return { nRows: slots.length, nCols: g.nCols, cells, slots };
}

/**
 * Unruled tables: a run of at least three lines that each split into several pieces at wide gaps, with
 * numbers among them. Columns come from the x-ranges the pieces occupy across the run.
 */
function findUnruledTables(lines: Line[]): { start: number; end: number; cols: [number, number][] }[] {
  const isRow = (l: Line) => l.pieces.length >= 2 && (l.pieces.filter((p) => /^[-(（]?[\d,]+(\.\d+)?[)）%]?$/.test(p.text)).length >= 1 || l.pieces.length >= 3);
  const out: { start: number; end: number; cols: [number, number][] }[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isRow(lines[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && isRow(lines[j]!) && lines[j]!.top - lines[j - 1]!.bottom < lines[j]!.size * 2.5) j++;
    if (j - i >= 3) {
      const run = lines.slice(i, j);
      // Column bands: merge the x-intervals of all pieces; gaps between bands separate columns.
      const ivs = run.flatMap((l) => l.pieces.map((p) => [p.x0, p.x1] as [number, number])).sort((a, b) => a[0] - b[0]);
      const bands: [number, number][] = [];
      for (const [a, b] of ivs) {
        const last = bands[bands.length - 1];
        if (last && a <= last[1] + 2) last[1] = Math.max(last[1], b);
        else bands.push([a, b]);
      }
      if (bands.length >= 2) out.push({ start: i, end: j, cols: bands });
    }
    i = j;
  }
  return out;
}

function gridFromLines(run: Line[], cols: [number, number][], page: number): Grid {
  const nr = run.length;
  const nc = cols.length;
  const cells: GridCell[] = [];
  const slots: (GridCell | null)[][] = [];
  run.forEach((l, i) => {
    const texts: string[] = new Array(nc).fill('');
    for (const p of l.pieces) {
      const mid = (p.x0 + p.x1) / 2;
      let j = cols.findIndex(([a, b]) => mid >= a - 1 && mid <= b + 1);
      if (j < 0) j = cols.reduce((best, c, k) => (Math.abs((c[0] + c[1]) / 2 - mid) < Math.abs((cols[best]![0] + cols[best]![1]) / 2 - mid) ? k : best), 0);
      texts[j] = texts[j] ? joinPieces(texts[j]!, p.text, 1) : p.text;
    }
    const row: GridCell[] = texts.map((t, j) => ({ text: t, row: i, col: j, rowSpan: 1, colSpan: 1, anchor: pdfAnchor(page, cols[j]![0], l.top, cols[j]![1], l.bottom) }));
    cells.push(...row);
    slots.push(row);
  });
  return { nRows: nr, nCols: nc, cells, slots };
}

const PAGE_NUMBER = /^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4}|page\s*\d+)$/i;

function spillCrossesColumns(spill: PlacedGlyph[], xs: number[]): boolean {
  const inner = xs.slice(1, -1);
  const sorted = [...spill].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && Math.abs(sorted[j]!.top - sorted[i]!.top) < sorted[i]!.size * 0.5) j++;
    const line = sorted.slice(i, j);
    if (/^[注说备]/.test(line[0]!.ch)) return true;
    for (let k = 1; k < line.length; k++) {
      const gap0 = line[k - 1]!.x1;
      const gap1 = line[k]!.x0;
      // Consecutive glyphs with a column rule between them and no real gap: one run of text across cells.
      if (inner.some((x) => x > gap0 - 0.5 && x < gap1 + 0.5) && gap1 - gap0 < line[k]!.size * 0.6) return true;
    }
    i = j;
  }
  return false;
}

/** Lay out one page: ruled tables, unruled tables, and paragraphs, in reading order. */
export function layoutPage(content: PageContent, page: number): PageBlocks {
  const regions = findRuledRegions(content.segments);
  // A row broken by the page end: its text can spill just below the last ruling near the bottom margin.
  for (const r of regions) {
    if (r.y1 < content.height * 0.8) continue;
    let bottom = r.y1;
    const spill: PlacedGlyph[] = [];
    for (const g of content.glyphs) {
      const cx = (g.x0 + g.x1) / 2;
      if (cx < r.x0 || cx > r.x1 || g.top < r.y1 - 1 || g.top > r.y1 + g.size * 1.5 || g.bottom > content.height * 0.97) continue;
      spill.push(g);
      bottom = Math.max(bottom, g.bottom + 0.5);
    }
    // A note under the table (注：本表反映…) runs across column rules; the tail of a broken row stays inside its cells.
    if (bottom > r.y1 && !spillCrossesColumns(spill, r.xs)) {
      r.openBottom = r.xs.slice(1).map((x, j): [number, number] => [r.xs[j]!, x]);
      r.y1 = bottom;
      r.ys[r.ys.length - 1] = bottom;
    }
  }
  const inRegion = (g: PlacedGlyph) => {
    const cx = (g.x0 + g.x1) / 2;
    const cy = (g.top + g.bottom) / 2;
    return regions.findIndex((r) => cx >= r.x0 - 0.5 && cx <= r.x1 + 0.5 && cy >= r.y0 - 0.5 && cy <= r.y1 + 0.5);
  };
  const perRegion: PlacedGlyph[][] = regions.map(() => []);
  const free: PlacedGlyph[] = [];
  for (const g of content.glyphs) {
    const k = regions.length ? inRegion(g) : -1;
    if (k >= 0) perRegion[k]!.push(g);
    else free.push(g);
  }
  type Placed = { top: number; block: TableBlock | TextBlock };
  const placed: Placed[] = [];
  regions.forEach((r, k) => {
    const grid = gridFromRegion(r, perRegion[k]!, page);
    if (grid.nRows === 0) return;
    placed.push({ top: r.y0, block: { type: 'table', grid, anchor: pdfAnchor(page, r.x0, r.y0, r.x1, r.y1), page, pageEnd: page, pageOfRow: new Array(grid.nRows).fill(page), openBottom: r.openBottom } });
  });

  const lines = buildLines(free);
  const edgeLines: PageBlocks['edgeLines'] = [];
  const bodyLines: Line[] = [];
  for (const l of lines) {
    const nearEdge = l.bottom < content.height * 0.08 || l.top > content.height * 0.92;
    if (nearEdge && l.text.length <= 40) {
      const block: TextBlock = { type: 'text', text: l.text, anchor: pdfAnchor(page, l.x0, l.top, l.x1, l.bottom), page };
      edgeLines.push({ text: l.text, top: l.top, block });
      if (PAGE_NUMBER.test(l.text.replace(/\s+/g, ' ').trim())) continue;
      placed.push({ top: l.top, block });
      continue;
    }
    bodyLines.push(l);
  }

  // Unruled tables among the body lines.
  const unruled = findUnruledTables(bodyLines);
  const used = new Set<number>();
  for (const u of unruled) {
    const run = bodyLines.slice(u.start, u.end);
    for (let i = u.start; i < u.end; i++) used.add(i);
    const grid = gridFromLines(run, u.cols, page);
    const x0 = Math.min(...run.map((l) => l.x0));
    const x1 = Math.max(...run.map((l) => l.x1));
    placed.push({ top: run[0]!.top, block: { type: 'table', grid, anchor: pdfAnchor(page, x0, run[0]!.top, x1, run[run.length - 1]!.bottom), page, pageEnd: page, pageOfRow: new Array(grid.nRows).fill(page) } });
  }

  // Paragraphs from the remaining lines.
  const rest = bodyLines.filter((_, i) => !used.has(i));
  const left = median(rest.map((l) => l.x0));
  let para: Line[] = [];
  const flush = () => {
    if (!para.length) return;
    const text = joinLines(para.map((l) => l.text));
    const x0 = Math.min(...para.map((l) => l.x0));
    const x1 = Math.max(...para.map((l) => l.x1));
    const block: TextBlock = { type: 'text', text, anchor: pdfAnchor(page, x0, para[0]!.top, x1, para[para.length - 1]!.bottom), page };
    const first = para[0]!;
    const centred = Math.abs((first.x0 + first.x1) / 2 - content.width / 2) < content.width * 0.08 && first.x0 > left + first.size * 2;
    if (para.length === 1 && (centred || first.size > median(rest.map((l) => l.size)) * 1.15)) block.heading = true;
    placed.push({ top: para[0]!.top, block });
    para = [];
  };
  // The right margin of justified body text: a line stopping well short of it ends its paragraph.
  const rights = rest.map((l) => l.x1).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? 0;
  rest.forEach((l, i) => {
    const prev = rest[i - 1];
    if (prev) {
      const gap = l.top - prev.bottom;
      const indent = l.x0 - left > l.size * 1.5;
      const numbered = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+部分)/.test(l.text);
      const bigGap = gap > Math.max(l.size, prev.size) * 1.2;
      const sizeChange = Math.abs(l.size - prev.size) > 1.5;
      const prevEnds = /[。：:；;！？]$/.test(prev.text);
      // Unjustified text stops a few characters short of the margin mid-paragraph; a heading or a last line
      // stops well short, or ends a sentence.
      const prevShort = prev.x1 < right - prev.size * 6 || (prev.x1 < right - prev.size * 1.5 && prevEnds);
      if (bigGap || numbered || sizeChange || prevShort || (indent && prevEnds)) flush();
    }
    para.push(l);
  });
  flush();

  placed.sort((a, b) => a.top - b.top);
  return { page, width: content.width, height: content.height, blocks: placed.map((p) => p.block), edgeLines, glyphCount: content.glyphs.length };
}
