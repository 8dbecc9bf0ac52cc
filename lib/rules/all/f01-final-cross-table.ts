import { ledgerRow, table, totalRow } from '../lookup';
import { cellTerm, compareSum, decOf, note, cellEvidence, type Term } from '../terms';
import { cmp, sub, add, format } from '../../money/decimal';
import { defineRule, type Finding } from '../types';
import { tableLabel } from '../../recognize/document';
import type { Table } from '../../recognize/model';

function led(t: Table | undefined, key: string, col: string, label: string): Term | undefined {
  const r = t ? ledgerRow(t, key) : undefined;
  return t && r ? cellTerm(t, r, col, `${tableLabel(t)}${label}`) : undefined;
}

function tot(t: Table | undefined, col: string, label: string): Term | undefined {
  const r = t ? totalRow(t) : undefined;
  return t && r ? cellTerm(t, r, col, `${tableLabel(t)}${label}`) : undefined;
}

export default defineRule({
  id: 'F01',
  relation: '决算 cross-table',
  title: { zh: '决算各表之间的同一数字一致', en: 'Final-account tables agree with each other' },
  problem: { zh: '决算各表之间的同一数字不一致', en: 'The same figure differs between final-accounts tables' },
  explain: {
    zh: '九张决算表是同一本账的不同切面：收入支出决算总表的本年收入合计等于收入决算表合计，本年支出合计等于支出决算表合计；财政拨款收入支出决算总表的一般公共预算支出等于一般公共预算财政拨款支出决算表合计；财政拨款只是全部资金的一部分，所以财政拨款表的项目支出不会超过支出决算表的项目支出。全部资金与财政拨款的年初、年末结转之差，还要与非财政拨款的收支对得上。',
    en: 'The nine final-account tables slice one ledger: totals repeat across tables, appropriations never exceed all funds, and the non-appropriated balance carried forward must match non-appropriated income and spending.',
  },
  example: {
    zh: '例：总表本年收入合计 2,946.25 = 收入决算表合计 2,946.25；总表年末 55.34 − 财政拨款年末 21.63 = (年初 49.14 − 21.63) + (收入 2,946.25 − 2,940.05) − (支出 2,940.05 − 2,940.05)。',
    en: 'E.g. 2,946.25 = 2,946.25; 55.34 − 21.63 = (49.14 − 21.63) + (2,946.25 − 2,940.05) − 0.',
  },
  severity: 'error',
  group: 'cross-table',
  appliesTo: ['final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    const f1 = table(doc, 'final.income-expenditure');
    const f2 = table(doc, 'final.income');
    const f3 = table(doc, 'final.expenditure');
    const f4 = table(doc, 'final.fiscal-income-expenditure');
    const f5 = table(doc, 'final.general-public-expenditure');
    const w = { zh: '决算表之间', en: 'Between final-account tables' };
    push(compareSum(ctx, tot(f2, 'income.total', '合计'), [led(f1, 'income.total', 'income.amount', '本年收入合计')], { rule: 'F01', where: w }));
    push(compareSum(ctx, tot(f2, 'fiscal', '财政拨款收入合计'), [led(f1, 'income.gp', 'income.amount', '一般公共预算财政拨款收入'), led(f1, 'income.fund', 'income.amount', '政府性基金预算财政拨款收入'), led(f1, 'income.capital', 'income.amount', '国有资本经营预算财政拨款收入')], { rule: 'F01', where: w }));
    for (const [col, key, label] of [['other', 'income.other', '其他收入'], ['business', 'income.business', '事业收入'], ['upper', 'income.upper', '上级补助收入'], ['operating', 'income.operating', '经营收入'], ['affiliate', 'income.affiliate', '附属单位上缴收入']] as const) {
      push(compareSum(ctx, tot(f2, col, `${label}合计`), [led(f1, key, 'income.amount', label)], { rule: 'F01', where: w }));
    }
    push(compareSum(ctx, tot(f3, 'total', '合计'), [led(f1, 'exp.total', 'exp.amount', '本年支出合计')], { rule: 'F01', where: w }));
    push(compareSum(ctx, led(f4, 'income.total', 'income.amount', '本年收入合计'), [tot(f2, 'fiscal', '财政拨款收入合计')], { rule: 'F01', where: w }));
    const f4spent = led(f4, 'exp.total', 'exp.gp', '本年支出合计（一般公共预算财政拨款）');
    push(compareSum(ctx, tot(f5, 'total', '合计'), [f4spent], { rule: 'F01', where: w }));
    // Appropriated project spending cannot exceed all-funds project spending.
    const p5 = tot(f5, 'project.total', '项目支出');
    const p3 = tot(f3, 'project.total', '项目支出');
    if (p5 && p3 && p5.amount.printed && cmp(decOf(p5, '万元'), decOf(p3, '万元')) > 0) {
      out.push(note('F01', 'error', `${p5.label} ${p5.amount.raw} 超过了全部资金的${p3.label} ${p3.amount.raw}：财政拨款只是全部资金的一部分`, 'Appropriated project spending exceeds all-funds project spending', [...cellEvidence(p5), ...cellEvidence(p3, 'compare')], [p5.amount.raw, p3.amount.raw]));
    }
    // Non-appropriated money: its closing balance = opening + income − spending.
    const a = [led(f1, 'exp.carry', 'exp.amount', '年末结转和结余'), led(f1, 'income.carry', 'income.amount', '年初结转和结余'), led(f1, 'income.total', 'income.amount', '本年收入合计'), led(f1, 'exp.total', 'exp.amount', '本年支出合计')];
    const b = [led(f4, 'exp.carry', 'exp.total', '年末财政拨款结转和结余'), led(f4, 'income.carry', 'income.amount', '年初财政拨款结转和结余'), led(f4, 'income.total', 'income.amount', '本年收入合计'), led(f4, 'exp.total', 'exp.total', '本年支出合计')];
    if (f1 && f4 && a.every(Boolean)) {
      const zero = (t: Term | undefined): Term => t ?? { amount: { units: 0, decimals: 0, raw: '', printed: false }, unit: '万元', label: '（空）' };
      const [c1, o1, i1, s1] = a as [Term, Term, Term, Term];
      const [c4, o4, i4, s4] = b.map(zero);
      const lhs = sub(decOf(c1, '万元'), decOf(c4!, '万元'));
      const rhs = sub(add(sub(decOf(o1, '万元'), decOf(o4!, '万元')), sub(decOf(i1, '万元'), decOf(i4!, '万元'))), sub(decOf(s1, '万元'), decOf(s4!, '万元')));
      const diff = sub(lhs, rhs);
      const terms = [c1, c4!, o1, o4!, i1, i4!, s1, s4!].filter((t) => t.amount.printed).length;
      const envelope = { u: 5 * terms, e: -3 };
      const absd = diff.u < 0 ? { u: -diff.u, e: diff.e } : diff;
      if (cmp(absd, { u: 0, e: 0 }) === 0) ctx.pass('F01', [c1, c4!, o1, o4!, i1, i4!, s1, s4!].map((t) => t.cell).filter((c): c is NonNullable<typeof c> => !!c));
      else {
        const sev = ctx.policy !== 'strict' && cmp(absd, envelope) <= 0 ? 'info' : 'error';
        out.push(note('F01', sev, `非财政拨款资金对不上：年末结转之差 ${format(lhs, 2)}（${c1.amount.raw} − ${c4!.amount.raw || '0'}）应等于年初之差 + 收入之差 − 支出之差 = ${format(rhs, 2)}（差 ${format(diff, 2)}）`, `Non-appropriated balance does not reconcile (difference ${format(diff, 2)})`, [...cellEvidence(c1), ...cellEvidence(c4!, 'compare')], [c1.amount.raw, c4!.amount.raw], { expected: format(rhs, 2), difference: format(diff, 2) }));
      }
    }
    return out;
  },
});
