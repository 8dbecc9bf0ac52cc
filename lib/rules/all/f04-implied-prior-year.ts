import { toDec } from '../../money/amount';
import { add, cmp, format, sub, type Dec } from '../../money/decimal';
import { claim, ledgerRow, table } from '../lookup';
import { note } from '../terms';
import { defineRule, type Finding } from '../types';
import type { Claim } from '../../recognize/model';

function prior(c: Claim): Dec | undefined {
  if (!c.value || !c.change) return undefined;
  const now = toDec(c.value);
  if (c.change.direction === 'flat') return now;
  if (!c.change.amount) return undefined;
  const d = toDec(c.change.amount);
  return c.change.direction === 'increase' ? sub(now, d) : add(now, d);
}

export default defineRule({
  id: 'F04',
  relation: '决算 narrative: year-on-year consistency',
  title: { zh: '同比说法与说明自己给出的上年数一致', en: 'Year-on-year statements agree with each other' },
  problem: { zh: '同比说法与说明自己给出的上年数矛盾', en: 'A year-on-year statement contradicts the implied prior year' },
  explain: {
    zh: '财政拨款收入支出总计包含一般公共预算财政拨款支出，所以上年的财政拨款总计不会小于上年的一般公共预算财政拨款支出。说明里的“增加/减少 A 万元”可以推出上年数；如果一处说“持平”，另一处推出的上年数却更大，两句话不可能同时成立。',
    en: 'Last year\'s appropriation total cannot be below last year\'s general-budget spending; the changes the text states imply last year\'s figures, and the statements must be compatible.',
  },
  example: { zh: '例：说明称财政拨款收入支出总计与上年“持平”（2961.68），但又称一般公共预算财政拨款支出比上年减少 63.14（上年 3003.19）——上年总计至少 3003.19，所以总计实际减少了。', en: 'E.g. "unchanged" vs an implied decrease of at least 41.51.' },
  severity: 'error',
  group: 'narrative',
  appliesTo: ['final-accounts'],
  check(doc) {
    const out: Finding[] = [];
    const fiscal = claim(doc, 'fiscal.grand');
    const gp = doc.claims.find((c) => c.key === 'gp.exp' && c.change);
    if (!fiscal?.change || !gp || !fiscal.value) return out;
    // The printed total may itself be wrong (a typo); this year's total comes from the table when there is one.
    const f4 = table(doc, 'final.fiscal-income-expenditure');
    const tableTotal = f4 ? ledgerRow(f4, 'income.grand')?.values['income.amount']?.amount : undefined;
    const base: Claim = tableTotal?.printed ? { ...fiscal, value: tableTotal } : fiscal;
    const pf = prior(base);
    const pg = prior(gp);
    if (!pf || !pg) return out;
    if (cmp(pg, pf) <= 0) return out;
    // Printed now, the fiscal total may itself be wrong; use the larger of it and this year's spending.
    const now = toDec(fiscal.value);
    const gap = sub(pg, pf);
    const word = fiscal.change.direction === 'flat' ? '持平' : fiscal.change.direction === 'increase' ? `增加 ${fiscal.change.amount?.raw ?? ''} 万元` : `减少 ${fiscal.change.amount?.raw ?? ''} 万元`;
    out.push(note('F04', 'error',
      `说明称财政拨款收入支出总计与上年相比${word}（本年 ${base.value!.raw}，推得上年 ${format(pf, 2)}），但又称一般公共预算财政拨款支出${gp.change!.direction === 'decrease' ? '减少' : '增加'} ${gp.change!.amount?.raw ?? ''} 万元（推得上年 ${format(pg, 2)}）；上年财政拨款总计不可能小于上年一般公共预算财政拨款支出，至少相差 ${format(gap, 2)} 万元`,
      `The stated changes are incompatible: last year's appropriation total (${format(pf, 2)}) would be below last year's general-budget spending (${format(pg, 2)})`,
      [{ kind: 'claim', claim: fiscal, role: 'printed', label: fiscal.label }, { kind: 'claim', claim: gp, role: 'compare', label: gp.label }],
      [fiscal.value.raw, gp.change!.amount?.raw ?? ''].filter(Boolean),
      { expected: `≥ ${format(pg, 2)}`, difference: format(sub(pf, pg), 2) }));
    void now;
    return out;
  },
});
