import { table } from '../lookup';
import { note } from '../terms';
import { defineRule, type Evidence, type Finding } from '../types';
import { nameKey } from '../../text/names';
import { pairProjects } from './r17-project-identity';
import { tableLabel } from '../../recognize/document';

export default defineRule({
  id: 'R30a',
  relation: 'R30',
  title: { zh: '同一项目在两张表中名称相同', en: 'A project has the same name in both tables' },
  problem: { zh: '同一项目在两张表中名称不同', en: 'One project is named differently in two tables' },
  explain: {
    zh: '项目支出预算表和项目绩效目标表说的是同一批项目，名称应逐字相同。金额相同、名称只差一两个字，通常是录入错误，会让读者以为是两个不同的项目。',
    en: 'The project table and the performance table list the same projects; names should match character for character.',
  },
  example: { zh: '例：项目表“视频会议调度系延伸工程”，绩效表“视频会商调度系延伸工程”，金额都是 17.12 万元。', en: 'E.g. 视频会议… vs 视频会商…, both 17.12.' },
  severity: 'error',
  scope: 'document',
  group: 'completeness',
  appliesTo: ['budget'],
  check(doc) {
    const out: Finding[] = [];
    const t12 = table(doc, 'projects');
    const t14 = table(doc, 'project-performance');
    if (!t12?.projects?.length || !t14?.projects?.length) return out;
    const { pairs } = pairProjects(t12.projects, t14.projects);
    for (const [p, q] of pairs) {
      if (p.name === q.name) continue;
      const ev: Evidence[] = [];
      const a = p.row.texts['name'] ?? p.row.labelCell;
      const b = q.row.texts['name'];
      if (a) ev.push({ kind: 'cell', cell: a, role: 'printed', label: p.name, table: t12 });
      if (b) ev.push({ kind: 'cell', cell: b, role: 'compare', label: q.name, table: t14 });
      if (nameKey(p.name) === nameKey(q.name)) {
        out.push(note('R30a', 'info', `项目名称只差空格或标点：${tableLabel(t12)}“${p.name}”，${tableLabel(t14)}“${q.name}”`, `Names differ only in spacing or punctuation: "${p.name}" vs "${q.name}"`, ev));
      } else {
        out.push(note('R30a', 'error', `同一项目名称不一致：${tableLabel(t12)}“${p.name}”，${tableLabel(t14)}“${q.name}”`, `The same project is named "${p.name}" in one table and "${q.name}" in the other`, ev));
      }
    }
    return out;
  },
});
