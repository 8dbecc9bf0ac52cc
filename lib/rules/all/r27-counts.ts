import { claims } from '../lookup';
import { note } from '../terms';
import { defineRule, type Finding } from '../types';

const VEHICLE_PARTS = ['vehicles.leader', 'vehicles.general', 'vehicles.enforcement', 'vehicles.special', 'vehicles.other'];

export default defineRule({
  id: 'R27',
  relation: 'R27',
  title: { zh: '个数与列举一致', en: 'Counts match what is listed' },
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
    for (const total of claims(doc, 'vehicles.total')) {
      const parts = doc.claims.filter((c) => VEHICLE_PARTS.includes(c.key) && c.source.anchor === total.source.anchor && c.count !== undefined);
      if (!parts.length || total.count === undefined) continue;
      const s = parts.reduce((a, c) => a + c.count!, 0);
      if (s === total.count) {
        ctx.pass('R27', []);
        continue;
      }
      out.push(note('R27', 'error', `共有车辆 ${total.count} 辆，但分类合计 ${parts.map((p) => `${p.label} ${p.count}`).join(' + ')} = ${s} 辆`, `${total.count} vehicles stated, categories add to ${s}`, [{ kind: 'claim', claim: total, role: 'printed', label: '车辆总数' }], [String(total.count)], { expected: String(s), printed: String(total.count), difference: String(total.count - s) }));
    }
    for (const c of doc.claims) {
      if (!c.key.startsWith('structure.') || c.count === undefined || c.enumerated === undefined) continue;
      if (c.count === c.enumerated) {
        ctx.pass('R27', []);
        continue;
      }
      out.push(note('R27', 'error', `说明称 ${c.count} 个${c.label}，但列出了 ${c.enumerated} 个名称`, `${c.count} ${c.label} stated, ${c.enumerated} names listed`, [{ kind: 'claim', claim: c, role: 'printed', label: c.label }], [String(c.count)], { expected: String(c.enumerated), printed: String(c.count) }));
    }
    return out;
  },
});
