import { ledgerRow, table } from '../lookup';
import { cellTerm, compareSum, note, tableEvidence, where } from '../terms';
import { defineRule, type Finding } from '../types';
import type { Row, Table } from '../../recognize/model';
import { toDec } from '../../money/amount';
import { cmp } from '../../money/decimal';

function rowKey(r: Row): string {
  if (r.kind === 'total') return 'total';
  if (r.kind === 'unit') return `unit:${r.code}`;
  return `${r.kind}:${r.code ?? r.label}`;
}

/** All income is general-budget money and nothing is carried over: the two tables must be identical. */
export function allGeneralBudget(t1: Table | undefined): boolean {
  if (!t1) return false;
  const total = ledgerRow(t1, 'income.total')?.values['income.amount']?.amount;
  const gp = ledgerRow(t1, 'income.gp')?.values['income.amount']?.amount;
  const carry = ledgerRow(t1, 'income.carry')?.values['income.amount']?.amount;
  if (!total || !gp || !total.printed) return false;
  return cmp(toDec(total), toDec(gp)) === 0 && (!carry || carry.units === 0);
}

export default defineRule({
  id: 'R13',
  relation: 'R13',
  title: { zh: '全部为一般公共预算时，两张支出表逐行相同', en: 'Expenditure and general-budget tables match row by row' },
  problem: { zh: '两张支出表本应逐行相同却不同', en: 'Two expenditure tables that should be identical differ' },
  explain: {
    zh: '部门支出预算表包含所有资金，一般公共预算支出预算表只含一般公共预算资金。当部门的收入全部来自一般公共预算（收支总表里本年收入合计 = 一般公共预算）时，这两张表应逐行逐列完全相同。',
    en: 'When all income is general-budget money, the expenditure table and the general-budget expenditure table must be identical, row by row.',
  },
  example: { zh: '例：收入 1070.00 全部是一般公共预算，则两张表的「行政运行」都应是 433.90。', en: 'E.g. both tables show 433.90 on 行政运行.' },
  severity: 'error',
  group: 'cross-table',
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const t3 = table(doc, 'expenditure');
    const t5 = table(doc, 'general-public-expenditure');
    if (!t3 || !t5 || !allGeneralBudget(table(doc, 'income-expenditure'))) return out;
    const rows3 = new Map(t3.rows.map((r) => [rowKey(r), r]));
    for (const r5 of t5.rows) {
      const r3 = rows3.get(rowKey(r5));
      if (!r3) {
        if (r5.kind === 'function') out.push(note('R13', 'error', `${where(t5, r5).zh}：${t3.title || '部门支出预算表'}中没有对应的 ${r5.code} 行`, `${where(t5, r5).en}: no matching row ${r5.code} in the expenditure table`, [tableEvidence(t5)]));
        continue;
      }
      for (const key of Object.keys(r5.values)) {
        if (!t3.columns.some((c) => c.key === key)) continue;
        const f = compareSum(ctx, cellTerm(t5, r5, key), [cellTerm(t3, r3, key, `${t3.title || '部门支出预算表'}同一格`)], { rule: 'R13', where: where(t5, r5) });
        if (f) out.push(f);
      }
    }
    return out;
  },
});
