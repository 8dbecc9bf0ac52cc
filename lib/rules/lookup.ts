import type { TableKind } from '../recognize/catalog';
import type { BudgetDoc, Claim, Row, Table } from '../recognize/model';

export function tables(doc: BudgetDoc, ...kinds: TableKind[]): Table[] {
  return doc.tables.filter((t) => (kinds as string[]).includes(t.kind));
}

export function table(doc: BudgetDoc, ...kinds: TableKind[]): Table | undefined {
  for (const k of kinds) {
    const t = doc.tables.find((x) => x.kind === k);
    if (t) return t;
  }
  return undefined;
}

export function ledgerRow(t: Table, key: string): Row | undefined {
  return t.rows.find((r) => r.key === key);
}

/** The 合计 row of a row-per-code table. */
export function totalRow(t: Table): Row | undefined {
  return t.rows.find((r) => r.kind === 'total');
}

export function functionRows(t: Table): Row[] {
  return t.rows.filter((r) => r.kind === 'function' && r.code);
}

/** Rows whose code has no ancestor among the table's rows (类 rows when present, else 款 or 项). */
export function rootRows(rows: readonly Row[]): Row[] {
  const codes = new Set(rows.map((r) => r.code));
  return rows.filter((r) => {
    const c = r.code!;
    for (let len = c.length - 2; len >= 3; len -= 2) if (codes.has(c.slice(0, len))) return false;
    return true;
  });
}

/**
 * Direct children of a coded row (款 under 类, 项 under 款): the rows that follow it, up to the next row at
 * its level or above. Read by position, so a table that repeats the hierarchy per unit (one block per
 * subordinate unit) keeps each block's children with its own parent.
 */
export function childRows(rows: readonly Row[], parent: Row): Row[] {
  const p = parent.code!;
  const start = rows.indexOf(parent);
  const block: Row[] = [];
  for (let i = start + 1; i < rows.length; i++) {
    const c = rows[i]!.code ?? '';
    if (c.length <= p.length || !c.startsWith(p)) break;
    block.push(rows[i]!);
  }
  const direct = block.filter((r) => r.code!.length === p.length + 2);
  if (direct.length) return direct;
  // 款 rows missing: 项 directly under the 类.
  if (p.length === 3) return block.filter((r) => r.code!.length === 7);
  return [];
}

export function unitRows(t: Table): Row[] {
  return t.rows.filter((r) => r.kind === 'unit');
}

export function claims(doc: BudgetDoc, key: string): Claim[] {
  return doc.claims.filter((c) => c.key === key);
}

export function claim(doc: BudgetDoc, key: string): Claim | undefined {
  return doc.claims.find((c) => c.key === key);
}

/**
 * Rows on one side of a ledger that carry a printed, non-zero amount but were given no meaning. While any
 * exist, a sum over that side's rows is not known to be complete, and is not checked.
 */
export function unreadLedgerRows(t: Table, side: 'income' | 'expenditure'): Row[] {
  return t.rows.filter((r) => r.side === side && !r.key && Object.values(r.values).some((c) => c.amount?.printed && c.amount.units !== 0));
}

/**
 * A row whose printed amounts all sit in recognised columns. An amount in a column nobody recognised may be
 * a part of the row's total (or not): relations across such a row are not checked.
 */
export function rowFullyRead(row: Row): boolean {
  return !Object.entries(row.values).some(([k, c]) => /^col\d+$/.test(k) && c.amount?.printed && c.amount.units !== 0);
}

/** How deep a label's enumerator puts it: 一、 (1), （一） (2), 1. or 1、 (3), (1) (4); unnumbered rows 0. */
export function enumeratorLevel(label: string): number {
  const t = label.replace(/\s+/g, '');
  if (/^[一二三四五六七八九十]+[、.．]/.test(t)) return 1;
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(t)) return 2;
  if (/^\d{1,2}[.、．](?!\d)/.test(t)) return 3;
  if (/^[（(]\d{1,2}[)）]/.test(t)) return 4;
  return 0;
}

/**
 * The rows numbered under a parent: those after it with a deeper enumerator (unnumbered rows count as the
 * deepest), up to the next at its level.
 */
export function childrenByEnumerator(rows: readonly Row[], parent: Row): Row[] {
  const level = enumeratorLevel(parent.label);
  if (level === 0) return [];
  const depth = (r: Row) => enumeratorLevel(r.label) || 9;
  const out: Row[] = [];
  for (let i = rows.indexOf(parent) + 1; i < rows.length; i++) {
    const l = depth(rows[i]!);
    if (l <= level) break;
    if (out.length === 0 || l === depth(out[0]!)) out.push(rows[i]!);
  }
  return out;
}
