import { rowFullyRead, tables, totalRow } from '../lookup';
import { cellTerm, compareSum, note, cellEvidence, where, withRequired } from '../terms';
import { defineRule, type Finding } from '../types';
import { economicGroup } from '../../codes/economic';
import type { Row } from '../../recognize/model';

export default defineRule({
  id: 'R05',
  relation: 'R5',
  title: { zh: '基本支出表：人员经费 + 公用经费', en: 'Basic expenditure table: personnel + running costs' },
  problem: { zh: '基本支出表加起来不对', en: 'The basic-expenditure table does not add up' },
  explain: {
    zh: '基本支出按经济分类列出。每行合计 = 人员经费 + 公用经费，且只填其中一列：301 工资福利支出和 303 对个人和家庭的补助属于人员经费，302 商品和服务支出和 310 资本性支出属于公用经费。合计行等于各科目之和；类（301、302、303）等于其下各款之和。',
    en: 'Basic spending by economic code. Each row: total = personnel + running costs, filling one of the two: 301 and 303 are personnel, 302 and 310 are running costs. The total row equals the sum of the items.',
  },
  example: { zh: '例：合计 562.63 = 人员经费 510.01 + 公用经费 52.62；人员经费 510.01 = 工资福利 506.80 + 对个人和家庭的补助 3.21。', en: 'E.g. 562.63 = 510.01 + 52.62.' },
  severity: 'error',
  group: 'arithmetic',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    for (const t of tables(doc, 'final.general-public-basic')) {
      const items = economicLeaves(t.rows);
      const classes = t.rows.filter((r) => r.kind === 'economic' && r.code && r.code.length === 3);
      for (const c of classes) {
        const kids = items.filter((r) => r.code!.startsWith(c.code!));
        if (kids.length) push(compareSum(ctx, cellTerm(t, c, 'total'), kids.map((r) => cellTerm(t, r, 'total')), { rule: 'R05', where: where(t, c) }));
      }
      const byClass = (g: 'personnel' | 'public') => classes.filter((c) => economicGroup(c.code!) === g);
      const pRow = t.rows.find((r) => r.key === 'personnel.total');
      const gRow = t.rows.find((r) => r.key === 'public.total');
      if (pRow) push(compareSum(ctx, cellTerm(t, pRow, 'total', '人员经费合计'), byClass('personnel').map((r) => cellTerm(t, r, 'total')), { rule: 'R05', where: where(t, pRow), relation: { zh: '人员经费合计应等于 301、303 类之和', en: 'personnel total = 301 + 303' } }));
      if (gRow) push(compareSum(ctx, cellTerm(t, gRow, 'total', '公用经费合计'), byClass('public').map((r) => cellTerm(t, r, 'total')), { rule: 'R05', where: where(t, gRow), relation: { zh: '公用经费合计应等于 302、310 等类之和', en: 'running-cost total = 302 + 310 …' } }));
    }
    for (const t of tables(doc, 'general-public-basic')) {
      const items = economicLeaves(t.rows);
      const classes = t.rows.filter((r) => r.kind === 'economic' && r.code && r.code.length === 3);
      for (const r of t.rows) {
        if (!rowFullyRead(r)) continue;
        push(compareSum(ctx, cellTerm(t, r, 'total'), withRequired([cellTerm(t, r, 'personnel'), cellTerm(t, r, 'public')]), { rule: 'R05', where: where(t, r) }));
      }
      const total = totalRow(t);
      if (total && items.length) {
        for (const key of ['total', 'personnel', 'public']) {
          push(compareSum(ctx, cellTerm(t, total, key), items.map((r) => cellTerm(t, r, key)), { rule: 'R05', where: where(t, total) }));
        }
        // 人员经费 = Σ 301xx + 303xx; 公用经费 = Σ 302xx + 310xx …
        const byGroup = (g: 'personnel' | 'public'): Row[] => items.filter((r) => economicGroup(r.code!) === g);
        push(compareSum(ctx, cellTerm(t, total, 'personnel'), byGroup('personnel').map((r) => cellTerm(t, r, 'total')), { rule: 'R05', where: where(t, total), relation: { zh: '人员经费应等于 301、303 类各科目之和', en: 'personnel costs must equal the sum of the 301 and 303 items' } }));
        push(compareSum(ctx, cellTerm(t, total, 'public'), byGroup('public').map((r) => cellTerm(t, r, 'total')), { rule: 'R05', where: where(t, total), relation: { zh: '公用经费应等于 302、310 等类各科目之和', en: 'running costs must equal the sum of the 302/310 items' } }));
      }
      for (const c of classes) {
        const kids = items.filter((r) => r.code!.startsWith(c.code!));
        if (kids.length) push(compareSum(ctx, cellTerm(t, c, 'total'), kids.map((r) => cellTerm(t, r, 'total')), { rule: 'R05', where: where(t, c) }));
      }
      // An item in the wrong column: a 302 code carrying 人员经费, a 301 code carrying 公用经费.
      for (const r of items) {
        const g = economicGroup(r.code!);
        const wrong = g === 'personnel' ? cellTerm(t, r, 'public') : g === 'public' ? cellTerm(t, r, 'personnel') : undefined;
        if (wrong && wrong.amount.printed && wrong.amount.units !== 0) {
          const w = where(t, r);
          out.push(note('R05', 'warning', `${w.zh}：${r.code} 属于${g === 'personnel' ? '人员经费' : '公用经费'}，却在${g === 'personnel' ? '公用经费' : '人员经费'}列填了 ${wrong.amount.raw}`, `${w.en}: code ${r.code} belongs to ${g}, yet the other column holds ${wrong.amount.raw}`, cellEvidence(wrong), [wrong.amount.raw]));
        }
      }
    }
    return out;
  },
});

/**
 * The most detailed economic rows: items (30101) and, where a department splits them further (3021101 差旅费),
 * those sub-items instead of their item.
 */
function economicLeaves(rows: readonly Row[]): Row[] {
  const coded = rows.filter((r) => r.kind === 'economic' && r.code && r.code.length >= 5);
  return coded.filter((r) => !coded.some((o) => o !== r && o.code!.length > r.code!.length && o.code!.startsWith(r.code!)));
}
