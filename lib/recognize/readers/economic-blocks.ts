/** Side-by-side blocks of (code, name, amount) columns: the 决算 basic-expenditure table. */
import { labelKey } from '../../text/normalize';
import { codeFromParts } from '../codes';
import type { Cell, Row, Table } from '../model';
import { TOTAL_LABEL, makeCell, type RawRow } from './shared';

interface EconBlock {
  code: number[];
  name: number;
  amount: number;
}

/**
 * Side-by-side blocks of (code, name, amount) columns, as the 决算 basic-expenditure table prints them:
 * 301 工资福利支出 … on the left, 302 商品和服务支出 … on the right.
 */
export function economicBlocks(table: Table): EconBlock[] {
  const cols = table.columns;
  const last = (i: number) => labelKey(cols[i]!.path[cols[i]!.path.length - 1] ?? '');
  const names = cols.map((_, i) => i).filter((i) => /名称/.test(last(i)));
  if (names.length < 2) return [];
  const blocks: EconBlock[] = [];
  names.forEach((n, k) => {
    const prevEnd = k === 0 ? -1 : names[k - 1]!;
    const nextName = names[k + 1] ?? cols.length;
    const code: number[] = [];
    for (let i = prevEnd + 1; i < n; i++) if (/编码|代码|^类$|^款$|^项$/.test(last(i)) || cols[i]!.path.some((p) => /编码/.test(labelKey(p)))) code.push(i);
    let amount = -1;
    for (let i = n + 1; i < nextName; i++) {
      if (/编码|代码|^类$|^款$/.test(last(i))) break;
      amount = i;
      break;
    }
    if (amount >= 0) blocks.push({ code, name: n, amount });
  });
  return blocks;
}

export function readBlocks(table: Table, rows: RawRow[], blocks: EconBlock[]): void {
  for (const c of table.columns) c.key = null;
  blocks.forEach((b, k) => {
    table.columns[b.name]!.key = k === 0 ? 'econ.name' : `econ.name#${k + 1}`;
    table.columns[b.amount]!.key = k === 0 ? 'total' : `total#${k + 1}`;
    table.columns[b.amount]!.money = true;
  });
  for (const rr of rows) {
    for (const b of blocks) {
      const nameCell = rr.byCol[b.name];
      const amountCell = rr.byCol[b.amount];
      const parts = b.code.map((i) => (rr.byCol[i]?.text ?? '').replace(/\s+/g, ''));
      let code = parts.length >= 2 ? codeFromParts(parts[0], parts[1]) : parts[0] || undefined;
      if (code && !/^\d{3}(\d{2})?$/.test(code)) code = undefined;
      const label = (nameCell?.text ?? '').trim();
      if (!label && !code && !amountCell?.text) continue;
      const values: Record<string, Cell> = {};
      const cells: Cell[] = [];
      if (amountCell && amountCell.row === rr.gridRow) {
        const cell = makeCell(amountCell, table.id, true, rr.page);
        if (cell.amount) values['total'] = cell;
        if (amountCell.text) cells.push(cell);
      }
      const row: Row = { index: table.rows.length, gridRow: rr.gridRow, label, kind: 'item', values, texts: {}, cells };
      if (nameCell && nameCell.text) {
        row.labelCell = makeCell(nameCell, table.id, false, rr.page);
        cells.unshift(row.labelCell);
      }
      if (code) {
        row.code = code;
        row.kind = 'economic';
        row.level = code.length === 3 ? 1 : 2;
      } else if (/人员经费合计/.test(label)) (row.kind = 'total'), (row.key = 'personnel.total');
      else if (/公用经费合计/.test(label)) (row.kind = 'total'), (row.key = 'public.total');
      else if (TOTAL_LABEL.test(label)) row.kind = 'total';
      if (rr.page !== undefined) row.page = rr.page;
      table.rows.push(row);
    }
  }
}
