import type { Grid, GridCell } from '../types';
import { cellText } from './cell-text';
import { isInlineHidden, tagOf } from './visibility';

const MAX_SPAN = 1000;

function spanAttr(el: Element, name: string): number {
  const v = el.getAttribute(name);
  if (v === null) return 1;
  const n = parseInt(v, 10);
  if (Number.isNaN(n) || n < 0) return 1;
  return Math.min(n, MAX_SPAN);
}

/**
 * The table's own rows (not those of nested tables), in document order, hidden rows left out. `groupEnd`
 * receives, for each row, the index after the last row of its row group (<thead>, <tbody>, <tfoot>, or a
 * run of rows directly in the table): where `rowspan="0"` stops.
 */
function tableRows(table: Element, isHidden?: (el: Element) => boolean, inHead?: Set<Element>, groupEnd?: number[]): Element[] {
  const rows: Element[] = [];
  const hidden = (e: Element) => isInlineHidden(e) || (isHidden ? isHidden(e) : false);
  let groupStart = 0;
  const closeGroup = () => {
    if (groupEnd) for (let i = groupStart; i < rows.length; i++) groupEnd[i] = rows.length;
    groupStart = rows.length;
  };
  for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
    const tag = tagOf(c);
    if (tag === 'tr') {
      if (!hidden(c)) rows.push(c);
    } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      closeGroup();
      if (hidden(c)) continue;
      for (let r = c.firstElementChild; r; r = r.nextElementSibling) {
        if (tagOf(r) === 'tr' && !hidden(r)) {
          rows.push(r);
          if (tag === 'thead' && inHead) inHead.add(r);
        }
      }
      closeGroup();
    }
  }
  closeGroup();
  return rows;
}

/**
 * Expand rowspan/colspan into a rectangular grid of slots, keeping each cell's element as its anchor
 * (the HTML table model, simplified: rowspan=0 runs to the end of its row group; spans are clamped to the table).
 */
export function buildGrid(table: Element, isHidden?: (el: Element) => boolean): Grid {
  const inHead = new Set<Element>();
  const groupEnd: number[] = [];
  const rows = tableRows(table, isHidden, inHead, groupEnd);
  const nRows = rows.length;
  const slots: (GridCell | null)[][] = rows.map(() => []);
  const cells: GridCell[] = [];
  let nCols = 0;
  const nested = { table: false };
  for (let r = 0; r < nRows; r++) {
    const slotRow = slots[r]!;
    let c = 0;
    for (let el = rows[r]!.firstElementChild; el; el = el.nextElementSibling) {
      const tag = tagOf(el);
      if (tag !== 'td' && tag !== 'th') continue;
      if (isInlineHidden(el) || (isHidden && isHidden(el))) continue;
      while (slotRow[c]) c++;
      let rs = spanAttr(el, 'rowspan');
      // rowspan=0 runs to the end of the row group (a header cell stays in <thead>).
      if (rs === 0) rs = (groupEnd[r] ?? nRows) - r;
      rs = Math.max(1, Math.min(rs, nRows - r));
      const cs = Math.max(1, spanAttr(el, 'colspan'));
      // Inside a visible cell only inline hiding is looked at: style sheets hide rows and cells, and asking
      // every <p>/<span> of a Word-pasted cell for its computed style would cost more than the analysis.
      const cell: GridCell = { text: cellText(el, undefined, nested), row: r, col: c, rowSpan: rs, colSpan: cs, anchor: { kind: 'dom', element: el } };
      cells.push(cell);
      for (let i = r; i < r + rs; i++) {
        const target = slots[i]!;
        for (let j = c; j < c + cs; j++) target[j] = cell;
      }
      c += cs;
      if (c > nCols) nCols = c;
    }
    if (slotRow.length > nCols) nCols = slotRow.length;
  }
  for (const row of slots) {
    for (let j = 0; j < nCols; j++) if (!row[j]) row[j] = null;
  }
  // Header rows the markup declares: <thead> rows, or leading rows made only of <th>.
  let headerHint = 0;
  while (headerHint < nRows) {
    const tr = rows[headerHint]!;
    if (inHead.has(tr)) {
      headerHint++;
      continue;
    }
    let th = 0;
    let td = 0;
    for (let el = tr.firstElementChild; el; el = el.nextElementSibling) {
      const tag = tagOf(el);
      if (tag === 'th') th++;
      else if (tag === 'td') td++;
    }
    if (th > 0 && td === 0) headerHint++;
    else break;
  }
  const grid: Grid = { nRows, nCols, cells, slots };
  if (nested.table) grid.nested = true;
  if (headerHint > 0 && headerHint < nRows) grid.headerHint = headerHint;
  return grid;
}
