import { table, totalRow } from '../lookup';
import { cellTerm, compareSum, note, tableEvidence, type Term } from '../terms';
import { defineRule, type Finding } from '../types';
import { tableLabel } from '../../recognize/document';
import type { Table } from '../../recognize/model';

function projectTotal(t: Table): Term | undefined {
  const total = totalRow(t);
  if (total) return cellTerm(t, total, 'total', `${tableLabel(t)}合计`);
  return undefined;
}

function departmentRow(t: Table): Term | undefined {
  const dept = t.rows.find((r) => r.kind === 'unit' && r.code && r.code.length === 3) ?? t.rows.find((r) => r.kind === 'unit');
  return dept ? cellTerm(t, dept, 'total', `${tableLabel(t)}部门行`) : undefined;
}

export default defineRule({
  id: 'R15',
  relation: 'R15',
  title: { zh: '项目支出在各表一致', en: 'Project spending agrees across tables' },
  problem: { zh: '项目支出在各表不一致', en: 'Project spending differs between tables' },
  explain: {
    zh: '项目支出在支出表里是一列，在项目支出预算表里是各项目之和，在绩效目标表里又出现一次。这些数必须相同；支出表的“其他运转类”“特定目标类”两列应分别等于项目支出预算表里对应类型项目之和。',
    en: 'Project spending appears in the expenditure table, as the sum of the project table, and in the performance tables; all must agree, and the two project-type columns must equal the projects of each type.',
  },
  example: { zh: '例：支出表项目支出 507.37 = 项目支出预算表合计 507.37 = 整体绩效目标表项目支出 507.4（四舍五入到 0.1）。', en: 'E.g. 507.37 = 507.37 = 507.4 (rounded to 0.1).' },
  severity: 'error',
  group: 'cross-table',
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    const exp = table(doc, 'expenditure', 'general-public-expenditure');
    const et = exp ? totalRow(exp) : undefined;
    const ref = exp && et ? cellTerm(exp, et, 'project.total', `${tableLabel(exp)}项目支出`) : undefined;
    const projects = table(doc, 'projects');
    const perf = table(doc, 'project-performance');
    const overall = table(doc, 'overall-performance');
    const others: (Term | undefined)[] = [
      projects ? projectTotal(projects) : undefined,
      perf ? departmentRow(perf) : undefined,
      // The overall-performance block speaks for the department only when it names its 部门预算总额; a bare
      // 资金总额 may cover part of it (the unit itself, appropriations only).
      overall?.rows[0] && overall.rows[0].values['total'] ? cellTerm(overall, overall.rows[0], 'struct.project', `${tableLabel(overall)}项目支出`) : undefined,
    ];
    const base = ref ?? others.find(Boolean);
    for (const o of others) {
      if (!o || !base || o === base) continue;
      push(compareSum(ctx, o, [base], { rule: 'R15', where: { zh: '项目支出', en: 'Project spending' } }));
    }
    // By type: 其他运转类 / 特定目标类 columns against the projects of each type.
    if (exp && et && projects?.projects?.length) {
      const typed = projects.projects.filter((p) => p.type);
      if (typed.length === 0 && projects.columns.some((c) => c.key === 'type')) {
        out.push(note('R15', 'info', `${tableLabel(projects)}的“类型”列全部为空，无法核对其他运转类、特定目标类两列`, 'The project type column is blank: the split by type cannot be checked', [tableEvidence(projects)]));
      }
      if (typed.length === projects.projects.length) {
        for (const [key, word] of [['project.operating', '运转类'], ['project.specific', '特定目标类']] as const) {
          const col = cellTerm(exp, et, key, `${tableLabel(exp)}${word === '运转类' ? '其他运转类' : '特定目标类'}`);
          if (!col) continue;
          const mine = typed.filter((p) => p.type!.includes(word));
          push(compareSum(ctx, col, mine.length ? mine.map((p) => cellTerm(projects, p.row, 'total', p.name)) : [{ amount: { units: 0, decimals: 0, raw: '', printed: false }, unit: projects.unit, label: `${word}项目（无）` }], { rule: 'R15', where: { zh: `项目支出（${word}）`, en: `Project spending (${word})` } }));
        }
      }
    }
    return out;
  },
});
