import { z } from 'zod';
import type { Analysis } from '../analyze';
import { tableLabel } from '../recognize/document';
import type { Cell, Table } from '../recognize/model';

/**
 * A thumbnail of a table for the printable report: its header and the rows around the cells the findings
 * cite, as text, with those cells marked. Text rather than pixels, so it prints sharp and needs no canvas.
 */
export const TableSnapshot = z.object({
  title: z.string(),
  page: z.number().int().positive().optional(),
  pageEnd: z.number().int().positive().optional(),
  header: z.array(z.string()),
  rows: z.array(z.object({ cells: z.array(z.string()), marks: z.array(z.enum(['', 'error', 'warning', 'info', 'related'])), gap: z.boolean().optional() })),
  /** Rows of the table left out of the thumbnail. */
  omitted: z.number().int().nonnegative(),
});
export type TableSnapshot = z.infer<typeof TableSnapshot>;

type Tone = TableSnapshot['rows'][number]['marks'][number];
const RANK: Record<Tone, number> = { error: 0, warning: 1, info: 2, related: 3, '': 4 };

/**
 * Each row's text by column. Cells recognition placed under a column key (values, texts) go there: Word's
 * irregular rows are realigned by recognition, so a cell's grid position is not always its column.
 */
function cellGrid(t: Table): { cells: string[]; cols: Map<Cell, number> }[] {
  const byKey = new Map(t.columns.map((c, j) => [c.key, j] as const));
  return t.rows.map((r) => {
    const cells = new Array<string>(t.columns.length).fill('');
    const cols = new Map<Cell, number>();
    for (const c of r.cells) {
      if (c.gridCol < cells.length && !cells[c.gridCol]) {
        cells[c.gridCol] = c.text;
        cols.set(c, c.gridCol);
      }
    }
    for (const [key, c] of [...Object.entries(r.values), ...Object.entries(r.texts)]) {
      const j = byKey.get(key);
      if (j === undefined) continue;
      if (cols.has(c) && cells[cols.get(c)!] === c.text) cells[cols.get(c)!] = '';
      cells[j] = c.text;
      cols.set(c, j);
    }
    return { cells, cols };
  });
}

/** Key-value layouts (整体绩效目标表) have no column header to show; their findings list the cells instead. */
const SKIP = new Set(['overall-performance']);

/** A column's label: its leaf, with the group above when leaves repeat (成本指标·三级指标). */
function headerOf(t: Table, j: number): string {
  const path = t.columns[j]?.path ?? [];
  const leaf = path[path.length - 1] ?? '';
  const repeated = t.columns.filter((c) => c.path[c.path.length - 1] === leaf).length > 1;
  return repeated && path.length >= 2 ? `${path[path.length - 2]}·${leaf}` : leaf;
}

export function tableSnapshots(a: Analysis, opts: { maxRows?: number; maxCols?: number } = {}): TableSnapshot[] {
  const maxRows = opts.maxRows ?? 24;
  const maxCols = opts.maxCols ?? 14;
  const marks = new Map<Table, Map<string, Tone>>();
  const grids = new Map<Table, ReturnType<typeof cellGrid>>();
  for (const f of a.findings) {
    for (const e of f.evidence) {
      if (e.kind !== 'cell' || SKIP.has(e.table.kind)) continue;
      const m = marks.get(e.table) ?? new Map<string, Tone>();
      marks.set(e.table, m);
      const grid = grids.get(e.table) ?? cellGrid(e.table);
      grids.set(e.table, grid);
      const row = grid.findIndex((r) => r.cols.has(e.cell));
      if (row < 0) continue;
      const key = `${row}:${grid[row]!.cols.get(e.cell)}`;
      const tone: Tone = e.role === 'printed' ? f.severity : 'related';
      if (RANK[tone] < RANK[m.get(key) ?? '']) m.set(key, tone);
    }
  }
  const out: TableSnapshot[] = [];
  for (const [t, m] of marks) {
    const grid = grids.get(t)!;
    const markedRows = new Set([...m.keys()].map((k) => Number(k.split(':')[0])));
    const keep = new Set<number>();
    if (grid.length <= maxRows) grid.forEach((_, i) => keep.add(i));
    else {
      for (const r of markedRows) for (let i = r - 1; i <= r + 1; i++) if (i >= 0 && i < grid.length) keep.add(i);
      const total = t.rows.findIndex((r) => r.kind === 'total');
      if (total >= 0) keep.add(total);
    }
    const sorted = [...keep].sort((x, y) => x - y).slice(0, maxRows * 2);
    // Columns: all when few; else the label columns and the columns with marks.
    const markedCols = new Set([...m.keys()].map((k) => Number(k.split(':')[1])));
    let cols = t.columns.map((_, j) => j);
    if (cols.length > maxCols) cols = cols.filter((j) => j < 2 || markedCols.has(j) || !t.columns[j]!.money).slice(0, maxCols);
    const rows: TableSnapshot['rows'] = [];
    const gap = () => rows.push({ cells: cols.map(() => '…'), marks: cols.map(() => ''), gap: true });
    let prev = -1;
    for (const i of sorted) {
      if (i > prev + 1) gap();
      rows.push({ cells: cols.map((j) => grid[i]!.cells[j] ?? ''), marks: cols.map((j) => m.get(`${i}:${j}`) ?? '') });
      prev = i;
    }
    if (prev < grid.length - 1) gap();
    const s: TableSnapshot = {
      title: tableLabel(t),
      header: cols.map((j) => headerOf(t, j)),
      rows,
      omitted: grid.length - sorted.length,
    };
    if (t.page !== undefined) s.page = t.page;
    if (t.pageEnd !== undefined && t.pageEnd !== t.page) s.pageEnd = t.pageEnd;
    out.push(s);
  }
  return out;
}
