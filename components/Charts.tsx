import type { Report } from '../lib/report/schema';
import type { Lang } from './i18n';

/**
 * Small charts drawn from the recognised tables, as inline SVG (no network, no library): where the money
 * goes by function class, basic vs project, personnel vs running costs, the 三公 parts, and for 决算 the
 * final figures beside their budgets. Each chart has a text alternative (a table screen readers read).
 */
const num = (v: string) => Number(v.replace(/[,，\s]/g, '')) || 0;
const pct = (a: number, total: number) => (total ? `${((100 * a) / total).toFixed(1)}%` : '—');
const COLORS = ['#1f5fa8', '#e8a000', '#2e9d57', '#8e5bd0', '#d93025', '#0f9aa8', '#8a6d3b', '#5f6b7a'];

interface Datum {
  label: string;
  value: number;
  shown: string;
}

function Figure(p: { title: string; summary: string; data: Datum[]; extra?: string[]; children: preact.ComponentChildren }) {
  return (
    <figure class="bl-chart">
      <figcaption>{p.title}</figcaption>
      {p.children}
      <table class="bl-sr">
        <caption>{p.summary}</caption>
        <tbody>
          {p.data.map((d, i) => (
            <tr key={i}>
              <th scope="row">{d.label}</th>
              <td>{d.shown}</td>
              {p.extra && <td>{p.extra[i]}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Horizontal bars, one per item, largest first; a bar's length is its share of the whole. */
export function Bars(p: { title: string; data: Datum[]; unit: string }) {
  const data = [...p.data].sort((a, b) => b.value - a.value);
  const total = data.reduce((s, d) => s + d.value, 0);
  const rowH = 26;
  const summary = `${p.title}: ${data.map((d) => `${d.label} ${d.shown} ${p.unit} (${pct(d.value, total)})`).join('; ')}`;
  return (
    <Figure title={p.title} summary={summary} data={data}>
      <svg viewBox={`0 0 340 ${data.length * rowH}`} width="100%" role="img" aria-label={summary}>
        {data.map((d, i) => (
          <g key={i} transform={`translate(0 ${i * rowH})`}>
            <text x="0" y="10" font-size="11" fill="#1f2328">
              {d.label.length > 18 ? `${d.label.slice(0, 17)}…` : d.label}
            </text>
            <text x="340" y="10" font-size="11" text-anchor="end" fill="#5f6b7a">
              {d.shown} · {pct(d.value, total)}
            </text>
            <rect x="0" y="14" width="340" height="8" rx="2" fill="#eef1f5" />
            {d.value > 0 && <rect x="0" y="14" width={Math.max(1, (340 * d.value) / (total || 1))} height="8" rx="2" fill={COLORS[0]} />}
          </g>
        ))}
      </svg>
    </Figure>
  );
}

/** One bar split into its parts (basic | project), with a legend. */
export function Split(p: { title: string; data: Datum[]; unit: string }) {
  const total = p.data.reduce((s, d) => s + d.value, 0);
  let x = 0;
  const summary = `${p.title}: ${p.data.map((d) => `${d.label} ${d.shown} ${p.unit} (${pct(d.value, total)})`).join('; ')}`;
  return (
    <Figure title={p.title} summary={summary} data={p.data}>
      <svg viewBox={`0 0 340 ${22 + 16 * p.data.length}`} width="100%" role="img" aria-label={summary}>
        {p.data.map((d, i) => {
          const w = total ? (340 * d.value) / total : 0;
          const r = <rect key={i} x={x} y="0" width={w} height="14" fill={COLORS[i % COLORS.length]} />;
          x += w;
          return r;
        })}
        {p.data.map((d, i) => (
          <g key={`l${i}`} transform={`translate(0 ${22 + 16 * i})`}>
            <rect x="0" y="2" width="10" height="10" fill={COLORS[i % COLORS.length]} />
            <text x="16" y="11" font-size="11" fill="#1f2328">
              {d.label} {d.shown} ({pct(d.value, total)})
            </text>
          </g>
        ))}
      </svg>
    </Figure>
  );
}

/** 决算: for each item, the budget bar and the final bar. */
export function Pairs(p: { title: string; items: { label: string; budget: number; final: number; shown: [string, string] }[]; lang: Lang }) {
  const max = Math.max(0, ...p.items.flatMap((d) => [d.budget, d.final])) || 1;
  const rowH = 34;
  const b = p.lang === 'zh' ? '预算' : 'budget';
  const f = p.lang === 'zh' ? '决算' : 'final';
  const summary = `${p.title}: ${p.items.map((d) => `${d.label} ${b} ${d.shown[0]}, ${f} ${d.shown[1]}`).join('; ')}`;
  const data = p.items.map((d) => ({ label: d.label, value: d.final, shown: `${b} ${d.shown[0]}` }));
  return (
    <Figure title={p.title} summary={summary} data={data} extra={p.items.map((d) => `${f} ${d.shown[1]}`)}>
      <svg viewBox={`0 0 340 ${p.items.length * rowH + 14}`} width="100%" role="img" aria-label={summary}>
        <g>
          <rect x="0" y="0" width="10" height="8" fill="#b8c7dc" />
          <text x="14" y="8" font-size="10" fill="#5f6b7a">
            {b}
          </text>
          <rect x="50" y="0" width="10" height="8" fill={COLORS[0]} />
          <text x="64" y="8" font-size="10" fill="#5f6b7a">
            {f}
          </text>
        </g>
        {p.items.map((d, i) => (
          <g key={i} transform={`translate(0 ${14 + i * rowH})`}>
            <text x="0" y="10" font-size="11" fill="#1f2328">
              {d.label.length > 20 ? `${d.label.slice(0, 19)}…` : d.label}
            </text>
            <text x="340" y="10" font-size="10" text-anchor="end" fill="#5f6b7a">
              {d.shown[0]} → {d.shown[1]}
            </text>
            <rect x="0" y="13" width={Math.max(1, (340 * d.budget) / max)} height="7" fill="#b8c7dc" />
            <rect x="0" y="21" width={Math.max(1, (340 * d.final) / max)} height="7" fill={COLORS[0]} />
          </g>
        ))}
      </svg>
    </Figure>
  );
}

/** The charts a report supports, in reading order. */
export function Charts(p: { report: Report; lang: Lang }) {
  const r = p.report;
  const zh = p.lang === 'zh';
  const unit = r.unit ?? '';
  const fig = (name: string) => r.keyFigures.find((k) => k.name === name);
  const out: preact.JSX.Element[] = [];
  if (r.byFunction.length > 1) {
    out.push(<Bars key="fn" title={zh ? '钱花在哪里（按功能分类）' : 'Where the money goes (by function)'} unit={unit} data={r.byFunction.map((k) => ({ label: k.name, value: num(k.value), shown: k.value }))} />);
  }
  // Two parts of one whole, when both were read: basic | project, personnel | running.
  const split = (key: string, title: string, parts: [string, string, string][]) => {
    const figs = parts.map(([name]) => fig(name));
    if (figs.some((f) => !f)) return;
    out.push(<Split key={key} title={title} unit={unit} data={parts.map(([, zhLabel, enLabel], i) => ({ label: zh ? zhLabel : enLabel, value: num(figs[i]!.value), shown: figs[i]!.value }))} />);
  };
  split('bp', zh ? '基本支出与项目支出' : 'Basic vs project spending', [
    ['基本支出', '基本支出', 'Basic'],
    ['项目支出', '项目支出', 'Project'],
  ]);
  split('pp', zh ? '基本支出中的人员经费与公用经费' : 'Basic spending: personnel vs running costs', [
    ['人员经费', '人员经费', 'Personnel'],
    ['公用经费', '公用经费', 'Running'],
  ]);
  const parts = r.threePublic.filter((k) => ['因公出国（境）费', '公务用车购置及运行费', '公务接待费'].includes(k.name));
  if (parts.some((k) => num(k.value) > 0)) {
    out.push(<Bars key="tp" title={zh ? '“三公”经费的构成' : '"Three public" costs by part'} unit={unit} data={parts.map((k) => ({ label: zh ? k.name : k.en, value: num(k.value), shown: k.value }))} />);
  }
  const bf = r.budgetVsFinal ?? [];
  if (bf.length) {
    out.push(
      <Pairs key="bf" lang={p.lang} title={zh ? '决算数与年初预算数' : 'Final figures beside the budget'} items={bf.slice(0, 14).map((d) => ({ label: d.name, budget: num(d.budget), final: num(d.final), shown: [d.budget, d.final] as [string, string] }))} />,
    );
  }
  return out.length ? <>{out}</> : null;
}
