import { parseAmount } from '../../money/amount';
import { halfUlp, toDec } from '../../money/amount';
import { add, cmp, format, sub, shift, type Dec } from '../../money/decimal';
import { UNIT_EXPONENT, type MoneyUnit } from '../../money/units';
import { tables } from '../lookup';
import { note } from '../terms';
import { defineRule, type Evidence, type Finding, type Severity } from '../types';
import type { Project, ProjectIndicator, Table } from '../../recognize/model';
import { tableLabel } from '../../recognize/document';

/** A monetary cost figure in an indicator: operator, amount and unit (per-head figures excluded). */
interface CostFigure {
  op: '≤' | '≥' | '<' | '>' | '=' | '';
  amount: ReturnType<typeof parseAmount> & object;
  unit: MoneyUnit;
  indicator: ProjectIndicator;
}

const OPS: Record<string, CostFigure['op']> = { '≤': '≤', '<=': '≤', '不超过': '≤', '不高于': '≤', '小于等于': '≤', '≥': '≥', '>=': '≥', '不低于': '≥', '不少于': '≥', '大于等于': '≥', '<': '<', '＜': '<', '小于': '<', '>': '>', '＞': '>', '大于': '>', '=': '=', '＝': '=' };
const FIGURE_RE = /(≤|≥|<=|>=|不超过|不高于|小于等于|不低于|不少于|大于等于|＜|＞|<|>|小于|大于|=|＝)?\s*(\d[\d,]*(?:\.\s?\d+)?)\s*(万元|万|元)(?!\s*[/／每])/;
const PER_UNIT = /单价|标准|每|人均|平均|\/|／|月|天|次|人|台|套|个/;

function costFigure(ind: ProjectIndicator): CostFigure | undefined {
  if (ind.group !== 'cost') return undefined;
  if (PER_UNIT.test(ind.name.replace(/总成本|成本/g, '')) && !/总/.test(ind.name)) return undefined;
  const m = FIGURE_RE.exec(ind.value.replace(/\s+(?=[万元])/g, ''));
  if (!m) return undefined;
  const amount = parseAmount(m[2]!);
  if (!amount || !amount.printed) return undefined;
  const unit: MoneyUnit = m[3] === '元' ? '元' : '万元';
  return { op: OPS[m[1] ?? ''] ?? '', amount, unit, indicator: ind };
}

/** Amounts rounded to 100 元 (the booklet's whole-hundred figures) tolerate ±50 元, as 万元 to 2 dp would. */
function amountHalf(t: Table, projects: readonly Project[]): Dec | undefined {
  if (t.unit !== '元') return undefined;
  const all = projects.map((p) => p.row.values['total']?.amount).filter((a): a is NonNullable<typeof a> => !!a && a.printed);
  if (all.length >= 3 && all.every((a) => a.units % (100 * 10 ** a.decimals) === 0)) return { u: 50, e: 0 };
  return undefined;
}

function evidence(t: Table, p: Project, inds: ProjectIndicator[]): Evidence[] {
  const ev: Evidence[] = [];
  const total = p.row.values['total'];
  if (total) ev.push({ kind: 'cell', cell: total, role: 'compare', label: `${p.name}·资金总额`, table: t });
  for (const i of inds) if (i.valueCell) ev.push({ kind: 'cell', cell: i.valueCell, role: 'printed', label: `${p.name}·${i.name}`, table: t });
  return ev;
}

