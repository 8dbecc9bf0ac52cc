import { tables } from '../lookup';
import { cellTerm, compareSum, where } from '../terms';
import { defineRule, type Finding } from '../types';

export default defineRule({
  id: 'R11',
  relation: 'R11',
  title: { zh: '项目绩效目标表：部门 = 单位之和 = 项目之和', en: 'Project performance table adds up' },
  problem: { zh: '项目绩效目标表的部门、单位与项目金额不一致', en: 'Department, unit and project amounts disagree in the performance table' },
  explain: {
    zh: '项目绩效目标表先列部门行、单位行，再列项目。部门行 = 其下单位之和 = 其下项目之和；每个项目的资金总额 = 政府预算资金 + 财政专户管理资金 + 单位资金。',
    en: 'Department row = its units = its projects; each project\'s total = government funds + special account + own funds.',
  },
  example: { zh: '例：部门行 507.4 = 单位行 507.4 = 十个项目金额之和 507.4。', en: 'E.g. 507.4 = 507.4 = sum of ten projects.' },
  severity: 'error',
  group: 'arithmetic',
  appliesTo: ['budget', 'performance-targets'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    for (const t of tables(doc, 'project-performance')) {
      const projects = t.projects ?? [];
      for (const p of projects) push(compareSum(ctx, cellTerm(t, p.row, 'total', `${p.name}·资金总额`), [cellTerm(t, p.row, 'gov'), cellTerm(t, p.row, 'special'), cellTerm(t, p.row, 'unitFunds')], { rule: 'R11', where: where(t, p.row) }));
      const units = t.rows.filter((r) => r.kind === 'unit' && r.code);
      for (const u of units) {
        const w = where(t, u);
        const kids = units.filter((k) => k !== u && k.code!.length > u.code!.length && k.code!.startsWith(u.code!));
        if (kids.length) push(compareSum(ctx, cellTerm(t, u, 'total'), kids.map((k) => cellTerm(t, k, 'total')), { rule: 'R11', where: w }));
        const mine = projects.filter((p) => p.unitCode === u.code || (p.unitCode?.startsWith(u.code!) ?? false));
        if (mine.length) push(compareSum(ctx, cellTerm(t, u, 'total'), mine.map((p) => cellTerm(t, p.row, 'total', p.name)), { rule: 'R11', where: w }));
      }
    }
    return out;
  },
});
