import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { analyze, type Analysis } from '../../lib/analyze';
import { extractDom } from '../../lib/extract/dom/extract';
import { liveHidden } from '../../lib/extract/dom/visibility';
import { explanations, type Explanation } from '../../lib/report/explanations';
import { highlightModel, relatedMarks, type HighlightModel } from '../../lib/report/highlights';
import { toReport } from '../../lib/report/export';
import { Report } from '../../lib/report/schema';
import type { RuleOptions } from '../../lib/rules/engine';
import { Card, edges, TermCard, viewportArea } from '../Card';
import type { Edges } from '../layout/card-place';
import { dockPage, type Dock } from '../layout/dock';
import { useFindingsNav } from '../layout/use-findings-nav';
import { announceResult, clearResult } from '../layout/result-contract';
import { findingPlaces } from '../layout/finding-links';
import { openPrintable } from '../ext/print';
import { ExportButtons } from '../ExportButtons';
import { t, type Lang } from '../i18n';
import { DomOverlay } from '../overlay/dom-overlay';
import type { Rect } from '../overlay/dom-rects';
import { Panel } from '../Panel';
import { createShadowHost } from './shadow-host';

export interface PageRunOptions {
  lang: Lang;
  rules?: RuleOptions;
  /** Ticks beside reconciled numbers (default on). */
  ticks?: boolean;
  /** Told once the analysis is done (for the popup's badge). */
  onDone?: (info: { isBudget: boolean; findings: number; errors: number; warnings: number; organization?: string; year?: string }) => void;
  /**
   * The reader asked for this analysis ("analyse anyway"): show the result even when the page is not a
   * disclosure. Otherwise a page the full analysis rejects is put back exactly as it was.
   */
  force?: boolean;
  /** Told when a page the cheap detector picked turned out not to be a disclosure (everything removed). */
  onRejected?: () => void;
  /** Open shadow root (tests only, see ShadowHostOptions). */
  inspectable?: boolean;
}

export interface PageSession {
  /** Open the panel (docked) if the reader had collapsed it. */
  show(): void;
  destroy(): void;
}

const HOST_TAG = 'budget-lens-root';

interface CardState {
  findings: number[];
  near: Rect;
  pinned: boolean;
}

interface AppProps {
  doc: Document;
  host: HTMLElement;
  layer: HTMLElement;
  opts: PageRunOptions;
  /** Lets the session open the panel from outside (the popup's "show the panel"). */
  expose: (api: { show(): void }) => void;
}

