import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { analyze } from '../../lib/analyze';
import { extractDom } from '../../lib/extract/dom/extract';
import { decodeHtml } from '../../lib/extract/html-source';
import { extractPdf, openDocument, PdfInputError, type PartialPdf } from '../../lib/extract/pdf/extract-pdf';
import type { PdfjsDocument, PdfjsModule } from '../../lib/extract/pdf/pdfjs-api';
import type { PdfOcrOptions } from '../../lib/extract/ocr/page';
import type { MakeCanvas } from '../../lib/extract/ocr/render';
import type { ExtractedDoc, OcrTextRun } from '../../lib/extract/types';
import { combineExtracted } from '../../lib/extract/combine';
import type { TabState } from '../../lib/messages';
import type { RuleOptions } from '../../lib/rules/engine';
import { useAnalysisController, type PartialState, type Surface } from '../analysis/controller';
import { viewportArea } from '../Card';
import type { Edges } from '../layout/card-place';
import { t, type Lang } from '../i18n';
import { Panel } from '../Panel';
import { PdfView, type RenderDoc, type TextLayerCtor } from './pdf-view';
import { sniffDocument } from '../../lib/extract/sniff';
import { checkPdfStreams } from '../../lib/extract/pdf/stream-guard';
import { browserInflateCapped } from './inflate-browser';

export interface ViewerOptions {
  pdfjs: PdfjsModule & { TextLayer: TextLayerCtor };
  /** getDocument options for this environment: cMapUrl, standardFontDataUrl, wasmUrl. */
  documentOptions: Record<string, unknown>;
  fileUrl: string;
  lang: Lang;
  rules: RuleOptions;
  /** Ticks beside reconciled numbers (default on). */
  ticks?: boolean;
  openOriginal: (url: string) => void;
  stopIntercepting: () => void;
  /** OCR for scanned pages, loaded on demand (entrypoints/viewer/ocr.ts); absent where it is not bundled. */
  ocr?: () => Promise<PdfOcrOptions>;
  /** Read scanned pages as soon as the PDF is open (the reader's option), instead of offering it. */
  ocrAuto?: boolean;
  /** Told when the analysis is done or failed (the popup and the toolbar badge show it). */
  onState?: (s: TabState) => void;
  /** Lets the viewer's page open the panel from outside (the popup's "show the panel"). */
  expose?: (api: { show(): void }) => void;
}

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  } catch {
    return url;
  }
}

/** The text OCR read, page by page: every table cell and paragraph with its box. */
function ocrTextOf(x: ExtractedDoc): Map<number, OcrTextRun[]> {
  const out = new Map<number, OcrTextRun[]>();
  const add = (a: ExtractedDoc['blocks'][number]['anchor'], text: string) => {
    if (a.kind !== 'pdf' || !a.ocr || !text.trim()) return;
    const list = out.get(a.page) ?? [];
    list.push(...(a.ocr.runs ?? [{ text, box: a.box }]));
    out.set(a.page, list);
  };
  for (const b of x.blocks) {
    if (b.type === 'text') add(b.anchor, b.text);
    else for (const c of b.grid.cells) add(c.anchor, c.text);
  }
  return out;
}

/** The viewer's pages as the controller's surface (nothing to draw on until a PDF is open). */
function pdfSurface(v: PdfView | undefined): Surface {
  return {
    show(model, explain) {
      v?.setMarks(model.marks);
      v?.setExplanations([...explain]);
    },
    activate: (ids) => v?.activate(ids),
    reveal: async (ids, finding) => v?.reveal(ids, finding),
  };
}

/**
 * While a PDF is read, analyse the pages read so far now and then and show what they settle. Each partial
 * analysis costs more as the document grows, so they are spaced by three times the last one's cost: the
 * whole reading takes at most about a third longer, and the first findings come pages earlier.
 */
function partialPresenter(show: (x: ExtractedDoc, part: PartialState) => void): (p: PartialPdf) => void {
  let last = -Infinity;
  let cost = 0;
  return (p) => {
    if (performance.now() - last < Math.max(250, 3 * cost)) return;
    const t0 = performance.now();
    try {
      const { doc, settledBefore } = p.read();
      if (settledBefore > 1) show(doc, { through: p.through, pages: p.pages, settledBefore });
    } catch {
      // Only a preview: the reading goes on, and the whole document's analysis follows.
    }
    last = performance.now();
    cost = last - t0;
  };
}

