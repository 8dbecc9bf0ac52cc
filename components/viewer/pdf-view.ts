import { quoteRects } from '../layout/quote-rects';
import { applyTick, tickPlace, unionBox } from '../layout/tick-place';
import type { Explanation } from '../../lib/report/explanations';
import type { Mark } from '../../lib/report/highlights';
import type { OcrTextRun } from '../../lib/extract/types';

/** The slice of pdf.js (modern build) the viewer renders with. */
export interface RenderPage {
  getViewport(p: { scale: number }): { width: number; height: number; scale: number };
  render(p: { canvasContext: CanvasRenderingContext2D; viewport: unknown; canvas?: HTMLCanvasElement }): { promise: Promise<void>; cancel(): void };
  streamTextContent(): ReadableStream;
  getTextContent(): Promise<{ items: { str?: string }[] }>;
}

export interface RenderDoc {
  numPages: number;
  getPage(n: number): Promise<RenderPage>;
}

export interface TextLayerCtor {
  new (p: { textContentSource: unknown; container: HTMLElement; viewport: unknown }): { render(): Promise<void>; cancel(): void; textDivs: HTMLElement[]; textContentItemsStr: string[] };
}

interface PageView {
  n: number;
  div: HTMLDivElement;
  /** Size at scale 1 (PDF points, rotation applied). */
  w: number;
  h: number;
  rendered: number;
  task?: { cancel(): void };
  textDivs?: HTMLElement[];
  textStrs?: string[];
  marks: HTMLElement[];
  ready?: Promise<void>;
}

/** Page boxes made at once; the rest follow in batches. */
const FIRST_PAGES = 40;
const PAGE_BATCH = 1000;

export interface ViewEvents {
  hover(mark: Mark | null, rect?: { left: number; top: number; width: number; height: number }): void;
  select(mark: Mark, rect: { left: number; top: number; width: number; height: number }): void;
  page(n: number): void;
  explain?(e: Explanation | null, rect?: { left: number; top: number; width: number; height: number }): void;
}

/**
 * Pages of a PDF in a scrolling container: canvases drawn when near the screen, a selectable text layer,
 * and marks placed from PDF anchors (page + box in points) at the current zoom.
 */
