import { claim, table } from '../lookup';
import { cellTerm, note } from '../terms';
import { defineRule, type Finding } from '../types';

export default defineRule({
  id: 'R28',
  relation: 'R28',
  title: { zh: '有公务用车却没有运行维护费', en: 'Vehicles but no running costs' },
  problem: { zh: '有公务用车却没有运行维护费', en: 'Vehicles but no running costs' },
  explain: {
    zh: '单位有车辆，通常就需要公务用车运行维护费（燃油、维修、保险）。说明里写有车，而“三公”经费中公务用车运行费为 0 或空，可能是费用列在了别处，也可能是遗漏，值得核实。',
    en: 'Owning vehicles normally means running costs (fuel, repairs, insurance). Vehicles with zero running costs is worth checking.',
  },
  example: { zh: '例：“共有车辆1辆”，但公务用车运行维护费 0 万元。', en: 'E.g. one car, zero running costs.' },
  severity: 'warning',
  scope: 'document',
  group: 'plausibility',
  appliesTo: ['budget'],
  check(doc) {
    const out: Finding[] = [];
    const v = claim(doc, 'vehicles.total');
    if (!v?.count) return out;
    const run = claim(doc, 'threePublic.vehicle.run') ?? claim(doc, 'threePublic.vehicle');
    const t8 = table(doc, 'three-public');
    const row = t8?.rows.find((r) => Object.values(r.values).some((c) => c.amount?.printed));
    const tableRun = t8 && row ? cellTerm(t8, row, 'vehicle.run') ?? cellTerm(t8, row, 'vehicle') : undefined;
    const positive = (run?.value && run.value.units > 0) || (tableRun?.amount.printed && tableRun.amount.units > 0);
    if (positive) return out;
    if (!run && !t8) return out;
    out.push(note('R28', 'warning', `说明称共有车辆 ${v.count} 辆，但公务用车运行维护费为 ${run?.value?.raw ?? tableRun?.amount.raw ?? '0'}${run?.value || tableRun?.amount.printed ? ' 万元' : '（空）'}`, `${v.count} vehicles but no vehicle running costs`, [{ kind: 'claim', claim: v, role: 'printed', label: '车辆' }, ...(run ? [{ kind: 'claim' as const, claim: run, role: 'compare' as const, label: run.label }] : [])], [String(v.count)]));
    return out;
  },
});
