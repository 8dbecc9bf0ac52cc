import { useMemo, useRef, useState } from 'preact/hooks';
import type { Analysis } from '../../lib/analyze';
import { explanations, type Explanation } from '../../lib/report/explanations';
import { highlightModel, relatedMarks, type HighlightModel, type Mark } from '../../lib/report/highlights';
import { toReport } from '../../lib/report/export';
import { Report } from '../../lib/report/schema';
import { settledRun } from '../../lib/rules/settled';
import { Card, edges, TermCard } from '../Card';
import { ExportButtons } from '../ExportButtons';
import { openPrintable } from '../ext/print';
import type { Lang } from '../i18n';
import type { Edges } from '../layout/card-place';
import { findingPlaces } from '../layout/finding-links';
import { announceResult } from '../layout/result-contract';
import { useFindingsNav } from '../layout/use-findings-nav';
import type { Rect } from '../overlay/dom-rects';

/**
 * Where an analysis is shown: a live web page (DomOverlay) or the viewer's PDF pages (PdfView). Anchors go
 * in as a highlight model; the surface draws marks and reports the reader's pointer through SurfaceEvents.
 * The controller below owns everything else, once, for both.
 */
export interface Surface {
  /** Draw this analysis's marks (replacing any drawn before). */
  show(model: HighlightModel, explain: readonly Explanation[]): void;
  activate(markIds: readonly number[]): void;
  /** Bring marks into view; the viewport rectangle of the first (undefined: it has no place here). */
  reveal(markIds: readonly number[], finding?: number): Rect | undefined | Promise<Rect | undefined>;
  /** Marks that could be placed (undefined: all of them). */
  shown?(): ReadonlySet<number> | undefined;
}

export interface SurfaceEvents {
  /** The pointer rests on a mark with findings (or left all marks: null). */
  hover(mark: Mark | null, rect?: Rect): void;
  /** A mark with findings was clicked. */
  select(mark: Mark, rect: Rect): void;
  /** The pointer rests on a title, header or code with an explanation (or left it: null). */
  explain(e: Explanation | null, rect?: Rect): void;
}

/** A PDF read page by page: the findings shown so far rest on the pages before `settledBefore`. */
export interface PartialState {
  through: number;
  pages: number;
  settledBefore: number;
}

interface CardState {
  findings: number[];
  near: Rect;
  pinned: boolean;
}

const findingKey = (f: Report['findings'][number]) => `${f.rule}|${f.severity}|${f.message}`;

/**
 * One analysis controller for web pages and PDFs: it turns an analysis into the report, the marks on the
 * surface, the cards, next / previous, the exports and the root element's contract. The page and the viewer
 * only say where the document comes from and give a surface.
 */
