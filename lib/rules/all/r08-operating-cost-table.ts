import { labelKey } from '../../text/normalize';
import { tables, totalRow, unitRows } from '../lookup';
import { compareSum, where, type Term } from '../terms';
import { defineRule, type Finding } from '../types';
import type { Column, Row, Table } from '../../recognize/model';

function valueKey(c: Column): string {
  return c.key ?? `col${c.index}`;
}

function term(t: Table, r: Row, c: Column): Term | undefined {
  const cell = r.values[valueKey(c)];
  if (!cell?.amount) return undefined;
  return { amount: cell.amount, unit: t.unit, label: `${r.label}·${c.path.slice(1).join('/') || c.path.join('/')}`, cell, table: t };
}

/**
 * Funding-source columns under the 合计 column's parent heading, grouped by their second-level heading.
 * A group is represented by its 小计 column when it has one, else by the sum of its leaves.
 */
function sourceGroups(t: Table): { total?: Column; groups: { name: string; subtotal?: Column; leaves: Column[] }[] } {
  const total = t.columns.find((c) => c.key === 'total');
  if (!total || total.path.length < 2) return { groups: [] };
  const root = labelKey(total.path[0]!);
  const groups = new Map<string, { name: string; subtotal?: Column; leaves: Column[] }>();
  for (const c of t.columns) {
    if (c === total || c.path.length < 2 || labelKey(c.path[0]!) !== root) continue;
    const name = c.path[1]!;
    const g = groups.get(name) ?? { name, leaves: [] };
    if (c.path.length === 2) g.leaves.push(c);
    else if (/^小计$/.test(labelKey(c.path[c.path.length - 1]!))) g.subtotal = c;
    else g.leaves.push(c);
    groups.set(name, g);
  }
  return { total, groups: [...groups.values()] };
}

export default defineRule({
  id: 'R08',
  relation: 'R8',
  title: { zh: '机构运转经费表：科目、单位与资金来源相加', en: 'Operating-cost table adds up' },
  problem: { zh: '机构运转经费表加起来不对', en: 'The operating-cost table does not add up' },
  explain: {
    zh: '机构运转经费预算表逐项列出保障机构运转的费用（办公费、印刷费、差旅费、公务用车运行维护费……）。合计 = 各费用项之和，部门行与单位行都应等于合计；每行合计 = 各资金来源之和。',
    en: 'Lists each operating-cost item. Total = sum of items = department row = unit row; each row\'s total = sum of its funding sources.',
  },
  example: { zh: '例：合计 49.68 = 办公费 8.02 + 印刷费 3.00 + … + 其他商品和服务支出 0.22。', en: 'E.g. 49.68 = 8.02 + 3.00 + … + 0.22.' },
  severity: 'error',
  group: 'arithmetic',
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    for (const t of tables(doc, 'operating-cost')) {
      const { total: totalCol, groups } = sourceGroups(t);
      if (!totalCol) continue;
      const total = totalRow(t);
      const items = t.rows.filter((r) => r.kind === 'item');
      const moneyCols = [totalCol, ...groups.flatMap((g) => [...(g.subtotal ? [g.subtotal] : []), ...g.leaves])];
      if (total && items.length) {
        for (const c of moneyCols) push(compareSum(ctx, term(t, total, c), items.map((r) => term(t, r, c)), { rule: 'R08', where: where(t, total) }));
      }
      for (const u of unitRows(t)) if (total) push(compareSum(ctx, term(t, u, totalCol), [term(t, total, totalCol)], { rule: 'R08', where: where(t, u) }));
      for (const r of t.rows) {
        const w = where(t, r);
        const parts: (Term | undefined)[] = [];
        for (const g of groups) {
          if (g.subtotal) {
            parts.push(term(t, r, g.subtotal));
            push(compareSum(ctx, term(t, r, g.subtotal), g.leaves.map((c) => term(t, r, c)), { rule: 'R08', where: w }));
          } else parts.push(...g.leaves.map((c) => term(t, r, c)));
        }
        push(compareSum(ctx, term(t, r, totalCol), parts, { rule: 'R08', where: w }));
      }
    }
    return out;
  },
});
