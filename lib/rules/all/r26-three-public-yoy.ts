import { toDec } from '../../money/amount';
import { add, cmp, format, type Dec } from '../../money/decimal';
import { claim } from '../lookup';
import { note } from '../terms';
import { defineRule, type Finding } from '../types';
import type { Claim } from '../../recognize/model';

function delta(c: Claim | undefined): Dec | undefined | null {
  if (!c?.change) return undefined;
  const ch = c.change;
  if (ch.direction === 'flat') return { u: 0, e: 0 };
  if (!ch.amount) return null;
  const d = toDec(ch.amount);
  return ch.direction === 'decrease' ? { u: -d.u, e: d.e } : d;
}

export default defineRule({
  id: 'R26',
  relation: 'R26',
  title: { zh: '“三公”经费总增减 = 各项增减之和', en: '"Three public" change = sum of item changes' },
  problem: { zh: '“三公”经费总增减不等于各项增减之和', en: 'The "three public" change is not the sum of item changes' },
  explain: {
    zh: '说明里“三公”经费总额比上年的增减，应等于因公出国（境）费、公务用车购置及运行费、公务接待费各自增减之和；“持平”“保持一致”“无变化”表示增减为 0。',
    en: 'The total "three public" change must equal the sum of the three items\' changes; "unchanged" means zero.',
  },
  example: { zh: '例：总额减少 1.00 = 出国 0 + 公务用车 0 + 接待 −1.00。', en: 'E.g. −1.00 = 0 + 0 − 1.00.' },
  severity: 'error',
  group: 'narrative',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    // 预算 states the change on the figure's own sentence; 决算 in a separate "…比上年度…" sentence.
    const withChange = (key: string) => doc.claims.find((c) => c.key === key && c.change) ?? claim(doc, `${key}.change`);
    const total = withChange('threePublic.total') ?? claim(doc, 'threePublic.change');
    const t = delta(total);
    if (!t) return out;
    const vehicle = withChange('threePublic.vehicle');
    const parts: Claim[] = [withChange('threePublic.abroad'), withChange('threePublic.reception')].filter((c): c is Claim => !!c);
    let vehicleDelta = delta(vehicle);
    if (vehicleDelta === undefined) {
      const p = delta(withChange('threePublic.vehicle.purchase'));
      const r = delta(withChange('threePublic.vehicle.run'));
      if (p && r) vehicleDelta = add(p, r);
    }
    if (vehicle) parts.push(vehicle);
    const ds = [delta(withChange('threePublic.abroad')), delta(withChange('threePublic.reception')), vehicleDelta];
    if (ds.some((d) => d === undefined || d === null)) return out;
    let s: Dec = { u: 0, e: 0 };
    for (const d of ds) s = add(s, d!);
    if (cmp(s, t) === 0) {
      ctx.pass('R26', []);
      return out;
    }
    const dec = Math.max(0, -Math.min(s.e, t.e));
    out.push(note('R26', 'error', `“三公”经费总额同比变化 ${format(t, dec)} 万元，但各项变化之和为 ${format(s, dec)} 万元`, `The "three public" total changes by ${format(t, dec)} but the items by ${format(s, dec)}`, [total!, ...parts].map((c) => ({ kind: 'claim' as const, claim: c, role: 'part' as const, label: c.label })), [], { expected: format(s, dec) }));
    return out;
  },
});
