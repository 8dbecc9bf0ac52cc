import { tables } from '../lookup';
import { cellTerm, compareSum, where } from '../terms';
import { defineRule, type Finding } from '../types';

export default defineRule({
  id: 'R10',
  relation: 'R10',
  title: { zh: '整体绩效目标表：预算总额 = 资金来源 = 资金结构', en: 'Overall performance block adds up' },
  problem: { zh: '整体绩效目标表的预算总额、来源与结构不一致', en: 'The overall-performance budget, sources and structure disagree' },
  explain: {
    zh: '整体绩效目标表的“预算情况”把部门预算总额拆了两遍：按资金来源（政府预算资金 + 财政专户管理资金 + 单位资金）和按资金结构（基本支出 + 项目支出）。两种拆法都必须加回总额。',
    en: 'The budget block splits the total twice: by source (government + special account + own funds) and by structure (basic + project). Both must add back to the total.',
  },
  example: { zh: '例：部门预算总额 1,990.50 = 政府预算资金 1,990.50 = 基本支出 1,803.50 + 项目支出 187.00。', en: 'E.g. 1,990.50 = 1,990.50 = 1,803.50 + 187.00.' },
  severity: 'error',
  group: 'arithmetic',
  appliesTo: ['budget', 'performance-targets'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    for (const t of tables(doc, 'overall-performance')) {
      const r = t.rows[0];
      if (!r) continue;
      const w = where(t);
      const total = cellTerm(t, r, 'total', '部门预算总额');
      push(compareSum(ctx, total, [cellTerm(t, r, 'source.gov', '政府预算资金'), cellTerm(t, r, 'source.special', '财政专户管理资金'), cellTerm(t, r, 'source.unit', '单位资金')], { rule: 'R10', where: w }));
      push(compareSum(ctx, total, [cellTerm(t, r, 'struct.basic', '基本支出'), cellTerm(t, r, 'struct.project', '项目支出')], { rule: 'R10', where: w }));
    }
    return out;
  },
});
