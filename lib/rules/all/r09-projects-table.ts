import { tables, totalRow, unitRows } from '../lookup';
import { cellTerm, compareSum, where } from '../terms';
import { defineRule, type Finding } from '../types';

const PARTS = ['cur.gp', 'cur.fund', 'cur.capital', 'carry.gp', 'carry.fund', 'carry.capital', 'special', 'unitFunds'];

export default defineRule({
  id: 'R09',
  relation: 'R9',
  title: { zh: '项目支出表：各项目相加、资金来源相加', en: 'Project table adds up' },
  problem: { zh: '项目支出表加起来不对', en: 'The project table does not add up' },
  explain: {
    zh: '项目支出预算表逐个列出项目。合计行 = 全部项目之和，单位行 = 其下项目之和；每个项目的合计 = 本年拨款（一般公共预算、政府性基金、国有资本经营）+ 结转结余 + 财政专户管理资金 + 单位资金。',
    en: 'Each project listed. The total row = sum of projects, a unit row = its projects; each project\'s total = appropriations + carry-over + special account + own funds.',
  },
  example: { zh: '例：合计 507.37 = 80.00 + 30.00 + 196.73 + 15.93 + 17.12 + 9.80 + 42.56 + 46.36 + 7.38 + 61.49。', en: 'E.g. 507.37 = sum of the ten projects.' },
  severity: 'error',
  group: 'arithmetic',
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    for (const t of tables(doc, 'projects')) {
      for (const r of t.rows) push(compareSum(ctx, cellTerm(t, r, 'total'), PARTS.map((k) => cellTerm(t, r, k)), { rule: 'R09', where: where(t, r) }));
      const projects = t.projects ?? [];
      const total = totalRow(t);
      const moneyKeys = ['total', ...PARTS];
      if (total && projects.length) {
        for (const key of moneyKeys) push(compareSum(ctx, cellTerm(t, total, key), projects.map((p) => cellTerm(t, p.row, key, p.name)), { rule: 'R09', where: where(t, total) }));
      }
      for (const u of unitRows(t)) {
        const mine = projects.filter((p) => p.unitCode && u.code && p.unitCode.startsWith(u.code));
        if (mine.length) push(compareSum(ctx, cellTerm(t, u, 'total'), mine.map((p) => cellTerm(t, p.row, 'total', p.name)), { rule: 'R09', where: where(t, u) }));
      }
    }
    return out;
  },
});
