import { unitFromHeader, type MoneyUnit } from '../money/units';
import { labelKey } from '../text/normalize';
import { kindInfo, titleCore, type TableKind, type TableLayout } from './catalog';
import { isMoneyKey, mapColumns } from './columns';
import type { FramedTable } from './frame';
import { detectHeader, pathKeys } from './header';
import type { Column, Table } from './model';

import { economicBlocks, readBlocks } from './readers/economic-blocks';
import { readKeyValue } from './readers/key-value';
import { readLedger } from './readers/ledger';
import { readProjects } from './readers/projects';
import { readRows } from './readers/rows';
import { rawRows } from './readers/shared';
import { readThreePublicByRow } from './readers/three-public';

const EMPTY_NOTE = /此表无数据|本表无数据|无.{0,20}(支出|收入|经费)[^，。]*[，,]?\s*(故|因此)?(此|本)表(为空|无数据)|表格为空|此表为空|本表为空/;

interface TableBuildContext {
  defaultUnit?: MoneyUnit;
  nextId: () => string;
}

/** Guess a table's kind from its header when the title is missing or names no standard table. */
export function kindFromHeader(headerText: string, seen: ReadonlySet<TableKind>): TableKind | undefined {
  const h = headerText;
  const final = /决算/.test(h);
  if (/三公/.test(h) && /因公出国|公务接待/.test(h)) return final ? 'final.three-public' : 'three-public';
  if (/一级指标/.test(h) && /三级指标/.test(h)) return /项目(名称|\)名称)|单位[（(]项目[)）]名称|项目支出/.test(h) ? 'project-performance' : 'overall-performance';
  if (/(成本|产出)指标/.test(h) && /(资金总额|项目金额)/.test(h)) return 'project-performance';
  if (/项目类别/.test(h) && /资金来源/.test(h)) return 'operating-cost';
  if (/(项目名称|项目\)名称)/.test(h) && /本年拨款/.test(h)) return 'projects';
  if (/经济分类/.test(h) && /人员经费/.test(h) && /公用经费/.test(h)) return final ? 'final.general-public-basic' : 'general-public-basic';
  if (/经济分类/.test(h) && /(总计|事业收入)/.test(h)) return 'economic-summary';
  if (/收入/.test(h) && /支出/.test(h) && /(金额|决算数|预算数|本年预算)/.test(h) && /项目/.test(h)) {
    if (/一般公共预算/.test(h) && /政府性基金/.test(h)) return final ? 'final.fiscal-income-expenditure' : 'fiscal-income-expenditure';
    return final ? 'final.income-expenditure' : 'income-expenditure';
  }
  if (/本年收入/.test(h) && /上年结转/.test(h) && /(代码|名称)/.test(h)) return 'income';
  if (/基本支出/.test(h) && /项目支出/.test(h)) {
    if (final) return seen.has('final.expenditure') ? 'final.general-public-expenditure' : 'final.expenditure';
    return seen.has('expenditure') ? 'general-public-expenditure' : 'expenditure';
  }
  if (final && /财政拨款/.test(h) && /上级补助/.test(h)) return 'final.income';
  return undefined;
}