export function useAnalysisController(doc: Document, opts: { source: () => string }) {
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<string>();
  const [failures, setFailures] = useState<Analysis['failures']>([]);
  const [card, setCard] = useState<CardState | null>(null);
  const [term, setTerm] = useState<{ e: Explanation; near: Rect } | null>(null);
  const [placed, setPlaced] = useState<Set<number>>();
  const [partial, setPartial] = useState<PartialState>();
  const analysis = useRef<Analysis>();
  const model = useRef<HighlightModel>();
  const surface = useRef<Surface>();
  const shownReport = useRef<Report>();
  const cardRef = useRef<CardState | null>(null);
  cardRef.current = card;
  const hideTimer = useRef<ReturnType<typeof setTimeout>>();

  const related = (mark: Mark) => (model.current ? relatedMarks(model.current, mark) : [mark.id]);
  const events: SurfaceEvents = useMemo(
    () => ({
      hover(mark, rect) {
        if (cardRef.current?.pinned) return;
        clearTimeout(hideTimer.current);
        if (mark && rect) {
          setCard({ findings: mark.findings, near: rect, pinned: false });
          surface.current?.activate(related(mark));
        } else {
          // A moment's grace: the pointer may be on its way into the card.
          hideTimer.current = setTimeout(() => {
            if (!cardRef.current?.pinned) {
              setCard(null);
              surface.current?.activate([]);
            }
          }, 350);
        }
      },
      select(mark, rect) {
        setCard({ findings: mark.findings, near: rect, pinned: true });
        surface.current?.activate(related(mark));
      },
      explain(e, rect) {
        setTerm(e && rect ? { e, near: rect } : null);
      },
    }),
    [],
  );

  /**
   * Show an analysis: the whole document's, or — while a PDF is still being read — only the findings that
   * the pages still to come cannot change. Returns the report shown.
   */
  const present = (a: Analysis, part?: PartialState): Report => {
    const shown: Analysis = part ? { ...a, ...settledRun(a, part.settledBefore) } : a;
    const r = Report.parse(toReport(shown));
    const m = highlightModel(shown);
    const before = shownReport.current;
    model.current = m;
    analysis.current = shown;
    shownReport.current = r;
    surface.current?.show(m, explanations(shown));
    const on = surface.current?.shown?.();
    setPlaced(on ? new Set(m.byFinding.map((ids, i) => (ids.some((id) => on.has(id)) ? i : -1)).filter((i) => i >= 0)) : undefined);
    // An open card follows its findings into the new list (their positions change as findings arrive).
    const open = cardRef.current;
    if (open && before) {
      const keys = new Map(r.findings.map((f, i) => [findingKey(f), i]));
      const moved = open.findings.map((i) => before.findings[i]).flatMap((f) => (f && keys.has(findingKey(f)) ? [keys.get(findingKey(f))!] : []));
      setCard(moved.length ? { ...open, findings: moved } : null);
    }
    setReport(r);
    setFailures(a.failures);
    setPartial(part);
    announceResult(doc.documentElement, part ? 'reading' : 'ready', r.findings.length);
    return r;
  };

  /** The analysis could not be done (or was stopped): said in the panel, and on the root element. */
  const fail = (message: string) => {
    setError(message);
    announceResult(doc.documentElement, 'error', 0);
  };

  const select = async (i: number) => {
    const m = model.current;
    const s = surface.current;
    if (!m || !s) return;
    const ids = m.byFinding[i] ?? [];
    s.activate(ids);
    const rect = await s.reveal(ids, i);
    // A finding with no place on the surface: its card sits at the top of the free area.
    setCard({ findings: [i], near: rect ?? { left: 8, top: 0, width: 0, height: 0 }, pinned: true });
  };

  /** Show finding i at its table cell or at its sentence (a narrative finding's two places). */
  const jump = async (i: number, to: 'cells' | 'text') => {
    const m = model.current;
    const s = surface.current;
    if (!m || !s) return;
    s.activate(m.byFinding[i] ?? []);
    const rect = await s.reveal(findingPlaces(m, i)[to], i);
    if (rect) setCard({ findings: [i], near: rect, pinned: true });
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
    surface.current?.activate([]);
  };

  const { nav, setCurrent } = useFindingsNav(doc, report, (i) => void select(i), close);

  return {
    partial,
    /** The analysis shown (settled part while reading). */
    analysis: () => analysis.current,
    events,
    attach(s: Surface) {
      surface.current = s;
    },
    present,
    fail,
    setError,
    /** What the panel needs: the report, its state, and choosing a finding. */
    panel: {
      report,
      error,
      failures,
      nav,
      ...(placed ? { placed } : {}),
      ...(partial ? { partial: { through: partial.through, pages: partial.pages } } : {}),
      onSelect(i: number) {
        setCurrent(i);
        void select(i);
      },
    },
    /** Export and print, once the whole document is read (a partial report is not one to keep). */
    exports(lang: Lang, container: () => Node) {
      const r = report;
      if (!r || partial) return null;
      return (
        <ExportButtons
          lang={lang}
          report={r}
          container={container}
          onPrint={() => {
            if (analysis.current) openPrintable(analysis.current, r, opts.source()).catch((e: unknown) => setError(String(e)));
          }}
        />
      );
    },
    /** The finding card (hover or pinned) and the term card, inside the free area. */
    cards(lang: Lang, area: Edges) {
      return (
        <>
          {term && !card && <TermCard lang={lang} title={term.e.title} body={term.e.body} near={edges(term.near)} area={area} />}
          {card && report && (
            <div
              onMouseEnter={() => clearTimeout(hideTimer.current)}
              onMouseLeave={() => {
                if (!cardRef.current?.pinned) setCard(null);
              }}
            >
              <Card lang={lang} findings={card.findings.map((i) => report.findings[i]!).filter(Boolean)} near={edges(card.near)} pinned={card.pinned} onClose={close} area={area} jumps={(k) => jumps(card.findings[k]!)} />
            </div>
          )}
        </>
      );
    },
  };
}
