import { childRows, functionRows, rootRows, rowFullyRead, tables, totalRow, unitRows } from '../lookup';
import { cellTerm, compareRows, compareSum, where } from '../terms';
import { defineRule, type Finding } from '../types';
import type { Row, Table } from '../../recognize/model';

const BASIC_PARTS = ['basic.wages', 'basic.transfers', 'basic.goods', 'basic.capital', 'basic.personnel', 'basic.public'];
const PROJECT_PARTS = ['project.operating', 'project.specific'];
const TOTAL_PARTS = ['basic.total', 'project.total', 'remitUpper', 'operatingExp', 'affiliateSubsidy'];

function moneyKeys(t: Table): string[] {
  return t.columns.filter((c) => c.money && c.key).map((c) => c.key!);
}

export default defineRule({
  id: 'R03',
  relation: 'R3',
  title: { zh: '支出表：每行基本+项目、每列逐级相加', en: 'Expenditure tables add up across and down' },
  problem: { zh: '支出表的行或列加起来不对', en: 'The expenditure table does not add up' },
  explain: {
    zh: '支出表的每一行：合计 = 基本支出 + 项目支出；基本支出 = 人员经费（工资福利支出 + 对个人和家庭的补助）+ 公用经费（商品和服务支出 + 资本性支出）；项目支出 = 其他运转类 + 特定目标类。每一列：类 = 其下各款之和，款 = 其下各项之和，合计行 = 各类之和（预算表通常只列项，合计 = 各项之和）。',
    en: 'Across each row: total = basic + project spending; basic = personnel + running costs; project = operating + specific-purpose. Down each column: a 类 equals its 款, a 款 its 项, and the total row the sum of the top-level rows.',
  },
  example: {
    zh: '例：「行政运行」433.90 = 基本支出 433.90 + 项目支出 0；基本支出 433.90 = 工资福利 381.39 + 商品和服务 43.81 + 资本性 8.70。',
    en: 'E.g. row 行政运行: 433.90 = 433.90 + 0; 433.90 = 381.39 + 43.81 + 8.70.',
  },
  severity: 'error',
  group: 'arithmetic',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    for (const t of tables(doc, 'expenditure', 'general-public-expenditure', 'gov-fund-expenditure', 'state-capital-expenditure', 'final.expenditure', 'final.general-public-expenditure')) {
      const has = (k: string) => t.columns.some((c) => c.key === k);
      // total = basic + project only when both columns were found (an unrecognised column is not a part).
      const totalParts = has('basic.total') && has('project.total') ? TOTAL_PARTS : [];
      for (const r of t.rows) {
        if (!rowFullyRead(r)) continue;
        const w = where(t, r);
        push(compareSum(ctx, cellTerm(t, r, 'total'), totalParts.map((k) => cellTerm(t, r, k)), { rule: 'R03', where: w }));
        push(compareSum(ctx, cellTerm(t, r, 'basic.total'), BASIC_PARTS.map((k) => cellTerm(t, r, k)), { rule: 'R03', where: w }));
        push(compareSum(ctx, cellTerm(t, r, 'project.total'), PROJECT_PARTS.map((k) => cellTerm(t, r, k)), { rule: 'R03', where: w }));
      }
      out.push(...checkColumns(t, ctx, 'R03'));
    }
    return out;
  },
});

/** Down each money column: 合计 = Σ top-level code rows = Σ unit rows; each parent = Σ its children. */
function checkColumns(t: Table, ctx: Parameters<typeof compareSum>[0], rule: string): Finding[] {
  const out: Finding[] = [];
  const push = (f: Finding | undefined) => f && out.push(f);
  const total = totalRow(t);
  const fns = functionRows(t);
  const roots = rootRows(fns);
  const units = unitRows(t);
  // Rows with money but no code (a wrapped name, a row we could not place): sums down the columns would
  // miss them, so they are not checked while such rows exist.
  if (t.rows.some((r) => r.kind === 'item' && Object.values(r.values).some((c) => c.amount?.printed && c.amount.units !== 0))) return out;
  for (const key of moneyKeys(t)) {
    if (total && roots.length) push(compareRows(ctx, cellTerm(t, total, key), roots, (r) => cellTerm(t, r, key), { rule, where: where(t, total) }));
    if (total && units.length) {
      const top = units.filter((u) => (u.code ?? '').length <= 3);
      const list = top.length ? top : units;
      if (list.length === 1) push(compareSum(ctx, cellTerm(t, list[0]!, key), [cellTerm(t, total, key)], { rule, where: where(t, list[0]!) }));
      else push(compareSum(ctx, cellTerm(t, total, key), list.map((u) => cellTerm(t, u, key)), { rule, where: where(t, total) }));
    }
    for (const parent of fns) {
      if ((parent.code ?? '').length >= 7) continue;
      const kids: Row[] = childRows(fns, parent);
      if (kids.length) push(compareRows(ctx, cellTerm(t, parent, key), kids, (k) => cellTerm(t, k, key), { rule, where: where(t, parent) }));
    }
  }
  return out;
}
