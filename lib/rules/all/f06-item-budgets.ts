import { toDec } from '../../money/amount';
import { claims } from '../lookup';
import { compareSum } from '../terms';
import { defineRule, type Finding } from '../types';

export default defineRule({
  id: 'F06',
  relation: '决算 narrative: item budgets add up',
  title: { zh: '逐项说明的预算数、决算数加总等于总数', en: 'Item budgets and actuals add up to the totals' },
  problem: { zh: '逐项的预算数、决算数加起来不等于总数', en: 'Item budgets or actuals do not add up to the total' },
  explain: {
    zh: '说明先给出一般公共预算财政拨款支出的年初预算总数和决算总数，再逐项列出每个科目的预算数和决算数。各项相加应等于总数（允许分别四舍五入造成的几分钱差）。',
    en: 'The item-by-item budgets and actuals must add up to the overall figures stated before them.',
  },
  example: { zh: '例：11 项年初预算之和 2,993.93，总数 2,993.92：分项四舍五入造成的 0.01 差额。', en: 'E.g. 2,993.93 vs 2,993.92: rounding of 11 items.' },
  severity: 'error',
  group: 'narrative',
  appliesTo: ['final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const exec = claims(doc, 'gp.exec')[0];
    const items = claims(doc, 'gp.item');
    if (!exec || items.length < 2) return out;
    const term = (a: NonNullable<typeof exec.value>, label: string, c: typeof exec) => ({ amount: a, unit: c.unit ?? ('万元' as const), label, claim: c });
    if (exec.budget && items.every((i) => i.budget)) {
      const f = compareSum(ctx, term(exec.budget, '年初预算总数', exec), items.map((i) => term(i.budget!, `${i.label}预算`, i)), { rule: 'F06', where: { zh: '一般公共预算财政拨款支出逐项说明', en: 'Item-by-item explanation' }, relation: { zh: '各项年初预算之和应等于年初预算总数', en: 'item budgets must add up to the total budget' } });
      if (f) out.push(f);
    }
    if (exec.value && items.every((i) => i.value)) {
      const f = compareSum(ctx, term(exec.value, '决算总数', exec), items.map((i) => term(i.value!, `${i.label}决算`, i)), { rule: 'F06', where: { zh: '一般公共预算财政拨款支出逐项说明', en: 'Item-by-item explanation' }, relation: { zh: '各项决算数之和应等于决算总数', en: 'item actuals must add up to the total' } });
      if (f) out.push(f);
    }
    void toDec;
    return out;
  },
});
