import { cmp } from '../../money/decimal';
import { toDec } from '../../money/amount';
import { note } from '../terms';
import { defineRule, type Finding } from '../types';

const WORD = { greater: '大于', less: '小于', equal: '等于（持平）' } as const;

export default defineRule({
  id: 'F02',
  relation: '决算 narrative: 决算数 vs 预算数',
  title: { zh: '“大于/小于/持平”与决算数、预算数相符', en: 'Above/below-budget wording matches the figures' },
  problem: { zh: '“大于/小于/持平”与决算数、预算数不符', en: '"Greater/less/equal" contradicts the figures' },
  explain: {
    zh: '决算说明对每一项写“年初预算为 B 万元，支出决算为 A 万元”，再说“决算数小于预算数”或“基本持平”。这个判断词必须与两个数字的大小关系一致。',
    en: 'Each item states the budget B and the actual A, then says whether actual is above, below or equal to budget: the word must match the numbers.',
  },
  example: { zh: '例：年初预算 1560.05，决算 1511.89，应写“决算数小于预算数”。', en: 'E.g. 1511.89 < 1560.05: "below budget".' },
  severity: 'error',
  group: 'narrative',
  appliesTo: ['final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    for (const c of doc.claims) {
      if (!c.comparison || !c.value || !c.budget) continue;
      const r = cmp(toDec(c.value), toDec(c.budget));
      const actual = r > 0 ? 'greater' : r < 0 ? 'less' : 'equal';
      if (actual === c.comparison) {
        ctx.pass('F02', []);
        continue;
      }
      out.push(note('F02', 'error', `说明称${c.label}决算数${WORD[c.comparison]}预算数，但决算 ${c.value.raw} ${WORD[actual]}预算 ${c.budget.raw}`, `The text says actual is ${c.comparison} than budget, but ${c.value.raw} vs ${c.budget.raw}`, [{ kind: 'claim', claim: c, role: 'printed', label: c.label }], [c.value.raw, c.budget.raw]));
    }
    return out;
  },
});