export class PdfView {
  private pages: PageView[] = [];
  private marks: Mark[] = [];
  private scale = 1.25;
  private io: IntersectionObserver | undefined;
  /** Pages near the screen (from the intersection observer): redrawn after a zoom. */
  private near = new Set<PageView>();
  private hovered: Mark | null = null;
  private texts = new Map<number, string[]>();
  /** Text read by OCR on image pages (cells and paragraphs with their boxes): the text layer of those pages. */
  private ocrText = new Map<number, OcrTextRun[]>();
  private explains: Explanation[] = [];
  private explained: Explanation | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly doc: RenderDoc,
    private readonly TextLayer: TextLayerCtor,
    private readonly events: ViewEvents,
  ) {}

  /**
   * Lay out the pages and start drawing. Only the first page is asked for its size: the others take it
   * until they are drawn (a 20,000-page file would otherwise be enumerated for minutes before page 1).
   */
  async init(): Promise<void> {
    const first = await this.doc.getPage(1);
    const vp = first.getViewport({ scale: 1 });
    this.firstSize = { w: vp.width, h: vp.height };
    this.io = new IntersectionObserver((entries) => this.onVisible(entries), { root: this.container, rootMargin: '600px 0px' });
    this.makePages(Math.min(this.doc.numPages, FIRST_PAGES));
    this.container.addEventListener('mousemove', (e) => this.onPointer(e, false), { passive: true });
    this.container.addEventListener('click', (e) => this.onPointer(e, true));
    this.container.addEventListener('scroll', () => this.reportPage(), { passive: true });
    this.size();
  }

  private firstSize = { w: 595, h: 842 };

  /** Page boxes up to page `upTo` (boxes are made in batches: 20,000 at once would hold the first draw). */
  private makePages(upTo: number): void {
    const d = this.container.ownerDocument;
    const frag = d.createDocumentFragment();
    const made: PageView[] = [];
    for (let n = this.pages.length + 1; n <= Math.min(upTo, this.doc.numPages); n++) {
      const div = d.createElement('div');
      div.className = 'bl-page';
      div.dataset['page'] = String(n);
      div.setAttribute('aria-label', `page ${n}`);
      div.style.setProperty('--pw', String(this.firstSize.w));
      div.style.setProperty('--ph', String(this.firstSize.h));
      frag.appendChild(div);
      const p: PageView = { n, div, w: this.firstSize.w, h: this.firstSize.h, rendered: 0, marks: [] };
      this.pages.push(p);
      made.push(p);
    }
    this.container.appendChild(frag);
    for (const p of made) this.io?.observe(p.div);
  }

  /** The rest of the page boxes, a batch at a time, after the first page is drawn. */
  private makeRest(): void {
    if (this.pages.length >= this.doc.numPages) return;
    const next = () => {
      this.makePages(this.pages.length + PAGE_BATCH);
      this.makeRest();
    };
    const w = this.container.ownerDocument.defaultView;
    if (w && 'requestIdleCallback' in w) w.requestIdleCallback(next, { timeout: 500 });
    else setTimeout(next, 50);
  }

  /** A page's view, its box made first if needed. */
  private pageView(n: number): PageView | undefined {
    if (n > this.pages.length) this.makePages(n);
    return this.pages[n - 1];
  }

  /** Draw the first page now (before the analysis competes for pdf.js's worker). */
  async drawFirst(): Promise<void> {
    const p = this.pages[0];
    if (p) await this.renderPage(p);
    this.makeRest();
  }

  get zoom(): number {
    return this.scale;
  }

  setZoom(scale: number): void {
    const keep = this.currentPage();
    this.scale = Math.max(0.4, Math.min(4, scale));
    // Page sizes follow one custom property on the container (a 20,000-page file is one style write).
    this.size();
    for (const p of this.pages) {
      if (!p.rendered && !p.ready) continue;
      p.task?.cancel();
      p.rendered = 0;
      p.div.replaceChildren();
      p.marks = [];
      delete p.ready;
    }
    this.placeMarks();
    this.goTo(keep);
    for (const p of this.near) void this.renderPage(p);
  }

  fitWidth(): void {
    const p = this.pages[0];
    if (!p) return;
    const cs = this.container.ownerDocument.defaultView!.getComputedStyle(this.container);
    const room = this.container.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 8;
    this.setZoom(Math.min(2, room / p.w));
  }

  private size(): void {
    this.container.style.setProperty('--scale-factor', String(this.scale));
    this.container.style.setProperty('--total-scale-factor', String(this.scale));
  }

  private sizePage(p: PageView): void {
    p.div.style.setProperty('--pw', String(p.w));
    p.div.style.setProperty('--ph', String(p.h));
  }

  private onVisible(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const p = this.pages[Number((e.target as HTMLElement).dataset['page']) - 1];
      if (!p) continue;
      if (!e.isIntersecting) {
        this.near.delete(p);
        continue;
      }
      this.near.add(p);
      if (p.rendered !== this.scale) void this.renderPage(p);
    }
  }

  private renderPage(p: PageView): Promise<void> {
    if (p.ready && p.rendered === this.scale) return p.ready;
    p.rendered = this.scale;
    const scale = this.scale;
    p.ready = (async () => {
      const page = await this.doc.getPage(p.n);
      if (scale !== this.scale) return;
      const vp = page.getViewport({ scale });
      // Its own size, now that it is known (pages took the first page's size until drawn).
      const one = page.getViewport({ scale: 1 });
      if (one.width !== p.w || one.height !== p.h) {
        p.w = one.width;
        p.h = one.height;
        this.sizePage(p);
      }
      const d = this.container.ownerDocument;
      const ratio = d.defaultView?.devicePixelRatio ?? 1;
      const canvas = d.createElement('canvas');
      canvas.width = Math.floor(vp.width * ratio);
      canvas.height = Math.floor(vp.height * ratio);
      canvas.style.width = `${Math.floor(vp.width)}px`;
      canvas.style.height = `${Math.floor(vp.height)}px`;
      const ctx = canvas.getContext('2d')!;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      const text = d.createElement('div');
      text.className = 'textLayer';
      const markLayer = d.createElement('div');
      markLayer.className = 'bl-page-marks';
      p.div.replaceChildren(canvas, text, markLayer);
      const task = page.render({ canvasContext: ctx, viewport: vp, canvas });
      p.task = task;
      try {
        await task.promise;
      } catch {
        return;
      }
      const ocr = this.ocrText.get(p.n);
      if (ocr) {
        // An image page read by OCR: its text, transparent over the image, selectable and found by find.
        // One span a line or printed word, on the glyphs it was read from (cells and paragraphs hold
        // several), each stretched to its box's width as pdf.js lays out a run of PDF text, so selection
        // and find highlights cover the words the image shows.
        const spans = ocr.map((item) => {
          const span = d.createElement('span');
          const [x0, y0, , y1] = item.box as [number, number, number, number];
          span.textContent = item.text;
          Object.assign(span.style, { left: `${x0 * scale}px`, top: `${y0 * scale}px`, fontSize: `${Math.min((y1 - y0) * scale, 24 * scale)}px` });
          text.appendChild(span);
          return span;
        });
        // All widths read first, then all written: one layout pass for the page.
        const natural = spans.map((s) => s.offsetWidth);
        spans.forEach((span, i) => {
          const [x0, , x1] = ocr[i]!.box as [number, number, number, number];
          if (natural[i]! > 0) span.style.setProperty('--scale-x', String(((x1 - x0) * scale) / natural[i]!));
        });
        p.textDivs = spans;
        p.textStrs = ocr.map((i) => i.text);
      } else {
        const tl = new this.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport: vp });
        await tl.render();
        p.textDivs = tl.textDivs;
        p.textStrs = tl.textContentItemsStr;
      }
      this.placePageMarks(p);
    })();
    return p.ready;
  }

  /** Set the marks to draw (after the analysis). */
  setMarks(marks: Mark[]): void {
    this.marks = marks.filter((m) => m.anchor.kind === 'pdf');
    this.placeMarks();
  }

  /** Lay OCR text over image pages (and let find search it); those pages are drawn again. */
  setOcrText(items: Map<number, OcrTextRun[]>): void {
    for (const [n, list] of items) {
      this.ocrText.set(n, list);
      this.texts.set(n, list.map((i) => i.text));
      const p = this.pages[n - 1];
      if (p && p.rendered) {
        p.rendered = 0;
        void this.renderPage(p);
      }
    }
    this.findState = { q: '', page: 0, from: 0, count: 0 };
  }

  setExplanations(e: Explanation[]): void {
    this.explains = e.filter((x) => x.anchor.kind === 'pdf');
  }

  private placeMarks(): void {
    // Pages not drawn yet get their marks when drawn.
    for (const p of this.pages) if (p.rendered) this.placePageMarks(p);
  }

  private placePageMarks(p: PageView): void {
    let layer = p.div.querySelector<HTMLElement>('.bl-page-marks');
    if (!layer) {
      layer = this.container.ownerDocument.createElement('div');
      layer.className = 'bl-page-marks';
      p.div.appendChild(layer);
    }
    layer.replaceChildren();
    p.marks = [];
    // The text layer's pieces, relative to the page box: where each reconciled number's tick can go.
    const origin = p.div.getBoundingClientRect();
    const pieces = (p.textDivs ?? []).map((d) => {
      const r = d.getBoundingClientRect();
      return { left: r.left - origin.left, top: r.top - origin.top, width: r.width, height: r.height };
    });
    for (const m of this.marks) {
      if (m.anchor.kind !== 'pdf' || m.anchor.page !== p.n) continue;
      const [x0, y0, x1, y1] = m.anchor.box;
      const b = this.container.ownerDocument.createElement('div');
      b.className = `bl-mark${m.tone === 'related' ? ' bl-related' : ''}${m.target === 'sentence' ? ' bl-para' : ''}`;
      b.dataset['budgetLensSeverity'] = m.tone === 'related' ? 'related' : m.tone;
      b.dataset['budgetLensRule'] = m.rule;
      b.dataset['mark'] = String(m.id);
      if (this.active.has(m.id)) b.classList.add('bl-active');
      const s = this.scale;
      const cell = { left: x0 * s - 1, top: y0 * s - 1, width: (x1 - x0) * s + 2, height: (y1 - y0) * s + 2 };
      // The glyphs the cell prints, when known (ruled tables): a finding marks exactly the value, not the cell.
      const g = m.anchor.text;
      const glyphs = g && { left: g[0] * s, top: g[1] * s, width: (g[2] - g[0]) * s, height: (g[3] - g[1]) * s };
      const box = glyphs && m.tone !== 'pass' && m.target === 'cell' ? { left: glyphs.left - 3, top: glyphs.top - 2, width: glyphs.width + 6, height: glyphs.height + 4 } : cell;
      if (box !== cell) b.classList.add('bl-exact');
      b.style.left = `${box.left}px`;
      b.style.top = `${box.top}px`;
      b.style.width = `${box.width}px`;
      b.style.height = `${box.height}px`;
      // A sentence: its own words, line by line, when the text layer has them; else the paragraph.
      if (m.target === 'sentence' && m.quote && p.textDivs?.length) {
        const para = (q: { left: number; top: number; width: number; height: number }) => q.left + q.width / 2 > cell.left - 2 && q.left + q.width / 2 < cell.left + cell.width + 2 && q.top + q.height / 2 > cell.top - 2 && q.top + q.height / 2 < cell.top + cell.height + 2;
        const nodes = p.textDivs.filter((_, k) => para(pieces[k]!)).flatMap((d) => [...d.childNodes].filter((c): c is Text => c.nodeType === 3));
        const lines = quoteRects(nodes, m.quote);
        if (lines.length) {
          lines.forEach((l, k) => {
            const lb = k === 0 ? b : (b.cloneNode() as HTMLElement);
            lb.className = `bl-mark bl-sentence bl-exact${m.tone === 'related' ? ' bl-related' : ''}${this.active.has(m.id) ? ' bl-active' : ''}`;
            lb.style.left = `${l.left - origin.left}px`;
            lb.style.top = `${l.top - origin.top}px`;
            lb.style.width = `${l.width}px`;
            lb.style.height = `${l.height}px`;
            layer.appendChild(lb);
            p.marks.push(lb);
          });
          continue;
        }
      }
      if (m.tone === 'pass') {
        const inside = pieces.filter((q) => q.left + q.width / 2 > cell.left && q.left + q.width / 2 < cell.left + cell.width && q.top + q.height / 2 > cell.top && q.top + q.height / 2 < cell.top + cell.height);
        // The glyphs and the text layer's pieces together: the tick clears both.
        applyTick(b, tickPlace(cell, unionBox([...(glyphs ? [glyphs] : []), ...inside])));
      }
      layer.appendChild(b);
      p.marks.push(b);
    }
  }

  /** Where the pointer is, in page points: the page, and a box (page points) → viewport rectangle. */
  private pagePoint(e: MouseEvent): { n: number; x: number; y: number; toViewport(box: readonly number[]): DOMRect } | undefined {
    const pageDiv = (e.target as HTMLElement).closest<HTMLElement>('.bl-page');
    if (!pageDiv) return undefined;
    const r = pageDiv.getBoundingClientRect();
    const s = this.scale;
    return {
      n: Number(pageDiv.dataset['page']),
      x: (e.clientX - r.left) / s,
      y: (e.clientY - r.top) / s,
      toViewport: ([x0, y0, x1, y1]) => new DOMRect(r.left + x0! * s, r.top + y0! * s, (x1! - x0!) * s, (y1! - y0!) * s),
    };
  }

  private markAt(at: NonNullable<ReturnType<PdfView['pagePoint']>>): { mark: Mark; rect: DOMRect } | undefined {
    let best: Mark | undefined;
    let area = Infinity;
    for (const m of this.marks) {
      if (m.anchor.kind !== 'pdf' || m.anchor.page !== at.n || !m.findings.length) continue;
      const [x0, y0, x1, y1] = m.anchor.box;
      if (at.x >= x0 && at.x <= x1 && at.y >= y0 - 1 && at.y <= y1 + 1 && (x1 - x0) * (y1 - y0) < area) {
        best = m;
        area = (x1 - x0) * (y1 - y0);
      }
    }
    return best && best.anchor.kind === 'pdf' ? { mark: best, rect: at.toViewport(best.anchor.box) } : undefined;
  }

  private onPointer(e: MouseEvent, click: boolean): void {
    const at = this.pagePoint(e);
    const hit = at && this.markAt(at);
    if (click) {
      if (hit) this.events.select(hit.mark, hit.rect);
      return;
    }
    if ((hit?.mark ?? null) !== this.hovered) {
      this.hovered = hit?.mark ?? null;
      this.events.hover(this.hovered, hit?.rect);
    }
    if (!this.events.explain) return;
    const exp =
      (!hit && at && this.explains.find((ex) => ex.anchor.kind === 'pdf' && ex.anchor.page === at.n && at.x >= ex.anchor.box[0] && at.x <= ex.anchor.box[2] && at.y >= ex.anchor.box[1] && at.y <= ex.anchor.box[3])) || null;
    if (exp !== this.explained) {
      this.explained = exp;
      this.events.explain(exp, exp && at && exp.anchor.kind === 'pdf' ? at.toViewport(exp.anchor.box) : undefined);
    }
  }

  /** Marks lit up; kept so that a page drawn later (scrolled to) shows them lit too. */
  private active = new Set<number>();

  activate(ids: readonly number[]): void {
    this.active = new Set(ids);
    for (const p of this.pages) for (const b of p.marks) b.classList.toggle('bl-active', this.active.has(Number(b.dataset['mark'])));
  }

  /** Scroll to the first of these marks and flash them; the viewport rectangle of the first. */
  async reveal(ids: readonly number[], finding?: number): Promise<DOMRect | undefined> {
    const target =
      (finding !== undefined ? this.marks.find((m) => ids.includes(m.id) && m.findings.includes(finding)) : undefined) ??
      this.marks.find((m) => ids.includes(m.id) && m.findings.length) ??
      this.marks.find((m) => ids.includes(m.id));
    if (!target || target.anchor.kind !== 'pdf') return undefined;
    const p = this.pageView(target.anchor.page);
    if (!p) return undefined;
    const [x0, y0, x1, y1] = target.anchor.box;
    const top = p.div.offsetTop + y0 * this.scale - this.container.clientHeight / 3;
    // Sideways only when the mark is out of view (a zoomed-in page): else the page would jump left.
    const x = p.div.offsetLeft + x0 * this.scale;
    const w = (x1 - x0) * this.scale;
    const sl = this.container.scrollLeft;
    // (The docked panel is beside the pages' box, not over it.)
    const left = x < sl || x + w > sl + this.container.clientWidth - 16 ? Math.max(0, x - 40) : sl;
    this.container.scrollTo({ top: Math.max(0, top), left });
    await this.renderPage(p);
    for (const q of this.pages) {
      for (const b of q.marks) {
        if (!ids.includes(Number(b.dataset['mark']))) continue;
        b.classList.remove('bl-flash');
        void b.offsetWidth;
        b.classList.add('bl-flash');
      }
    }
    const r = p.div.getBoundingClientRect();
    return new DOMRect(r.left + x0 * this.scale, r.top + y0 * this.scale, (x1 - x0) * this.scale, (y1 - y0) * this.scale);
  }

  currentPage(): number {
    const mid = this.container.scrollTop + this.container.clientHeight / 3;
    for (const p of this.pages) if (p.div.offsetTop + p.div.offsetHeight > mid) return p.n;
    return this.pages.length;
  }

  private lastReported = 0;
  private reportPage(): void {
    const n = this.currentPage();
    if (n !== this.lastReported) {
      this.lastReported = n;
      this.events.page(n);
    }
  }

  goTo(n: number): void {
    const p = this.pageView(Math.max(1, Math.min(this.doc.numPages, n)));
    if (p) this.container.scrollTop = p.div.offsetTop - 8;
  }

  get pageCount(): number {
    return this.doc.numPages;
  }

  private findState = { q: '', page: 0, from: 0, count: 0 };

  private async pageText(n: number): Promise<string[]> {
    let t = this.texts.get(n);
    if (!t) {
      const page = await this.doc.getPage(n);
      const tc = await page.getTextContent();
      t = tc.items.map((i) => i.str ?? '');
      this.texts.set(n, t);
    }
    return t;
  }

  /** Find the next occurrence of `q` (ignoring spaces) from the current one; highlights it in the text layer. */
  async find(q: string): Promise<{ page: number; total: number } | undefined> {
    const want = q.replace(/\s+/g, '');
    if (!want) return undefined;
    if (this.findState.q !== want) {
      let total = 0;
      for (let n = 1; n <= this.doc.numPages; n++) total += countIn((await this.pageText(n)).join('').replace(/\s+/g, ''), want);
      this.findState = { q: want, page: this.currentPage(), from: -1, count: total };
    }
    if (!this.findState.count) return { page: 0, total: 0 };
    for (let k = 0; k <= this.doc.numPages; k++) {
      const n = ((this.findState.page - 1 + k) % this.doc.numPages) + 1;
      const strs = await this.pageText(n);
      const { flat, map } = flatten(strs);
      const at = flat.indexOf(want, n === this.findState.page ? this.findState.from + 1 : 0);
      if (at < 0) {
        if (n === this.findState.page) this.findState.from = Infinity;
        continue;
      }
      this.findState.page = n;
      this.findState.from = at;
      const p = this.pageView(n)!;
      this.goTo(n);
      await this.renderPage(p);
      for (const pg of this.pages) for (const d of pg.textDivs ?? []) d.classList.remove('highlight', 'selected');
      // The text layer's own item list (it may skip empty items): same characters, its own indices.
      const layerMap = p.textStrs ? flatten(p.textStrs).map : map;
      const items = new Set<number>();
      for (let i = at; i < at + want.length; i++) items.add(layerMap[i] ?? map[i]!);
      let first: HTMLElement | undefined;
      for (const i of items) {
        const div = p.textDivs?.[i];
        if (div) {
          div.classList.add('highlight', 'selected');
          first ??= div;
        }
      }
      first?.scrollIntoView({ block: 'center' });
      return { page: n, total: this.findState.count };
    }
    return { page: 0, total: this.findState.count };
  }
}

function countIn(s: string, w: string): number {
  let n = 0;
  for (let i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + 1)) n++;
  return n;
}

/** Page text with spaces removed, and for each character the index of the text item it came from. */
function flatten(strs: string[]): { flat: string; map: number[] } {
  let flat = '';
  const map: number[] = [];
  strs.forEach((s, i) => {
    for (const ch of s) {
      if (/\s/.test(ch)) continue;
      flat += ch;
      map.push(i);
    }
  });
  return { flat, map };
}