function App({ o }: { o: ViewerOptions }) {
  const [lang, setLang] = useState<Lang>(o.lang);
  const [progress, setProgress] = useState<{ page: number; pages: number }>();
  const [page, setPage] = useState(1);
  const [pages, setPages] = useState(0);
  const [zoom, setZoom] = useState(1.25);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<string>('');
  const pagesRef = useRef<HTMLDivElement>(null);
  const view = useRef<PdfView>();
  const abort = useRef(new AbortController());
  const [collapsed, setCollapsed] = useState(false);
  const c = useAnalysisController(document, { source: () => o.fileUrl });
  o.expose?.({ show: () => setCollapsed(false) });
  /** Cards stay below the toolbar and left of the docked panel: inside the pages' own box. */
  const area = (): Edges => {
    const r = pagesRef.current?.getBoundingClientRect();
    return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : viewportArea();
  };
  /** Anything running (fetch, opening, analysis): the stop button shows. */
  const [busy, setBusy] = useState(true);
  const [notPdf, setNotPdf] = useState<'html' | 'other'>();
  const [scanned, setScanned] = useState(0);
  /** Pages with text where a table is pasted as a picture (read only by OCR, on request). */
  const [pictured, setPictured] = useState<number[]>([]);
  const [reading, setReading] = useState(false);
  const docRef = useRef<PdfjsDocument>();
  /** This PDF as read, before any companion file is added to it. */
  const ownRef = useRef<ExtractedDoc>();
  const [companion, setCompanion] = useState<{ name: string; first: number }>();

  /**
   * Analyse what was read and show it: the report, the marks on the pages, the root element's contract.
   * `part`: only pages 1 … through are read yet (shown only if they already make a disclosure).
   */
  const show = (x: ExtractedDoc, part?: PartialState) => {
    const a = analyze(x, o.rules);
    if (part && !a.doc.isBudget) return;
    if (x.ocrPages?.length) view.current?.setOcrText(ocrTextOf(x));
    const r = c.present(a, part);
    if (part) return;
    setScanned(x.scannedPages?.length ?? 0);
    setPictured(x.picturePages ?? []);
    o.onState?.({ state: 'ready', detected: true, isBudget: r.isBudget, findings: r.findings.length, errors: r.counts.error, warnings: r.counts.warning, ...(r.organization ? { organization: r.organization.slice(0, 200) } : {}), ...(r.year ? { year: String(r.year).slice(0, 20) } : {}) });
  };

  /**
   * A 说明 and its 报表 published as two files: the reader picks the other file (already downloaded) and both
   * are read as one disclosure, the narrative checked against the tables. Nothing is fetched.
   */
  const addCompanion = async (file: File) => {
    const own = ownRef.current;
    if (!own) return;
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const doc = await openDocument(o.pdfjs, bytes.slice(), { documentOptions: o.documentOptions });
      const other = await extractPdf(o.pdfjs, new Uint8Array(0), { source: file.name, document: doc });
      show(combineExtracted([own, other], `${own.source} + ${file.name}`));
      setCompanion({ name: file.name, first: (own.pageCount ?? 0) + 1 });
      document.documentElement.setAttribute('data-budget-lens-parts', '2');
    } catch (e) {
      c.setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  /** Read the pages that are images by OCR (one click), with the same progress bar and stop button; findings as pages finish. */
  const readScans = async (pictures = false) => {
    const doc = docRef.current;
    if (!o.ocr || !doc || reading) return;
    const root = document.documentElement;
    setReading(true);
    setBusy(true);
    root.setAttribute('data-budget-lens-ocr', 'running');
    abort.current = new AbortController();
    let ocr: PdfOcrOptions | undefined;
    try {
      const options = await o.ocr();
      // Tables pasted as pictures on pages with text are read too when the file has them ('on').
      ocr = pictures ? { ...options, mode: 'on' } : options;
      const x = await extractPdf(o.pdfjs, new Uint8Array(0), { source: o.fileUrl, document: doc, onProgress: setProgress, signal: abort.current.signal, ocr, onPartial: partialPresenter(show) });
      ownRef.current = x;
      show(x);
      root.setAttribute('data-budget-lens-ocr', 'done');
    } catch (e) {
      c.setError(e instanceof Error ? e.message : String(e));
      root.setAttribute('data-budget-lens-ocr', 'error');
    } finally {
      await ocr?.engine.terminate();
      setReading(false);
      setBusy(false);
    }
  };

  /** A web page served at this address: read it as the command line does (parsed inert: no script runs, nothing loads). */
  const readHtml = (bytes: Uint8Array, contentType: string | null) => {
    const { text } = decodeHtml(bytes, contentType ?? undefined);
    const parsed = new DOMParser().parseFromString(text, 'text/html');
    c.attach(pdfSurface(undefined));
    show(extractDom(parsed, { source: o.fileUrl }));
  };

  useEffect(() => {
    document.title = `${t('zh', 'brand')} · ${fileName(o.fileUrl)}`;
    (async () => {
      let bytes: Uint8Array;
      let contentType: string | null = null;
      try {
        // The reader's own request, repeated by the extension: their cookies, no referrer of ours.
        const res = await fetch(o.fileUrl, { credentials: 'include', referrerPolicy: 'no-referrer', signal: abort.current.signal, redirect: 'follow' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        contentType = res.headers.get('content-type');
        bytes = new Uint8Array(await res.arrayBuffer());
      } catch (e) {
        throw new Error(`无法读取文件 cannot fetch ${o.fileUrl}: ${(e as Error).message}`);
      }
      performance.mark('bl-fetched');
      // What the bytes are, not what the address says (as the command line decides).
      const kind = sniffDocument(bytes);
      if (kind === 'html') {
        setNotPdf('html');
        readHtml(bytes, contentType);
        return;
      }
      if (kind !== 'pdf') {
        setNotPdf(kind);
        throw new Error(t(lang, 'notPdf'));
      }
      const guard = await checkPdfStreams(bytes, browserInflateCapped, { signal: abort.current.signal });
      if (guard) throw new Error(`${t(lang, 'tooLarge')}${guard}`);
      performance.mark('bl-guarded');
      let doc: PdfjsDocument;
      let password: string | undefined;
      for (;;) {
        try {
          // Rendering draws with font faces and may use system fonts for non-embedded ones (reading needs neither).
          doc = await openDocument(o.pdfjs, bytes.slice(), { documentOptions: { ...o.documentOptions, disableFontFace: false, useSystemFonts: true }, ...(password !== undefined ? { password } : {}) });
          break;
        } catch (e) {
          if (!(e instanceof PdfInputError) || e.code !== 'encrypted') throw e;
          const pw = window.prompt(password === undefined ? '此 PDF 有密码 / This PDF needs a password' : '密码不对，请重试 / Wrong password, try again');
          if (pw === null) throw new PdfInputError('the PDF is encrypted with a password', 'encrypted');
          password = pw;
        }
      }
      performance.mark('bl-opened');
      const v = new PdfView(pagesRef.current!, doc as unknown as RenderDoc, o.pdfjs.TextLayer, { ...c.events, page: setPage });
      view.current = v;
      c.attach(pdfSurface(v));
      await v.init();
      performance.mark('bl-laid-out');
      setPages(v.pageCount);
      v.fitWidth();
      setZoom(v.zoom);
      // The reader sees page 1 before the analysis starts reading every page.
      await v.drawFirst();
      performance.mark('bl-first-page');
      // Let the browser paint it before the analysis takes the main thread.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      docRef.current = doc;
      const x = await extractPdf(o.pdfjs, new Uint8Array(0), { source: o.fileUrl, document: doc, onProgress: setProgress, signal: abort.current.signal, onPartial: partialPresenter(show), pictureCanvas: (w, h) => new OffscreenCanvas(w, h) as unknown as ReturnType<MakeCanvas> });
      ownRef.current = x;
      show(x);
      if (o.ocrAuto && x.scannedPages?.length) void readScans(!!x.picturePages?.length);
    })()
      .catch((e: unknown) => {
        c.fail(abort.current.signal.aborted && !(e instanceof PdfInputError) ? t(lang, 'stopped') : e instanceof Error ? e.message : String(e));
        o.onState?.({ state: 'error', detected: true });
      })
      .finally(() => setBusy(false));
    return () => abort.current.abort();
  }, []);

  // The pages take the width the docked panel leaves; re-fit them when it opens or closes.
  useEffect(() => {
    const v = view.current;
    if (!v || !v.pageCount) return;
    requestAnimationFrame(() => {
      v.fitWidth();
      setZoom(v.zoom);
    });
  }, [collapsed]);

  const doFind = async () => {
    const r = await view.current?.find(query);
    setFound(r ? (r.total ? `${t(lang, 'matches', { n: r.total })} · ${t(lang, 'page', { n: r.page })}` : t(lang, 'matches', { n: 0 })) : '');
  };

  const zoomBy = (f: number) => {
    view.current?.setZoom(zoom * f);
    setZoom(view.current?.zoom ?? zoom);
  };
  const analysis = c.analysis();

  return (
    <div class={`bl bl-viewer${collapsed ? '' : ' bl-has-dock'}${o.ticks === false ? ' bl-no-ticks' : ''}`}>
      <div class="bl-toolbar" role="toolbar">
        <b class="bl-file" title={o.fileUrl}>
          {fileName(o.fileUrl)}
        </b>
        <label>
          <input
            type="number"
            min={1}
            max={pages || 1}
            value={page}
            aria-label="page"
            onChange={(e) => view.current?.goTo(Number((e.target as HTMLInputElement).value))}
          />{' '}
          / {pages}
        </label>
        <button type="button" onClick={() => zoomBy(1 / 1.2)} aria-label={t(lang, 'zoomOut')}>
          −
        </button>
        <span class="bl-zoom">{Math.round(zoom * 100)}%</span>
        <button type="button" onClick={() => zoomBy(1.2)} aria-label={t(lang, 'zoomIn')}>
          +
        </button>
        <form
          class="bl-find"
          onSubmit={(e) => {
            e.preventDefault();
            void doFind();
          }}
        >
          <input type="search" placeholder={t(lang, 'find')} value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} aria-label={t(lang, 'find')} />
          <button type="submit">{t(lang, 'findNext')}</button>
          <span class="bl-note">{found}</span>
        </form>
        {busy && (
          <button type="button" data-action="stop" onClick={() => abort.current.abort()}>
            {t(lang, 'stop')}
          </button>
        )}
        {notPdf === 'html' && (
          <button type="button" data-action="open-page" onClick={() => o.openOriginal(o.fileUrl)}>
            {t(lang, 'openOriginal')}
          </button>
        )}
      </div>
      <div class="bl-pages" ref={pagesRef} />
      <Panel
        lang={lang}
        onLang={setLang}
        {...c.panel}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        {...(progress ? { progress } : {})}
        actions={
          <div>
            {notPdf === 'html' && <p class="bl-note">{t(lang, 'notPdfHtml')}</p>}
            {c.exports(lang, () => document.body)}
            {analysis && !c.partial && !notPdf && (companion || !analysis.doc.tables.some((x) => x.kind !== 'unknown') || !analysis.doc.claims.length) && (
              <div class="bl-actions" style={{ marginTop: '6px' }}>
                {companion ? (
                  <span class="bl-note">{t(lang, 'companionAdded', { name: companion.name, first: companion.first })}</span>
                ) : (
                  <label class="bl-note">
                    {t(lang, 'companionOffer')}{' '}
                    <input
                      type="file"
                      accept="application/pdf,.pdf"
                      data-action="add-companion"
                      onChange={(e) => {
                        const f = (e.currentTarget as HTMLInputElement).files?.[0];
                        if (f) void addCompanion(f);
                      }}
                    />
                  </label>
                )}
              </div>
            )}
            {pictured.length > 0 && scanned === 0 && o.ocr && (
              <div class="bl-actions" style={{ marginTop: '6px' }}>
                <span class="bl-note">{t(lang, 'picturesFound', { pages: pictured.join(lang === 'zh' ? '、' : ', ') })}</span>{' '}
                <button type="button" data-action="ocr-pictures" disabled={reading} onClick={() => void readScans(true)}>
                  {t(lang, 'readPictures')}
                </button>
              </div>
            )}
            {scanned > 0 && o.ocr && (
              <div class="bl-actions" style={{ marginTop: '6px' }}>
                <span class="bl-note">{t(lang, 'scansFound', { n: scanned })}</span>{' '}
                <button type="button" data-action="ocr" disabled={reading} onClick={() => void readScans(pictured.length > 0)}>
                  {t(lang, 'readScans')}
                </button>
              </div>
            )}
            <div class="bl-actions" style={{ marginTop: '6px' }}>
              <button type="button" data-action="open-original" onClick={() => o.openOriginal(o.fileUrl)}>
                {t(lang, 'openOriginal')}
              </button>
              <button type="button" data-action="stop-intercepting" onClick={() => o.stopIntercepting()}>
                {t(lang, 'stopIntercepting')}
              </button>
            </div>
          </div>
        }
      />
      {c.cards(lang, area())}
    </div>
  );
}

export function startViewer(root: HTMLElement, o: ViewerOptions): void {
  render(<App o={o} />, root);
}
