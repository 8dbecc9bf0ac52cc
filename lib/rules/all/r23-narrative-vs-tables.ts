import { ledgerRow, table, totalRow } from '../lookup';
import { cellTerm, claimTerm, compareSum, note, tableEvidence, type Term } from '../terms';
import { defineRule, type Finding } from '../types';
import type { BudgetDoc, Claim, Row, Table } from '../../recognize/model';
import type { TableKind } from '../../recognize/catalog';
import { tableLabel } from '../../recognize/document';
import { leafRows } from './r12-function-totals';

type Source = { kinds: TableKind[]; row: 'total' | string; col: string; label: string };

/** Where each narrative figure is printed in the tables (first table found wins). */
const FINAL_SOURCES: Record<string, Source[]> = {
  'income.grand': [{ kinds: ['final.income-expenditure'], row: 'income.grand', col: 'income.amount', label: '总计' }],
  'income.total': [{ kinds: ['final.income-expenditure'], row: 'income.total', col: 'income.amount', label: '本年收入合计' }],
  'income.fiscal': [{ kinds: ['final.income'], row: 'total', col: 'fiscal', label: '财政拨款收入' }],
  'income.other': [{ kinds: ['final.income'], row: 'total', col: 'other', label: '其他收入' }, { kinds: ['final.income-expenditure'], row: 'income.other', col: 'income.amount', label: '其他收入' }],
  'income.business': [{ kinds: ['final.income'], row: 'total', col: 'business', label: '事业收入' }],
  'income.upper': [{ kinds: ['final.income'], row: 'total', col: 'upper', label: '上级补助收入' }],
  'exp.total': [{ kinds: ['final.income-expenditure'], row: 'exp.total', col: 'exp.amount', label: '本年支出合计' }, { kinds: ['final.expenditure'], row: 'total', col: 'total', label: '本年支出合计' }],
  'exp.basic': [{ kinds: ['final.expenditure'], row: 'total', col: 'basic.total', label: '基本支出' }],
  'exp.project': [{ kinds: ['final.expenditure'], row: 'total', col: 'project.total', label: '项目支出' }],
  'fiscal.grand': [{ kinds: ['final.fiscal-income-expenditure'], row: 'income.grand', col: 'income.amount', label: '总计' }],
  'gp.exp': [{ kinds: ['final.general-public-expenditure'], row: 'total', col: 'total', label: '合计' }],
  'basic.total': [{ kinds: ['final.general-public-expenditure'], row: 'total', col: 'basic.total', label: '基本支出' }],
  'basic.personnel': [{ kinds: ['final.general-public-basic'], row: 'personnel.total', col: 'total', label: '人员经费合计' }],
  'basic.public': [{ kinds: ['final.general-public-basic'], row: 'public.total', col: 'total', label: '公用经费合计' }],
  'threePublic.total': [{ kinds: ['final.three-public'], row: 'data', col: 'final.total', label: '“三公”经费决算数' }],
  'threePublic.abroad': [{ kinds: ['final.three-public'], row: 'data', col: 'final.abroad', label: '因公出国（境）费决算数' }],
  'threePublic.vehicle': [{ kinds: ['final.three-public'], row: 'data', col: 'final.vehicle', label: '公务用车购置及运行费决算数' }],
  'threePublic.reception': [{ kinds: ['final.three-public'], row: 'data', col: 'final.reception', label: '公务接待费决算数' }],
  'fund.exp': [{ kinds: ['final.gov-fund'], row: 'total', col: 'exp.total', label: '本年支出' }],
  'capital.exp': [{ kinds: ['final.state-capital'], row: 'total', col: 'exp.total', label: '本年支出' }],
};

/** Budget figures stated beside the actual ones (决算: 年初预算为 B). */
const FINAL_BUDGET_SOURCES: Record<string, Source[]> = {
  'threePublic.total': [{ kinds: ['final.three-public'], row: 'data', col: 'budget.total', label: '“三公”经费预算数' }],
};

