import type { Amount } from '../money/amount';
import { toDec } from '../money/amount';
import { format, type Dec } from '../money/decimal';
import { reconcile, type Reconciliation } from '../money/reconcile';
import type { MoneyUnit } from '../money/units';
import { tableLabel } from '../recognize/document';
import type { Cell, Claim, Row, Table } from '../recognize/model';
import type { Evidence, Finding, RuleContext, Severity } from './types';

/** One side of a relation: a printed amount with where it comes from and how to name it. */
export interface Term {
  amount: Amount;
  unit: MoneyUnit;
  label: string;
  sign?: 1 | -1;
  cell?: Cell;
  table?: Table;
  claim?: Claim;
  /** The cell holds text where an amount should be: the relation cannot be checked. */
  unreadable?: boolean;
  /** The unit was not printed anywhere for this figure's table (assumed 万元). */
  unitAssumed?: boolean;
}

export function cellTerm(table: Table, row: Row | undefined, key: string, label?: string): Term | undefined {
  const cell = row?.values[key];
  if (!cell?.amount) {
    // A money cell that holds something other than an amount (见附表, a garbled figure): unreadable, which
    // makes any relation through it unknown rather than a sum without it.
    const text = row?.texts[key];
    if (text && table.columns.some((c) => c.key === key && c.money)) return { amount: { units: 0, decimals: 0, raw: text.text, printed: false }, unit: table.unit, label: label ?? `${row!.label}·${columnName(table, key)}`, cell: text, table, unreadable: true };
    return undefined;
  }
  const col = table.columns.find((c) => c.key === key);
  const term: Term = { amount: cell.amount, unit: cell.amount.unit ?? col?.unit ?? table.unit, label: label ?? `${row!.label || '（无名称）'}·${columnName(table, key)}`, cell, table };
  if (!cell.amount.unit && !col?.unit && table.unitSource === 'default') term.unitAssumed = true;
  return term;
}

export function claimTerm(claim: Claim | undefined, label?: string): Term | undefined {
  if (!claim) return undefined;
  if (claim.value) return { amount: claim.value, unit: claim.unit ?? '万元', label: label ?? `说明中的${claim.label}`, claim };
  if (claim.none) return { amount: { units: 0, decimals: 0, raw: '无', printed: false }, unit: claim.unit ?? '万元', label: label ?? `说明中的${claim.label}`, claim };
  return undefined;
}

function columnName(table: Table, key: string): string {
  const col = table.columns.find((c) => c.key === key);
  if (!col) return key;
  const path = col.path.filter((p) => !/^(金额|小计)$/.test(p) || col.path.length === 1);
  return (path.length ? path : col.path).join('/') || key;
}

export function raw(t: Term): string {
  return t.amount.printed ? t.amount.raw : t.amount.raw === '无' ? '无' : '（空）';
}

function evidenceOf(t: Term, role: 'printed' | 'part' | 'compare'): Evidence | undefined {
  if (t.cell && t.table) return { kind: 'cell', cell: t.cell, role, label: t.label, table: t.table };
  if (t.claim) return { kind: 'claim', claim: t.claim, role, label: t.label };
  return undefined;
}

export function fmt(d: Dec, decimals: number): string {
  return format(d, decimals);
}

interface CompareOptions {
  rule: string;
  severity?: Severity;
  /** Where the relation sits, prefixing the message: "部门支出预算表「行政运行」行". */
  where: { zh: string; en: string };
  /** What the relation says, in words, when the default "A = B + C" reads badly. */
  relation?: { zh: string; en: string };
  /** Compare in this unit (default: the total's unit). */
  unit?: MoneyUnit;
}

function pageOf(terms: Term[]): number | undefined {
  for (const t of terms) {
    const p = t.cell?.page ?? t.claim?.source.page;
    if (p !== undefined) return p;
  }
  return undefined;
}

/**
 * Check total = Σ parts with the rounding envelope of the printed digits. Returns a finding when the
 * two sides differ (error outside the envelope, info inside it) and records a pass when they agree.
 */
