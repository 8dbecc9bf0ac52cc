import { ledgerRow, tables, unreadLedgerRows } from '../lookup';
import { cellTerm, compareSum, decOf, note, cellEvidence, where, withRequired, type Term } from '../terms';
import { cmp } from '../../money/decimal';
import { defineRule, type Finding } from '../types';

const EXP_COLS = ['exp.total', 'exp.gp', 'exp.gp.fiscal', 'exp.fund', 'exp.capital', 'exp.amount'];

export default defineRule({
  id: 'R04',
  relation: 'R4',
  title: { zh: '财政拨款收支表：三类拨款与支出自洽', en: 'Fiscal appropriation table adds up' },
  problem: { zh: '财政拨款收支表加起来不对', en: 'The appropriations table does not add up' },
  explain: {
    zh: '财政拨款收支表只含财政拨给部门的钱。本年收入 = 一般公共预算拨款 + 政府性基金拨款 + 国有资本经营拨款；每一支出行的合计 = 三类拨款之和；本年支出 = 各功能支出之和；支出合计 = 本年支出 + 年终结转结余，且等于收入合计。',
    en: 'Only appropriated money. Income = general + fund + state-capital appropriations; each spending row\'s total = its three parts; spending = sum of functions; the totals of both sides are equal.',
  },
  example: { zh: '例：「一般公共服务支出」合计 941.27 = 一般公共预算 941.27 + 政府性基金 0 + 国有资本经营 0。', en: 'E.g. 941.27 = 941.27 + 0 + 0.' },
  severity: 'error',
  group: 'arithmetic',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    for (const t of tables(doc, 'fiscal-income-expenditure', 'final.fiscal-income-expenditure')) {
      const w = where(t);
      const inc = (k: string): Term | undefined => {
        const row = ledgerRow(t, k);
        return row ? cellTerm(t, row, 'income.amount', row.label) : undefined;
      };
      const incomeRead = unreadLedgerRows(t, 'income').length === 0;
      const spendingRead = unreadLedgerRows(t, 'expenditure').length === 0;
      if (incomeRead) push(compareSum(ctx, inc('income.total'), ['income.gp', 'income.fund', 'income.capital'].map(inc), { rule: 'R04', where: w }));
      if (incomeRead) push(compareSum(ctx, inc('income.carry'), ['income.carry.gp', 'income.carry.fund', 'income.carry.capital'].map(inc), { rule: 'R04', where: w }));
      push(compareSum(ctx, inc('income.grand'), withRequired([inc('income.total')], [inc('income.carry')]), { rule: 'R04', where: w }));
      const expRows = t.rows.filter((r) => r.side === 'expenditure');
      const totalCol = t.columns.some((c) => c.key === 'exp.total') ? 'exp.total' : 'exp.amount';
      for (const r of expRows) {
        const rw = where(t, r);
        push(compareSum(ctx, cellTerm(t, r, 'exp.total'), ['exp.gp', 'exp.fund', 'exp.capital'].map((k) => cellTerm(t, r, k)), { rule: 'R04', where: rw }));
        const gp = cellTerm(t, r, 'exp.gp');
        const fiscal = cellTerm(t, r, 'exp.gp.fiscal');
        if (gp && fiscal && fiscal.amount.printed && cmp(decOf(fiscal, t.unit), decOf(gp, t.unit)) > 0) {
          out.push(note('R04', 'error', `${rw.zh}：其中财政拨款 ${fiscal.amount.raw} 大于一般公共预算小计 ${gp.amount.raw}`, `${rw.en}: of which appropriation exceeds the general budget subtotal`, [...cellEvidence(fiscal), ...cellEvidence(gp, 'compare')], [fiscal.amount.raw, gp.amount.raw]));
        }
      }
      const fnRows = expRows.filter((r) => r.key?.startsWith('fn:'));
      const yearRow = ledgerRow(t, 'exp.total');
      const grandRow = ledgerRow(t, 'exp.grand');
      const carryRow = ledgerRow(t, 'exp.carry');
      for (const col of EXP_COLS) {
        if (yearRow && spendingRead) push(compareSum(ctx, cellTerm(t, yearRow, col), fnRows.map((r) => cellTerm(t, r, col)), { rule: 'R04', where: where(t, yearRow) }));
        if (grandRow) push(compareSum(ctx, cellTerm(t, grandRow, col), withRequired([cellTerm(t, yearRow, col)], [cellTerm(t, carryRow, col)]), { rule: 'R04', where: where(t, grandRow) }));
      }
      if (grandRow) push(compareSum(ctx, inc('income.grand'), [cellTerm(t, grandRow, totalCol, grandRow.label)], { rule: 'R04', where: w, relation: { zh: '收入合计必须等于支出合计', en: 'income and spending totals must be equal' } }));
    }
    return out;
  },
});