const SOURCES: Record<string, Source[]> = {
  'income.grand': [{ kinds: ['income-expenditure'], row: 'income.grand', col: 'income.amount', label: '收入总计' }],
  'exp.grand': [{ kinds: ['income-expenditure'], row: 'exp.grand', col: 'exp.amount', label: '支出总计' }],
  'income.total': [{ kinds: ['income-expenditure'], row: 'income.total', col: 'income.amount', label: '本年收入合计' }],
  'income.gp': [{ kinds: ['income-expenditure'], row: 'income.gp', col: 'income.amount', label: '一般公共预算收入' }],
  'exp.total': [
    { kinds: ['income-expenditure'], row: 'exp.total', col: 'exp.amount', label: '本年支出合计' },
    { kinds: ['expenditure'], row: 'total', col: 'total', label: '合计' },
  ],
  'exp.basic': [{ kinds: ['expenditure'], row: 'total', col: 'basic.total', label: '基本支出' }],
  'exp.project': [{ kinds: ['expenditure'], row: 'total', col: 'project.total', label: '项目支出' }],
  'fiscal.gp': [{ kinds: ['fiscal-income-expenditure'], row: 'exp.grand', col: 'exp.gp', label: '一般公共预算支出合计' }, { kinds: ['fiscal-income-expenditure'], row: 'income.gp', col: 'income.amount', label: '一般公共预算拨款' }],
  'fiscal.fund': [{ kinds: ['fiscal-income-expenditure'], row: 'income.fund', col: 'income.amount', label: '政府性基金预算拨款' }],
  'gp.exp': [{ kinds: ['general-public-expenditure'], row: 'total', col: 'total', label: '合计' }],
  'gp.basic': [{ kinds: ['general-public-expenditure'], row: 'total', col: 'basic.total', label: '基本支出' }],
  'gp.project': [{ kinds: ['general-public-expenditure'], row: 'total', col: 'project.total', label: '项目支出' }],
  'basic.total': [{ kinds: ['general-public-basic'], row: 'total', col: 'total', label: '合计' }],
  'basic.personnel': [{ kinds: ['general-public-basic'], row: 'total', col: 'personnel', label: '人员经费' }],
  'basic.public': [{ kinds: ['general-public-basic'], row: 'total', col: 'public', label: '公用经费' }],
  'threePublic.total': [{ kinds: ['three-public'], row: 'data', col: 'total', label: '“三公”经费合计' }],
  'threePublic.abroad': [{ kinds: ['three-public'], row: 'data', col: 'abroad', label: '因公出国（境）费' }],
  'threePublic.reception': [{ kinds: ['three-public'], row: 'data', col: 'reception', label: '公务接待费' }],
  'threePublic.vehicle': [{ kinds: ['three-public'], row: 'data', col: 'vehicle', label: '公务用车购置及运行费' }],
  'threePublic.vehicle.purchase': [{ kinds: ['three-public'], row: 'data', col: 'vehicle.purchase', label: '公务用车购置费' }],
  'threePublic.vehicle.run': [{ kinds: ['three-public'], row: 'data', col: 'vehicle.run', label: '公务用车运行费' }],
  'fund.exp': [{ kinds: ['gov-fund-expenditure'], row: 'total', col: 'total', label: '合计' }],
  'capital.exp': [{ kinds: ['state-capital-expenditure'], row: 'total', col: 'total', label: '合计' }],
  operatingCost: [{ kinds: ['operating-cost'], row: 'total', col: 'total', label: '合计' }],
  'performance.amount': [{ kinds: ['projects'], row: 'total', col: 'total', label: '合计' }, { kinds: ['expenditure'], row: 'total', col: 'project.total', label: '项目支出' }],
};

function findRow(t: Table, row: string): Row | undefined {
  if (row === 'total') return totalRow(t) ?? (t.kind === 'projects' ? undefined : undefined);
  if (row === 'data') return t.rows.find((r) => Object.values(r.values).some((c) => c.amount?.printed)) ?? t.rows[0];
  return ledgerRow(t, row);
}

const BLANK = { units: 0, decimals: 0, raw: '', printed: false };

/** The table figure a claim should equal, or undefined when no table prints it. */
function tableTermFor(doc: BudgetDoc, c: Claim, which: 'value' | 'budget' = 'value'): Term | undefined {
  const final = doc.kind === 'final-accounts';
  const map = which === 'budget' ? FINAL_BUDGET_SOURCES : final ? FINAL_SOURCES : SOURCES;
  for (const s of map[c.key] ?? []) {
    const t = table(doc, ...s.kinds);
    if (!t) continue;
    const row = findRow(t, s.row);
    const label = `${tableLabel(t)}${s.label}`;
    if (!row) {
      // A table with no data row (empty 三公 or 基金 table) prints nothing: zero.
      // A table that says it is empty prints zero; one we could not read prints nothing we know.
      if (t.declaredEmpty) return { amount: { ...BLANK }, unit: t.unit, label: `${label}（空表）`, table: t };
      continue;
    }
    const term = cellTerm(t, row, s.col, label);
    if (term) return term;
    if (t.columns.some((col) => col.key === s.col)) return { amount: { ...BLANK }, unit: t.unit, label: `${label}（空）`, table: t };
  }
  return undefined;
}

