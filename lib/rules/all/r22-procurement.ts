import { claim, table } from '../lookup';
import { cellTerm, claimTerm, compareSum, note, cellEvidence, type Term } from '../terms';
import { defineRule, type Finding } from '../types';
import { tableLabel } from '../../recognize/document';

export default defineRule({
  id: 'R22',
  relation: 'R22',
  title: { zh: '政府采购：货物 + 工程 + 服务', en: 'Government procurement adds up' },
  problem: { zh: '政府采购数字对不上', en: 'Procurement figures do not add up' },
  explain: {
    zh: '政府采购预算分货物、工程、服务三类，总额 = 三类之和。另外，若说明称没有政府采购预算，表中却有办公设备购置（310 02）等通常需要采购的支出，值得核实。',
    en: 'Procurement = goods + works + services. If the narrative says there is none while the tables show equipment purchases (310 02), that is worth checking.',
  },
  example: { zh: '例：政府采购 8.70 = 货物 8.70 + 工程 0 + 服务 0。', en: 'E.g. 8.70 = 8.70 + 0 + 0.' },
  severity: 'error',
  group: 'narrative',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const total = claim(doc, 'procurement.total');
    if (!total) return out;
    if (total.value) {
      const f = compareSum(ctx, claimTerm(total), [claimTerm(claim(doc, 'procurement.goods')), claimTerm(claim(doc, 'procurement.works')), claimTerm(claim(doc, 'procurement.services'))], { rule: 'R22', where: { zh: '政府采购预算', en: 'Procurement' } });
      if (f) out.push(f);
    }
    const none = total.none || (total.value && total.value.units === 0);
    if (none) {
      const t = table(doc, 'economic-summary', 'general-public-basic');
      const equip = t?.rows.filter((r) => r.code && /^310(0[1-9]|1[0-9]|2[0-2])$/.test(r.code)).map((r) => cellTerm(t, r, 'total', `${tableLabel(t)} ${r.code} ${r.label}`)).filter((x): x is Term => !!x && x.amount.printed && x.amount.units > 0) ?? [];
      if (equip.length) {
        out.push(note('R22', 'warning', `说明称${total.none ? '无政府采购预算安排' : '政府采购预算为 0'}，但${equip.map((x) => `${x.label} ${x.amount.raw}`).join('、')}通常需要政府采购`, `The narrative states no procurement, yet ${equip.map((x) => x.label).join(', ')} usually requires it`, [{ kind: 'claim', claim: total, role: 'printed', label: '政府采购' }, ...equip.flatMap((x) => cellEvidence(x, 'compare'))], equip.map((x) => x.amount.raw)));
      }
    }
    return out;
  },
});
