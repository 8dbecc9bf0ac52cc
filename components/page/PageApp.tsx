import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { analyze } from '../../lib/analyze';
import { extractDom } from '../../lib/extract/dom/extract';
import { liveHidden } from '../../lib/extract/dom/visibility';
import type { RuleOptions } from '../../lib/rules/engine';
import { useAnalysisController, type Surface, type SurfaceEvents } from '../analysis/controller';
import { viewportArea } from '../Card';
import type { Edges } from '../layout/card-place';
import { dockPage, type Dock } from '../layout/dock';
import { clearResult } from '../layout/result-contract';
import { t, type Lang } from '../i18n';
import { DomOverlay } from '../overlay/dom-overlay';
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

interface AppProps {
  doc: Document;
  host: HTMLElement;
  layer: HTMLElement;
  opts: PageRunOptions;
  /** Lets the session open the panel from outside (the popup's "show the panel"). */
  expose: (api: { show(): void }) => void;
}

/** The live page as the controller's surface: the overlay is made once there is something to draw. */
function pageSurface(doc: Document, layer: HTMLElement, events: SurfaceEvents): Surface & { destroy(): void } {
  let overlay: DomOverlay | undefined;
  return {
    show(model, explain) {
      overlay?.destroy();
      overlay = new DomOverlay(doc, layer, model, events, explain);
    },
    activate: (ids) => overlay?.activate(ids),
    reveal: (ids, finding) => overlay?.reveal(ids, finding),
    shown: () => overlay?.shown(),
    destroy: () => overlay?.destroy(),
  };
}

function App({ doc, host, layer, opts, expose }: AppProps) {
  const [lang, setLang] = useState<Lang>(opts.lang);
  const uiRoot = useRef<HTMLDivElement>(null);
  const [collapsed, setCollapsed] = useState(false);
  const [dockWidth, setDockWidth] = useState(0);
  const dock = useRef<Dock>();
  const c = useAnalysisController(doc, { source: () => doc.location?.href ?? '' });
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
    const surface = pageSurface(doc, layer, c.events);
    c.attach(surface);
    // Let the page paint first: the analysis runs after the browser is idle or within a second.
    const idle = (cb: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(cb, { timeout: 1000 }) : setTimeout(cb, 50));
    idle(() => {
      try {
        const x = extractDom(doc, {
          source: doc.location?.href ?? '',
          skip: (el) => el === host,
          isHidden: liveHidden,
        });
        const a = analyze(x, opts.rules);
        if (!a.doc.isBudget && !opts.force) {
          // The cheap detector said yes, the full analysis says no: leave the page exactly as it was.
          opts.onRejected?.();
          return;
        }
        const r = c.present(a);
        opts.onDone?.({ isBudget: r.isBudget, findings: r.findings.length, errors: r.counts.error, warnings: r.counts.warning, ...(r.organization ? { organization: r.organization.slice(0, 200) } : {}), ...(r.year ? { year: String(r.year).slice(0, 20) } : {}) });
      } catch (e) {
        c.fail(e instanceof Error ? e.message : String(e));
        opts.onDone?.({ isBudget: true, findings: 0, errors: 0, warnings: 0 });
      }
    });
    return () => surface.destroy();
  }, []);

  return (
    <div class="bl" ref={uiRoot}>
      <Panel lang={lang} onLang={setLang} {...c.panel} collapsed={collapsed} onCollapse={setCollapsed} actions={c.exports(lang, () => uiRoot.current!)} />
      {c.cards(lang, area())}
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