/** Build a recognised table from a framed grid. */
export function buildTable(f: FramedTable, ctx: TableBuildContext, seen: ReadonlySet<TableKind>): Table {
  const id = ctx.nextId();
  const header = detectHeader(f.grid, f.firstRow, f.endRow);
  const keyed = header.paths.map(pathKeys);
  const headerText = keyed.map((p) => p.join('/')).join('|');
  let kind: TableKind | undefined = f.kind;
  if (!kind) kind = kindFromHeader(headerText, seen);
  const keys = mapColumns(kind, keyed);
  const columns: Column[] = keys.map((key, index) => {
    const col: Column = { index, key, path: header.paths[index] ?? [], headerCells: header.pathCells[index] ?? [], money: isMoneyKey(key) };
    for (const p of col.path) {
      const u = unitFromHeader(p);
      if (u) col.unit = u;
    }
    return col;
  });
  let unit: MoneyUnit = '万元';
  let unitSource: Table['unitSource'] = 'default';
  const headerUnit = columns.find((c) => c.unit)?.unit;
  if (f.unit) (unit = f.unit), (unitSource = 'line');
  else if (headerUnit) (unit = headerUnit), (unitSource = 'header');
  else if (ctx.defaultUnit) (unit = ctx.defaultUnit), (unitSource = 'document');

  const block = f.block;
  const table: Table = {
    id,
    kind: kind ?? 'unknown',
    title: f.title ?? '',
    unit,
    unitSource,
    columns,
    rows: [],
    headerRows: header.headerRows,
    anchor: block.anchor,
    parts: 1,
    notes: f.notes,
    declaredEmpty: f.notes.some((n) => EMPTY_NOTE.test(n.replace(/\s+/g, ''))),
  };
  if (f.titleAnchor) table.titleAnchor = f.titleAnchor;
  if (f.org) table.org = f.org;
  if (block.page !== undefined) table.page = block.page;
  if (block.pageEnd !== undefined) table.pageEnd = block.pageEnd;

  const layout: TableLayout | undefined = kind ? kindInfo(kind).layout : undefined;
  const start = f.firstRow + header.headerRows;
  if (layout === 'key-value') {
    readKeyValue(table, f, block.pageOfRow);
    return table;
  }
  const rows = rawRows(f, start, block.pageOfRow);
  const blocks = layout === 'by-economic' ? economicBlocks(table) : [];
  if (layout === 'ledger') readLedger(table, rows);
  else if (blocks.length > 1) readBlocks(table, rows, blocks);
  else readRows(table, rows, layout);
  return table;
}

/** Work that needs the whole table, after split parts are joined: projects and their indicators. */
export function finishTable(table: Table): void {
  if (table.kind === 'unknown') return;
  if (table.kind === 'three-public') readThreePublicByRow(table);
  const layout = kindInfo(table.kind).layout;
  if (layout === 'projects' || layout === 'project-grid') readProjects(table);
}

/** Two parts of one table: same kind and title (or no title on the second), same header or none. */
export function continues(prev: Table, next: Table, nextHasTitle: boolean): boolean {
  if (prev.kind === 'unknown' || next.kind !== prev.kind) return false;
  if (nextHasTitle && titleCore(next.title) !== titleCore(prev.title)) return false;
  if (prev.columns.length !== next.columns.length) return false;
  if (next.headerRows === 0) return true;
  const a = prev.columns.map((c) => labelKey(c.path.join('/'))).join('|');
  const b = next.columns.map((c) => labelKey(c.path.join('/'))).join('|');
  return a === b;
}

/** Append the rows of `next` to `prev` (a table split across pages or parts). */
export function joinTables(prev: Table, next: Table): void {
  const offset = prev.rows.length;
  // A row broken by the split: the first row of the next part carries no code, no amount, only fragments.
  const first = next.rows[0];
  if (first && prev.kind === 'project-performance' && (first.kind === 'continuation' || first.kind === 'item') && prev.rows.length) {
    const last = prev.rows[prev.rows.length - 1]!;
    const hasMoney = Object.values(first.values).some((c) => c.amount?.printed);
    const hasCode = !!(first.texts['code']?.text ?? '').trim();
    if (!hasMoney && !hasCode) {
      for (const [k, cell] of Object.entries(first.texts)) {
        const lc = last.texts[k];
        if (lc) last.texts[k] = { ...lc, text: lc.text + cell.text };
        else last.texts[k] = cell;
      }
      last.cells.push(...first.cells);
      next.rows.shift();
    }
  }
  for (const r of next.rows) {
    r.index = prev.rows.length;
    prev.rows.push(r);
  }
  void offset;
  prev.parts += next.parts;
  prev.notes.push(...next.notes);
  prev.declaredEmpty ||= next.declaredEmpty;
  if (next.pageEnd !== undefined || next.page !== undefined) prev.pageEnd = next.pageEnd ?? next.page;
}
