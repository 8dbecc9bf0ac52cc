import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { analyze, type Analysis } from '../../lib/analyze';
import { extractDom } from '../../lib/extract/dom/extract';
import { liveHidden } from '../../lib/extract/dom/visibility';
import { explanations, type Explanation } from '../../lib/report/explanations';
import { highlightModel, relatedMarks, type HighlightModel } from '../../lib/report/highlights';
import { toReport } from '../../lib/report/export';
import { Report } from '../../lib/report/schema';
import type { RuleOptions } from '../../lib/rules/engine';
import { Card, edges, TermCard } from '../Card';
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
  /** Told once the analysis is done (for the popup's badge). */
  onDone?: (info: { isBudget: boolean; findings: number; errors: number; warnings: number }) => void;
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
}

function App({ doc, host, layer, opts }: AppProps) {
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
        root.setAttribute('data-budget-lens-findings', String(r.findings.length));
        root.setAttribute('data-budget-lens', 'ready');
        opts.onDone?.({ isBudget: r.isBudget, findings: r.findings.length, errors: r.counts.error, warnings: r.counts.warning });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        root.setAttribute('data-budget-lens-findings', '0');
        root.setAttribute('data-budget-lens', 'error');
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
    const near = rect ?? { left: window.innerWidth - 760, top: 80, width: 0, height: 0 };
    setCard({ findings: [i], near, pinned: true });
  };

  const close = () => {
    setCard(null);
    overlay.current?.activate([]);
  };

  return (
    <div class="bl" ref={uiRoot}>
      <Panel
        lang={lang}
        onLang={setLang}
        report={report}
        error={error}
        failures={failures}
        onSelect={select}
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
      {term && !card && <TermCard lang={lang} title={term.e.title} body={term.e.body} near={edges(term.near)} />}
      {card && report && (
        <div
          onMouseEnter={() => clearTimeout(hideTimer.current)}
          onMouseLeave={() => {
            if (!cardRef.current?.pinned) setCard(null);
          }}
        >
          <Card lang={lang} findings={card.findings.map((i) => report.findings[i]!).filter(Boolean)} near={edges(card.near)} pinned={card.pinned} onClose={close} />
        </div>
      )}
    </div>
  );
}

/** Analyse the page and show the results in place. Every error stays inside; the page is never broken. */
export function runOnPage(doc: Document, opts: PageRunOptions): PageSession {
  const { host, shadow } = createShadowHost(doc, HOST_TAG, 2147483646, { inspectable: !!opts.inspectable });
  const layer = doc.createElement('div');
  layer.className = 'bl bl-layer';
  const ui = doc.createElement('div');
  shadow.append(layer, ui);
  try {
    render(<App doc={doc} host={host} layer={layer} opts={opts} />, ui);
  } catch (e) {
    ui.textContent = `${t(opts.lang, 'failed')}${e instanceof Error ? e.message : String(e)}`;
  }
  return {
    destroy() {
      render(null, ui);
      host.remove();
      doc.documentElement?.removeAttribute('data-budget-lens');
      doc.documentElement?.removeAttribute('data-budget-lens-findings');
    },
  };
}
