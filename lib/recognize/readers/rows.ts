/** Row-per-code tables: by function (类/款/项) or by economic class, with totals and unit rows. */
import { labelKey } from '../../text/normalize';
import type { TableLayout } from '../catalog';
import { codeFromParts, codeKind, codeLevel, isUnitCode, splitLeadingCode } from '../codes';
import type { Row, Table } from '../model';
import { TOTAL_LABEL, colIndex, makeCell, rowCells, sameValues, textAt, type RawRow } from './shared';

export function readRows(table: Table, rows: RawRow[], layout: TableLayout | undefined): void {
  const nameCol = colIndex(table, 'name') ?? colIndex(table, 'econ.name');
  const cls = colIndex(table, 'code.class');
  const kuan = colIndex(table, 'code.kuan');
  const item = colIndex(table, 'code.item');
  const codeCol = colIndex(table, 'code');
  const unitCol = colIndex(table, 'unitCode');
  const eClass = colIndex(table, 'econ.class');
  const eItem = colIndex(table, 'econ.item');
  const eCode = colIndex(table, 'econ.code');
  for (const rr of rows) {
    const { cells, values, texts } = rowCells(table, rr);
    if (cells.length === 0) continue;
    let label = textAt(rr, nameCol);
    let code: string | undefined;
    if (layout === 'by-economic') {
      if (eClass !== undefined) code = codeFromParts(textAt(rr, eClass), textAt(rr, eItem));
      if (!code && eCode !== undefined) code = textAt(rr, eCode).replace(/\s+/g, '') || undefined;
      if (code && !/^\d{3}(\d{2})?$/.test(code)) code = undefined;
    } else {
      if (cls !== undefined) code = codeFromParts(textAt(rr, cls), textAt(rr, kuan), textAt(rr, item));
      if (!code && codeCol !== undefined) {
        const t = textAt(rr, codeCol);
        const s = splitLeadingCode(t);
        if (s && codeKind(s.code) === 'function') {
          code = s.code;
          if (!label && s.rest) label = s.rest;
        }
      }
    }
    if (!label) {
      // First text cell that is not a code and not money.
      const t = cells.find((c) => !c.amount && !/^\d+$/.test(c.text.replace(/\s+/g, '')));
      label = t?.text ?? '';
    }
    if (!code && layout !== 'by-economic' && layout !== 'projects' && layout !== 'project-grid') {
      const s = splitLeadingCode(label);
      if (s && s.rest && codeKind(s.code) === 'function') {
        code = s.code;
        label = s.rest;
      }
    }
    if (!code && layout === 'by-economic') {
      // Government (5xxxx) and department (3xxxx) economic codes side by side: the department's is the one
      // the 人员经费 / 公用经费 split follows.
      const coded = cells.filter((c) => !c.amount).map((c) => splitLeadingCode(c.text)).filter((x): x is { code: string; rest: string } => !!x && !!x.rest && codeKind(x.code) === 'economic');
      const s = coded.find((x) => x.code.startsWith('3')) ?? coded[0];
      if (s) {
        code = s.code;
        label = s.rest;
      }
    }
    const unitCode = unitCol !== undefined ? textAt(rr, unitCol).replace(/\s+/g, '') : '';
    let kind: Row['kind'] = 'item';
    if (TOTAL_LABEL.test(label.trim()) || TOTAL_LABEL.test(labelKey(label))) kind = 'total';
    else if (code && codeKind(code) === 'function' && layout !== 'by-economic') kind = 'function';
    else if (code && layout === 'by-economic') kind = 'economic';
    else if (unitCode && isUnitCode(unitCode) && !code) kind = 'unit';
    const row: Row = { index: table.rows.length, gridRow: rr.gridRow, label: label.trim(), kind, values, texts, cells };
    const labelCell = nameCol !== undefined ? rr.byCol[nameCol] : undefined;
    if (labelCell) row.labelCell = makeCell(labelCell, table.id, false, rr.page);
    if (code) {
      row.code = code;
      const lv = codeLevel(code);
      if (lv) row.level = lv;
    } else if (kind === 'unit') row.code = unitCode;
    if (rr.page !== undefined) row.page = rr.page;
    // The same coded row printed twice in a row: two rows of one code (two units' 气象服务), a row repeated at
    // a page break, or a child whose code was misprinted as its parent's. Which, the sums decide.
    const prev = table.rows[table.rows.length - 1];
    if ((kind === 'function' || kind === 'economic') && prev && prev.code === row.code && prev.label === row.label && sameValues(prev, row)) row.repeated = true;
    table.rows.push(row);
  }
}
