import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { analyze } from '../../lib/analyze';
import { extractPdf, openDocument, PdfInputError } from '../../lib/extract/pdf/extract-pdf';
import type { PdfjsDocument, PdfjsModule } from '../../lib/extract/pdf/pdfjs-api';
import type { PdfOcrOptions } from '../../lib/extract/ocr/page';
import type { ExtractedDoc } from '../../lib/extract/types';
import { combineExtracted } from '../../lib/extract/combine';
import { highlightModel, relatedMarks, type HighlightModel } from '../../lib/report/highlights';
import { toReport } from '../../lib/report/export';
import { Report } from '../../lib/report/schema';
import type { RuleOptions } from '../../lib/rules/engine';
import { Card, edges, TermCard, viewportArea } from '../Card';
import type { Edges } from '../layout/card-place';
import { useFindingsNav } from '../layout/use-findings-nav';
import { announceResult } from '../layout/result-contract';
import { findingPlaces } from '../layout/finding-links';
import { openPrintable } from '../ext/print';
import { ExportButtons } from '../ExportButtons';
import { explanations, type Explanation } from '../../lib/report/explanations';
import type { Analysis } from '../../lib/analyze';
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
}

interface CardState {
  findings: number[];
  near: { left: number; top: number; right: number; bottom: number };
  pinned: boolean;
}

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  } catch {
    return url;
  }
}