function App({ doc, host, layer, opts, expose }: AppProps) {
  const [lang, setLang] = useState<Lang>(opts.lang);
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<string>();
  const [failures, setFailures] = useState<Analysis['failures']>([]);
  const [card, setCard] = useState<CardState | null>(null);
  const [placed, setPlaced] = useState<Set<number>>();
  const [term, setTerm] = useState<{ e: Explanation; near: Rect } | null>(null);
  const analysis = useRef<Analysis>();
  const uiRoot = useRef<HTMLDivElement>(null);
  const overlay = useRef<DomOverlay>();
  const model = useRef<HighlightModel>();
  const hideTimer = useRef<ReturnType<typeof setTimeout>>();
  const cardRef = useRef<CardState | null>(null);
  cardRef.current = card;
  const [collapsed, setCollapsed] = useState(false);
  const [dockWidth, setDockWidth] = useState(0);
  const dock = useRef<Dock>();
  expose({ show: () => setCollapsed(false) });

  // The panel's column: the page reflows beside it while it is open (created before it is first measured).
  useLayoutEffect(() => {
    const d = dockPage(doc, layer);
    dock.current = d;
    return () => d.destroy();
  }, []);
  // Before paint: the page reflows in the same frame as the panel opens or closes.
  useLayoutEffect(() => {
    const measure = () => {
      const w = collapsed ? 0 : (uiRoot.current?.querySelector('.bl-panel')?.getBoundingClientRect().width ?? 0);
      dock.current?.set(w);
      setDockWidth(w);
    };
    measure();
    window.addEventListener('resize', measure, { passive: true });
    return () => window.removeEventListener('resize', measure);
  }, [collapsed]);
  const area = (): Edges => ({ ...viewportArea(), right: window.innerWidth - dockWidth });

  useEffect(() => {
    // Let the page paint first: the analysis runs after the browser is idle or within a second.
    const idle = (cb: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(cb, { timeout: 1000 }) : setTimeout(cb, 50));
    idle(() => {
      const root = doc.documentElement;
      try {
        const x = extractDom(doc, {
          source: doc.location?.href ?? '',
          skip: (el) => el === host,
          isHidden: liveHidden,
        });
        const a = analyze(x, opts.rules);
        const r = Report.parse(toReport(a));
        if (!r.isBudget && !opts.force) {
          // The cheap detector said yes, the full analysis says no: leave the page exactly as it was.
          opts.onRejected?.();
          return;
        }
        const m = highlightModel(a);
        model.current = m;
        analysis.current = a;
        const ov = new DomOverlay(doc, layer, m, {
          hover(mark, rect) {
            if (cardRef.current?.pinned) return;
            clearTimeout(hideTimer.current);
            if (mark && rect) {
              setCard({ findings: mark.findings, near: rect, pinned: false });
              ov.activate(relatedMarks(m, mark));
            } else {
              hideTimer.current = setTimeout(() => {
                if (!cardRef.current?.pinned) {
                  setCard(null);
                  ov.activate([]);
                }
              }, 350);
            }
          },
          select(mark, rect) {
            setCard({ findings: mark.findings, near: rect, pinned: true });
            ov.activate(relatedMarks(m, mark));
          },
          explain(e, rect) {
            setTerm(e && rect ? { e, near: rect } : null);
          },
        }, explanations(a));
        overlay.current = ov;
        const shownMarks = ov.shown();
        setPlaced(new Set(m.byFinding.map((ids, i) => (ids.some((id) => shownMarks.has(id)) ? i : -1)).filter((i) => i >= 0)));
        setReport(r);
        setFailures(a.failures);
        announceResult(root, 'ready', r.findings.length);
        opts.onDone?.({ isBudget: r.isBudget, findings: r.findings.length, errors: r.counts.error, warnings: r.counts.warning, ...(r.organization ? { organization: r.organization.slice(0, 200) } : {}), ...(r.year ? { year: String(r.year).slice(0, 20) } : {}) });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        announceResult(root, 'error', 0);
        opts.onDone?.({ isBudget: true, findings: 0, errors: 0, warnings: 0 });
      }
    });
    return () => overlay.current?.destroy();
  }, []);

  const select = (i: number) => {
    const m = model.current;
    const ov = overlay.current;
    if (!m || !ov) return;
    const ids = m.byFinding[i] ?? [];
    ov.activate(ids);
    const rect = ov.reveal(ids, i);
    // A finding with no place on the page: its card sits at the top of the free area.
    const near = rect ?? { left: 8, top: 0, width: 0, height: 0 };
    setCard({ findings: [i], near, pinned: true });
  };

  /** Show finding i at its table cell or at its sentence (a narrative finding's two places). */
  const jump = (i: number, to: 'cells' | 'text') => {
    const m = model.current;
    const ov = overlay.current;
    if (!m || !ov) return;
    ov.activate(m.byFinding[i] ?? []);
    const rect = ov.reveal(findingPlaces(m, i)[to], i);
    if (rect) setCard({ findings: [i], near: rect, pinned: true });
  };
  const jumps = (i: number) => {
    const m = model.current;
    if (!m) return undefined;
    const places = findingPlaces(m, i);
    if (!places.text.length || !places.cells.length) return undefined;
    return { toCell: () => jump(i, 'cells'), toText: () => jump(i, 'text') };
  };

  const close = () => {
    setCard(null);
    setTerm(null);
    overlay.current?.activate([]);
  };

  const { nav, setCurrent } = useFindingsNav(doc, report, select, close);

  return (
    <div class="bl" ref={uiRoot}>
      <Panel
        lang={lang}
        onLang={setLang}
        report={report}
        error={error}
        failures={failures}
        onSelect={(i) => {
          setCurrent(i);
          select(i);
        }}
        nav={nav}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        {...(placed ? { placed } : {})}
        actions={
          report && (
            <ExportButtons
              lang={lang}
              report={report}
              container={() => uiRoot.current!}
              onPrint={() => {
                if (analysis.current) openPrintable(analysis.current, report, doc.location?.href ?? '').catch((e: unknown) => setError(String(e)));
              }}
            />
          )
        }
      />
      {term && !card && <TermCard lang={lang} title={term.e.title} body={term.e.body} near={edges(term.near)} area={area()} />}
      {card && report && (
        <div
          onMouseEnter={() => clearTimeout(hideTimer.current)}
          onMouseLeave={() => {
            if (!cardRef.current?.pinned) setCard(null);
          }}
        >
          <Card lang={lang} findings={card.findings.map((i) => report.findings[i]!).filter(Boolean)} near={edges(card.near)} pinned={card.pinned} onClose={close} area={area()} jumps={(k) => jumps(card.findings[k]!)} />
        </div>
      )}
    </div>
  );
}

/** Analyse the page and show the results in place. Every error stays inside; the page is never broken. */
export function runOnPage(doc: Document, opts: PageRunOptions): PageSession {
  const { host, shadow } = createShadowHost(doc, HOST_TAG, 2147483646, { inspectable: !!opts.inspectable });
  const layer = doc.createElement('div');
  layer.className = `bl bl-layer${opts.ticks === false ? ' bl-no-ticks' : ''}`;
  const ui = doc.createElement('div');
  shadow.append(layer, ui);
  let api: { show(): void } | undefined;
  try {
    render(<App doc={doc} host={host} layer={layer} opts={opts} expose={(a) => (api = a)} />, ui);
  } catch (e) {
    ui.textContent = `${t(opts.lang, 'failed')}${e instanceof Error ? e.message : String(e)}`;
  }
  return {
    show() {
      api?.show();
    },
    destroy() {
      render(null, ui);
      host.remove();
      if (doc.documentElement) clearResult(doc.documentElement);
    },
  };
}