export function compareSum(ctx: RuleContext, total: Term | undefined, parts: (Term | undefined)[], opt: CompareOptions): Finding | undefined {
  if (!total) return undefined;
  const ps = parts.filter((p): p is Term => !!p);
  if (ps.length === 0) return undefined;
  if (total.unreadable || ps.some((p) => p.unreadable)) return undefined;
  // Nothing printed on either side: nothing to check.
  if (!total.amount.printed && !ps.some((p) => p.amount.printed)) return undefined;
  // Absent is not zero: a blank total beside printed parts, or a printed total whose every part is blank,
  // says a row or column was not found (or the document leaves cells empty), not that the sum is wrong.
  if (!total.amount.printed || !ps.some((p) => p.amount.printed)) return undefined;
  // Units are resolved in recognition, never guessed here: a figure whose unit nobody printed is compared
  // only with figures in the same position (the same table's other cells).
  const terms = [total, ...ps];
  if (terms.some((t) => t.unitAssumed) && terms.some((t) => !t.unitAssumed)) return undefined;
  const unit = opt.unit ?? total.unit;
  const r = reconcile(
    { amount: total.amount, unit: total.unit },
    ps.map((p) => ({ amount: p.amount, unit: p.unit, sign: p.sign ?? 1 })),
    ctx.policy,
    unit,
  );
  const cells = [total, ...ps].map((t) => t.cell).filter((c): c is Cell => !!c);
  if (r.agreement === 'exact') {
    ctx.pass(opt.rule, cells);
    return undefined;
  }
  return sumFinding(opt, total, ps, r, unit);
}

/** Parts cap: a long sum names the parts that carry money and counts the rest. */
const SHOWN_PARTS = 8;

function sumText(parts: Term[]): string {
  const carrying = parts.filter((p) => p.amount.printed && p.amount.units !== 0);
  const shown = (parts.length > SHOWN_PARTS ? carrying : parts).slice(0, SHOWN_PARTS);
  const text = shown.map((p, i) => `${i === 0 ? (p.sign === -1 ? '−' : '') : p.sign === -1 ? ' − ' : ' + '}${p.label} ${raw(p)}`).join('');
  const rest = parts.length - shown.length;
  if (!rest) return text;
  const blank = parts.length - carrying.length;
  const more = carrying.length - shown.filter((p) => carrying.includes(p)).length;
  return `${text}${more ? ` + 另 ${more} 项` : ''}${blank ? `（另有 ${blank} 项为空或 0）` : ''}`;
}

