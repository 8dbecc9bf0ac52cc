import type { Explanation } from '../../lib/report/explanations';
import type { HighlightModel, Mark } from '../../lib/report/highlights';
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
  /** Document coordinates of each box, for hit-testing. */
  rects: Rect[];
  clip?: Element;
}

/**
 * Draws marks over a live page: boxes in a layer positioned in document coordinates, so that scrolling the
 * window needs no work; resizes, scrolling inside table wrappers and late layout changes reposition them.
 * Pointer events are read at the document level and never stopped, so the page behaves as before.
 */
export class DomOverlay {
  private placed: Placed[] = [];
  private frame = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private resizeObs: ResizeObserver | undefined;
  private hovered: Placed | null = null;
  private explained: Explanation | null = null;
  private readonly explainByElement = new Map<Element, Explanation>();
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly doc: Document,
    private readonly layer: HTMLElement,
    private readonly model: HighlightModel,
    private readonly events: OverlayEvents,
    explain: readonly Explanation[] = [],
  ) {
    for (const e of explain) if (e.anchor.kind === 'dom') this.explainByElement.set(e.anchor.element, e);
    const clips = new Map<Element, Element | undefined>();
    for (const mark of model.marks) {
      if (mark.anchor.kind !== 'dom') continue;
      const el = mark.anchor.element;
      const table = el.closest('table') ?? el;
      if (!clips.has(table)) clips.set(table, clipAncestor(table));
      const clip = clips.get(table);
      this.placed.push({ mark, boxes: [], rects: [], ...(clip ? { clip } : {}) });
    }
    this.layout();
    const schedule = () => this.schedule();
    const win = doc.defaultView!;
    win.addEventListener('resize', schedule, { passive: true });
    // Scrolling inside a wrapper moves its cells; window scrolling does not move document coordinates.
    const onScroll = (e: Event) => e.target !== doc && schedule();
    doc.addEventListener('scroll', onScroll, { passive: true, capture: true });
    this.resizeObs = new ResizeObserver(schedule);
    this.resizeObs.observe(doc.documentElement);
    if (doc.body) this.resizeObs.observe(doc.body);
    void doc.fonts?.ready.then(schedule);
    // Pages that shift their own layout later (menus opening, images loading without size).
    this.timer = setInterval(() => doc.visibilityState === 'visible' && this.layoutIfMoved(), 1500);
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
    clearInterval(this.timer);
    this.resizeObs?.disconnect();
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

  private signature = '';

  private layoutIfMoved(): void {
    const first = this.placed[0];
    const last = this.placed[this.placed.length - 1];
    const sig = [first, last].map((p) => (p && p.mark.anchor.kind === 'dom' ? JSON.stringify(p.mark.anchor.element.getBoundingClientRect()) : '')).join('|') + `${window.scrollX},${window.scrollY}`;
    if (sig !== this.signature) this.layout();
  }

  /** Place every mark's boxes from the current layout. */
  layout(): void {
    const sx = this.doc.defaultView!.scrollX;
    const sy = this.doc.defaultView!.scrollY;
    for (const p of this.placed) {
      const a = p.mark.anchor;
      if (a.kind !== 'dom') continue;
      const rects = viewportRects(a.element, p.mark.target === 'sentence' ? p.mark.quote : undefined, p.clip);
      p.rects = rects.map((r) => ({ left: r.left + sx, top: r.top + sy, width: r.width, height: r.height }));
      while (p.boxes.length < p.rects.length) p.boxes.push(this.box(p.mark));
      p.boxes.forEach((b, i) => {
        const r = p.rects[i];
        if (!r) {
          b.classList.add('bl-hidden');
          return;
        }
        b.classList.remove('bl-hidden');
        const pad = p.mark.target === 'sentence' ? 0 : 1;
        b.style.left = `${r.left - pad}px`;
        b.style.top = `${r.top - pad}px`;
        b.style.width = `${r.width + 2 * pad}px`;
        b.style.height = `${r.height + 2 * pad}px`;
      });
    }
    const first = this.placed[0];
    const last = this.placed[this.placed.length - 1];
    this.signature = [first, last].map((p) => (p && p.mark.anchor.kind === 'dom' ? JSON.stringify(p.mark.anchor.element.getBoundingClientRect()) : '')).join('|') + `${sx},${sy}`;
  }

  private box(mark: Mark): HTMLElement {
    const b = this.layer.ownerDocument.createElement('div');
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
      if (!p.mark.findings.length) continue;
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
    for (const p of this.placed) for (const b of p.boxes) b.classList.toggle('bl-active', on.has(p.mark.id));
  }

  /** Scroll the finding's printed mark (else the first) into view and flash them all; its viewport rectangle. */
  reveal(markIds: readonly number[], finding?: number): Rect | undefined {
    const ps = this.placed.filter((p) => markIds.includes(p.mark.id));
    // The cell that prints the finding's value, not a cell it is compared with.
    const target = (finding !== undefined ? ps.find((p) => p.mark.findings.includes(finding)) : undefined) ?? ps.find((p) => p.mark.findings.length) ?? ps[0];
    if (!target || target.mark.anchor.kind !== 'dom') return undefined;
    target.mark.anchor.element.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.layout();
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
    return new Set(this.placed.filter((p) => p.rects.length).map((p) => p.mark.id));
  }
}
