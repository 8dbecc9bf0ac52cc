import { tables } from '../lookup';
import { cellTerm, compareSum, note, tableEvidence } from '../terms';
import { defineRule, type Finding } from '../types';
import { nameKey } from '../../text/names';
import type { Row, Table } from '../../recognize/model';
import { tableLabel } from '../../recognize/document';

/** Department header rows (3-digit codes) of the project section, with their table. */
function departmentRows(doc: Parameters<typeof tables>[0]): { t: Table; row: Row }[] {
  const out: { t: Table; row: Row }[] = [];
  for (const t of tables(doc, 'project-performance')) {
    for (const r of t.rows) if (r.kind === 'unit' && r.code?.length === 3) out.push({ t, row: r });
  }
  return out;
}

export default defineRule({
  id: 'R32',
  relation: 'R32',
  title: { zh: '绩效目标汇编：每个部门的项目支出前后一致', en: 'Booklet: each department\'s project spending agrees' },
  problem: { zh: '绩效汇编中部门的项目支出前后不一', en: 'A department\'s project spending differs within the booklet' },
  explain: {
    zh: '区级绩效目标汇编先列各部门整体绩效目标表（含项目支出），再列项目绩效目标汇总表（部门行、单位行、项目）。每个部门整体表中的项目支出应等于汇总表中该部门行的金额；有项目的部门应当有整体表，反之亦然；每个项目都应归属于某个部门。',
    en: 'In a performance booklet each department\'s overall table states its project spending, which must equal its header row in the project section; every department with projects needs an overall table and every project a department.',
  },
  example: { zh: '例：人大常委会办公室整体表项目支出 1,858,400.0 = 汇总表“101 …”行 1,858,400.0。', en: 'E.g. 1,858,400.0 in both places.' },
  severity: 'error',
  scope: 'document',
  group: 'completeness',
  appliesTo: ['performance-targets', 'budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const overall = tables(doc, 'overall-performance');
    const depts = departmentRows(doc);
    if (overall.length < 2 && depts.length < 2) return out; // a single department's disclosure: R15 covers it
    const byName = new Map(overall.filter((t) => t.org).map((t) => [nameKey(t.org!), t]));
    const matched = new Set<Table>();
    for (const { t, row } of depts) {
      const o = byName.get(nameKey(row.label));
      if (!o) {
        if (/财政专户/.test(row.label)) {
          out.push(note('R32', 'warning', `${tableLabel(t)}中“${row.code} ${row.label}”不是一个部门，却列有项目（${row.values['total']?.text ?? ''} 元）；没有哪张整体表报告了财政专户管理资金`, `"${row.code} ${row.label}" is not a department yet holds projects`, [tableEvidence(t)], [row.values['total']?.text ?? '']));
        } else {
          out.push(note('R32', 'error', `部门“${row.code} ${row.label}”在项目汇总表中有项目，但汇编里没有它的整体绩效目标表`, `Department "${row.code} ${row.label}" has projects but no overall performance table`, [tableEvidence(t)], [row.values['total']?.text ?? '']));
        }
        continue;
      }
      matched.add(o);
      const f = compareSum(ctx, cellTerm(o, o.rows[0], 'struct.project', `${o.org}整体表项目支出`), [cellTerm(t, row, 'total', `汇总表“${row.code} ${row.label}”行`)], { rule: 'R32', where: { zh: `部门“${row.label}”`, en: `Department "${row.label}"` } });
      if (f) out.push(f);
    }
    for (const o of overall) {
      if (matched.has(o) || !o.org) continue;
      const project = o.rows[0]?.values['struct.project']?.amount;
      if (project && project.printed && project.units > 0 && depts.length) {
        out.push(note('R32', 'error', `“${o.org}”的整体绩效目标表有项目支出 ${project.raw}，但项目汇总表中没有这个部门`, `"${o.org}" reports project spending but has no block in the project section`, [tableEvidence(o)], [project.raw]));
      }
    }
    // Projects outside any department: a block with project rows and no header row.
    for (const t of tables(doc, 'project-performance')) {
      const orphans = (t.projects ?? []).filter((p) => !p.unitCode);
      if (!orphans.length) continue;
      const total = orphans.map((p) => p.row.values['total']).filter(Boolean);
      out.push(note('R32', 'error', `${orphans.length} 个项目前没有部门或单位行，不属于任何部门（${orphans.map((p) => p.name).slice(0, 6).join('、')}${orphans.length > 6 ? '…' : ''}），金额不计入任何部门合计`, `${orphans.length} projects have no department or unit header above them`, total.map((cell) => ({ kind: 'cell' as const, cell: cell!, role: 'printed' as const, label: '项目金额', table: t })), total.map((c) => c!.text)));
    }
    return out;
  },
});
