import { note } from '../terms';
import { defineRule, type Finding } from '../types';

export default defineRule({
  id: 'R27',
  relation: 'R27',
  title: { zh: '个数与列举一致', en: 'Counts match what is listed' },
  problem: { zh: '个数与列举的名称数不符', en: 'A count differs from the names listed' },
  explain: {
    zh: '“共有车辆 27 辆，其中一般公务用车 26 辆、其他用车 1 辆”——各类车辆之和应等于总数；“6 个职能股室：A、B、C……”——列出的名称个数应等于所说的个数。',
    en: 'Vehicle categories must add up to the stated total; a stated number of offices must match the names listed.',
  },
  example: { zh: '例：27 = 26 + 1；“6个职能股室”后面列出 6 个名称。', en: 'E.g. 27 = 26 + 1; six names after "6个职能股室".' },
  severity: 'error',
  group: 'narrative',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    for (const c of doc.claims) {
      if (c.count === undefined || c.partsSum === undefined) continue;
      if (c.count === c.partsSum) {
        ctx.pass('R27', []);
        continue;
      }
      const what = c.key === 'vehicles.total' ? `共有车辆 ${c.count} 辆，但各类车辆合计 ${c.partsSum} 辆` : `${c.label} ${c.count} 个，但各分项合计 ${c.partsSum} 个`;
      out.push(note('R27', 'error', what, `${c.label}: ${c.count} stated, parts add to ${c.partsSum}`, [{ kind: 'claim', claim: c, role: 'printed', label: c.label }], [String(c.count)], { expected: String(c.partsSum), printed: String(c.count), difference: String(c.count - c.partsSum) }));
    }
    for (const c of doc.claims) {
      if (!c.key.startsWith('structure.') || c.count === undefined || c.enumerated === undefined) continue;
      if (c.openList && c.enumerated < c.count) continue;
      if (c.count === c.enumerated) {
        ctx.pass('R27', []);
        continue;
      }
      out.push(note('R27', 'error', `说明称 ${c.count} 个${c.label}，但列出了 ${c.enumerated} 个名称`, `${c.count} ${c.label} stated, ${c.enumerated} names listed`, [{ kind: 'claim', claim: c, role: 'printed', label: c.label }], [String(c.count)], { expected: String(c.enumerated), printed: String(c.count) }));
    }
    return out;
  },
});
