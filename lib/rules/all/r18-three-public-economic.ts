import { table } from '../lookup';
import { cellTerm, compareSum, decOf, note, cellEvidence, type Term } from '../terms';
import { cmp, sum } from '../../money/decimal';
import { defineRule, type Finding } from '../types';
import { tableLabel } from '../../recognize/document';
import type { Row, Table } from '../../recognize/model';

const PAIRS: [string, string, string][] = [
  ['reception', '30217', '公务接待费'],
  ['vehicle.run', '30231', '公务用车运行维护费'],
  ['vehicle.purchase', '31013', '公务用车购置'],
  ['abroad', '30212', '因公出国（境）费用'],
];

function econRows(t: Table, code: string): Row[] {
  return t.rows.filter((r) => r.code === code);
}

export default defineRule({
  id: 'R18',
  relation: 'R18',
  title: { zh: '“三公”经费与经济科目一致', en: '"Three public" expenses agree with economic items' },
  problem: { zh: '“三公”经费与经济科目不一致', en: '"Three public" expenses differ from their economic items' },
  explain: {
    zh: '“三公”经费的每一项都有对应的经济科目：公务接待费 30217、公务用车运行维护费 30231、公务用车购置 31013、因公出国（境）费用 30212。支出经济分类汇总表（含基本和项目支出）中这些科目的一般公共预算金额应与“三公”表一致；只有基本支出表时，科目金额不应超过“三公”表（项目支出里可能还有一部分）。',
    en: 'Each "three public" item has an economic code (30217 hospitality, 30231 vehicle running, 31013 vehicle purchase, 30212 travel abroad). The economic summary must agree; the basic table alone may show less, never more.',
  },
  example: { zh: '例：“三公”表公务接待费 2.50 = 经济分类汇总表 30217 公务接待费 2.50（基本支出 1.50 + 项目支出 1.00）。', en: 'E.g. hospitality 2.50 = 30217 in the economic summary (1.50 basic + 1.00 project).' },
  severity: 'warning',
  group: 'cross-table',
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const t8 = table(doc, 'three-public');
    const data = t8?.rows.find((r) => Object.values(r.values).some((c) => c.amount?.printed));
    if (!t8) return out;
    const t7 = table(doc, 'economic-summary');
    const t6 = table(doc, 'general-public-basic');
    for (const [key, code, name] of PAIRS) {
      const tp: Term = (data && cellTerm(t8, data, key, `${tableLabel(t8)}${name}`)) || { amount: { units: 0, decimals: 0, raw: '', printed: false }, unit: t8.unit, label: `${tableLabel(t8)}${name}（空）` };
      if (t7) {
        const rows = econRows(t7, code);
        if (!rows.length) continue;
        const col = t7.columns.some((c) => c.key === 'gp') ? 'gp' : 'total';
        const f = compareSum(ctx, tp, rows.map((r) => cellTerm(t7, r, col, `${tableLabel(t7)} ${code} ${r.label}`)), { rule: 'R18', severity: 'warning', where: { zh: `“三公”经费·${name}`, en: `"Three public": ${name}` } });
        if (f) out.push(f);
      } else if (t6) {
        const rows = econRows(t6, code);
        const terms = rows.map((r) => cellTerm(t6, r, 'total', `${tableLabel(t6)} ${code} ${r.label}`)).filter((x): x is Term => !!x);
        if (!terms.length) continue;
        const basic = sum(terms.map((x) => decOf(x, t8.unit)));
        if (cmp(basic, decOf(tp, t8.unit)) > 0) {
          out.push(note('R18', 'warning', `“三公”经费·${name}：基本支出表中 ${code} 科目合计 ${terms.map((x) => x.amount.raw).join(' + ')} 已超过“三公”表的 ${tp.amount.raw || '0'}`, `"Three public" ${name}: economic item ${code} in the basic table exceeds the three-public figure`, [...cellEvidence(tp), ...terms.flatMap((x) => cellEvidence(x, 'part'))], [tp.amount.raw, ...terms.map((x) => x.amount.raw)].filter(Boolean)));
        } else ctx.pass('R18', terms.map((x) => x.cell!).filter(Boolean));
      }
    }
    return out;
  },
});
