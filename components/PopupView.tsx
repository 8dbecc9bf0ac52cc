import type { TabState } from '../lib/messages';
import { type Lang } from './i18n';

export interface PopupState {
  lang: Lang;
  url: string;
  inViewer: boolean;
  tab?: TabState;
  /** The tab shows a PDF recognised by its Content-Type. */
  typedPdf?: boolean;
}

const L = {
  zh: {
    detected: '这是预算公开页面', notDetected: '这个页面不像预算公开文件', loading: '正在分析…', failed: '分析出错', pdfLinks: '页面上有 {n} 个预算 PDF 附件',
    findings: '错误 {e} · 警告 {w} · 提示 {i}', none: '未发现问题', analyse: '仍然分析此页面', reanalyse: '重新分析', openPdf: '用预算透镜打开此 PDF', options: '设置', showPanel: '显示面板', noAccess: '无法在此页面运行（浏览器页面或未授权）',
  },
  en: {
    detected: 'This is a budget disclosure', notDetected: 'This page does not look like a budget disclosure', loading: 'Analysing…', failed: 'Analysis failed', pdfLinks: '{n} budget PDFs linked from this page',
    findings: '{e} errors · {w} warnings · {i} notes', none: 'No problems found', analyse: 'Analyse this page anyway', reanalyse: 'Analyse again', openPdf: 'Open this PDF in BudgetLens', options: 'Options', showPanel: 'Show the panel', noAccess: 'Cannot run on this page (a browser page, or no access)',
  },
} as const;

const isPdfUrl = (u: string) => /^https?:\/\/[^?#]*\.pdf(?:[?#]|$)/i.test(u);

/** What the popup shows; all actions are callbacks so that it renders the same in tests. */
export function PopupView(p: { state: PopupState; onAnalyse: () => void; onOpenPdf: () => void; onOptions: () => void; onShowPanel: () => void }) {
  const s = p.state;
  const l = L[s.lang];
  const tab = s.tab;
  return (
    <div class="bl" style={{ padding: '12px 14px', display: 'grid', gap: '8px' }} data-state={tab?.state ?? 'none'}>
      <strong style={{ fontSize: '14px' }}>预算透镜 · BudgetLens</strong>
      {!tab && !s.inViewer && <p class="bl-note">{isPdfUrl(s.url) || s.typedPdf ? '' : l.noAccess}</p>}
      {tab && (
        <p data-detected={String(tab.detected)}>
          {tab.state === 'loading' ? l.loading : tab.state === 'error' ? l.failed : tab.detected ? l.detected : l.notDetected}
        </p>
      )}
      {tab?.organization && (
        <p data-organization="" style={{ margin: 0 }}>
          <b>{tab.organization}</b>
          {tab.year ? ` · ${tab.year}` : ''}
        </p>
      )}
      {tab?.state === 'ready' && (
        <p data-findings={tab.findings ?? 0}>
          {tab.findings
            ? l.findings
                .replace('{e}', String(tab.errors ?? 0))
                .replace('{w}', String(tab.warnings ?? 0))
                .replace('{i}', String(Math.max(0, (tab.findings ?? 0) - (tab.errors ?? 0) - (tab.warnings ?? 0))))
            : l.none}
        </p>
      )}
      {!!tab?.pdfLinks && <p class="bl-note">{l.pdfLinks.replace('{n}', String(tab.pdfLinks))}</p>}
      <div class="bl-actions">
        {tab?.state === 'ready' && (
          <button type="button" onClick={p.onShowPanel} data-action="show-panel">
            {l.showPanel}
          </button>
        )}
        {tab && tab.state !== 'loading' && (
          <button type="button" onClick={p.onAnalyse} data-action="analyse">
            {tab.state === 'ready' ? l.reanalyse : l.analyse}
          </button>
        )}
        {(isPdfUrl(s.url) || s.typedPdf) && !s.inViewer && (
          <button type="button" onClick={p.onOpenPdf} data-action="open-pdf">
            {l.openPdf}
          </button>
        )}
        <button type="button" onClick={p.onOptions}>
          {l.options}
        </button>
      </div>
    </div>
  );
}
