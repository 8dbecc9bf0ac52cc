import type { Explanation } from '../../lib/report/explanations';
import type { HighlightModel, Mark } from '../../lib/report/highlights';
import { applyTick, domTick } from '../layout/tick-place';
import { clipAncestor, viewportRects, type Rect } from './dom-rects';

export interface OverlayEvents {
  /** The pointer rests on a mark with findings (or left all marks: null). */
  hover(mark: Mark | null, rect?: Rect): void;
  /** A mark with findings was clicked. */
  select(mark: Mark, rect: Rect): void;
  /** The pointer rests on a table title, a header or a code that has an explanation (or left it: null). */
  explain?(e: Explanation | null, rect?: Rect): void;
}

interface Placed {
  mark: Mark;
  boxes: HTMLElement[];
  /** Document coordinates of each box, for hit-testing (valid while `measured`). */
  rects: Rect[];
  clip?: Element;
  /** The element whose box moves with the mark's: its table, or its paragraph. */
  group: Element;
  /** The group's document box when the mark was measured: a pure move shifts the mark without reading it. */
  groupAt?: Rect;
  measured: boolean;
  /** Boxes are on the page at `rects`. */
  drawn: boolean;
  /** Where a reconciled cell's tick goes, relative to its box (none when the cell is cramped). */
  tick?: { x: number; y: number } | null;
  /** The table row that places the mark, in a group measured row by row (none: measured with its group). */
  row?: Element;
  /** The mark has had a place on the page (measured with a box at least once). */
  ever: boolean;
}

/** A table or paragraph and the marks inside it. */
interface Group {
  el: Element;
  marks: Placed[];
  /** A large table: only the marks of rows near the viewport are measured (its rows are found by halving). */
  byRow: boolean;
  /** Row → index in `table.rows` (visual order: head, bodies, foot), rebuilt when the row count changes. */
  rowIndex?: Map<Element, number>;
}

/** Pages with more marks than this draw only those near the viewport (the rest when scrolled to). */
const DRAW_ALL_BELOW = 1500;
/** Tables with more marks than this are measured row by row near the viewport, not all at once. */
const BY_ROW_ABOVE = 200;
/** Rows measured beyond the band's edges (a cell's box can reach past its row's). */
const ROW_SLACK = 2;
/**
 * The drawn window, in viewport heights above and below the viewport, and how close the viewport may come
 * to its edges before the window moves. Scrolling inside it writes nothing to the layer: every write makes
 * the browser repaint the page's own layer (the whole table around the viewport), so writes are few and
 * batched.
 */
const WINDOW_ABOVE = 1.5;
const WINDOW_BELOW = 3;
const WINDOW_MARGIN = 0.5;
/** Marks measured per idle callback at most (reads only: measuring ahead costs no repaint). */
const IDLE_CHUNK = 200;

/**
 * Draws marks over a live page: boxes in a layer positioned in document coordinates, so that scrolling the
 * window needs no measuring. Every pass reads first (all boxes it needs, one layout) and then writes (never
 * read-write-read, which forces a layout per mark). On large pages (DRAW_ALL_BELOW) only the marks of a
 * window around the viewport are drawn, and their boxes are given back when they leave it: a large table is
 * measured row by row near the window (its rows found by halving), the rest in idle time. Scrolling within
 * the window writes nothing; the window moves, in one batch, only when the viewport nears its edge — each
 * frame that writes to the layer makes the browser repaint the page's own layer around the viewport, so
 * the writes are few. A pass runs on real change only: a resize (ResizeObserver), the page changing
 * (MutationObserver — and then only marks whose table or paragraph moved or changed size are touched),
 * scrolling (window: drawing only; a table wrapper: its marks re-measured), fonts arriving.
 * Pointer events are read at the document level and never stopped, so the page behaves as before.
 */
export class DomOverlay {
  private placed: Placed[] = [];
  private groups: Group[] = [];
  /** Detached boxes of marks that left the window, reused for marks that enter it. */
  private pool: HTMLElement[] = [];
  /** The band of the document (document coordinates) whose marks are drawn now. */
  private window: [number, number] = [-Infinity, Infinity];
  private frame = 0;
  private resizeObs: ResizeObserver | undefined;
  private mutationObs: MutationObserver | undefined;
  private hovered: Placed | null = null;
  private explained: Explanation | null = null;
  private readonly explainByElement = new Map<Element, Explanation>();
  private readonly cleanups: (() => void)[] = [];
  private readonly drawAll: boolean;
  private active = new Set<number>();
  /** Wrappers scrolled since the last pass: their marks are measured again. */
  private scrolledClips = new Set<Element>();
  private remeasureAll = false;
  /** An idle callback measuring marks not yet measured (so that moving the window only writes). */
  private idle: number | undefined;
  /** Some marks were left unmeasured by the last pass. */
  private pending = false;