export default defineRule({
  id: 'R29',
  relation: 'R29',
  title: { zh: '成本指标与项目金额相符', en: 'Cost indicators match project amounts' },
  problem: { zh: '成本指标与项目金额不符', en: 'A cost indicator does not match the project amount' },
  explain: {
    zh: '项目绩效目标里的成本指标（如“总成本 ≤196.73万元”）是项目花钱的上限，应与项目金额一致（或各成本分项之和与之一致），单位要写对（万元与元相差一万倍），并用“≤”表示上限。上限低于项目金额自相矛盾；上限高于金额则说明指标没有按预算填写。',
    en: 'A cost indicator is the project\'s spending ceiling: it should equal the amount (or its parts should), in the right unit (万元 vs 元 is 10,000×), written with ≤. A ceiling below the amount contradicts it; above it is a softer mismatch.',
  },
  example: { zh: '例：“电子政务内网办公环境改造”金额 15.9 万元，成本指标却写“≤15.93元”——单位错了一万倍。', en: 'E.g. amount 15.9 万元 but "≤15.93元": off by 10,000×.' },
  severity: 'error',
  group: 'performance',
  appliesTo: ['budget', 'performance-targets'],
  check(doc, ctx) {
    const out: Finding[] = [];
    for (const t of tables(doc, 'project-performance')) {
      const projects = t.projects ?? [];
      const half = amountHalf(t, projects);
      for (const p of projects) {
        const total = p.row.values['total']?.amount;
        if (!total || !total.printed) continue;
        const costs = p.indicators.filter((i) => i.group === 'cost');
        for (const i of costs) {
          if (/成本|费用|资金|金额/.test(i.name) && !i.value.trim()) {
            out.push(note('R29', 'warning', `${tableLabel(t)}「${p.name}」：成本指标“${i.name}”没有填写指标值`, `"${p.name}": cost indicator "${i.name}" has no value`, evidence(t, p, [i])));
          }
        }
        const figs = costs.map(costFigure).filter((f): f is CostFigure => !!f);
        if (!figs.length) continue;
        const A = toDec(total, t.unit, '元');
        // A cap is an exact figure; only the amount carries a rounding envelope (its printed digits, or
        // the booklet's whole hundreds of 元).
        const hA = halfUlp(total, t.unit, '元');
        const check = (fs: CostFigure[]): { agreement: 'exact' | 'rounding' | 'hundreds' | 'mismatch'; V: Dec } => {
          let V: Dec = { u: 0, e: 0 };
          for (const f of fs) V = add(V, toDec(f.amount, f.unit, '元'));
          const diff = sub(V, A);
          const abs = diff.u < 0 ? { u: -diff.u, e: diff.e } : diff;
          if (abs.u === 0) return { agreement: 'exact', V };
          if (ctx.policy !== 'strict' && cmp(abs, hA) < 0) return { agreement: 'rounding', V };
          if (ctx.policy !== 'strict' && half && cmp(abs, half) <= 0) return { agreement: 'hundreds', V };
          return { agreement: 'mismatch', V };
        };
        const where = `${tableLabel(t)}「${p.name}」（金额 ${total.raw} ${t.unit}）`;
        // expected in the document's own terms: the indicator as it should read (≤15.93万元 for a unit slip,
        // the amount with its operator otherwise); printed is the indicator cell as printed.
        const emit = (sev: Severity, zh: string, en: string, fs: CostFigure[], V: Dec, difference = `${format(sub(V, A), 0)} 元`, expected = `${fs.length === 1 ? fs[0]!.op : ''}${total.raw}${t.unit}`) => {
          const f = note('R29', sev, `${where}：${zh}`, `"${p.name}" (${total.raw} ${t.unit}): ${en}`, evidence(t, p, fs.map((x) => x.indicator)), [total.raw, ...fs.map((x) => x.indicator.value)], {
            expected,
            printed: fs.map((x) => x.indicator.value).join(' + '),
            difference,
          });
          out.push(f);
        };
        // Components that add up to the amount.
        if (figs.length > 1) {
          const c = check(figs);
          if (c.agreement !== 'mismatch') {
            ctx.pass('R29', [p.row.values['total']!, ...figs.map((f) => f.indicator.valueCell!).filter(Boolean)]);
            continue;
          }
        }
        const single = figs.length === 1 ? figs : [figs.reduce((a, b) => (cmp(toDec(a.amount, a.unit, '元'), toDec(b.amount, b.unit, '元')) >= 0 ? a : b))];
        const f = single[0]!;
        const c = check(single);
        const V = c.V;
        const floorOp = f.op === '≥' || f.op === '>';
        const opNote = floorOp ? `，且用“${f.op}”写成了下限（成本指标应为“≤”上限）` : '';
        const opNoteEn = floorOp ? `; written with "${f.op}" (a floor) instead of a ceiling` : '';
        if (c.agreement !== 'mismatch') {
          if (floorOp) emit('warning', `成本指标“${f.indicator.name} ${f.indicator.value}”与金额相同，但用“${f.op}”写成了下限，成本控制应写作“≤”`, `the cost figure equals the amount but is written with "${f.op}"`, single, V);
          else if (c.agreement === 'hundreds') emit('info', `成本指标“${f.indicator.name} ${f.indicator.value}”与金额相差 ${format(sub(V, A), 0)} 元；金额按百元取整，差额在取整范围内`, `the cost figure differs from the amount by less than the 100-元 rounding of amounts`, single, V);
          else ctx.pass('R29', [p.row.values['total']!, f.indicator.valueCell!].filter(Boolean));
          continue;
        }
        // A unit slip: the figure is the amount times a power of ten.
        const ratio = powerOfTenBetween(f, total, t.unit, half);
        if (ratio) {
          // A difference in 元 between a slipped unit and the amount means nothing to a reader: say the factor.
          emit('error', `成本指标“${f.indicator.name} ${f.indicator.value}”折合 ${format(V, 2)} 元，约为项目金额的${ratio < 0 ? '' : '1/'}${10 ** Math.abs(ratio)}${ratio < 0 ? '倍' : ''}——单位写错了${opNote}`, `the cost figure is ${ratio < 0 ? '' : '1/'}${10 ** Math.abs(ratio)}× the amount: a unit error${opNoteEn}`, single, V, `${10 ** Math.abs(ratio)} 倍（单位写错）`, `${f.op}${f.amount.raw}${t.unit}`);
          continue;
        }
        if (cmp(V, A) < 0) {
          if (floorOp) emit('warning', `成本指标“${f.indicator.name} ${f.indicator.value}”低于项目金额${opNote}`, `the cost figure is below the amount${opNoteEn}`, single, V);
          else emit('error', `成本上限“${f.indicator.name} ${f.indicator.value}”低于项目金额，自相矛盾（差 ${format(sub(V, A), 0)} 元）`, `the cost ceiling is below the project amount (difference ${format(sub(V, A), 0)} 元)`, single, V);
        } else {
          emit('warning', `成本指标“${f.indicator.name} ${f.indicator.value}”高于项目金额（差 ${format(sub(V, A), 0)} 元）${opNote}`, `the cost figure is above the project amount${opNoteEn}`, single, V);
        }
      }
    }
    return out;
  },
});

/**
 * k when the figure times 10^k equals the amount within both rounding envelopes (k in ±1…±8): the
 * unit was written wrong. 15.93 元 against 15.9 万元 is k = 4.
 */
function powerOfTenBetween(f: CostFigure, total: NonNullable<ReturnType<typeof parseAmount>>, unit: MoneyUnit, extra?: Dec): number {
  const V = toDec(f.amount, f.unit, '元');
  const hV = halfUlp(f.amount, f.unit, '元');
  const A = toDec(total, unit, '元');
  let hA = halfUlp(total, unit, '元');
  if (extra && cmp(extra, hA) > 0) hA = extra;
  if (V.u === 0 || A.u === 0) return 0;
  for (const k of [4, -4, 1, -1, 2, -2, 3, -3, 5, -5, 6, -6, 7, -7, 8, -8]) {
    const diff = sub(shift(V, k), A);
    const abs = diff.u < 0 ? { u: -diff.u, e: diff.e } : diff;
    const room = add(shift(hV, k), hA);
    if (cmp(abs, room) < 0 || abs.u === 0) return k;
  }
  void UNIT_EXPONENT;
  return 0;
}
