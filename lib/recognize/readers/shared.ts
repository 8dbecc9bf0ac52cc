/** What every table reader shares: cells as the rules see them, raw grid rows, column lookups. */
import type { GridCell } from '../../extract/types';
import { parseAmount } from '../../money/amount';
import type { FramedTable } from '../frame';
import type { Cell, Row, Table } from '../model';

export function makeCell(g: GridCell, tableId: string, money: boolean, page?: number): Cell {
  const cell: Cell = { text: g.text, anchor: g.anchor, gridRow: g.row, gridCol: g.col, tableId };
  if (money) {
    const a = parseAmount(g.text, { numericColumn: true });
    if (a) cell.amount = a;
  }
  if (page !== undefined) cell.page = page;
  return cell;
}

export interface RawRow {
  gridRow: number;
  /** Cells by column index (covering cells for text columns, own cells for money columns). */
  byCol: (GridCell | null)[];
  own: GridCell[];
  page?: number;
}

export function rawRows(f: FramedTable, start: number, pageOfRow?: number[]): RawRow[] {
  const out: RawRow[] = [];
  const g = f.grid;
  for (let r = start; r < f.endRow; r++) {
    const slots = g.slots[r]!;
    const own: GridCell[] = [];
    const seen = new Set<GridCell>();
    for (const c of slots) if (c && c.row === r && !seen.has(c)) (seen.add(c), own.push(c));
    if (!own.some((c) => c.text)) continue;
    const rr: RawRow = { gridRow: r, byCol: slots.slice(), own };
    const page = pageOfRow?.[r];
    if (page !== undefined) rr.page = page;
    out.push(rr);
  }
  return out;
}

export function textAt(rr: RawRow, col: number | undefined): string {
  if (col === undefined) return '';
  return rr.byCol[col]?.text ?? '';
}

export function colIndex(table: Table, key: string): number | undefined {
  return table.columns.find((c) => c.key === key)?.index;
}

export function rowCells(table: Table, rr: RawRow): { cells: Cell[]; values: Record<string, Cell>; texts: Record<string, Cell> } {
  const cells: Cell[] = [];
  const values: Record<string, Cell> = {};
  const texts: Record<string, Cell> = {};
  const seen = new Set<GridCell>();
  for (const col of table.columns) {
    const g = rr.byCol[col.index];
    if (!g || seen.has(g)) continue;
    seen.add(g);
    const own = g.row === rr.gridRow;
    if (col.money && !own) continue;
    const cell = makeCell(g, table.id, col.money, rr.page);
    if (col.money && col.key) {
      // A money column holding text (a note, a stray label) is kept as text, not as an amount.
      if (cell.amount) values[col.key] = cell;
      else if (g.text) texts[col.key] = cell;
    } else if (col.key && g.text) texts[col.key] = cell;
    else if (!col.key && own && g.text) {
      // A column without a standard meaning: keep a printed amount under its position.
      const a = parseAmount(g.text);
      if (a && a.printed) {
        cell.amount = a;
        values[`col${col.index}`] = cell;
      } else texts[`col${col.index}`] = cell;
    }
    if (g.text) cells.push(cell);
  }
  return { cells, values, texts };
}

/** The same amounts in the same recognised columns. */
export function sameValues(a: Row, b: Row): boolean {
  const keyed = (r: Row) => Object.keys(r.values).filter((k) => !/^col\d+$/.test(k) && r.values[k]!.amount?.printed);
  const ka = keyed(a);
  const kb = keyed(b);
  return ka.length === kb.length && ka.every((k) => b.values[k]?.amount?.printed && b.values[k]!.amount!.units === a.values[k]!.amount!.units && b.values[k]!.amount!.decimals === a.values[k]!.amount!.decimals);
}

export const TOTAL_LABEL = /^(合\s*计|总\s*计|合计[:：]?)$/;
