/**
 * The one stylesheet of BudgetLens's UI, injected into the shadow root on pages and into the viewer page.
 * Everything is scoped under .bl so that, even outside a shadow root, nothing leaks.
 */
import { DOCK_WIDTH } from './layout/dock';

export const STYLES = `
:host { all: initial; }
.bl, .bl * { box-sizing: border-box; }
.bl {
  --bl-error: #d93025; --bl-error-bg: rgba(217,48,37,.10);
  --bl-warning: #e8a000; --bl-warning-bg: rgba(232,160,0,.12);
  --bl-info: #3b73c4; --bl-info-bg: rgba(59,115,196,.08);
  --bl-pass: #2e9d57;
  --bl-ink: #1f2328; --bl-muted: #5f6b7a; --bl-line: #d9dee5; --bl-bg: #ffffff; --bl-soft: #f5f7fa;
  font: 13px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif;
  color: var(--bl-ink);
}
.bl-layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none; }
.bl-mark { position: absolute; pointer-events: none; border-radius: 2px; }
.bl-mark[data-budget-lens-severity="error"] { outline: 2px solid var(--bl-error); background: var(--bl-error-bg); }
.bl-mark[data-budget-lens-severity="warning"] { outline: 2px solid var(--bl-warning); background: var(--bl-warning-bg); }
.bl-mark[data-budget-lens-severity="info"] { outline: 1px dashed var(--bl-info); background: var(--bl-info-bg); }
.bl-mark[data-budget-lens-severity="pass"] { outline: none; background: none; }
.bl-mark[data-budget-lens-severity="pass"]::after {
  content: "✓"; display: none; position: absolute; left: var(--bl-tick-x, 0); top: var(--bl-tick-y, 0); width: 9px; height: 9px;
  font: bold 9px/9px system-ui, sans-serif; color: var(--bl-pass); opacity: .8; text-align: center;
}
.bl-mark[data-budget-lens-severity="pass"][data-tick="beside"]::after { display: block; }
.bl-no-ticks .bl-mark[data-budget-lens-severity="pass"] { display: none; }
.bl-mark.bl-related { display: none; outline: 2px dashed var(--bl-info); background: rgba(59,115,196,.06); }
.bl-mark.bl-sentence { outline: none; background: none; border-bottom: 2px solid var(--bl-error); border-radius: 0; }
.bl-mark.bl-sentence[data-budget-lens-severity="warning"] { border-bottom: 2px wavy var(--bl-warning); border-bottom-style: solid; }
.bl-mark.bl-sentence[data-budget-lens-severity="info"] { border-bottom: 1px dashed var(--bl-info); }
.bl-mark.bl-active { display: block; z-index: 2; box-shadow: 0 0 0 3px rgba(255,255,255,.9), 0 0 0 5px var(--bl-ring, var(--bl-info)); }
.bl-mark.bl-active[data-budget-lens-severity="error"] { --bl-ring: var(--bl-error); }
.bl-mark.bl-active[data-budget-lens-severity="warning"] { --bl-ring: var(--bl-warning); }
.bl-mark.bl-active.bl-related { outline-style: solid; }
.bl-mark.bl-flash { animation: bl-flash .55s ease-out 4; }
@keyframes bl-flash { 0% { transform: scale(1.08); opacity: .4; } 100% { transform: scale(1); opacity: 1; } }
.bl-mark.bl-hidden { display: none; }

.bl-panel {
  position: fixed; top: 0; right: 0; bottom: 0; width: ${DOCK_WIDTH};
  display: flex; flex-direction: column; background: var(--bl-bg); border-left: 1px solid var(--bl-line);
  box-shadow: -2px 0 10px rgba(0,0,0,.10); pointer-events: auto; overflow: hidden; z-index: 3;
}
.bl-panel.bl-collapsed { top: 8px; right: 8px; bottom: auto; width: auto; border: 1px solid var(--bl-line); border-radius: 10px; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.bl-top { padding: 8px 12px; border-bottom: 1px solid var(--bl-line); background: var(--bl-soft); display: flex; flex-direction: column; gap: 6px; }
.bl-nav { display: flex; align-items: center; gap: 8px; }
.bl-nav button { font: inherit; padding: 2px 10px; border: 1px solid var(--bl-line); border-radius: 4px; background: #fff; cursor: pointer; }
.bl-nav button:hover, .bl-nav button:focus-visible { background: #e8edf3; }
.bl-head { display: flex; align-items: center; gap: 8px; padding: 8px 10px; background: #1f5fa8; color: #fff; user-select: none; }
.bl-head .bl-title { font-weight: 600; flex: 1; white-space: nowrap; }
.bl-head button { all: unset; cursor: pointer; color: #fff; padding: 2px 6px; border-radius: 4px; font-size: 12px; }
.bl-head button:hover, .bl-head button:focus-visible { background: rgba(255,255,255,.2); }
.bl-badges { display: inline-flex; gap: 4px; }
.bl-badge { display: inline-block; min-width: 18px; padding: 0 5px; border-radius: 9px; font-size: 11px; font-weight: 600; text-align: center; color: #fff; }
.bl-badge.error { background: var(--bl-error); } .bl-badge.warning { background: var(--bl-warning); color: #1f2328; } .bl-badge.info { background: var(--bl-info); }
.bl-badge.pass { background: var(--bl-pass); }
.bl-body { overflow: auto; padding: 10px 12px 12px; flex: 1; }
.bl-meta { color: var(--bl-muted); margin-bottom: 8px; }
.bl-summary { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 0 0 6px; }
.bl-meta strong { color: var(--bl-ink); font-size: 14px; display: block; }
.bl-section { margin: 10px 0 0; }
.bl-section > h3 { font-size: 12px; font-weight: 600; color: var(--bl-muted); margin: 0 0 4px; text-transform: none; }
.bl-figs { display: grid; grid-template-columns: 1fr auto; gap: 1px 10px; }
.bl-figs .v { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bl-figs .n { color: var(--bl-ink); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bl-bar { height: 6px; background: var(--bl-soft); border-radius: 3px; overflow: hidden; grid-column: 1 / -1; margin-bottom: 3px; }
.bl-bar > i { display: block; height: 100%; background: #6b9bd8; }
.bl-group > summary { cursor: pointer; font-weight: 600; padding: 3px 0; list-style: none; }
.bl-group > summary::-webkit-details-marker { display: none; }
.bl-group > summary::before { content: "▸ "; color: var(--bl-muted); }
.bl-group[open] > summary::before { content: "▾ "; }
.bl-finding { all: unset; display: block; width: 100%; cursor: pointer; padding: 5px 6px 5px 8px; margin: 2px 0; border-left: 3px solid var(--bl-line); border-radius: 0 4px 4px 0; }
.bl-finding:hover, .bl-finding:focus-visible { background: var(--bl-soft); }
.bl-finding.error { border-left-color: var(--bl-error); } .bl-finding.warning { border-left-color: var(--bl-warning); } .bl-finding.info { border-left-color: var(--bl-info); }
.bl-finding.bl-current { background: #e8f0fb; }
.bl-finding .r { font-size: 11px; color: var(--bl-muted); }
.bl-finding .m { display: block; word-break: break-word; }
.bl-inv { list-style: none; margin: 0; padding: 0; }
.bl-inv li { display: flex; gap: 6px; }
.bl-inv .ok { color: var(--bl-pass); } .bl-inv .no { color: var(--bl-error); }
.bl-note { color: var(--bl-muted); font-size: 12px; }
.bl-err { color: var(--bl-error); white-space: pre-wrap; word-break: break-word; }
.bl-progress { height: 4px; background: var(--bl-soft); }
.bl-progress > i { display: block; height: 100%; background: #1f5fa8; transition: width .2s; }

.bl-card {
  position: fixed; z-index: 4; width: 360px; max-width: calc(100vw - 16px); max-height: 60vh; overflow: auto; pointer-events: auto;
  background: var(--bl-bg); border: 1px solid var(--bl-line); border-radius: 8px; box-shadow: 0 6px 22px rgba(0,0,0,.2); padding: 10px 12px;
}
.bl-card .f + .f { border-top: 1px solid var(--bl-line); margin-top: 8px; padding-top: 8px; }
.bl-card .h { display: flex; gap: 6px; align-items: baseline; }
.bl-card .h b { font-size: 13px; }
.bl-card .en { color: var(--bl-muted); font-size: 11px; }
.bl-card .msg { margin: 4px 0; word-break: break-word; }
.bl-card table { border-collapse: collapse; margin: 4px 0; font-variant-numeric: tabular-nums; }
.bl-card td { padding: 1px 10px 1px 0; }
.bl-card td.v { text-align: right; font-weight: 600; }
.bl-card details { margin-top: 4px; color: var(--bl-muted); }
.bl-card summary { cursor: pointer; }
.bl-jumps { display: flex; gap: 6px; margin: 4px 0; }
.bl-jumps button { font: inherit; font-size: 12px; padding: 1px 8px; border: 1px solid var(--bl-line); border-radius: 4px; background: var(--bl-soft); cursor: pointer; color: #1f5fa8; }
.bl-card .x { all: unset; float: right; cursor: pointer; color: var(--bl-muted); padding: 0 4px; }
.bl-sev { display: inline-block; white-space: nowrap; padding: 0 6px; border-radius: 3px; font-size: 11px; color: #fff; }
.bl-sev.error { background: var(--bl-error); } .bl-sev.warning { background: var(--bl-warning); color: #1f2328; } .bl-sev.info { background: var(--bl-info); }

.bl-pdflink { all: unset; position: absolute; pointer-events: auto; cursor: pointer; font: 11px/1.4 system-ui, "Noto Sans CJK SC", sans-serif;
  background: #1f5fa8; color: #fff; padding: 0 6px; border-radius: 8px; white-space: nowrap; }
.bl-chart { margin: 6px 0 10px; }
.bl-chart figcaption { font-size: 12px; font-weight: 600; color: var(--bl-muted); margin-bottom: 3px; }
.bl-chart svg { display: block; overflow: visible; }
.bl-sr { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.bl-term-word { text-decoration: underline dotted #8a97a8; text-underline-offset: 3px; cursor: help; }
.bl-glossary dt { font-weight: 600; margin-top: 6px; }
.bl-glossary dd { margin: 0 0 0 0; color: var(--bl-muted); }
.bl-glossary ul { margin: 2px 0 0 16px; padding: 0; }
.bl-card.bl-term { pointer-events: none; }
.bl-actions { display: flex; flex-wrap: wrap; gap: 6px; }
.bl-actions button { font: inherit; padding: 3px 8px; border: 1px solid var(--bl-line); border-radius: 4px; background: var(--bl-soft); cursor: pointer; }
.bl-actions button:hover { background: #e8edf3; }
`;

