import type { Segment } from './ops';

/** A ruled table found on a page: its row and column lines and the merged cells between them. */
export interface RuledRegion {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  xs: number[];
  ys: number[];
  /** Column spans along the bottom edge with no rule: the last row runs on past the region there. */
  openBottom: [number, number][];
  /** cellOf[i][j] = id of the merged cell covering base cell (row i, column j). */
  cellOf: number[][];
  /** Merged cells: base-cell ranges. */
  cells: { r0: number; r1: number; c0: number; c1: number }[];
}

const TOL = 2;

function mergeCollinear(segs: Segment[], horizontal: boolean): Segment[] {
  const key = (s: Segment) => (horizontal ? s.y0 : s.x0);
  const lo = (s: Segment) => (horizontal ? s.x0 : s.y0);
  const hi = (s: Segment) => (horizontal ? s.x1 : s.y1);
  const sorted = segs.slice().sort((a, b) => key(a) - key(b) || lo(a) - lo(b));
  const out: Segment[] = [];
  let i = 0;
  while (i < sorted.length) {
    // One line position (within tolerance), then merge touching intervals along it.
    let j = i;
    let sum = 0;
    while (j < sorted.length && key(sorted[j]!) - key(sorted[i]!) <= 1.2) sum += key(sorted[j++]!);
    const pos = sum / (j - i);
    const group = sorted.slice(i, j).sort((a, b) => lo(a) - lo(b));
    let a = lo(group[0]!);
    let b = hi(group[0]!);
    for (let k = 1; k <= group.length; k++) {
      const s = group[k];
      if (s && lo(s) <= b + 1.5) {
        b = Math.max(b, hi(s));
        continue;
      }
      out.push(horizontal ? { x0: a, x1: b, y0: pos, y1: pos, horizontal } : { x0: pos, x1: pos, y0: a, y1: b, horizontal });
      if (s) {
        a = lo(s);
        b = hi(s);
      }
    }
    i = j;
  }
  return out;
}

function cluster(values: number[], tol: number): number[] {
  const v = values.slice().sort((a, b) => a - b);
  const out: number[] = [];
  let start = 0;
  for (let i = 1; i <= v.length; i++) {
    if (i === v.length || v[i]! - v[i - 1]! > tol) {
      let s = 0;
      for (let k = start; k < i; k++) s += v[k]!;
      out.push(s / (i - start));
      start = i;
    }
  }
  return out;
}

/** Union-find over lines that touch: each group is one candidate table. */
function connect(H: Segment[], V: Segment[]): Map<number, Segment[]> {
  const all = [...H, ...V];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < H.length; i++) {
    const h = H[i]!;
    for (let j = 0; j < V.length; j++) {
      const v = V[j]!;
      if (v.x0 >= h.x0 - TOL && v.x0 <= h.x1 + TOL && h.y0 >= v.y0 - TOL && h.y0 <= v.y1 + TOL) {
        const ra = find(i);
        const rb = find(H.length + j);
        if (ra !== rb) parent[ra] = rb;
      }
    }
  }
  const groups = new Map<number, Segment[]>();
  all.forEach((s, i) => {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(s);
    groups.set(r, g);
  });
  return groups;
}

/**
 * A page frame or a box drawn around the article (a web page printed to PDF) runs through the tables on
 * the page and ties them, and the titles between them, into one "table". Where a stretch of the group
 * has no horizontal rule at all and only one vertical line crosses it, that line is not a table's: a row
 * of a real table always has two sides. Returns the vertical lines without such frame lines, or
 * undefined when there is none.
 */
function cutFrameLines(groups: Map<number, Segment[]>, V: Segment[]): Segment[] | undefined {
  const cuts = new Map<Segment, [number, number][]>();
  for (const segs of groups.values()) {
    const hy = [...new Set(segs.filter((s) => s.horizontal).map((s) => Math.round(s.y0 * 2) / 2))].sort((a, b) => a - b);
    const vs = segs.filter((s) => !s.horizontal);
    if (hy.length < 2 || vs.length < 2) continue;
    const top = Math.min(...vs.map((s) => s.y0));
    const bottom = Math.max(...vs.map((s) => s.y1));
    const stretches: [number, number, number][] = [[top, hy[0]!, 3]];
    for (let i = 1; i < hy.length; i++) stretches.push([hy[i - 1]!, hy[i]!, 20]);
    stretches.push([hy[hy.length - 1]!, bottom, 3]);
    for (const [a, b, min] of stretches) {
      if (b - a <= min) continue;
      const crossing = vs.filter((v) => v.y0 <= a + TOL && v.y1 >= b - TOL);
      if (crossing.length !== 1) continue;
      const list = cuts.get(crossing[0]!) ?? [];
      list.push([a, b]);
      cuts.set(crossing[0]!, list);
    }
  }
  if (!cuts.size) return undefined;
  // Between tables the line is not a table's; within a table it is not a column rule either (it runs
  // through cells at the frame's position), so it goes altogether.
  return V.filter((v) => !cuts.has(v));
}

