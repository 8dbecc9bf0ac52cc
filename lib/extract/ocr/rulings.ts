import type { Segment } from '../pdf/ops';
import type { GrayImage } from './image';

interface RulingOptions {
  /** Pixels per PDF point of the image. */
  scale: number;
  /** Darker than this is ink. */
  threshold?: number;
  /** Shortest horizontal / vertical rule, in points: longer than a character's stroke. */
  minHorizontal?: number;
  minVertical?: number;
  /** Shortest vertical rule that hangs from a horizontal one (a header row cut by the page break), in points. */
  minHanging?: number;
  /** Thickest line still a rule (thicker is a filled box or a bar), in points. */
  maxThickness?: number;
}

interface Run {
  /** Position across the run (row for horizontal runs, column for vertical ones). */
  at: number;
  lo: number;
  hi: number;
}

interface Band {
  first: number;
  last: number;
  lo: number;
  hi: number;
}

/**
 * Table rules drawn in a scanned page: long thin runs of ink along rows and columns. They go to the same
 * ruled-table rebuilding as the lines a PDF draws, so a scanned table is split into cells the way its
 * digital original is. Small breaks in a run (scan noise, a character touching the rule) are bridged.
 */
export function findImageRulings(img: GrayImage, opts: RulingOptions): Segment[] {
  const { width: w, height: h, data } = img;
  const s = opts.scale;
  const t = opts.threshold ?? 160;
  const minH = (opts.minHorizontal ?? 20) * s;
  const minV = (opts.minVertical ?? 14) * s;
  const minHang = (opts.minHanging ?? 8) * s;
  const maxThick = Math.max(2, (opts.maxThickness ?? 3) * s);
  const gap = Math.max(2, Math.round(0.6 * s));
  const hRuns: Run[] = [];
  const vRuns: Run[] = [];
  const shortRuns: Run[] = [];
  const endV = (x: number) => {
    const len = vLast[x]! - vStart[x]! + 1;
    if (len >= minV) vRuns.push({ at: x, lo: vStart[x]!, hi: vLast[x]! });
    else if (len >= minHang) shortRuns.push({ at: x, lo: vStart[x]!, hi: vLast[x]! });
  };
  const vStart = new Int32Array(w).fill(-1);
  const vLast = new Int32Array(w).fill(-1);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let start = -1;
    let last = -1;
    for (let x = 0; x < w; x++) {
      const dark = data[row + x]! < t;
      if (dark) {
        if (start < 0 || x - last > gap) {
          if (start >= 0 && last - start + 1 >= minH) hRuns.push({ at: y, lo: start, hi: last });
          start = x;
        }
        last = x;
        if (vStart[x]! < 0 || y - vLast[x]! > gap) {
          if (vStart[x]! >= 0) endV(x);
          vStart[x] = y;
        }
        vLast[x] = y;
      }
    }
    if (start >= 0 && last - start + 1 >= minH) hRuns.push({ at: y, lo: start, hi: last });
  }
  for (let x = 0; x < w; x++) if (vStart[x]! >= 0) endV(x);
  const out: Segment[] = [];
  for (const b of bands(hRuns, maxThick)) {
    const y = (b.first + b.last + 1) / 2 / s;
    out.push({ x0: b.lo / s, x1: (b.hi + 1) / s, y0: y, y1: y, horizontal: true });
  }
  for (const b of bands(vRuns, maxThick)) {
    const x = (b.first + b.last + 1) / 2 / s;
    out.push({ x0: x, x1: x, y0: b.lo / s, y1: (b.hi + 1) / s, horizontal: false });
  }
  // A header row that the page break leaves alone at the bottom of a page has rules too short to tell from
  // a character's stroke by length; they hang from the table's top rule, which a stroke does not.
  const rules = out.filter((r) => r.horizontal);
  const onRule = (x: number, y: number) => rules.some((r) => x >= r.x0 - 1 && x <= r.x1 + 1 && Math.abs(r.y0 - y) <= 1.5);
  for (const b of bands(shortRuns, maxThick)) {
    const x = (b.first + b.last + 1) / 2 / s;
    const y0 = b.lo / s;
    const y1 = (b.hi + 1) / s;
    if (onRule(x, y0) || onRule(x, y1)) out.push({ x0: x, x1: x, y0, y1, horizontal: false });
  }
  return out;
}

/** Runs on neighbouring rows (or columns) that overlap are one line; lines thicker than `maxThick` are dropped. */
function bands(runs: Run[], maxThick: number): Band[] {
  runs.sort((a, b) => a.at - b.at || a.lo - b.lo);
  const open: Band[] = [];
  const done: Band[] = [];
  for (const r of runs) {
    let joined = false;
    for (const b of open) {
      if (r.at - b.last > 1) continue;
      const overlap = Math.min(b.hi, r.hi) - Math.max(b.lo, r.lo);
      if (overlap > 0.5 * Math.min(b.hi - b.lo, r.hi - r.lo)) {
        b.last = r.at;
        b.lo = Math.min(b.lo, r.lo);
        b.hi = Math.max(b.hi, r.hi);
        joined = true;
        break;
      }
    }
    if (!joined) open.push({ first: r.at, last: r.at, lo: r.lo, hi: r.hi });
    // Bands that can no longer grow are finished.
    for (let i = open.length - 1; i >= 0; i--) {
      if (r.at - open[i]!.last > 1) done.push(...open.splice(i, 1));
    }
  }
  done.push(...open);
  return done.filter((b) => b.last - b.first + 1 <= maxThick);
}

/**
 * Paint the rules white before recognition: a vertical rule beside a number is otherwise read as a "1"
 * or "|" glued to it ("1,990.501"). Only the rule's own pixels go, a pixel either side for anti-aliasing.
 */
export function eraseRulings(img: GrayImage, segments: Segment[], scale: number, threshold = 200): void {
  const { width: w, height: h, data } = img;
  for (const s of segments) {
    if (s.horizontal) {
      const yc = Math.round(s.y0 * scale);
      const x0 = Math.max(0, Math.floor(s.x0 * scale));
      const x1 = Math.min(w - 1, Math.ceil(s.x1 * scale));
      for (let x = x0; x <= x1; x++) {
        // Walk out from the centre line while the pixels are dark: the rule's thickness at this column.
        for (let y = yc; y >= 0 && yc - y <= 8 && data[y * w + x]! < threshold; y--) data[y * w + x] = 255;
        for (let y = yc + 1; y < h && y - yc <= 8 && data[y * w + x]! < threshold; y++) data[y * w + x] = 255;
      }
    } else {
      const xc = Math.round(s.x0 * scale);
      const y0 = Math.max(0, Math.floor(s.y0 * scale));
      const y1 = Math.min(h - 1, Math.ceil(s.y1 * scale));
      for (let y = y0; y <= y1; y++) {
        const row = y * w;
        for (let x = xc; x >= 0 && xc - x <= 8 && data[row + x]! < threshold; x--) data[row + x] = 255;
        for (let x = xc + 1; x < w && x - xc <= 8 && data[row + x]! < threshold; x++) data[row + x] = 255;
      }
    }
  }
}
