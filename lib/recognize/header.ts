import type { Grid, GridCell } from '../extract/types';
import { labelKey } from '../text/normalize';

interface HeaderInfo {
  /** Number of header rows, counted from the framed table's first row. */
  headerRows: number;
  /** For each column, the header texts from top to bottom (merged cells once). */
  paths: string[][];
  /** For each column, the header cells of its path (anchors for hover explanations). */
  pathCells: GridCell[][];
}

const MONEY_RE = /^[-(（]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\s?\d+)?[)）]?$/;
const DECIMAL_RE = /^[-(（]?(?:\d{1,3}(?:,\s?\d{3})+|\d+)(?:\.\s?\d+|,\d{3})[)）]?$/;
const TOTAL_RE = /^(合\s*计|总\s*计|本\s*年\s*(收\s*入|支\s*出)\s*合\s*计|(收\s*入|支\s*出)\s*(合\s*计|总\s*计)|合计[:：])$/;
const NUMBERED_RE = /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|\d{1,2}\s*[、.．](?!\d))/;
const CODE_RE = /^(?:\d{3}|\d{5}|\d{7}|\d{3}\s\d{1,2}(?:\s\d{1,2})?|\d{6}|\d{12,24})$/;

function startingCells(grid: Grid, r: number): GridCell[] {
  const out: GridCell[] = [];
  const seen = new Set<GridCell>();
  for (const c of grid.slots[r] ?? []) {
    if (c && c.row === r && !seen.has(c)) {
      seen.add(c);
      out.push(c);
    }
  }
  return out;
}

/** Does this row read as data (amounts, a total label, a numbered item, a code) rather than header? */
function isDataRow(grid: Grid, r: number): boolean {
  const cells = startingCells(grid, r).filter((c) => c.text !== '');
  if (cells.length === 0) return false;
  let labels = 0;
  let decimals = 0;
  for (const c of cells) {
    const t = c.text.trim();
    if (DECIMAL_RE.test(t)) decimals++;
    else if (!MONEY_RE.test(t)) labels++;
  }
  if (decimals > 0 && labels <= Math.max(3, decimals)) return true;
  // A 合计 row that shares its ruled row with the last header labels (类 | 款 | 项 | 合计 | 2,946.25 …).
  if (decimals > 0 && cells.some((c) => TOTAL_RE.test(c.text.trim()) && c.rowSpan === 1)) return true;
  const first = cells[0]!.text.trim();
  // A code in the first cell, or an indicator value (≤ 16.92 万元, ≥98%): header rows carry neither.
  if (CODE_RE.test(first) && cells.length >= 2) return true;
  if (cells.some((c) => /^[≤≥<>=＜＞]\s*\d/.test(c.text.trim()))) return true;
  if (labels >= 5) return false;
  if (TOTAL_RE.test(first.replace(/\s+/g, '')) || TOTAL_RE.test(first)) {
    // A 合计 column header usually spans several header rows; a 合计 data row is one row high.
    const total = cells.find((c) => TOTAL_RE.test(c.text.trim()));
    if (total && total.rowSpan === 1 && labels <= 2) return true;
  }
  if (NUMBERED_RE.test(first) && labels <= 3) return true;
  if (CODE_RE.test(first) && cells.length >= 2) return true;
  if (cells.some((c) => TOTAL_RE.test(c.text.trim()) && c.rowSpan === 1) && labels <= 2 && cells.length <= 3) return true;
  return false;
}

/** The row's own first two cells are empty: a continuation line, never a header row below the first. */
function startsBlank(grid: Grid, r: number): boolean {
  const row = grid.slots[r] ?? [];
  const a = row[0];
  const b = row[1];
  // …and it carries a value (a figure, a rate, ≤ 5 天): a header row whose merged cells a page break cut
  // also starts blank, but holds only labels.
  return !!a && !!b && a.row === r && b.row === r && !a.text && !b.text && row.some((c) => c && c.row === r && /\d|[≤≥<>]/.test(c.text));
}

/**
 * A lower header row either fills many columns or splits a wider label above it (基本支出 → 小计 | 人员经费 …).
 * A few short texts under leaf labels (份 under 三级指标: the tail of an indicator cut by a page break)
 * are data, however label-like they look.
 */
function subHeaderShape(grid: Grid, r: number): boolean {
  const cells = startingCells(grid, r).filter((c) => c.text !== '');
  if (cells.length === 0 || cells.length * 2 >= grid.nCols) return true;
  return cells.some((c) => {
    const above = grid.slots[r - 1]?.[c.col];
    return c.colSpan > 1 || !above || above.colSpan > c.colSpan || above.text === '';
  });
}

/** Header rows are the top rows up to the first data-looking row (at most six). */
export function detectHeader(grid: Grid, firstRow: number, endRow: number): HeaderInfo {
  let r = firstRow;
  if (grid.headerHint && grid.headerHint > firstRow && grid.headerHint <= endRow) r = grid.headerHint;
  else while (r < endRow && r - firstRow < 6 && !isDataRow(grid, r) && !(r > firstRow && (startsBlank(grid, r) || !subHeaderShape(grid, r)))) r++;
  if (r - firstRow >= 6 && r < endRow) {
    r = firstRow + 1;
  }
  // Header cells that span into the data region end the header where they end.
  const headerRows = r - firstRow;
  const paths: string[][] = [];
  const pathCells: GridCell[][] = [];
  for (let j = 0; j < grid.nCols; j++) {
    const path: string[] = [];
    const cells: GridCell[] = [];
    let prev: GridCell | null = null;
    for (let i = firstRow; i < r; i++) {
      const c = grid.slots[i]![j] ?? null;
      if (c && c !== prev && c.text) {
        path.push(c.text);
        cells.push(c);
      }
      prev = c;
    }
    paths.push(path);
    pathCells.push(cells);
  }
  return { headerRows, paths, pathCells };
}

/** Header path texts normalised for matching. */
export function pathKeys(path: readonly string[]): string[] {
  return path.map((p) => labelKey(p));
}
