import { childrenByEnumerator, enumeratorLevel, ledgerRow, tables, unreadLedgerRows } from '../lookup';
import { cellTerm, compareSum, decOf, note, cellEvidence, where, withRequired, type Term } from '../terms';
import { cmp } from '../../money/decimal';
import { defineRule, type Finding } from '../types';
import { STRUCTURE_KEYS } from '../../recognize/ledger';
import type { Row, Table } from '../../recognize/model';

const INCOME_PARTS = ['income.gp', 'income.fund', 'income.capital', 'income.special', 'income.business', 'income.operating', 'income.upper', 'income.affiliate', 'income.other', 'income.fiscal', 'income.unitFunds'];

function ledgerTerm(t: Table, key: string, col: string): Term | undefined {
  const row: Row | undefined = ledgerRow(t, key);
  return row ? cellTerm(t, row, col, row.label || key) : undefined;
}

export default defineRule({
  id: 'R01',
  relation: 'R1',
  title: { zh: '收支总表：收入、支出与总计自洽', en: 'Income & expenditure summary adds up' },
  problem: { zh: '收支总表的收入、支出或总计对不上', en: 'The income and expenditure summary does not add up' },
  explain: {
    zh: '收支总表左栏是钱从哪里来，右栏是钱花到哪里。本年收入合计应等于各项收入之和，本年支出合计应等于各功能支出之和；加上结转结余后，收入总计必须等于支出总计——钱不会凭空多出或消失。',
    en: 'The left side lists where the money comes from, the right side where it goes. This year\'s income must equal the sum of its sources, spending the sum of the functions, and with balances carried over, both grand totals must be equal.',
  },
  example: {
    zh: '例：本年收入合计 1070.00 = 一般公共预算 1070.00；本年支出合计 1070.00 = 一般公共服务 941.27 + 社会保障和就业 49.55 + 卫生健康 35.95 + 住房保障 43.23；收入总计 1070.00 = 支出总计 1070.00。',
    en: 'E.g. income 1070.00 = general budget 1070.00; spending 1070.00 = 941.27 + 49.55 + 35.95 + 43.23; both grand totals 1070.00.',
  },
  severity: 'error',
  group: 'arithmetic',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    for (const t of tables(doc, 'income-expenditure', 'final.income-expenditure')) {
      const inc = (k: string) => ledgerTerm(t, k, 'income.amount');
      const exp = (k: string) => ledgerTerm(t, k, 'exp.amount');
      const w = where(t);
      const push = (f: Finding | undefined) => f && out.push(f);
      const incomeRead = unreadLedgerRows(t, 'income').length === 0;
      const spendingRead = unreadLedgerRows(t, 'expenditure').length === 0;
      // Sources printed as a hierarchy (一、财政拨款 › 1.一般公共预算 …; 三、单位资金 › 1.事业收入 …): the total is
      // the sum of the top level, each parent the sum of the items numbered under it.
      const sources = t.rows.filter((r) => r.side === 'income' && INCOME_PARTS.includes(r.key ?? ''));
      const top = Math.min(...sources.map((r) => enumeratorLevel(r.label) || 9));
      const tops = sources.filter((r) => (enumeratorLevel(r.label) || 9) === top);
      const term = (r: Row) => cellTerm(t, r, 'income.amount', r.label);
      const incomeParts = tops.map(term);
      if (incomeRead) push(compareSum(ctx, inc('income.total'), incomeParts, { rule: 'R01', where: w, relation: { zh: '本年收入合计应等于各项收入之和', en: 'income for the year must equal the sum of its sources' } }));
      for (const parent of tops) {
        const kids = childrenByEnumerator(sources, parent);
        if (kids.length) push(compareSum(ctx, term(parent), kids.map(term), { rule: 'R01', where: where(t, parent) }));
      }
      const byFunction = t.rows.filter((r) => r.side === 'expenditure' && r.key?.startsWith('fn:'));
      // A ledger that splits spending by kind (基本支出, 项目支出 …) instead of by function.
      const fnRows = byFunction.length ? byFunction : t.rows.filter((r) => r.side === 'expenditure' && STRUCTURE_KEYS.includes(r.key ?? ''));
      const spendingParts = fnRows.map((r) => cellTerm(t, r, 'exp.amount', r.label));
      if (spendingRead) push(compareSum(ctx, exp('exp.total'), spendingParts, { rule: 'R01', where: w, relation: { zh: '本年支出合计应等于各功能分类支出之和', en: 'spending for the year must equal the sum of the function rows' } }));
      // Without a 本年收入合计 row, the grand total is the sum of every income row (when all were read).
      const incomeYear = inc('income.total') ? [inc('income.total')] : incomeRead && !inc('income.carry.gp') ? incomeParts : [undefined];
      push(compareSum(ctx, inc('income.grand'), withRequired(incomeYear, [inc('income.carry'), inc('income.nonFiscalSurplus'), inc('income.useFund')]), { rule: 'R01', where: w }));
      const spendingYear = exp('exp.total') ? [exp('exp.total')] : spendingRead && fnRows.length ? spendingParts : [undefined];
      push(compareSum(ctx, exp('exp.grand'), withRequired(spendingYear, [exp('exp.carry'), exp('exp.distribution')]), { rule: 'R01', where: w }));
      push(compareSum(ctx, inc('income.grand'), [exp('exp.grand')], { rule: 'R01', where: w, relation: { zh: '收入总计必须等于支出总计', en: 'the two grand totals must be equal' } }));
      const gp = inc('income.gp');
      const fiscal = inc('income.gp.fiscal');
      if (gp && fiscal && fiscal.amount.printed && cmp(decOf(fiscal, t.unit), decOf(gp, t.unit)) > 0) {
        out.push(note('R01', 'error', `${w.zh}：其中财政拨款 ${fiscal.amount.raw} 大于一般公共预算 ${gp.amount.raw}，“其中”项不能超过总数`, `${w.en}: of which appropriation ${fiscal.amount.raw} exceeds the general budget ${gp.amount.raw}`, [...cellEvidence(fiscal), ...cellEvidence(gp, 'compare')], [fiscal.amount.raw, gp.amount.raw]));
      }
    }
    return out;
  },
});