/**
 * A 类 of the general-budget 决算 table, as its most detailed rows: a class printed as the rounded sum of
 * rounded 项 may differ by a cent from a figure rounded once, and the envelope must allow for that.
 */
function classParts(doc: BudgetDoc, code: string): Term[] | undefined {
  const t = table(doc, 'final.general-public-expenditure');
  if (!t) return undefined;
  const leaves = leafRows(t).filter((r) => r.code!.startsWith(code));
  const terms = leaves.map((r) => cellTerm(t, r, 'total', `${tableLabel(t)}「${r.code} ${r.label}」`)).filter((x): x is Term => !!x);
  return terms.length ? terms : undefined;
}

export default defineRule({
  id: 'R23',
  relation: 'R23',
  title: { zh: '说明中的数字与表格一致', en: 'Figures in the text match the tables' },
  problem: { zh: '说明中的数字与表格不一致', en: 'A figure in the narrative differs from the table' },
  explain: {
    zh: '情况说明里的每个金额（收入总计、基本支出、人员经费、“三公”经费、机构运转经费……）都应能在附表中找到同一个数。说明写“无政府性基金预算拨款安排的支出”时，对应的表应为空。',
    en: 'Every amount in the explanatory text should be the same figure as in the attached tables; "none" statements should match empty tables.',
  },
  example: { zh: '例：说明“基本支出 562.63 万元”= 部门支出预算表合计行基本支出 562.63。', en: 'E.g. "basic spending 562.63" = the table\'s 562.63.' },
  severity: 'error',
  group: 'narrative',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    for (const c of doc.claims) {
      // The budget beside an actual (决算: 年初预算为 B).
      if (c.budget && doc.kind === 'final-accounts') {
        const bt = tableTermFor(doc, c, 'budget');
        if (bt) {
          const f = compareSum(ctx, { amount: c.budget, unit: c.unit ?? '万元', label: `说明中的${c.label}预算数`, claim: c }, [bt], { rule: 'R23', where: { zh: `说明与表格（${c.label}）`, en: `Text vs table (${c.label})` } });
          if (f) out.push(f);
        }
      }
      const fn = /^gp\.fn:(\d{3})$/.exec(c.key);
      if (fn && doc.kind === 'final-accounts') {
        const parts = classParts(doc, fn[1]!);
        const ct = claimTerm(c);
        if (parts && ct) {
          const f = compareSum(ctx, ct, parts, { rule: 'R23', where: { zh: `说明与表格（${c.label}）`, en: `Text vs table (${c.label})` } });
          if (f) out.push(f);
        }
        continue;
      }
      const tt = tableTermFor(doc, c);
      if (!tt) continue;
      const ct = claimTerm(c);
      if (!ct) continue;
      if (c.none) {
        if (tt.amount.printed && tt.amount.units !== 0) {
          out.push(note('R23', 'error', `说明称“${c.source.quote.slice(0, 40)}”，但${tt.label}为 ${tt.amount.raw}`, `The text says there is none, but ${tt.label} is ${tt.amount.raw}`, [{ kind: 'claim', claim: c, role: 'printed', label: c.label }, ...(tt.cell && tt.table ? [{ kind: 'cell' as const, cell: tt.cell, role: 'compare' as const, label: tt.label, table: tt.table }] : tt.table ? [tableEvidence(tt.table)] : [])], [tt.amount.raw]));
        } else ctx.pass('R23', tt.cell ? [tt.cell] : []);
        continue;
      }
      const f = compareSum(ctx, ct, [tt], {
        rule: 'R23',
        where: { zh: `说明与表格（${c.section?.slice(0, 24) ?? c.label}）`, en: `Text vs table (${c.label})` },
        unit: ct.unit,
      });
      if (f) out.push(f);
    }
    return out;
  },
});
