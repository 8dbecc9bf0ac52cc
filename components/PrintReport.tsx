import type { PrintPayload } from '../lib/report/print';
import type { TableSnapshot } from '../lib/report/snapshot';
import { verdict } from '../lib/report/verdict';
import { ruleById } from '../lib/rules/registry';
import { Charts } from './Charts';
import type { Lang } from './i18n';

const SEV = { error: '错误', warning: '警告', info: '提示' } as const;
const KIND = { budget: '部门预算', 'final-accounts': '部门决算', 'performance-targets': '绩效目标', other: '' } as const;

export const PRINT_STYLES = `
body { margin: 0; background: #eef1f5; }
.bl-print { max-width: 860px; margin: 16px auto; background: #fff; padding: 28px 36px; box-shadow: 0 1px 6px rgba(0,0,0,.12); }
.bl-print h1 { font-size: 20px; margin: 0 0 4px; }
.bl-print h2 { font-size: 15px; margin: 22px 0 8px; border-bottom: 1px solid var(--bl-line); padding-bottom: 3px; }
.bl-print .meta { color: var(--bl-muted); margin-bottom: 8px; }
.bl-print .counts span { margin-right: 12px; }
.bl-print .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 24px; }
.bl-print .f { break-inside: avoid; page-break-inside: avoid; border-left: 3px solid var(--bl-line); padding: 4px 0 6px 10px; margin: 8px 0; }
.bl-print .f.error { border-left-color: var(--bl-error); } .bl-print .f.warning { border-left-color: var(--bl-warning); } .bl-print .f.info { border-left-color: var(--bl-info); }
.bl-print .f .cells { font-size: 12px; color: var(--bl-muted); margin: 2px 0 0; padding-left: 16px; }
.bl-print .nums { font-variant-numeric: tabular-nums; }
.bl-thumb { break-inside: avoid; page-break-inside: avoid; margin: 10px 0 16px; }
.bl-thumb h3 { font-size: 13px; margin: 0 0 4px; }
.bl-thumb table { border-collapse: collapse; font-size: 10px; line-height: 1.3; width: 100%; table-layout: fixed; }
.bl-thumb th, .bl-thumb td { border: 1px solid #c9d1db; padding: 1px 3px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bl-thumb th { background: #f0f3f7; font-weight: 600; }
.bl-thumb td.error { background: #fbe3e1; outline: 1.5px solid var(--bl-error); outline-offset: -1.5px; }
.bl-thumb td.warning { background: #fdf0cf; outline: 1.5px solid var(--bl-warning); outline-offset: -1.5px; }
.bl-thumb td.info { background: #e6eefa; }
.bl-thumb td.related { background: #eef3fb; }
.bl-thumb tr.gap td { text-align: center; color: #9aa5b1; border-left: none; border-right: none; }
.bl-print .toolbar { float: right; }
.bl-print .toolbar button { font: inherit; padding: 4px 10px; }
@media print {
  body { background: #fff; }
  .bl-print { box-shadow: none; margin: 0; max-width: none; padding: 0; }
  .bl-print .toolbar { display: none; }
  @page { size: A4; margin: 14mm 12mm; }
}
`;