/** The text OCR read, page by page: every table cell and paragraph with its box. */
function ocrTextOf(x: ExtractedDoc): Map<number, { text: string; box: readonly number[] }[]> {
  const out = new Map<number, { text: string; box: readonly number[] }[]>();
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

function App({ o }: { o: ViewerOptions }) {
  const [lang, setLang] = useState<Lang>(o.lang);
  const [report, setReport] = useState<Report>();
  const [failures, setFailures] = useState<{ rule: string; message: string }[]>([]);
  const [error, setError] = useState<string>();
  const [progress, setProgress] = useState<{ page: number; pages: number }>();
  const [card, setCard] = useState<CardState | null>(null);
  const [page, setPage] = useState(1);
  const [pages, setPages] = useState(0);
  const [zoom, setZoom] = useState(1.25);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<string>('');
  const pagesRef = useRef<HTMLDivElement>(null);
  const view = useRef<PdfView>();
  const model = useRef<HighlightModel>();
  const abort = useRef(new AbortController());
  const cardRef = useRef<CardState | null>(null);
  cardRef.current = card;
  const analysis = useRef<Analysis>();
  const [term, setTerm] = useState<{ e: Explanation; near: CardState['near'] } | null>(null);
  const [collapsed, setCollapsed] = useState(false);
  /** Cards stay below the toolbar and left of the docked panel: inside the pages' own box. */
  const area = (): Edges => {
    const r = pagesRef.current?.getBoundingClientRect();
    return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : viewportArea();
  };
  /** Anything running (fetch, opening, analysis): the stop button shows. */
  const [busy, setBusy] = useState(true);
  const [notPdf, setNotPdf] = useState<'html' | 'other'>();
  const [scanned, setScanned] = useState(0);
  const [reading, setReading] = useState(false);
  const docRef = useRef<PdfjsDocument>();
  /** This PDF as read, before any companion file is added to it. */
  const ownRef = useRef<ExtractedDoc>();
  const [companion, setCompanion] = useState<{ name: string; first: number }>();

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
      const both = combineExtracted([own, other], `${own.source} + ${file.name}`);
      show(both, true);
      setCompanion({ name: file.name, first: (own.pageCount ?? 0) + 1 });
      document.documentElement.setAttribute('data-budget-lens-parts', '2');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  /** Analyse what was read and show it: report, marks on the pages, the root element's contract. */
  const show = (x: ExtractedDoc, combined = false) => {
    const root = document.documentElement;
    if (!combined) ownRef.current = x;
    const a = analyze(x, o.rules);
    const r = Report.parse(toReport(a));
    const m = highlightModel(a);
    model.current = m;
    analysis.current = a;
    if (x.ocrPages?.length) view.current?.setOcrText(ocrTextOf(x));
    view.current?.setMarks(m.marks);
    view.current?.setExplanations(explanations(a));
    setReport(r);
    setFailures(a.failures);
    setScanned(x.scannedPages?.length ?? 0);
    announceResult(root, 'ready', r.findings.length);
  };

  /** Read the pages that are images by OCR (one click), with the same progress bar and stop button. */
  const readScans = async () => {
    const doc = docRef.current;
    if (!o.ocr || !doc || reading) return;
    const root = document.documentElement;
    setReading(true);
    root.setAttribute('data-budget-lens-ocr', 'running');
    abort.current = new AbortController();
    let ocr: PdfOcrOptions | undefined;
    try {
      ocr = await o.ocr();
      const x = await extractPdf(o.pdfjs, new Uint8Array(0), { source: o.fileUrl, document: doc, onProgress: setProgress, signal: abort.current.signal, ocr });
      show(x);
      root.setAttribute('data-budget-lens-ocr', 'done');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      root.setAttribute('data-budget-lens-ocr', 'error');
    } finally {
      await ocr?.engine.terminate();
      setReading(false);
    }
  };

  useEffect(() => {
    document.title = `${t('zh', 'brand')} · ${fileName(o.fileUrl)}`;
    const root = document.documentElement;
    (async () => {
      let bytes: Uint8Array;
      try {
        // The reader's own request, repeated by the extension: their cookies, no referrer of ours.
        const res = await fetch(o.fileUrl, { credentials: 'include', referrerPolicy: 'no-referrer', signal: abort.current.signal, redirect: 'follow' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        bytes = new Uint8Array(await res.arrayBuffer());
      } catch (e) {
        throw new Error(`无法读取文件 cannot fetch ${o.fileUrl}: ${(e as Error).message}`);
      }
      performance.mark('bl-fetched');
      // What the bytes are, not what the address says (as the command line decides).
      const kind = sniffDocument(bytes);
      if (kind !== 'pdf') {
        setNotPdf(kind);
        throw new Error(t(lang, kind === 'html' ? 'notPdfHtml' : 'notPdf'));
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
      const v = new PdfView(pagesRef.current!, doc as unknown as RenderDoc, o.pdfjs.TextLayer, {
        hover(mark, rect) {
          if (cardRef.current?.pinned) return;
          if (mark && rect) {
            setCard({ findings: mark.findings, near: edges(rect), pinned: false });
            v.activate(model.current ? relatedMarks(model.current, mark) : [mark.id]);
          } else {
            setCard(null);
            v.activate([]);
          }
        },
        select(mark, rect) {
          setCard({ findings: mark.findings, near: edges(rect), pinned: true });
          v.activate(model.current ? relatedMarks(model.current, mark) : [mark.id]);
        },
        page: setPage,
        explain(e, rect) {
          setTerm(e && rect ? { e, near: edges(rect) } : null);
        },
      });
      view.current = v;
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
      const x = await extractPdf(o.pdfjs, new Uint8Array(0), { source: o.fileUrl, document: doc, onProgress: setProgress, signal: abort.current.signal });
      show(x);
      if (o.ocrAuto && x.scannedPages?.length) void readScans();
    })()
      .catch((e: unknown) => {
        setError(abort.current.signal.aborted && !(e instanceof PdfInputError) ? t(lang, 'stopped') : e instanceof Error ? e.message : String(e));
        announceResult(root, 'error', 0);
      })
      .finally(() => setBusy(false));
    return () => abort.current.abort();
  }, []);

  const select = async (i: number) => {
    const m = model.current;
    const v = view.current;
    if (!m || !v) return;
    const ids = m.byFinding[i] ?? [];
    v.activate(ids);
    const rect = await v.reveal(ids, i);
    const free = area();
    setCard({ findings: [i], near: rect ? edges(rect) : { left: free.left, top: free.top, right: free.left, bottom: free.top }, pinned: true });
  };

  /** Show finding i at its table cell or at its sentence (a narrative finding's two places). */
  const jump = async (i: number, to: 'cells' | 'text') => {
    const m = model.current;
    const v = view.current;
    if (!m || !v) return;
    v.activate(m.byFinding[i] ?? []);
    const rect = await v.reveal(findingPlaces(m, i)[to], i);
    if (rect) setCard({ findings: [i], near: edges(rect), pinned: true });
  };
  const jumps = (i: number) => {
    const m = model.current;
    if (!m) return undefined;
    const places = findingPlaces(m, i);
    if (!places.text.length || !places.cells.length) return undefined;
    return { toCell: () => void jump(i, 'cells'), toText: () => void jump(i, 'text') };
  };

  const close = () => {
    setCard(null);
    setTerm(null);
    view.current?.activate([]);
  };
  const { nav, setCurrent } = useFindingsNav(document, report, (i) => void select(i), close);

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
        report={report}
        error={error}
        failures={failures}
        onSelect={(i) => {
          setCurrent(i);
          void select(i);
        }}
        nav={nav}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        {...(progress ? { progress } : {})}
        actions={
          <div>
            {report && (
              <ExportButtons
                lang={lang}
                report={report}
                container={() => document.body}
                onPrint={() => {
                  if (analysis.current) openPrintable(analysis.current, report, o.fileUrl).catch((e: unknown) => setError(String(e)));
                }}
              />
            )}
          {analysis.current && (companion || !analysis.current.doc.tables.some((x) => x.kind !== 'unknown') || !analysis.current.doc.claims.length) && (
            <div class="bl-actions" style={{ marginTop: '6px' }}>
              {companion ? (
                <span class="bl-note">{t(lang, 'companionAdded', { name: companion.name, first: companion.first })}</span>
              ) : (
                <label class="bl-note">
                  {t(lang, 'companionOffer')}{' '}
                  <input type="file" accept="application/pdf,.pdf" data-action="add-companion" onChange={(e) => {
                    const f = (e.currentTarget as HTMLInputElement).files?.[0];
                    if (f) void addCompanion(f);
                  }} />
                </label>
              )}
            </div>
          )}
          {scanned > 0 && o.ocr && (
            <div class="bl-actions" style={{ marginTop: '6px' }}>
              <span class="bl-note">{t(lang, 'scansFound', { n: scanned })}</span>{' '}
              <button type="button" data-action="ocr" disabled={reading} onClick={() => void readScans()}>
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
      {term && !card && <TermCard lang={lang} title={term.e.title} body={term.e.body} near={term.near} area={area()} />}
      {card && report && (
        <Card
          lang={lang}
          findings={card.findings.map((i) => report.findings[i]!).filter(Boolean)}
          near={card.near}
          pinned={card.pinned}
          onClose={close}
          area={area()}
          jumps={(k) => jumps(card.findings[k]!)}
        />
      )}
    </div>
  );
}

export function startViewer(root: HTMLElement, o: ViewerOptions): void {
  render(<App o={o} />, root);
}
