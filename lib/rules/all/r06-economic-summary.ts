import { table, tables, totalRow } from '../lookup';
import { cellTerm, compareSum, where } from '../terms';
import { defineRule, type Finding } from '../types';

const SOURCES = ['gp', 'fund', 'capital', 'carry', 'special', 'business', 'upper', 'affiliate', 'operating', 'other'];

export default defineRule({
  id: 'R06',
  relation: 'R6',
  title: { zh: '支出经济分类汇总表：来源相加、科目相加', en: 'Economic summary adds up' },
  problem: { zh: '支出经济分类汇总表加起来不对', en: 'The economic-class summary does not add up' },
  explain: {
    zh: '支出经济分类汇总表把全部支出（基本和项目）按经济科目汇总，并列出资金来源。每行总计 = 各资金来源之和（“其中：财政拨款”不另加）；合计行 = 各科目之和，并应等于部门支出预算表的合计。',
    en: 'All spending by economic code with its funding sources. Each row\'s total = sum of sources ("of which" columns excluded); the total row = sum of items = the expenditure table\'s total.',
  },
  example: { zh: '例：合计 969.06 = 25 个经济科目之和，且等于部门支出预算表合计 969.06。', en: 'E.g. 969.06 = sum of 25 items = expenditure table total.' },
  severity: 'error',
  group: 'arithmetic',
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    for (const t of tables(doc, 'economic-summary')) {
      for (const r of t.rows) push(compareSum(ctx, cellTerm(t, r, 'total'), SOURCES.map((k) => cellTerm(t, r, k)), { rule: 'R06', where: where(t, r) }));
      const total = totalRow(t);
      const items = t.rows.filter((r) => r.kind === 'economic' && r.code && r.code.length === 5);
      if (total) {
        for (const key of ['total', ...SOURCES, 'gp.fiscal']) {
          if (items.length) push(compareSum(ctx, cellTerm(t, total, key), items.map((r) => cellTerm(t, r, key)), { rule: 'R06', where: where(t, total) }));
        }
        const exp = table(doc, 'expenditure');
        const expTotal = exp ? totalRow(exp) : undefined;
        if (exp && expTotal) push(compareSum(ctx, cellTerm(t, total, 'total', `${t.title || '支出经济分类汇总表'}合计`), [cellTerm(exp, expTotal, 'total', `${exp.title || '部门支出预算表'}合计`)], { rule: 'R06', where: where(t), relation: { zh: '经济分类汇总的合计应等于部门支出预算表合计', en: 'the economic summary total must equal the expenditure table total' } }));
      }
    }
    return out;
  },
});
