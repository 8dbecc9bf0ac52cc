import { table, totalRow } from '../lookup';
import { cellTerm, compareSum } from '../terms';
import { defineRule, type Finding } from '../types';
import { tableLabel } from '../../recognize/document';

export default defineRule({
  id: 'R14',
  relation: 'R14',
  title: { zh: '支出表的基本支出与基本支出表一致', en: 'Basic spending agrees between tables' },
  problem: { zh: '基本支出与基本支出表不一致', en: 'Basic spending differs from the basic-expenditure table' },
  explain: {
    zh: '一般公共预算支出表里的基本支出，在一般公共预算基本支出表里按经济科目展开。两者合计相等；人员经费 = 工资福利支出 + 对个人和家庭的补助；公用经费 = 商品和服务支出 + 资本性支出。',
    en: 'Basic spending in the expenditure table is itemised in the basic-expenditure table: totals equal; personnel = wages + transfers to households; running costs = goods and services + capital.',
  },
  example: { zh: '例：基本支出 562.63 = 基本支出表合计 562.63；人员经费 510.01 = 506.80 + 3.21；公用经费 52.62 = 43.92 + 8.70。', en: 'E.g. 562.63 = 562.63; 510.01 = 506.80 + 3.21.' },
  severity: 'error',
  group: 'cross-table',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    const pairs = [
      [table(doc, 'general-public-expenditure', 'expenditure'), table(doc, 'general-public-basic')],
      [table(doc, 'final.general-public-expenditure'), table(doc, 'final.general-public-basic')],
    ] as const;
    for (const [exp, basic] of pairs) {
      if (!exp || !basic) continue;
      const et = totalRow(exp);
      const bt = totalRow(basic);
      if (!et || !bt) continue;
      const pRow = basic.rows.find((r) => r.key === 'personnel.total');
      const gRow = basic.rows.find((r) => r.key === 'public.total');
      if (pRow || gRow) {
        // 决算: the table closes with 人员经费合计 | 公用经费合计 and no single total.
        const w = { zh: `${tableLabel(exp)}与${tableLabel(basic)}`, en: `${tableLabel(exp)} vs ${tableLabel(basic)}` };
        push(compareSum(ctx, cellTerm(exp, et, 'basic.total', `${tableLabel(exp)}基本支出`), [cellTerm(basic, pRow, 'total', '人员经费合计'), cellTerm(basic, gRow, 'total', '公用经费合计')], { rule: 'R14', where: w }));
        continue;
      }
      const e = (k: string, label: string) => cellTerm(exp, et, k, `${tableLabel(exp)}${label}`);
      const b = (k: string, label: string) => cellTerm(basic, bt, k, `${tableLabel(basic)}${label}`);
      const w = { zh: `${tableLabel(exp)}与${tableLabel(basic)}`, en: `${tableLabel(exp)} vs ${tableLabel(basic)}` };
      push(compareSum(ctx, b('total', '合计'), [e('basic.total', '基本支出')], { rule: 'R14', where: w }));
      const personnel = exp.columns.some((c) => c.key === 'basic.personnel') ? [e('basic.personnel', '人员经费')] : [e('basic.wages', '工资福利支出'), e('basic.transfers', '对个人和家庭的补助')];
      const pub = exp.columns.some((c) => c.key === 'basic.public') ? [e('basic.public', '公用经费')] : [e('basic.goods', '商品和服务支出'), e('basic.capital', '资本性支出')];
      if (personnel.some(Boolean)) push(compareSum(ctx, b('personnel', '人员经费'), personnel, { rule: 'R14', where: w }));
      if (pub.some(Boolean)) push(compareSum(ctx, b('public', '公用经费'), pub, { rule: 'R14', where: w }));
    }
    return out;
  },
});