/** A window of the text around `needle`, so that a quote always shows the words it is about. */
export function excerpt(text: string, needle: string, width = 40): string {
  const at = needle ? text.indexOf(needle) : -1;
  if (at < 0) return text.slice(0, width * 2 + needle.length);
  // The width counts printed characters only, so a page and its PDF (spaced differently) quote alike.
  let start = at;
  for (let n = 0; start > 0 && n < width; start--) if (!/\s/.test(text[start - 1]!)) n++;
  let end = at + needle.length;
  for (let n = 0; end < text.length && n < width; end++) if (!/\s/.test(text[end]!)) n++;
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

function sumFinding(opt: CompareOptions, total: Term, parts: Term[], r: Reconciliation, unit: MoneyUnit): Finding {
  const d = r.decimals;
  const expected = fmt(r.expected, d);
  const difference = fmt(r.difference, d);
  // The document's own string (507.4, not 507.40): what an auditor finds when they look.
  const printed = total.amount.printed ? total.amount.raw : fmt(r.printed, d);
  const rounding = r.agreement === 'rounding';
  const severity: Severity = rounding ? 'info' : opt.severity ?? 'error';
  const sumZh = sumText(parts);
  const unitNote = unit === total.unit ? '' : `（按${unit}比较）`;
  const one = parts.length === 1;
  const zh = opt.relation
    ? `${opt.where.zh}：${opt.relation.zh}，但 ${total.label} 为 ${raw(total)}，应为 ${expected}${unitNote}（差 ${difference}）`
    : one
      ? `${opt.where.zh}：${total.label} ${raw(total)} 与 ${parts[0]!.label} ${raw(parts[0]!)} 不一致${unitNote}（差 ${difference}）`
      : `${opt.where.zh}：${total.label} ${raw(total)} ≠ ${sumZh} = ${expected}${unitNote}（差 ${difference}）`;
  const en = opt.relation
    ? `${opt.where.en}: ${opt.relation.en}, but ${total.label} is ${raw(total)}; expected ${expected} (difference ${difference})`
    : one
      ? `${opt.where.en}: ${total.label} ${raw(total)} does not match ${parts[0]!.label} ${raw(parts[0]!)} (difference ${difference})`
      : `${opt.where.en}: ${total.label} ${raw(total)} ≠ sum of ${parts.length} parts = ${expected} (difference ${difference})`;
  const finding: Finding = {
    rule: opt.rule,
    severity,
    message: {
      zh: rounding ? `${zh}；差额在印刷位数的舍入范围内` : zh,
      en: rounding ? `${en}; the difference is within the rounding of the printed digits` : en,
    },
    expected,
    printed,
    difference,
    values: [total, ...parts].filter((t) => t.amount.printed).map((t) => t.amount.raw),
    evidence: [evidenceOf(total, 'printed'), ...parts.map((p) => evidenceOf(p, 'part'))].filter((e): e is Evidence => !!e),
  };
  const page = pageOf([total, ...parts]);
  if (page !== undefined) finding.page = page;
  return finding;
}

/** The parts of a relation whose first terms must all have been found: otherwise none (nothing is checked). */
export function withRequired(required: (Term | undefined)[], optional: (Term | undefined)[] = []): (Term | undefined)[] {
  return required.every((t) => !!t) ? [...required, ...optional] : [];
}

/**
 * total = Σ rows where some rows repeat the row above them: the relation holds if it holds with or without
 * the repeats (a row printed twice is either two rows or one).
 */
export function compareRows(ctx: RuleContext, total: Term | undefined, rows: readonly Row[], term: (r: Row) => Term | undefined, opt: CompareOptions): Finding | undefined {
  const f = compareSum(ctx, total, rows.map(term), opt);
  if (!f || !rows.some((r) => r.repeated)) return f;
  return compareSum(ctx, total, rows.filter((r) => !r.repeated).map(term), opt) ? f : undefined;
}

/** A finding that is not a sum: a label, a missing table, a plausibility flag. */
export function note(rule: string, severity: Severity, zh: string, en: string, evidence: Evidence[] = [], values: string[] = [], extra: Partial<Finding> = {}): Finding {
  const f: Finding = { rule, severity, message: { zh, en }, values, evidence, ...extra };
  if (f.page === undefined) {
    for (const e of evidence) {
      const p = e.kind === 'cell' ? e.cell.page : e.kind === 'claim' ? e.claim.source.page : e.table.page;
      if (p !== undefined) {
        f.page = p;
        break;
      }
    }
  }
  return f;
}

export function cellEvidence(t: Term | undefined, role: 'printed' | 'part' | 'compare' = 'printed'): Evidence[] {
  if (!t) return [];
  const e = evidenceOf(t, role);
  return e ? [e] : [];
}

export function tableEvidence(table: Table): Evidence {
  return { kind: 'table', table, label: tableLabel(table) };
}

/** Value of a term in a common unit, for comparisons that are not sums (≥, caps). */
export function decOf(t: Term, unit: MoneyUnit): Dec {
  return toDec(t.amount, t.unit, unit);
}

export function where(table: Table, row?: Row): { zh: string; en: string } {
  const name = tableLabel(table);
  if (!row) return { zh: name, en: name };
  const label = row.label || row.code || '（无名称行）';
  return { zh: `${name}「${label}」行`, en: `${name}, row "${label}"` };
}
