import { functionClassName } from '../../codes/functional';
import { tables } from '../lookup';
import { note } from '../terms';
import { defineRule, type Finding } from '../types';
import { tableLabel } from '../../recognize/document';

export default defineRule({
  id: 'R30b',
  relation: 'R30',
  title: { zh: '功能分类名称前后一致、用现行名称', en: 'Function names are current and consistent' },
  problem: { zh: '功能分类用了旧名称或前后不一', en: 'A function name is outdated or inconsistent' },
  explain: {
    zh: '功能分类的名称会随年度调整，例如“医疗卫生与计划生育支出”已改为“卫生健康支出”（210 类）。模板里可能同时留着新旧两行；数字应填在现行名称那一行，并与收支总表使用的名称一致。',
    en: 'Function class names change over the years (医疗卫生与计划生育 → 卫生健康, class 210). Templates may keep both rows; the figure belongs on the current one, as in the summary table.',
  },
  example: { zh: '例：收支总表“十、卫生健康 21.25”，财政拨款收支表却把 21.25 填在“（九）医疗卫生与计划生育支出”，“（十）卫生健康支出”为空。', en: 'E.g. 21.25 on the outdated row while the current row is blank.' },
  severity: 'error',
  scope: 'document',
  group: 'completeness',
  appliesTo: ['budget', 'final-accounts'],
  check(doc) {
    const out: Finding[] = [];
    for (const t of tables(doc, 'fiscal-income-expenditure', 'income-expenditure', 'final.income-expenditure', 'final.fiscal-income-expenditure')) {
      for (const r of t.rows) {
        if (!r.legacyLabel) continue;
        const v = Object.values(r.values).find((c) => c.amount?.printed && c.amount.units !== 0);
        if (!v) continue;
        const current = functionClassName(r.code!) ?? '';
        const ev = [{ kind: 'cell' as const, cell: r.labelCell ?? v, role: 'printed' as const, label: r.label, table: t }, { kind: 'cell' as const, cell: v, role: 'printed' as const, label: r.label, table: t }];
        out.push(note('R30b', 'error', `${tableLabel(t)}把 ${v.text} 填在了旧名称“${r.label}”下，现行名称为“${current}”（${r.code} 类）`, `${tableLabel(t)}: ${v.text} sits on the outdated row "${r.label}"; the current name is "${current}"`, ev, [v.text]));
      }
    }
    return out;
  },
});
