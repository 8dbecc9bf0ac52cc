import type { Grid, GridCell } from '../extract/types';
import { parseAmount } from '../money/amount';
import { unitFromHeader, type MoneyUnit } from '../money/units';
import { labelKey } from '../text/normalize';
import { nameKey } from '../text/names';
import { kindInfo, titleCore, type TableKind, type TableLayout } from './catalog';
import { codeFromParts, codeKind, codeLevel, isProjectCode, isUnitCode, splitLeadingCode } from './codes';
import { isMoneyKey, mapColumns } from './columns';
import type { FramedTable } from './frame';
import { detectHeader, pathKeys } from './header';
import { expenditureRowKey, incomeRowKey, mirrorIncomeKey, type LedgerSection } from './ledger';
import type { Cell, Column, GridIndicator, Project, ProjectIndicator, Row, Table } from './model';

const TOTAL_LABEL = /^(合\s*计|总\s*计|合计[:：]?)$/;
const EMPTY_NOTE = /此表无数据|本表无数据|无.{0,20}(支出|收入|经费)[^，。]*[，,]?\s*(故|因此)?(此|本)表(为空|无数据)|表格为空|此表为空|本表为空/;

export interface TableBuildContext {
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

function makeCell(g: GridCell, tableId: string, money: boolean, page?: number): Cell {
  const cell: Cell = { text: g.text, anchor: g.anchor, gridRow: g.row, gridCol: g.col, tableId };
  if (money) {
    const a = parseAmount(g.text, { numericColumn: true });
    if (a) cell.amount = a;
  }
  if (page !== undefined) cell.page = page;
  return cell;
}

interface RawRow {
  gridRow: number;
  /** Cells by column index (covering cells for text columns, own cells for money columns). */
  byCol: (GridCell | null)[];
  own: GridCell[];
  page?: number;
}

function rawRows(f: FramedTable, start: number, pageOfRow?: number[]): RawRow[] {
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

function textAt(rr: RawRow, col: number | undefined): string {
  if (col === undefined) return '';
  return rr.byCol[col]?.text ?? '';
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

interface EconBlock {
  code: number[];
  name: number;
  amount: number;
}

/**
 * Side-by-side blocks of (code, name, amount) columns, as the 决算 basic-expenditure table prints them:
 * 301 工资福利支出 … on the left, 302 商品和服务支出 … on the right.
 */
function economicBlocks(table: Table): EconBlock[] {
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

function readBlocks(table: Table, rows: RawRow[], blocks: EconBlock[]): void {
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

/** Work that needs the whole table, after split parts are joined: projects and their indicators. */
export function finishTable(table: Table): void {
  if (table.kind === 'unknown') return;
  if (table.kind === 'three-public') readThreePublicByRow(table);
  const layout = kindInfo(table.kind).layout;
  if (layout === 'projects' || layout === 'project-grid') readProjects(table);
}

function colIndex(table: Table, key: string): number | undefined {
  return table.columns.find((c) => c.key === key)?.index;
}

function rowCells(table: Table, rr: RawRow): { cells: Cell[]; values: Record<string, Cell>; texts: Record<string, Cell> } {
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

function readRows(table: Table, rows: RawRow[], layout: TableLayout | undefined): void {
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

/** The same amounts in the same recognised columns. */
function sameValues(a: Row, b: Row): boolean {
  const keyed = (r: Row) => Object.keys(r.values).filter((k) => !/^col\d+$/.test(k) && r.values[k]!.amount?.printed);
  const ka = keyed(a);
  const kb = keyed(b);
  return ka.length === kb.length && ka.every((k) => b.values[k]?.amount?.printed && b.values[k]!.amount!.units === a.values[k]!.amount!.units && b.values[k]!.amount!.decimals === a.values[k]!.amount!.decimals);
}

function readLedger(table: Table, rows: RawRow[]): void {
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

function readKeyValue(table: Table, f: FramedTable, pageOfRow?: number[]): void {
  const fields: Record<string, Cell> = {};
  const g: Grid = f.grid;
  const LABELS: [string, RegExp][] = [
    ['total', /部门预算总额|预算总额|年度预算总额/],
    ['source.gov', /政府预算资金|财政拨款(资金)?$/],
    ['source.special', /财政专户管理资金?/],
    ['source.unit', /单位资金/],
    ['struct.basic', /基本支出/],
    ['struct.project', /项目支出/],
  ];
  for (let r = f.firstRow; r < f.endRow; r++) {
    const slots = g.slots[r]!;
    for (let j = 0; j < slots.length; j++) {
      const c = slots[j];
      if (!c || c.row !== r || c.col !== j) continue;
      const key = labelKey(c.text);
      for (const [name, re] of LABELS) {
        if (fields[name] || !re.test(key)) continue;
        // Only the budget block: the label is short (not an indicator's explanation).
        if (key.length > 30) continue;
        let value: Cell | undefined;
        for (let k: number = j + c.colSpan; k < slots.length; k++) {
          const v: GridCell | null | undefined = slots[k];
          if (!v || v === c) continue;
          const a = parseAmount(v.text, { numericColumn: true });
          if (a && a.printed) {
            value = makeCell(v, table.id, true, pageOfRow?.[r]);
            break;
          }
          if (v.text && !/^[\s(（)）\d、.：:]*$/.test(v.text)) break;
        }
        // A value inside the label cell itself: "(1) 政府预算资金 1,070.0".
        if (!value) {
          const m = /([\d,]+(?:\.\s?\d+)?)\s*$/.exec(c.text);
          if (m && /\./.test(m[1]!)) {
            const cell = makeCell(c, table.id, false, pageOfRow?.[r]);
            const a = parseAmount(m[1]!, { numericColumn: true });
            if (a) value = { ...cell, amount: a };
          }
        }
        if (value) fields[name] = value;
        const u = unitFromHeader(c.text);
        if (u && name === 'total') {
          table.unit = u;
          table.unitSource = 'header';
        }
      }
    }
  }
  table.fields = fields;
  const row: Row = { index: 0, label: '预算情况', kind: 'item', values: fields, texts: {}, cells: Object.values(fields) };
  table.rows.push(row);
  // 部门名称 in the block names the department (the booklet has one block per department).
  for (let r = f.firstRow; r < f.endRow && !table.org; r++) {
    const slots = g.slots[r]!;
    const j = slots.findIndex((c) => !!c && /^部门(\(单位\)|（单位）)?名称/.test(labelKey(c.text)));
    if (j < 0) continue;
    const label = slots[j]!;
    const inline = /名称[:：]\s*(.+)$/.exec(label.text)?.[1]?.trim();
    const next = slots.slice(j + label.colSpan).find((c) => c && c !== label && c.text.trim());
    const name = next?.text.trim() || inline;
    if (name && !/部门（单位）名称|^名称$/.test(name)) table.org = name;
  }
  table.indicators = readIndicatorGrid(table, f, pageOfRow);
}

function readIndicatorGrid(table: Table, f: FramedTable, pageOfRow?: number[]): GridIndicator[] {
  const g = f.grid;
  const out: GridIndicator[] = [];
  let cols: { l1?: number; l2?: number; name?: number; value?: number; note?: number } | undefined;
  for (let r = f.firstRow; r < f.endRow; r++) {
    const slots = g.slots[r]!;
    if (!cols) {
      const idx = (re: RegExp) => {
        const j = slots.findIndex((c) => !!c && c.row === r && re.test(labelKey(c.text)));
        return j < 0 ? undefined : j;
      };
      const name = idx(/^三级指标$/);
      const value = idx(/^指标值$/);
      if (name !== undefined && value !== undefined) cols = { l1: idx(/^一级指标$/), l2: idx(/^二级指标$/), name, value, note: idx(/^指标值说明$/) };
      continue;
    }
    const at = (j?: number) => (j === undefined ? undefined : slots[j] ?? undefined);
    const n = at(cols.name);
    const v = at(cols.value);
    if (!n || !n.text || n.row !== r) continue;
    const page = pageOfRow?.[r];
    const ind: GridIndicator = { name: n.text, value: v?.text ?? '', nameCell: makeCell(n, table.id, false, page) };
    if (v) ind.valueCell = makeCell(v, table.id, false, page);
    const l1 = at(cols.l1)?.text;
    const l2 = at(cols.l2)?.text;
    if (l1) ind.level1 = l1;
    if (l2) ind.level2 = l2;
    const note = at(cols.note);
    if (note?.text) {
      ind.note = note.text;
      ind.noteCell = makeCell(note, table.id, false, page);
    }
    out.push(ind);
  }
  return out;
}

const INDICATOR_GROUPS = ['cost', 'output', 'effect', 'satisfaction'] as const;

const UNIT_NAME = /(局|办公室|委员会|中心|人民政府|办事处|法院|检察院|院|所|站|队|馆|学校|小学|中学|幼儿园|委|办|会|团|部|厅|处|署|社|公司|集团|财务)$/;

/** A name that denotes an organisation (a department or unit row), not a project. */
function isUnitName(name: string, org?: string): boolean {
  if (org && nameKey(name) === nameKey(org)) return true;
  return UNIT_NAME.test(name.trim()) && !/(经费|费|资金|项目|工程|补助|补贴|建设|购置|工资)$/.test(name.trim());
}

const VALUE_LIKE = /^[≤≥<>=＜＞≦≧]|^[-+]?\d|%$|^(?:明显|显著|良好|较好|优|及时|达标|合格|是|否|有效|提高|提升|相关|合理|科学|完整|真实|合规|健全|公开|规范|完成|稳定|无|按需|按时|全覆盖|持续|长期|准确|安全)/;

/**
 * Word tables with a deleted cell put every indicator of a line one column off its header. Try shifts of
 * −1, 0, +1 over the indicator region and keep the one under which names fall in 三级指标 columns and
 * values in 指标值 columns (the reference's advice: map by content, not by position).
 */
function realignIndicators(table: Table): void {
  const keyAt = table.columns.map((c) => c.key);
  const firstInd = keyAt.findIndex((k) => !!k && /^(cost|output|effect|satisfaction)\./.test(k));
  if (firstInd < 0) return;
  const start = Math.max(0, firstInd - 1);
  const score = (shift: number): number => {
    let sc = 0;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.gridCol < start || cell.gridRow !== row.gridRow) continue;
        const key = keyAt[cell.gridCol + shift];
        const t = cell.text.trim();
        if (!t) continue;
        const isValue = VALUE_LIKE.test(t);
        if (!key) sc -= 1;
        else if (key.endsWith('.name')) sc += isValue ? -1 : 1;
        else if (key.endsWith('.value')) sc += isValue ? 1 : -1;
        else sc += parseAmount(t)?.printed ? 1 : -2;
      }
    }
    return sc;
  };
  const base = score(0);
  let best = 0;
  let bestScore = base;
  for (const sh of [1, -1]) {
    const v = score(sh);
    if (v > bestScore + 2) (best = sh), (bestScore = v);
  }
  if (best === 0) return;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (cell.gridCol < start || cell.gridRow !== row.gridRow) continue;
      const oldKey = keyAt[cell.gridCol];
      const newKey = keyAt[cell.gridCol + best];
      if (oldKey && row.texts[oldKey] === cell) delete row.texts[oldKey];
      if (oldKey && row.values[oldKey] === cell) delete row.values[oldKey];
      if (newKey && cell.text.trim()) row.texts[newKey] = cell;
    }
  }
}

function readProjects(table: Table): void {
  if (table.kind === 'project-performance') realignIndicators(table);
  const projects: Project[] = [];
  let current: Project | undefined;
  let unitCode: string | undefined;
  const typeCol = colIndex(table, 'type');
  const hasUnitName = colIndex(table, 'unitName') !== undefined;
  for (const row of table.rows) {
    const codeText = (row.texts['code']?.text ?? row.texts['unitCode']?.text ?? '').replace(/\s+/g, '');
    const name = (row.texts['name']?.text ?? '').trim();
    const type = (row.texts['type']?.text ?? '').trim();
    // Money in recognised columns only: a figure in an indicator column (指标值 120) is not a project amount.
    const hasMoney = Object.entries(row.values).some(([k, c]) => !/^col\d+$/.test(k) && c.amount?.printed);
    if (row.kind === 'total') continue;
    // Code and name cells merged down over the project's indicator lines: those lines continue it.
    const codeCell = row.texts['code'] ?? row.texts['name'];
    if (current && codeCell && codeCell.gridRow !== row.gridRow && !hasMoney) {
      row.kind = 'continuation';
    } else if (isProjectCode(codeText)) {
      row.kind = 'project';
      row.code = codeText;
    } else if (codeText && isUnitCode(codeText) && !type && (codeText.length === 3 || !name || isUnitName(name, table.org)) && (table.kind === 'project-performance' || !name || !hasUnitName)) {
      row.kind = 'unit';
      row.code = codeText;
      unitCode = codeText;
      current = undefined;
      continue;
    } else if ((isUnitCode(name) && !type) || (isUnitCode(type) && !isProjectCode(codeText))) {
      // The unit code printed in the name column (000) or in the 类型 column (001).
      const code = isUnitCode(type) ? type : name;
      row.kind = 'unit';
      row.code = code;
      if (isUnitCode(type) && name) row.label = name;
      unitCode = code;
      current = undefined;
      continue;
    } else if (!name && !hasMoney && current) {
      row.kind = 'continuation';
    } else if (name && (hasMoney || type)) {
      row.kind = 'project';
    } else if (!name && hasMoney && projects.length === 0 && !current) {
      // A total row without a label (000 项目支出预算表).
      row.kind = 'total';
      if (!row.label) row.label = '合计';
      continue;
    } else if (name && !hasMoney && current && table.kind === 'project-performance') {
      row.kind = 'continuation';
    }
    // The same project again right after itself (its merged cells printed once more after a page break):
    // a continuation, not a second project.
    const last = projects[projects.length - 1];
    if (row.kind === 'project' && last && current === last && last.name === name && sameValues(last.row, row)) row.kind = 'continuation';
    if (row.kind === 'project') {
      current = { name, row, indicators: [] };
      // 004 prints the unit code on each project line instead of a project code.
      if (codeText && isUnitCode(codeText)) unitCode = codeText;
      if (row.code) current.code = row.code;
      if (type) current.type = type;
      else if (typeCol !== undefined) current.type = '';
      if (unitCode) current.unitCode = unitCode;
      row.label = name;
      projects.push(current);
    } else if (row.kind === 'continuation' && current && name && table.kind === 'project-performance') {
      // A name broken over two lines (page break inside a cell).
      const own = row.texts['name']?.gridRow === row.gridRow;
      if (own && !row.texts['cost.name'] && !row.texts['output.name'] && !Object.keys(row.values).length && name.length < 12) current.name += name;
    }
    if (current && (row.kind === 'project' || row.kind === 'continuation')) {
      for (const group of INDICATOR_GROUPS) {
        const n = row.texts[`${group}.name`];
        const v = row.texts[`${group}.value`] ?? row.values[`${group}.value`];
        if (!n && !v) continue;
        const ind: ProjectIndicator = { group, name: n?.text ?? '', value: v?.text ?? '' };
        if (n) ind.nameCell = n;
        if (v) ind.valueCell = v;
        current.indicators.push(ind);
      }
    }
  }
  table.projects = projects;
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

const THREE_PUBLIC_ROWS: [RegExp, string][] = [
  [/因公出国/, 'abroad'],
  [/公务用车购置[及和]运行/, 'vehicle'],
  [/公务用车购置费/, 'vehicle.purchase'],
  [/公务用车运行/, 'vehicle.run'],
  [/公务接待/, 'reception'],
  [/^[“"]?三公[”"]?经费/, 'total'],
];

/**
 * A 三公 table printed the other way round (Guangdong: one row per item, columns by fund): read the items
 * from the rows into one row keyed like the usual layout, placed first so every rule reads it the same way.
 */
function readThreePublicByRow(table: Table): void {
  if (table.columns.some((c) => c.key === 'abroad' || c.key === 'reception')) return;
  const values: Record<string, Cell> = {};
  for (const r of table.rows) {
    const label = labelKey(r.label).replace(/^其中[:：]?/, '').replace(/^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])/, '');
    const hit = THREE_PUBLIC_ROWS.find(([re]) => re.test(label));
    const cell = r.values['total'] ?? Object.entries(r.values).find(([, c]) => c.amount?.printed)?.[1];
    if (!hit || !cell || values[hit[1]]) continue;
    values[hit[1]] = cell;
  }
  if (!values['total'] || (!values['abroad'] && !values['reception'])) return;
  const row: Row = { index: 0, label: '“三公”经费（按行列出）', kind: 'item', key: 'three-public.by-row', values, texts: {}, cells: Object.values(values) };
  table.rows.unshift(row);
  table.rows.forEach((r, i) => (r.index = i));
}
