import { functionClassName } from '../../codes/functional';
import { functionRows, table, totalRow } from '../lookup';
import { cellTerm, compareRows, type Term } from '../terms';
import { defineRule, type Finding, type RuleContext } from '../types';
import type { Row, Table } from '../../recognize/model';
import { tableLabel } from '../../recognize/document';

/** The most detailed rows of a by-function table: those with no child rows. */
export function leafRows(t: Table): Row[] {
  const fns = functionRows(t);
  return fns.filter((r) => !fns.some((o) => o !== r && o.code!.length > r.code!.length && o.code!.startsWith(r.code!)));
}

function ledgerByClass(t: Table, col: string): Map<string, Term[]> {
  const m = new Map<string, Term[]>();
  for (const r of t.rows) {
    if (!r.key?.startsWith('fn:')) continue;
    const term = cellTerm(t, r, col, `${tableLabel(t)}「${r.label}」`);
    if (!term) continue;
    const code = r.key.slice(3);
    m.set(code, [...(m.get(code) ?? []), term]);
  }
  return m;
}

function detailByClass(t: Table): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of leafRows(t)) {
    if (!cellTerm(t, r, 'total')) continue;
    const cls = r.code!.slice(0, 3);
    m.set(cls, [...(m.get(cls) ?? []), r]);
  }
  return m;
}

export default defineRule({
  id: 'R12',
  relation: 'R12',
  title: { zh: '各表功能分类支出一致', en: 'Spending by function agrees across tables' },
  problem: { zh: '同一功能分类支出在各表不一致', en: 'Spending by function differs between tables' },
  explain: {
    zh: '同一项功能支出（如“一般公共服务支出”，科目代码以 201 开头）在收支总表、财政拨款收支表里是一个数，在支出表里是该类下各项之和。三处必须相等。功能分类告诉你钱用于什么事：201 一般公共服务、208 社会保障和就业、210 卫生健康、221 住房保障……',
    en: 'A function class (e.g. 201 general public services) appears as one figure in the summary tables and as the sum of its 项 rows in the expenditure table; all must agree.',
  },
  example: { zh: '例：收支总表“一般公共服务”941.27 = 支出表 201 03 01 行政运行 433.90 + 201 03 02 一般行政管理事务 507.37。', en: 'E.g. 941.27 = 433.90 + 507.37.' },
  severity: 'error',
  group: 'cross-table',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const pairs: [Table | undefined, string, Table | undefined][] = [
      [table(doc, 'income-expenditure'), 'exp.amount', table(doc, 'expenditure')],
      [table(doc, 'final.income-expenditure'), 'exp.amount', table(doc, 'final.expenditure')],
      [table(doc, 'final.fiscal-income-expenditure'), 'exp.gp', table(doc, 'final.general-public-expenditure')],
    ];
    // 财政拨款 by function against the general-budget table when the department has only general-budget money.
    const fiscal = table(doc, 'fiscal-income-expenditure');
    const gpExp = table(doc, 'general-public-expenditure');
    if (fiscal && gpExp) pairs.push([fiscal, 'exp.gp', gpExp]);
    else if (fiscal) pairs.push([fiscal, 'exp.total', table(doc, 'expenditure')]);
    for (const [summary, col, detail] of pairs) {
      if (!summary || !detail) continue;
      // A detail table whose rows do not add up to its own 合计 is no witness for another table (the
      // failure is reported on the table itself).
      if (!addsUp(detail, ctx)) continue;
      const sums = ledgerByClass(summary, col);
      const parts = detailByClass(detail);
      const classes = new Set([...sums.keys(), ...parts.keys()]);
      for (const cls of classes) {
        const s = sums.get(cls) ?? [];
        const p = parts.get(cls) ?? [];
        // A class one table has and the other lacks: its rows were not found (absent is not zero), or the
        // summary has no row for it at all (R30b reports labels).
        if (!s.length || !p.length) continue;
        const printed = s.filter((t) => t.amount.printed);
        const total = printed.length === 1 ? printed[0] : printed.length === 0 ? s[0] : undefined;
        if (!total) continue;
        const name = functionClassName(cls) ?? cls;
        const f = compareRows(ctx, total, p, (r) => cellTerm(detail, r, 'total', `${tableLabel(detail)}「${r.code} ${r.label}」`), {
          rule: 'R12',
          where: { zh: `${cls} ${name}`, en: `function ${cls} ${name}` },
          relation: { zh: `${tableLabel(summary)}的该类支出应等于${tableLabel(detail)}中 ${cls} 开头各行之和`, en: `the summary figure must equal the sum of ${cls}xx rows in the detail table` },
        });
        if (f) out.push(f);
      }
    }
    return out;
  },
});

function addsUp(t: Table, ctx: RuleContext): boolean {
  const total = totalRow(t);
  const printed = total ? cellTerm(t, total, 'total') : undefined;
  if (!printed) return true;
  // Asked, not checked: this table's own relations are R03's, and record no passes here.
  const silent: RuleContext = { ...ctx, policy: 'rounding-aware', pass() {} };
  const f = compareRows(silent, printed, leafRows(t), (r) => cellTerm(t, r, 'total'), { rule: 'R12', where: { zh: '', en: '' } });
  return !f || f.severity === 'info';
}
