/** The two-sided ledgers: 收支总表 and 财政拨款收支表, income rows left, spending rows right. */
import { expenditureRowKey, incomeRowKey, mirrorIncomeKey, type LedgerSection } from '../ledger';
import type { Cell, Row, Table } from '../model';
import { colIndex, makeCell, rowCells, textAt, type RawRow } from './shared';

export function readLedger(table: Table, rows: RawRow[]): void {
  const incItem = colIndex(table, 'income.item');
  const expItem = colIndex(table, 'exp.item');
  let section: LedgerSection = 'year';
  const incomeKeys = table.columns.filter((c) => c.key?.startsWith('income.') && c.money);
  const expKeys = table.columns.filter((c) => c.key?.startsWith('exp.') && c.money);
  for (const rr of rows) {
    const { values } = rowCells(table, rr);
    const page = rr.page;
    const incLabel = incItem !== undefined ? textAt(rr, incItem) : '';
    const expLabel = expItem !== undefined ? textAt(rr, expItem) : '';
    const incValues: Record<string, Cell> = {};
    for (const c of incomeKeys) if (values[c.key!]) incValues[c.key!] = values[c.key!]!;
    const expValues: Record<string, Cell> = {};
    for (const c of expKeys) if (values[c.key!]) expValues[c.key!] = values[c.key!]!;
    const exp = expenditureRowKey(expLabel);
    let inc = incomeRowKey(incLabel, section);
    section = inc.section;
    if (!incLabel && exp.key && mirrorIncomeKey(exp.key) && Object.values(incValues).some((c) => c.amount?.printed)) {
      inc = { key: mirrorIncomeKey(exp.key)!, section };
    }
    const mk = (side: 'income' | 'expenditure', label: string, key: string | undefined, vals: Record<string, Cell>, labelCol?: number): Row | undefined => {
      if (!label && !Object.values(vals).some((c) => c.amount?.printed)) return undefined;
      const cells = Object.values(vals);
      const row: Row = { index: table.rows.length, label: label.trim(), kind: 'item', side, values: vals, texts: {}, cells };
      if (key) row.key = key;
      if (key?.startsWith('fn:')) {
        row.kind = 'function';
        row.code = key.slice(3);
        row.level = 1;
      }
      if (/grand|total/.test(key ?? '')) row.kind = 'total';
      const lc = labelCol !== undefined ? rr.byCol[labelCol] : undefined;
      if (lc && lc.text) {
        row.labelCell = makeCell(lc, table.id, false, page);
        row.cells.unshift(row.labelCell);
      }
      if (page !== undefined) row.page = page;
      table.rows.push(row);
      return row;
    };
    mk('income', incLabel, inc.key, incValues, incItem);
    const er = mk('expenditure', expLabel, exp.key, expValues, expItem);
    if (er && exp.legacy) er.legacyLabel = true;
  }
}
