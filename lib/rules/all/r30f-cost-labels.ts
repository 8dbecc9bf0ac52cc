import { tables } from '../lookup';
import { note } from '../terms';
import { defineRule, type Finding } from '../types';
import { nameKey } from '../../text/names';
import { tableLabel } from '../../recognize/document';

/** The cost indicator's label without its generic suffix: "大厅运行经费预算成本" → "大厅运行经费". */
function labelCore(name: string): string {
  return nameKey(name).replace(/(预算|总)?(成本|费用|金额|资金)(控制)?(数)?$/, '');
}

export default defineRule({
  id: 'R30f',
  relation: 'R30',
  title: { zh: '成本指标的名称属于本项目', en: 'A cost indicator is labelled for its own project' },
  problem: { zh: '成本指标的名称不属于本项目', en: 'A cost indicator names another project' },
  explain: {
    zh: '每个项目的成本指标应描述本项目的花费。若“工作经费”项目的成本指标写成“大厅运行经费预算成本”，而“中心大厅运行经费”是另一个项目，多半是从别的项目复制后忘了改名称。',
    en: 'A cost indicator naming another project ("大厅运行经费预算成本" under 工作经费) was probably copied from that project.',
  },
  example: { zh: '例：项目“工作经费”的成本指标“大厅运行经费预算成本 ≤39万元”。', en: 'E.g. 工作经费 with "大厅运行经费预算成本".' },
  severity: 'warning',
  scope: 'document',
  group: 'performance',
  appliesTo: ['budget', 'performance-targets'],
  check(doc) {
    const out: Finding[] = [];
    for (const t of tables(doc, 'project-performance')) {
      const projects = t.projects ?? [];
      for (const p of projects) {
        const own = nameKey(p.name);
        for (const i of p.indicators) {
          if (i.group !== 'cost') continue;
          const core = labelCore(i.name);
          if (core.length < 4 || own.includes(core) || core.includes(own)) continue;
          // Mostly the project's own words ("办公设备成本" under 办公经费-设备购置费): its own label.
          const shared = [...core].filter((ch) => own.includes(ch)).length;
          if (shared / core.length >= 0.6) continue;
          const other = projects.find((q) => q !== p && q.unitCode === p.unitCode && nameKey(q.name).includes(core));
          if (!other) continue;
          out.push(note('R30f', 'warning', `${tableLabel(t)}「${p.name}」的成本指标名为“${i.name}”，却对应另一个项目“${other.name}”，可能是复制后未改名`, `"${p.name}" has a cost indicator named after another project, "${other.name}"`, i.nameCell ? [{ kind: 'cell', cell: i.nameCell, role: 'printed', label: i.name, table: t }] : []));
        }
      }
    }
    return out;
  },
});