/** The PDF viewer page: toolbar, scrolling pages with canvas, text layer and marks, panel at the right. */
export const VIEWER_STYLES = `
html, body { margin: 0; height: 100%; background: #525659; }
.bl-viewer { position: fixed; inset: 0; display: flex; flex-direction: column; }
.bl-viewer.bl-has-dock { right: ${DOCK_WIDTH}; }
.bl-toolbar { display: flex; align-items: center; gap: 8px; padding: 6px 12px; background: #f5f7fa; border-bottom: 1px solid var(--bl-line); flex-wrap: wrap; }
.bl-toolbar button { font: inherit; min-width: 28px; padding: 2px 8px; border: 1px solid var(--bl-line); border-radius: 4px; background: #fff; cursor: pointer; }
.bl-toolbar input[type=number] { width: 56px; font: inherit; }
.bl-file { max-width: 30vw; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bl-find { display: flex; gap: 4px; align-items: center; }
.bl-find input { font: inherit; width: 160px; }
.bl-pages { flex: 1; overflow: auto; padding: 12px 12px 24px; }
.bl-page { position: relative; margin: 0 auto 12px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.4); width: calc(var(--pw) * var(--scale-factor) * 1px); height: calc(var(--ph) * var(--scale-factor) * 1px); }
.bl-page canvas { position: absolute; left: 0; top: 0; }
.bl-page-marks { position: absolute; inset: 0; pointer-events: none; z-index: 2; }
.bl-mark.bl-para { outline: none; background: rgba(217,48,37,.05); border-left: 3px solid var(--bl-error); }
.bl-mark.bl-para[data-budget-lens-severity="warning"] { border-left-color: var(--bl-warning); background: rgba(232,160,0,.06); }
.bl-mark.bl-para[data-budget-lens-severity="info"] { border-left-color: var(--bl-info); background: none; }
.textLayer { position: absolute; inset: 0; overflow: clip; line-height: 1; text-align: initial; transform-origin: 0 0; z-index: 1;
  --min-font-size: 1; --text-scale-factor: calc(var(--total-scale-factor) * var(--min-font-size)); --min-font-size-inv: calc(1 / var(--min-font-size)); }
.textLayer :is(span, br) { color: transparent; position: absolute; white-space: pre; cursor: text; transform-origin: 0% 0%; }
.textLayer > :not(.markedContent), .textLayer .markedContent span:not(.markedContent) {
  --font-height: 0; font-size: calc(var(--text-scale-factor) * var(--font-height));
  --scale-x: 1; --rotate: 0deg; transform: rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv)); }
.textLayer .markedContent { display: contents; }
.textLayer .highlight { margin: -1px; padding: 1px; background-color: rgba(255, 200, 0, .45); border-radius: 3px; }
.textLayer ::selection { background: rgba(0, 0, 255, .25); }
`;

/** An extension page's stylesheet: the shared one (outside a shadow root) and the page's own rules. */
export function injectPageStyles(extra: string): void {
  const style = document.createElement('style');
  style.textContent = STYLES.replace(':host { all: initial; }', '') + extra;
  document.head.appendChild(style);
}
