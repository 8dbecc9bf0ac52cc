import type { Explanation } from '../../lib/report/explanations';
import type { Mark } from '../../lib/report/highlights';

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
  private hovered: Mark | null = null;
  private texts = new Map<number, string[]>();
  /** Text read by OCR on image pages (cells and paragraphs with their boxes): the text layer of those pages. */
  private ocrText = new Map<number, { text: string; box: readonly number[] }[]>();
  private explains: Explanation[] = [];
  private explained: Explanation | null = null;

  constructor(
    private readonly container: HTMLElement,
    private readonly doc: RenderDoc,
    private readonly TextLayer: TextLayerCtor,
    private readonly events: ViewEvents,
  ) {}

  async init(): Promise<void> {
    const d = this.container.ownerDocument;
    for (let n = 1; n <= this.doc.numPages; n++) {
      const page = await this.doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      const div = d.createElement('div');
      div.className = 'bl-page';
      div.dataset['page'] = String(n);
      div.setAttribute('aria-label', `page ${n}`);
      this.container.appendChild(div);
      this.pages.push({ n, div, w: vp.width, h: vp.height, rendered: 0, marks: [] });
    }
    this.io = new IntersectionObserver((entries) => this.onVisible(entries), { root: this.container, rootMargin: '600px 0px' });
    for (const p of this.pages) this.io.observe(p.div);
    this.container.addEventListener('mousemove', (e) => this.onPointer(e, false), { passive: true });
    this.container.addEventListener('click', (e) => this.onPointer(e, true));
    this.container.addEventListener('scroll', () => this.reportPage(), { passive: true });
    this.size();
  }

  get zoom(): number {
    return this.scale;
  }

  setZoom(scale: number): void {
    const keep = this.currentPage();
    this.scale = Math.max(0.4, Math.min(4, scale));
    for (const p of this.pages) {
      p.task?.cancel();
      p.rendered = 0;
      p.div.replaceChildren();
      p.marks = [];
      delete p.ready;
    }
    this.size();
    this.placeMarks();
    this.goTo(keep);
    // Observed pages re-render through the intersection callback.
    this.io?.disconnect();
    for (const p of this.pages) this.io?.observe(p.div);
  }

  fitWidth(): void {
    const p = this.pages[0];
    if (!p) return;
    const cs = this.container.ownerDocument.defaultView!.getComputedStyle(this.container);
    const room = this.container.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 8;
    this.setZoom(Math.min(2, room / p.w));
  }

  private size(): void {
    for (const p of this.pages) {
      p.div.style.width = `${Math.floor(p.w * this.scale)}px`;
      p.div.style.height = `${Math.floor(p.h * this.scale)}px`;
      p.div.style.setProperty('--scale-factor', String(this.scale));
      p.div.style.setProperty('--total-scale-factor', String(this.scale));
    }
  }

  private onVisible(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const p = this.pages[Number((e.target as HTMLElement).dataset['page']) - 1];
      if (p && p.rendered !== this.scale) void this.renderPage(p);
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
        p.textDivs = ocr.map((item) => {
          const span = d.createElement('span');
          const [x0, y0, x1, y1] = item.box as [number, number, number, number];
          const h = (y1 - y0) * scale;
          span.textContent = item.text;
          Object.assign(span.style, { left: `${x0 * scale}px`, top: `${y0 * scale}px`, width: `${(x1 - x0) * scale}px`, height: `${h}px`, fontSize: `${Math.min(h, 14 * scale)}px`, overflow: 'hidden' });
          text.appendChild(span);
          return span;
        });
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
  setOcrText(items: Map<number, { text: string; box: readonly number[] }[]>): void {
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
    for (const p of this.pages) this.placePageMarks(p);
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
    for (const m of this.marks) {
      if (m.anchor.kind !== 'pdf' || m.anchor.page !== p.n) continue;
      const [x0, y0, x1, y1] = m.anchor.box;
      const b = this.container.ownerDocument.createElement('div');
      b.className = `bl-mark${m.tone === 'related' ? ' bl-related' : ''}${m.target === 'sentence' ? ' bl-para' : ''}`;
      b.dataset['budgetLensSeverity'] = m.tone === 'related' ? 'related' : m.tone;
      b.dataset['budgetLensRule'] = m.rule;
      b.dataset['mark'] = String(m.id);
      const s = this.scale;
      b.style.left = `${x0 * s - 1}px`;
      b.style.top = `${y0 * s - 1}px`;
      b.style.width = `${(x1 - x0) * s + 2}px`;
      b.style.height = `${(y1 - y0) * s + 2}px`;
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

  activate(ids: readonly number[]): void {
    const on = new Set(ids);
    for (const p of this.pages) for (const b of p.marks) b.classList.toggle('bl-active', on.has(Number(b.dataset['mark'])));
  }

  /** Scroll to the first of these marks and flash them; the viewport rectangle of the first. */
  async reveal(ids: readonly number[], finding?: number): Promise<DOMRect | undefined> {
    const target =
      (finding !== undefined ? this.marks.find((m) => ids.includes(m.id) && m.findings.includes(finding)) : undefined) ??
      this.marks.find((m) => ids.includes(m.id) && m.findings.length) ??
      this.marks.find((m) => ids.includes(m.id));
    if (!target || target.anchor.kind !== 'pdf') return undefined;
    const p = this.pages[target.anchor.page - 1];
    if (!p) return undefined;
    const [x0, y0, x1, y1] = target.anchor.box;
    const top = p.div.offsetTop + y0 * this.scale - this.container.clientHeight / 3;
    // Sideways only when the mark is out of view (a zoomed-in page): else the page would jump left.
    const x = p.div.offsetLeft + x0 * this.scale;
    const w = (x1 - x0) * this.scale;
    const sl = this.container.scrollLeft;
    const left = x < sl || x + w > sl + this.container.clientWidth - 420 ? Math.max(0, x - 40) : sl;
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
    const p = this.pages[Math.max(1, Math.min(this.pages.length, n)) - 1];
    if (p) this.container.scrollTop = p.div.offsetTop - 8;
  }

  get pageCount(): number {
    return this.pages.length;
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
      for (let n = 1; n <= this.pages.length; n++) total += countIn((await this.pageText(n)).join('').replace(/\s+/g, ''), want);
      this.findState = { q: want, page: this.currentPage(), from: -1, count: total };
    }
    if (!this.findState.count) return { page: 0, total: 0 };
    for (let k = 0; k <= this.pages.length; k++) {
      const n = ((this.findState.page - 1 + k) % this.pages.length) + 1;
      const strs = await this.pageText(n);
      const { flat, map } = flatten(strs);
      const at = flat.indexOf(want, n === this.findState.page ? this.findState.from + 1 : 0);
      if (at < 0) {
        if (n === this.findState.page) this.findState.from = Infinity;
        continue;
      }
      this.findState.page = n;
      this.findState.from = at;
      const p = this.pages[n - 1]!;
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