/** Find ruled tables: connected sets of horizontal and vertical lines, split into rows, columns and merged cells. */
export function findRuledRegions(segments: Segment[]): RuledRegion[] {
  const H = mergeCollinear(segments.filter((s) => s.horizontal), true).filter((s) => s.x1 - s.x0 >= 4);
  const V = mergeCollinear(segments.filter((s) => !s.horizontal), false).filter((s) => s.y1 - s.y0 >= 4);
  if (H.length < 2 || V.length < 2) return [];
  let groups = connect(H, V);
  const cut = cutFrameLines(groups, V);
  if (cut) groups = connect(H, cut);
  const regions: RuledRegion[] = [];
  for (const segs of groups.values()) {
    const hs = segs.filter((s) => s.horizontal);
    const vs = segs.filter((s) => !s.horizontal);
    if (hs.length < 2 || vs.length < 2) continue;
    const x0 = Math.min(...segs.map((s) => s.x0));
    const x1 = Math.max(...segs.map((s) => s.x1));
    const y0 = Math.min(...segs.map((s) => s.y0));
    const y1 = Math.max(...segs.map((s) => s.y1));
    if (x1 - x0 < 20 || y1 - y0 < 8) continue;
    const ys = cluster([y0, y1, ...hs.map((s) => s.y0)], TOL + 0.5);
    const xs = cluster([x0, x1, ...vs.map((s) => s.x0)], TOL + 0.5);
    const nr = ys.length - 1;
    const nc = xs.length - 1;
    if (nr < 1 || nc < 1) continue;
    // Edge presence: a line covering most of the boundary between two base cells.
    const covers = (lines: Segment[], horizontal: boolean, pos: number, a: number, b: number): boolean => {
      const need = (b - a) * 0.6;
      let got = 0;
      for (const s of lines) {
        const p = horizontal ? s.y0 : s.x0;
        if (Math.abs(p - pos) > TOL + 0.5) continue;
        const lo = Math.max(a, horizontal ? s.x0 : s.y0);
        const hi = Math.min(b, horizontal ? s.x1 : s.y1);
        if (hi > lo) got += hi - lo;
      }
      return got >= need;
    };
    const id = (i: number, j: number) => i * nc + j;
    const up = Array.from({ length: nr * nc }, (_, k) => k);
    const f2 = (k: number): number => (up[k] === k ? k : (up[k] = f2(up[k]!)));
    for (let i = 0; i < nr; i++) {
      for (let j = 0; j < nc; j++) {
        if (j + 1 < nc && !covers(vs, false, xs[j + 1]!, ys[i]!, ys[i + 1]!)) {
          const a = f2(id(i, j));
          const b = f2(id(i, j + 1));
          if (a !== b) up[a] = b;
        }
        if (i + 1 < nr && !covers(hs, true, ys[i + 1]!, xs[j]!, xs[j + 1]!)) {
          const a = f2(id(i, j));
          const b = f2(id(i + 1, j));
          if (a !== b) up[a] = b;
        }
      }
    }
    // Merged cells must be rectangles; anything else falls back to its base cells.
    const members = new Map<number, [number, number][]>();
    for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) {
      const r = f2(id(i, j));
      const m = members.get(r) ?? [];
      m.push([i, j]);
      members.set(r, m);
    }
    const cellOf: number[][] = Array.from({ length: nr }, () => new Array<number>(nc).fill(-1));
    const cells: RuledRegion['cells'] = [];
    for (const m of members.values()) {
      const r0 = Math.min(...m.map((p) => p[0]));
      const r1 = Math.max(...m.map((p) => p[0]));
      const c0 = Math.min(...m.map((p) => p[1]));
      const c1 = Math.max(...m.map((p) => p[1]));
      if ((r1 - r0 + 1) * (c1 - c0 + 1) === m.length) {
        const k = cells.push({ r0, r1, c0, c1 }) - 1;
        for (const [i, j] of m) cellOf[i]![j] = k;
      }
    }
    // Open areas that are not rectangles (an empty region running into a merged cell): cut them into
    // maximal rectangles, widest first along rows, then as far down as the same columns stay open.
    for (let i = 0; i < nr; i++) {
      for (let j = 0; j < nc; j++) {
        if (cellOf[i]![j] !== -1) continue;
        const g = f2(id(i, j));
        let c1 = j;
        while (c1 + 1 < nc && cellOf[i]![c1 + 1] === -1 && f2(id(i, c1 + 1)) === g) c1++;
        let r1 = i;
        const rowFree = (r: number) => {
          for (let c = j; c <= c1; c++) if (cellOf[r]![c] !== -1 || f2(id(r, c)) !== g) return false;
          return true;
        };
        while (r1 + 1 < nr && rowFree(r1 + 1)) r1++;
        const k = cells.push({ r0: i, r1, c0: j, c1 }) - 1;
        for (let r = i; r <= r1; r++) for (let c = j; c <= c1; c++) cellOf[r]![c] = k;
      }
    }
    regions.push({ x0, y0, x1, y1, xs, ys, cellOf, cells, openBottom: xs.slice(1).map((x, j): [number, number] => [xs[j]!, x]).filter(([a, b]) => !covers(hs, true, y1, a, b)) });
  }
  // Outer boxes drawn around a whole table (or a page frame) are not tables of their own.
  return regions.filter((r) => r.cells.length > 1).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}