function Thumb({ s }: { s: TableSnapshot }) {
  return (
    <div class="bl-thumb">
      <h3>
        {s.title}
        {s.page ? `（第 ${s.page}${s.pageEnd ? `–${s.pageEnd}` : ''} 页）` : ''}
        {s.omitted > 0 && <span class="bl-note"> · 略去 {s.omitted} 行</span>}
      </h3>
      <table>
        <thead>
          <tr>
            {s.header.map((h, i) => (
              <th key={i} title={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.rows.map((r, i) => (
            <tr key={i} class={r.gap ? 'gap' : ''}>
              {r.cells.map((c, j) => (
                <td key={j} class={r.marks[j] ?? ''} title={c}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The report as a document to keep: prints cleanly (A4, findings and thumbnails kept whole). */
/** In Chinese throughout, like the document it reports on (the interface language does not apply). */
export function PrintReport({ payload }: { payload: PrintPayload; lang?: Lang }) {
  const r = payload.report;
  return (
    <article class="bl bl-print">
      <div class="toolbar">
        <button type="button" onClick={() => window.print()}>
          打印 / Print
        </button>
      </div>
      <h1>
        预算透镜核对报告：{r.organization ?? ''} {r.year ?? ''} {KIND[r.kind]}
      </h1>
      <div class="meta">
        {r.source}
        {r.pages ? ` · ${r.pages} 页` : ''}
        {r.unit ? ` · 单位：${r.unit}` : ''} · {payload.generated} · {r.tool}
      </div>
      <div class="counts">
        <span class="bl-sev error">错误 {r.counts.error}</span> <span class="bl-sev warning">警告 {r.counts.warning}</span> <span class="bl-sev info">提示 {r.counts.info}</span>
        <span class="bl-note">核对一致 {r.counts.passed} 处</span>
      </div>
      {r.warnings.map((w, i) => (
        <p key={i} class="bl-note">
          ⚠ {w.message}
        </p>
      ))}
      {r.keyFigures.length > 0 && (
        <>
          <h2>主要数字</h2>
          <div class="grid2">
            <div class="bl-figs">
              {r.keyFigures.map((k) => (
                <>
                  <span class="n">{k.name}</span>
                  <span class="v">
                    {k.value} {k.unit}
                  </span>
                </>
              ))}
            </div>
            <div>
              <Charts report={r} lang="zh" />
            </div>
          </div>
        </>
      )}
      <h2>发现的问题（{r.findings.length}）</h2>
      {r.findings.length === 0 && <p>{verdict(r).complete ? '未发现问题。' : `${verdict(r).zh}。`}</p>}
      {r.findings.map((f, i) => (
        <div class={`f ${f.severity}`} key={i} data-finding={i}>
          <div>
            <span class={`bl-sev ${f.severity}`}>{SEV[f.severity]}</span> <b>{f.rule}</b> {f.ruleTitle.zh}
            {f.page ? <span class="bl-note">（第 {f.page} 页）</span> : null}
          </div>
          <div>{f.message}</div>
          {(f.expected !== undefined || f.printed !== undefined) && (
            <div class="nums">
              应为 <b>{f.expected ?? '—'}</b>，印刷为 <b>{f.printed ?? '—'}</b>
              {f.difference ? `，差 ${f.difference}` : ''}
            </div>
          )}
          {f.cells.length > 0 && (
            <ul class="cells">
              {f.cells.slice(0, 6).map((c, j) => (
                <li key={j}>
                  {c.role === 'printed' ? '印刷值' : c.role === 'part' ? '组成项' : '对照'} {c.text} — {[c.table, c.row, c.column].filter(Boolean).join(' · ')}
                  {c.page ? `，第 ${c.page} 页` : ''}
                </li>
              ))}
              {f.cells.length > 6 && <li>……另有 {f.cells.length - 6} 个单元格</li>}
            </ul>
          )}
          {f.sentences.map((s, j) => (
            <div class="bl-note" key={`s${j}`}>
              原文：「{s.quote}」{s.page ? `（第 ${s.page} 页）` : ''}
            </div>
          ))}
          <details class="bl-note">
            <summary>为什么要这样核对</summary>
            {ruleById(f.rule)?.explain.zh}
          </details>
        </div>
      ))}
      {payload.snapshots.length > 0 && (
        <>
          <h2>涉及的表格</h2>
          {payload.snapshots.map((s, i) => (
            <Thumb s={s} key={i} />
          ))}
        </>
      )}
      {r.inventory.length > 0 && (
        <>
          <h2>表格清单</h2>
          <ul class="bl-inv">
            {r.inventory.map((e, i) => (
              <li key={i}>
                <span class={e.present ? 'ok' : 'no'}>{e.present ? '✓' : '✗'}</span> {e.number ? `${e.number}. ` : ''}
                {e.title}
                {e.page ? ` · 第 ${e.page} 页` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
