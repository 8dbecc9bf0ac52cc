import { tables } from '../lookup';
import { note } from '../terms';
import { defineRule, type Evidence, type Finding } from '../types';
import { labelKey } from '../../text/normalize';
import type { Cell, Table } from '../../recognize/model';

const RATE_OVER = /^\s*(?:>|＞|大于)\s*100(?:\.0+)?\s*%|^\s*(?:≥|>=|不低于)?\s*(?:10[1-9]|1[1-9]\d|[2-9]\d\d)(?:\.\d+)?\s*%/;

function ev(t: Table, cell: Cell | undefined, label: string): Evidence[] {
  return cell ? [{ kind: 'cell', cell, role: 'printed', label, table: t }] : [];
}

const core = (s: string) => labelKey(s).replace(/^(部门|单位|部门\(单位\))/, '').replace(/["“”]/g, '');

export default defineRule({
  id: 'R31',
  relation: 'R31',
  title: { zh: '绩效指标自洽：比率不超过100%，说明对得上指标', en: 'Indicators make sense: rates ≤ 100%, explanations match' },
  problem: { zh: '绩效指标自相矛盾', en: 'Performance indicators contradict themselves' },
  explain: {
    zh: '“完成率”“合格率”之类的比率不可能超过 100%，写成“>100%”是笔误。整体绩效目标表中每个指标的“指标值说明”应当解释该指标本身；说明里给出的是另一个指标的计算公式，多半是复制粘贴错了行。',
    en: 'Rates cannot exceed 100% (">100%" is a slip), and each indicator\'s explanation should explain that indicator, not another one.',
  },
  example: { zh: '例：“绩效目标编制完成率”的说明却是“部门绩效监控完成率 = 已完成绩效监控项目数量 / …”。', en: 'E.g. the 编制完成率 row explained with the 监控完成率 formula.' },
  severity: 'error',
  group: 'performance',
  appliesTo: ['budget', 'performance-targets'],
  check(doc) {
    const out: Finding[] = [];
    for (const t of tables(doc, 'overall-performance', 'project-performance')) {
      const items = [
        ...(t.indicators ?? []).map((i) => ({ name: i.name, value: i.value, valueCell: i.valueCell, note: i.note, noteCell: i.noteCell, nameCell: i.nameCell })),
        ...(t.projects ?? []).flatMap((p) => p.indicators.map((i) => ({ name: `${p.name}·${i.name}`, value: i.value, valueCell: i.valueCell, note: undefined, noteCell: undefined, nameCell: i.nameCell }))),
      ];
      for (const i of items) {
        if (/率|比例|占比|覆盖/.test(i.name) && RATE_OVER.test(i.value)) {
          out.push(note('R31', 'error', `${t.title || '绩效目标表'}：比率指标“${i.name}”的指标值为“${i.value}”，比率不会超过 100%`, `Rate indicator "${i.name}" is "${i.value}" — a rate cannot exceed 100%`, ev(t, i.valueCell, i.name), [i.value]));
        }
        if (!i.note) continue;
        const formulas = [...i.note.matchAll(/([\u4e00-\u9fa5“”"]{2,16}率)\s*[=＝]/g)].map((m) => m[1]!);
        if (!formulas.length) continue;
        const n = core(i.name);
        // The subject before "=" may run on from the previous sentence when a line break was lost
        // (…的比重部门目标编制完成率=), so compare endings: the shared tail must go beyond a generic 完成率.
        const own = formulas.some((f) => {
          const c = core(f);
          if (n.includes(c) || c.includes(n)) return true;
          let k = 0;
          while (k < c.length && k < n.length && c[c.length - 1 - k] === n[n.length - 1 - k]) k++;
          return k >= Math.max(5, Math.ceil(Math.min(c.length, n.length) * 0.6));
        });
        if (!own) {
          out.push(note('R31', 'warning', `${t.title || '绩效目标表'}：指标“${i.name}”的说明给出的是“${formulas[0]}”的公式，像是别的指标的说明`, `The explanation of "${i.name}" gives the formula of "${formulas[0]}"`, [...ev(t, i.nameCell, i.name), ...ev(t, i.noteCell, '指标值说明')]));
        }
      }
    }
    return out;
  },
});
