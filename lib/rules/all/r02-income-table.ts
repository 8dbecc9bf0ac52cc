import { tables, totalRow } from '../lookup';
import { cellTerm, compareSum, note, tableEvidence, where } from '../terms';
import { defineRule, type Finding } from '../types';
import type { Row } from '../../recognize/model';

const SOURCES = ['gp', 'fund', 'capital', 'special', 'business', 'operating', 'upper', 'affiliate', 'other'];
const CARRY = ['carry.gp', 'carry.fund', 'carry.capital', 'carry.special', 'carry.unit'];

function signature(r: Row): string {
  return `${r.code}|${Object.entries(r.values).map(([k, c]) => `${k}=${c.amount?.units ?? ''}`).join(',')}`;
}

export default defineRule({
  id: 'R02',
  relation: 'R2',
  title: { zh: '部门收入预算表：来源与单位层级相加', en: 'Income table adds up by source and by unit' },
  problem: { zh: '收入表的来源或单位加起来不对', en: 'The income table does not add up' },
  explain: {
    zh: '部门收入预算表把收入按来源（一般公共预算、政府性基金、事业收入……）和单位展开。每行的本年收入合计等于各来源之和，总计等于本年收入加上年结转结余；部门行等于其下属单位之和。',
    en: 'The income table splits income by source and by unit. Each row\'s income equals the sum of its sources, the grand total adds last year\'s balance, and a department row equals the sum of its units.',
  },
  example: { zh: '例：总计 969.06 = 本年收入合计 969.06 + 上年结转结余 0；本年收入合计 969.06 = 一般公共预算 969.06。', en: 'E.g. total 969.06 = income 969.06 + carry-over 0.' },
  severity: 'error',
  group: 'arithmetic',
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    for (const t of tables(doc, 'income')) {
      for (const r of t.rows) {
        const w = where(t, r);
        push(compareSum(ctx, cellTerm(t, r, 'grandTotal'), [cellTerm(t, r, 'income.total'), cellTerm(t, r, 'carry.total')], { rule: 'R02', where: w }));
        push(compareSum(ctx, cellTerm(t, r, 'income.total'), SOURCES.map((k) => cellTerm(t, r, k)), { rule: 'R02', where: w }));
        push(compareSum(ctx, cellTerm(t, r, 'carry.total'), CARRY.map((k) => cellTerm(t, r, k)), { rule: 'R02', where: w }));
      }
      // Unit hierarchy: 合计 = Σ departments; department = Σ its units. Identical repeated rows count once.
      const total = totalRow(t);
      const units = t.rows.filter((r) => r.kind === 'unit' && r.code);
      const seen = new Map<string, Row>();
      const distinct: Row[] = [];
      for (const u of units) {
        const sig = signature(u);
        const prev = seen.get(sig);
        if (prev) {
          out.push(note('R02', 'warning', `${where(t, u).zh}：与上一行完全重复（代码 ${u.code}），按一行计算`, `${where(t, u).en}: an exact duplicate of an earlier row (code ${u.code}); counted once`, [tableEvidence(t)], []));
          continue;
        }
        seen.set(sig, u);
        distinct.push(u);
      }
      const depts = distinct.filter((u) => u.code!.length === 3);
      const leaves = distinct.filter((u) => u.code!.length === 6);
      const top = depts.length ? depts : leaves;
      if (total && top.length) {
        for (const key of ['grandTotal', 'income.total', 'gp']) {
          push(compareSum(ctx, cellTerm(t, total, key), top.map((u) => cellTerm(t, u, key)), { rule: 'R02', where: where(t, total) }));
        }
      }
      for (const d of depts) {
        const kids = leaves.filter((u) => u.code!.startsWith(d.code!));
        if (kids.length) push(compareSum(ctx, cellTerm(t, d, 'grandTotal'), kids.map((u) => cellTerm(t, u, 'grandTotal')), { rule: 'R02', where: where(t, d) }));
      }
    }
    return out;
  },
});
