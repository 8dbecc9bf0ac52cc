import { ledgerRow, table, totalRow } from '../lookup';
import { cellTerm, compareSum, type Term } from '../terms';
import { defineRule, type Finding } from '../types';
import { tableLabel } from '../../recognize/document';

export default defineRule({
  id: 'R16',
  relation: 'R16',
  title: { zh: '总数在各表一致', en: 'The grand total agrees across tables' },
  problem: { zh: '总数在各表不一致', en: 'Totals differ between tables' },
  explain: {
    zh: '部门的收入总计、本年支出合计在多张表里都会出现：收支总表、收入表、支出表、经济分类汇总表、整体绩效目标表的部门预算总额。同一个数在不同表里必须相同。',
    en: 'The department\'s totals appear in several tables (summary, income, expenditure, economic summary, performance block). The same figure must be the same everywhere.',
  },
  example: { zh: '例：收支总表收入总计 969.06 = 收入表总计 969.06 = 支出表合计 969.06 = 部门预算总额 969.06。', en: 'E.g. 969.06 everywhere.' },
  severity: 'error',
  group: 'cross-table',
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    const t1 = table(doc, 'income-expenditure');
    const grand = t1 ? (() => { const r = ledgerRow(t1, 'income.grand'); return r ? cellTerm(t1, r, 'income.amount', `${tableLabel(t1)}收入总计`) : undefined; })() : undefined;
    const spent = t1 ? (() => { const r = ledgerRow(t1, 'exp.total'); return r ? cellTerm(t1, r, 'exp.amount', `${tableLabel(t1)}本年支出合计`) : undefined; })() : undefined;
    const t2 = table(doc, 'income');
    const t3 = table(doc, 'expenditure');
    const t13 = table(doc, 'overall-performance');
    const row = (t: typeof t2, key: string, label: string): Term | undefined => {
      const r = t ? totalRow(t) : undefined;
      return t && r ? cellTerm(t, r, key, `${tableLabel(t)}${label}`) : undefined;
    };
    const w = { zh: '部门总数', en: 'Department totals' };
    if (grand) {
      push(compareSum(ctx, row(t2, 'grandTotal', '总计'), [grand], { rule: 'R16', where: w }));
      if (t13?.rows[0]) push(compareSum(ctx, cellTerm(t13, t13.rows[0], 'total', `${tableLabel(t13)}部门预算总额`), [grand], { rule: 'R16', where: w }));
    }
    // 支出经济分类汇总表 against the expenditure table is R06's.
    if (spent) push(compareSum(ctx, row(t3, 'total', '合计'), [spent], { rule: 'R16', where: w }));
    return out;
  },
});