  constructor(
    private readonly doc: Document,
    private readonly layer: HTMLElement,
    model: HighlightModel,
    private readonly events: OverlayEvents,
    explain: readonly Explanation[] = [],
  ) {
    for (const e of explain) if (e.anchor.kind === 'dom') this.explainByElement.set(e.anchor.element, e);
    const clips = new Map<Element, Element | undefined>();
    const groups = new Map<Element, Group>();
    for (const mark of model.marks) {
      if (mark.anchor.kind !== 'dom') continue;
      const el = mark.anchor.element;
      const table = el.closest('table');
      const group = table ?? el;
      if (!clips.has(group)) clips.set(group, clipAncestor(group));
      const clip = clips.get(group);
      const p: Placed = { mark, boxes: [], rects: [], group, measured: false, drawn: false, ever: false, ...(clip ? { clip } : {}) };
      this.placed.push(p);
      let g = groups.get(group);
      if (!g) groups.set(group, (g = { el: group, marks: [], byRow: false }));
      g.marks.push(p);
    }
    this.drawAll = this.placed.length < DRAW_ALL_BELOW;
    for (const g of groups.values()) {
      g.byRow = !this.drawAll && g.marks.length > BY_ROW_ABOVE && g.el instanceof HTMLTableElement;
      if (!g.byRow) continue;
      // A cell spanning rows reaches past the row that holds it: measured with its group, as small tables are.
      for (const p of g.marks) {
        const el = (p.mark.anchor as { element: Element }).element;
        const row = el.closest('tr');
        if (row && g.el.contains(row) && !(el instanceof HTMLTableCellElement && el.rowSpan !== 1)) p.row = row;
      }
    }
    this.groups = [...groups.values()];
    // First pass: measure every mark (reads only), then draw (writes only).
    this.layout(true);
    const schedule = () => this.schedule();
    const win = doc.defaultView!;
    win.addEventListener('resize', schedule, { passive: true });
    const onScroll = (e: Event) => {
      // A table wrapper scrolled: its cells moved inside it. The window scrolled: draw what came near, once
      // the viewport nears the edge of what is drawn (reading scrollY needs no layout).
      const t = e.target;
      if (t && t !== doc && t instanceof Element) {
        this.scrolledClips.add(t);
        schedule();
      } else if (!this.drawAll && this.nearEdge()) schedule();
    };
    doc.addEventListener('scroll', onScroll, { passive: true, capture: true });
    this.resizeObs = new ResizeObserver(schedule);
    this.resizeObs.observe(doc.documentElement);
    if (doc.body) this.resizeObs.observe(doc.body);
    // Content that changes above a table moves it: a pass then finds which groups moved (a few reads).
    const host = layer.getRootNode() instanceof ShadowRoot ? (layer.getRootNode() as ShadowRoot).host : null;
    this.mutationObs = new MutationObserver((records) => {
      if (records.every((r) => host && (r.target === host || host.contains(r.target)))) return;
      schedule();
    });
    this.mutationObs.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'width', 'height', 'src'] });
    void doc.fonts?.ready.then(() => {
      this.remeasureAll = true;
      schedule();
    });
    const onMove = (e: MouseEvent) => this.onPointer(e, false);
    const onClick = (e: MouseEvent) => this.onPointer(e, true);
    doc.addEventListener('mousemove', onMove, { passive: true });
    doc.addEventListener('click', onClick, { passive: true });
    this.cleanups.push(() => {
      win.removeEventListener('resize', schedule);
      doc.removeEventListener('scroll', onScroll, { capture: true });
      doc.removeEventListener('mousemove', onMove);
      doc.removeEventListener('click', onClick);
    });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.cancelIdle();
    this.resizeObs?.disconnect();
    this.mutationObs?.disconnect();
    for (const c of this.cleanups) c();
    this.layer.replaceChildren();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }

  /** The band of the document (vertical, document coordinates) whose marks are measured and drawn. */
  private band(): [number, number] {
    if (this.drawAll) return [-Infinity, Infinity];
    const win = this.doc.defaultView!;
    const vh = win.innerHeight || 800;
    return [win.scrollY - WINDOW_ABOVE * vh, win.scrollY + (1 + WINDOW_BELOW) * vh];
  }

  /** The viewport came within WINDOW_MARGIN of the drawn window's edges (or left it). */
  private nearEdge(): boolean {
    const win = this.doc.defaultView!;
    const vh = win.innerHeight || 800;
    const [top, bottom] = this.window;
    return win.scrollY < top + WINDOW_MARGIN * vh || win.scrollY + vh > bottom - WINDOW_MARGIN * vh;
  }

  /**
   * The rows of a large table that meet the band [top, bottom] (document coordinates), found by halving
   * over `table.rows` (rows are laid out in that order; hidden rows are stepped over), with a few rows of
   * slack. Reads only.
   */
  private rowRange(g: Group, top: number, bottom: number, sy: number): { index: Map<Element, number>; lo: number; hi: number } {
    const rows = (g.el as HTMLTableElement).rows;
    const n = rows.length;
    if (!g.rowIndex || g.rowIndex.size !== n) {
      g.rowIndex = new Map();
      for (let i = 0; i < n; i++) g.rowIndex.set(rows[i]!, i);
    }
    // The nearest shown row at or after i (else before it) within [a, b]: its index and document box.
    const probe = (i: number, a: number, b: number): [number, DOMRect] | undefined => {
      for (let j = i; j <= b; j++) {
        const r = rows[j]!.getBoundingClientRect();
        if (r.height > 0) return [j, r];
      }
      for (let j = i - 1; j >= a; j--) {
        const r = rows[j]!.getBoundingClientRect();
        if (r.height > 0) return [j, r];
      }
      return undefined;
    };
    // The first row for which `past(row box)` holds, rows being in layout order.
    const first = (past: (r: DOMRect) => boolean): number => {
      let a = 0;
      let b = n;
      while (a < b) {
        const m = (a + b) >> 1;
        const hit = probe(m, a, b - 1);
        if (!hit) return a;
        const [j, r] = hit;
        if (past(r)) b = j;
        else a = j + 1;
      }
      return a;
    };
    const lo = first((r) => r.bottom + sy >= top);
    const end = first((r) => r.top + sy > bottom);
    return { index: g.rowIndex, lo: lo - ROW_SLACK, hi: end - 1 + ROW_SLACK };
  }

  /** Place the marks from the current layout: read everything needed first, then write. */
  layout(all = false): void {
    const t0 = performance.now();
    try {
      this.pass(all);
    } finally {
      // Visible in the page's performance timeline (npm run bench reads it).
      performance.measure?.('budget-lens overlay', { start: t0 });
    }
  }

  private pass(all: boolean): void {
    const win = this.doc.defaultView!;
    const sx = win.scrollX;
    const sy = win.scrollY;
    const [top, bottom] = this.band();
    this.window = [top, bottom];
    const remeasure = all || this.remeasureAll;
    this.remeasureAll = false;
    const clips = this.scrolledClips;
    this.scrolledClips = new Set();
    // Read: the groups' boxes (a few tables and paragraphs), then the marks that need measuring.
    for (const group of this.groups) {
      const r = group.el.isConnected ? group.el.getBoundingClientRect() : undefined;
      const g: Rect = r ? { left: r.left + sx, top: r.top + sy, width: r.width, height: r.height } : { left: 0, top: 0, width: 0, height: 0 };
      const near = g.top + g.height >= top && g.top <= bottom;
      let rows: ReturnType<DomOverlay['rowRange']> | undefined;
      for (const p of group.marks) {
        const prev = p.groupAt;
        const stale = remeasure || !p.measured || !prev || (p.clip && clips.has(p.clip)) || Math.abs(prev.width - g.width) > 0.5 || Math.abs(prev.height - g.height) > 0.5;
        if (!stale && prev && (prev.left !== g.left || prev.top !== g.top)) {
          // The table moved as a whole (content above it changed): its marks move with it, unread.
          const dx = g.left - prev.left;
          const dy = g.top - prev.top;
          for (const r of p.rects) {
            r.left += dx;
            r.top += dy;
          }
          p.groupAt = g;
          p.drawn = false;
        }
        if (!stale) continue;
        p.measured = false;
        p.drawn = false;
        if (!all && !near) {
          this.pending = true;
          continue;
        }
        if (!all && p.row) {
          // A large table: only the rows near the band (found in a few reads), the rest when idle.
          rows ??= this.rowRange(group, top, bottom, sy);
          const i = rows.index.get(p.row);
          if (i !== undefined && (i < rows.lo || i > rows.hi)) {
            this.pending = true;
            continue;
          }
        }
        this.measure(p, g, sx, sy);
      }
    }
    // Write: draw marks in the band; marks that left it give their boxes back.
    for (const p of this.placed) {
      const inBand = p.measured && p.rects.some((r) => r.top + r.height >= top && r.top <= bottom);
      if (!inBand) {
        if (p.boxes.length) this.release(p, 0);
        p.drawn = false;
        continue;
      }
      if (p.drawn) continue;
      this.draw(p);
    }
    if (this.pending) this.scheduleIdle();
  }

  /**
   * Measure the marks the passes left for later, a chunk per idle callback. Reading alone
   * invalidates nothing, so the browser repaints nothing for it; when the window moves onto these marks,
   * the pass that draws them only writes (each frame that writes to the layer repaints the page's own layer,
   * so writes are kept to few frames and measuring out of them).
   */
  private scheduleIdle(): void {
    if (this.idle !== undefined) return;
    const win = this.doc.defaultView!;
    const run = (deadline?: IdleDeadline) => {
      this.idle = undefined;
      const sx = win.scrollX;
      const sy = win.scrollY;
      const groups = new Map<Element, Rect>();
      let n = 0;
      let left = false;
      let drawn = false;
      for (const p of this.placed) {
        if (p.measured || !p.group.isConnected) continue;
        if (n >= IDLE_CHUNK || (deadline && deadline.timeRemaining() < 3 && n > 0)) {
          left = true;
          break;
        }
        let g = groups.get(p.group);
        if (!g) {
          const r = p.group.getBoundingClientRect();
          groups.set(p.group, (g = { left: r.left + sx, top: r.top + sy, width: r.width, height: r.height }));
        }
        this.measure(p, g, sx, sy);
        n++;
        const [top, bottom] = this.window;
        if (p.rects.some((r) => r.top + r.height >= top && r.top <= bottom)) drawn = true;
      }
      this.pending = left;
      if (left) this.scheduleIdle();
      // A mark measured here turned out to be in the drawn window (a cell taller than its row's slack).
      if (drawn) this.schedule();
    };
    // The content script's own timers, as for requestAnimationFrame above (Firefox wraps the page's window).
    this.idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : (setTimeout(run, 50) as unknown as number);
  }

  private cancelIdle(): void {
    if (this.idle === undefined) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idle);
    else clearTimeout(this.idle);
    this.idle = undefined;
  }

  /** Read a mark's boxes (viewport → document coordinates) and its tick's place. */
  private measure(p: Placed, g: Rect, sx: number, sy: number): void {
    const a = p.mark.anchor;
    if (a.kind !== 'dom') return;
    const rects = viewportRects(a.element, p.mark.target === 'sentence' ? p.mark.quote : undefined, p.clip);
    p.rects = rects.map((r) => ({ left: r.left + sx, top: r.top + sy, width: r.width, height: r.height }));
    // A reconciled cell's tick sits beside its number, in the cell's free space (measured now, drawn below).
    if (p.mark.tone === 'pass' && p.rects[0]) {
      const r0 = rects[0]!;
      p.tick = domTick(a.element, { left: r0.left - 1, top: r0.top - 1, width: r0.width + 2, height: r0.height + 2 });
    }
    p.groupAt = g;
    p.measured = true;
    if (p.rects.length) p.ever = true;
  }

  /** Detach a mark's boxes from `from` on, keeping them for reuse. */
  private release(p: Placed, from: number): void {
    for (const b of p.boxes.splice(from)) {
      b.remove();
      this.pool.push(b);
    }
  }

  private draw(p: Placed): void {
    while (p.boxes.length < p.rects.length) p.boxes.push(this.box(p.mark));
    if (p.boxes.length > p.rects.length) this.release(p, p.rects.length);
    const pad = p.mark.target === 'sentence' ? 0 : 1;
    const active = this.active.has(p.mark.id);
    p.boxes.forEach((b, i) => {
      const r = p.rects[i]!;
      if (active !== b.classList.contains('bl-active')) b.classList.toggle('bl-active', active);
      // One write for the whole box (the tick's variables follow it).
      b.style.cssText = `left:${r.left - pad}px;top:${r.top - pad}px;width:${r.width + 2 * pad}px;height:${r.height + 2 * pad}px`;
      if (i === 0 && p.tick !== undefined) applyTick(b, p.tick);
    });
    p.drawn = true;
  }

  private box(mark: Mark): HTMLElement {
    const b = this.pool.pop() ?? this.layer.ownerDocument.createElement('div');
    // A reused box forgets its previous mark's tick (draw() rewrites its whole style, className its state).
    delete b.dataset['tick'];
    b.className = `bl-mark${mark.tone === 'related' ? ' bl-related' : ''}${mark.target === 'sentence' ? ' bl-sentence' : ''}`;
    b.dataset['budgetLensSeverity'] = mark.tone === 'related' ? 'related' : mark.tone;
    b.dataset['budgetLensRule'] = mark.rule;
    b.dataset['mark'] = String(mark.id);
    this.layer.appendChild(b);
    return b;
  }

  private onPointer(e: MouseEvent, click: boolean): void {
    // Only the reader's own pointer: a page's synthetic events do not open cards.
    if (!e.isTrusted) return;
    const win = this.doc.defaultView!;
    const x = e.clientX + win.scrollX;
    const y = e.clientY + win.scrollY;
    let hit: Placed | null = null;
    let hitRect: Rect | undefined;
    for (const p of this.placed) {
      if (!p.mark.findings.length || !p.measured) continue;
      for (const r of p.rects) {
        if (x >= r.left && x <= r.left + r.width && y >= r.top - 2 && y <= r.top + r.height + 2) {
          // The smallest box under the pointer wins (a sentence inside a cell, a cell inside a merged one).
          if (!hitRect || r.width * r.height < hitRect.width * hitRect.height) {
            hit = p;
            hitRect = r;
          }
        }
      }
    }
    const vr = hitRect && { left: hitRect.left - win.scrollX, top: hitRect.top - win.scrollY, width: hitRect.width, height: hitRect.height };
    if (click) {
      if (hit && vr) this.events.select(hit.mark, vr);
      return;
    }
    if (hit !== this.hovered) {
      this.hovered = hit;
      this.events.hover(hit?.mark ?? null, vr);
    }
    if (!this.events.explain) return;
    let exp: Explanation | null = null;
    if (!hit) {
      let el = e.target instanceof Element ? e.target : null;
      for (let i = 0; el && i < 4 && !exp; i++, el = el.parentElement) exp = this.explainByElement.get(el) ?? null;
    }
    if (exp !== this.explained) {
      this.explained = exp;
      const r = exp && exp.anchor.kind === 'dom' ? exp.anchor.element.getBoundingClientRect() : undefined;
      this.events.explain(exp, r && { left: r.left, top: r.top, width: r.width, height: r.height });
    }
  }

  /** Light up the marks of one finding (and dim the light of the previous one). */
  activate(markIds: readonly number[]): void {
    const on = new Set(markIds);
    const was = this.active;
    this.active = on;
    // Only boxes whose state changes are touched (a page can hold tens of thousands).
    for (const p of this.placed) {
      if (!p.boxes.length || was.has(p.mark.id) === on.has(p.mark.id)) continue;
      for (const b of p.boxes) b.classList.toggle('bl-active', on.has(p.mark.id));
    }
  }

  /** Scroll the finding's printed mark (else the first) into view and flash them all; its viewport rectangle. */
  reveal(markIds: readonly number[], finding?: number): Rect | undefined {
    const ps = this.placed.filter((p) => markIds.includes(p.mark.id));
    // The cell that prints the finding's value, not a cell it is compared with.
    const target = (finding !== undefined ? ps.find((p) => p.mark.findings.includes(finding)) : undefined) ?? ps.find((p) => p.mark.findings.length) ?? ps[0];
    if (!target || target.mark.anchor.kind !== 'dom') return undefined;
    target.mark.anchor.element.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.layout();
    // The scroll handler would also schedule a pass; this one already drew what is now in view.
    for (const p of ps) {
      for (const b of p.boxes) {
        b.classList.remove('bl-flash');
        void b.offsetWidth;
        b.classList.add('bl-flash');
      }
    }
    const r = target.rects[0];
    const win = this.doc.defaultView!;
    return r && { left: r.left - win.scrollX, top: r.top - win.scrollY, width: r.width, height: r.height };
  }

  /** Marks that have a place on the page (for the panel: which findings can be shown). */
  shown(): Set<number> {
    return new Set(this.placed.filter((p) => p.ever).map((p) => p.mark.id));
  }
}
