import { claims, table, totalRow } from '../lookup';
import { cellTerm, claimTerm, decOf, note, cellEvidence, type Term } from '../terms';
import { cmp, sub, sum, format, type Dec } from '../../money/decimal';
import { defineRule, type Finding } from '../types';
import { tableLabel } from '../../recognize/document';

export default defineRule({
  id: 'R19',
  relation: 'R19',
  title: { zh: '机构运转（机关运行）经费与公用经费相符', en: 'Operating costs match running costs' },
  problem: { zh: '机构运转经费与公用经费对不上', en: 'Operating costs fit no definition against running costs' },
  explain: {
    zh: '机构运转经费（或机关运行经费）是保障机构运转购买货物和服务的钱，口径与基本支出中的公用经费相近但不完全相同：有的单位等于公用经费，有的扣除资本性支出（如办公设备购置），有的只算行政单位部分（不含事业单位）。这是定义差异，不是算术错误；与任何一种口径都对不上时才提示。',
    en: 'Operating costs are close to, but not always equal to, running costs (公用经费): some exclude capital purchases, some only count administrative units. Flagged only when no documented definition fits.',
  },
  example: { zh: '例：机构运转经费 49.68 = 公用经费 51.68 − 办公设备购置 2.00（资本性支出不计入）。', en: 'E.g. 49.68 = 51.68 − 2.00 office equipment.' },
  severity: 'warning',
  group: 'plausibility',
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const t6 = table(doc, 'general-public-basic');
    const total6 = t6 ? totalRow(t6) : undefined;
    const pub = t6 && total6 ? cellTerm(t6, total6, 'public', `${tableLabel(t6)}公用经费`) : undefined;
    if (!t6 || !pub || !pub.amount.printed) return out;
    const unit = t6.unit;
    const capital = t6.rows.filter((r) => r.kind === 'economic' && r.code && r.code.length === 5 && /^31/.test(r.code)).map((r) => cellTerm(t6, r, 'public') ?? cellTerm(t6, r, 'total')).filter((x): x is Term => !!x && x.amount.printed);
    const capitalSum = sum(capital.map((x) => decOf(x, unit)));
    // 事业运行 (xx xx 50) rows' running costs: excluded where the definition covers administrative units only.
    const exp = table(doc, 'expenditure', 'general-public-expenditure');
    const instRows = exp?.rows.filter((r) => r.kind === 'function' && r.code?.endsWith('50')) ?? [];
    const instPublic = sum(instRows.flatMap((r) => ['basic.public', 'basic.goods', 'basic.capital'].map((k) => cellTerm(exp!, r, k)).filter((x): x is Term => !!x)).map((x) => decOf(x, unit)));
    const p = decOf(pub, unit);
    const variants: [string, Dec][] = [
      ['等于公用经费', p],
      ['公用经费扣除资本性支出', sub(p, capitalSum)],
      ['公用经费扣除事业单位部分', sub(p, instPublic)],
      ['公用经费扣除资本性支出和事业单位部分', sub(sub(p, capitalSum), instPublic)],
    ];
    const t11 = table(doc, 'operating-cost');
    const t11Total = t11 ? totalRow(t11) : undefined;
    const sources: Term[] = [
      ...claims(doc, 'operatingCost').map((c) => claimTerm(c)).filter((x): x is Term => !!x),
      ...(t11 && t11Total ? [cellTerm(t11, t11Total, 'total', `${tableLabel(t11)}合计`)].filter((x): x is Term => !!x) : []),
    ];
    for (const s of sources) {
      if (!s.amount.printed) continue;
      const v = decOf(s, unit);
      const hit = variants.find(([, d]) => cmp(d, v) === 0);
      if (hit) {
        ctx.pass('R19', [s.cell, pub.cell].filter((c): c is NonNullable<typeof c> => !!c));
        continue;
      }
      const d = Math.max(pub.amount.decimals, s.amount.decimals);
      out.push(note('R19', 'warning',
        `${s.label} ${s.amount.raw} 与${pub.label} ${pub.amount.raw} 的任何常见口径都不符（等于公用经费、扣除资本性支出 ${format(capitalSum, d)}、扣除事业单位部分 ${format(instPublic, d)}）`,
        `${s.label} ${s.amount.raw} fits none of the usual definitions relative to running costs ${pub.amount.raw}`,
        [...cellEvidence(s), ...cellEvidence(pub, 'compare')], [s.amount.raw, pub.amount.raw],
        { expected: format(p, d), printed: s.amount.raw, difference: format(sub(v, p), d) }));
    }
    return out;
  },
});
