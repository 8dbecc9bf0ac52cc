import { table } from '../lookup';
import { cellTerm, decOf, note, cellEvidence, tableEvidence, type Term } from '../terms';
import { cmp, sum, sub, format } from '../../money/decimal';
import { defineRule, type Finding } from '../types';
import { tableLabel } from '../../recognize/document';
import type { Table } from '../../recognize/model';

/** Function items whose cost is, by definition, one economic item (or a small set). */
const LINKS: { fn: string[]; econ: string[]; zh: string; slack?: string[] }[] = [
  { fn: ['2080505'], econ: ['30108'], zh: '机关事业单位基本养老保险缴费' },
  { fn: ['2080506'], econ: ['30109'], zh: '职业年金缴费' },
  { fn: ['2210201'], econ: ['30113'], zh: '住房公积金' },
  { fn: ['2101101', '2101102', '2101103'], econ: ['30110', '30111'], zh: '医疗保险缴费' },
  { fn: ['2080501', '2080502'], econ: ['30301', '30302'], zh: '离退休费', slack: ['30299', '30399'] },
];

function econSum(t: Table, codes: string[]): { terms: Term[] } {
  const terms = t.rows.filter((r) => r.kind === 'economic' && r.code && codes.includes(r.code)).map((r) => cellTerm(t, r, 'total', `${r.code} ${r.label}`)).filter((x): x is Term => !!x && x.amount.printed);
  return { terms };
}

export default defineRule({
  id: 'R20',
  relation: 'R20',
  title: { zh: '功能科目与对应经济科目大致相符', en: 'Function items match their economic items' },
  problem: { zh: '功能科目与对应经济科目差得较多', en: 'Function and economic items differ' },
  explain: {
    zh: '有些功能科目与经济科目一一对应：208 05 05 机关事业单位基本养老保险缴费支出 ≈ 30108 养老保险缴费，221 02 01 住房公积金 ≈ 30113 住房公积金，210 11 行政事业单位医疗 ≈ 30110 医疗保险缴费，208 05 01 行政单位离退休 ≈ 30302 退休费。对不上或只出现一边，通常说明费用记在了别的功能科目下（例如都记在“行政运行”里），值得核实但不一定是错误。',
    en: 'Some function items correspond to one economic item (pension contributions, housing fund, medical insurance, retirement pay). A mismatch, or one side missing, usually means the cost was booked under another function item; worth checking, not necessarily wrong.',
  },
  example: { zh: '例：208 05 05 为 46.23，30108 也为 46.23，相符；若有 30113 住房公积金 48.23 却没有 221 02 01 行，说明公积金记在了别处。', en: 'E.g. 46.23 = 46.23; a 30113 line with no 221 02 01 row means the housing fund sits elsewhere.' },
  severity: 'warning',
  group: 'plausibility',
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const t6 = table(doc, 'general-public-basic');
    const exp = table(doc, 'general-public-expenditure', 'expenditure');
    if (!t6 || !exp) return out;
    const unit = t6.unit;
    for (const link of LINKS) {
      const fnTerms = exp.rows.filter((r) => r.kind === 'function' && r.code && link.fn.includes(r.code)).map((r) => cellTerm(exp, r, 'basic.total') ?? cellTerm(exp, r, 'total')).filter((x): x is Term => !!x && x.amount.printed);
      const { terms: econ } = econSum(t6, link.econ);
      if (!fnTerms.length && !econ.length) continue;
      const fnSum = sum(fnTerms.map((x) => decOf(x, unit)));
      const ecSum = sum(econ.map((x) => decOf(x, unit)));
      const d = Math.max(2, ...econ.map((x) => x.amount.decimals));
      if (!fnTerms.length) {
        out.push(note('R20', 'warning', `${tableLabel(t6)}有${link.zh}（${econ.map((x) => `${x.label} ${x.amount.raw}`).join('、')}），但${tableLabel(exp)}没有 ${link.fn[0]!.replace(/(\d{3})(\d{2})(\d{2})/, '$1 $2 $3')} 等对应功能科目行：这笔钱记在了其他功能科目下`, `${link.zh} appears as economic items but no matching function row exists: the cost was booked under another function item`, [...econ.flatMap((x) => cellEvidence(x)), tableEvidence(exp)], econ.map((x) => x.amount.raw)));
        continue;
      }
      if (!econ.length) continue;
      if (cmp(fnSum, ecSum) === 0) {
        ctx.pass('R20', [...fnTerms, ...econ].map((x) => x.cell!).filter(Boolean));
        continue;
      }
      if (link.slack) {
        // Retirees' running costs sit in 30299/30399: the function row may exceed 30302 by at most those.
        const { terms: slack } = econSum(t6, link.slack);
        const room = sum(slack.map((x) => decOf(x, unit)));
        const diff = sub(fnSum, ecSum);
        if (cmp(diff, { u: 0, e: 0 }) > 0 && cmp(diff, room) <= 0) continue;
      }
      out.push(note('R20', 'warning', `${link.zh}：功能科目 ${fnTerms.map((x) => `${x.label} ${x.amount.raw}`).join(' + ')} 与经济科目 ${econ.map((x) => `${x.label} ${x.amount.raw}`).join(' + ')} 不等（差 ${format(sub(fnSum, ecSum), d)}），部分费用可能记在其他科目下`, `${link.zh}: function rows ${format(fnSum, d)} vs economic items ${format(ecSum, d)}`, [...fnTerms.flatMap((x) => cellEvidence(x)), ...econ.flatMap((x) => cellEvidence(x, 'compare'))], [...fnTerms, ...econ].map((x) => x.amount.raw), { expected: format(ecSum, d), ...(fnTerms.length === 1 ? { printed: fnTerms[0]!.amount.raw } : {}), difference: format(sub(fnSum, ecSum), d) }));
    }
    return out;
  },
});
