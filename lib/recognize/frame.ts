import type { Anchor, Block, Grid, GridCell, TableBlock, TextBlock } from '../extract/types';
import { unitFromLine, type MoneyUnit } from '../money/units';
import { kindFromTitle, type TableKind } from './catalog';

/** A table block with what surrounds it: title, unit line, organisation line, notes. */
export interface FramedTable {
  block: TableBlock;
  blockIndex: number;
  grid: Grid;
  /** Grid rows [firstRow, endRow) are the table proper; rows outside are caption or note rows. */
  firstRow: number;
  endRow: number;
  title?: string;
  titleAnchor?: Anchor;
  kind?: TableKind;
  unit?: MoneyUnit;
  org?: string;
  notes: string[];
  /** Text blocks consumed as this table's title, unit, org or notes (not narrative). */
  consumed: Set<number>;
}

const ORG_RE = /(?:部门|单位|预算单位|编制单位)(?:（单位）|\(单位\))?名称\s*[:：]\s*(.*)$/;
const NOTE_RE = /^\s*(?:注|备注|说明)\s*\d*\s*[:：]/;
/** A line that only numbers the table: 预算01表, 表3, 表1-1, 公开表一, 公开01表, 附表3, 预算表12. */
const SHEET_RE = /^\s*(?:附件\s*\d{0,2}\s*)?(?:附|公开|预算|决算|部门|单位)?\s*(?:表\s*[\d一二三四五六七八九十]{1,3}(?:\s*[-－—]\s*\d{1,2})?|[\d一二三四五六七八九十]{1,3}\s*表)\s*$/;
const TITLE_MAX = 80;

function isTitleLike(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (t.length > TITLE_MAX) return false;
  // A note (注：本表反映…) or a sentence is not a title, whatever table it names.
  if (NOTE_RE.test(text) || /[。；;]$/.test(t)) return false;
  return /表[)）]?$/.test(t.replace(/[（(]\d{4}年?度?[)）]$/, '').replace(/单位[:：].*$/, '')) || !!kindFromTitle(t);
}

function splitOrgAndUnit(text: string): { org?: string; unit?: MoneyUnit; rest: string } {
  let rest = text;
  const unit = unitFromLine(text);
  if (unit) rest = rest.replace(/(?:金额)?单\s*位\s*[:：]?\s*(?:亿元|百万元|万元|千元|元)/, ' ');
  let org: string | undefined;
  const m = ORG_RE.exec(rest);
  if (m) {
    org = m[1]!.trim();
    rest = rest.slice(0, m.index);
  }
  return { org, unit, rest: rest.trim() };
}

function rowTexts(grid: Grid, r: number): GridCell[] {
  const out: GridCell[] = [];
  const seen = new Set<GridCell>();
  for (const cell of grid.slots[r] ?? []) {
    if (cell && !seen.has(cell) && cell.text) {
      seen.add(cell);
      out.push(cell);
    }
  }
  return out;
}

function hasAmount(cells: GridCell[]): boolean {
  return cells.some((c) => /^[-(（]?\d[\d,]*\.\d+[)）]?$/.test(c.text.replace(/\s/g, '')));
}

/**
 * Find each table's title, unit and organisation in the text just before it, or in its own first rows
 * (Excel exports put the title in a row spanning the whole table), and notes just after it.
 */
export function frameTables(blocks: readonly Block[]): FramedTable[] {
  const out: FramedTable[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type !== 'table') continue;
    const f: FramedTable = { block: b, blockIndex: i, grid: b.grid, firstRow: 0, endRow: b.grid.nRows, notes: [], consumed: new Set() };

    // Caption rows inside the grid.
    while (f.firstRow < f.endRow) {
      const cells = rowTexts(b.grid, f.firstRow);
      if (cells.length === 0) {
        f.firstRow++;
        continue;
      }
      if (hasAmount(cells)) break;
      const spansMost = cells.length <= 3 && cells.some((c) => c.colSpan >= Math.max(2, b.grid.nCols / 2));
      const allCaption = cells.every((c) => {
        const t = c.text;
        return SHEET_RE.test(t) || !!unitFromLine(t) || ORG_RE.test(t) || (isTitleLike(t) && !!kindFromTitle(t)) || /^(部门|单位)(（单位）)?名称[:：]?$/.test(t);
      });
      if (!allCaption && !(spansMost && cells.length === 1 && isTitleLike(cells[0]!.text))) break;
      for (const c of cells) absorbLine(f, c.text, c.anchor);
      f.firstRow++;
    }
    // Note rows at the bottom.
    while (f.endRow > f.firstRow) {
      const cells = rowTexts(b.grid, f.endRow - 1);
      if (cells.length === 0) {
        f.endRow--;
        continue;
      }
      if (cells.length === 1 && NOTE_RE.test(cells[0]!.text) && cells[0]!.colSpan >= 2) {
        f.notes.unshift(cells[0]!.text);
        f.endRow--;
        continue;
      }
      break;
    }

    // Text just before the table (not crossing the previous table).
    let titleFound = !!f.title;
    for (let j = i - 1, seen = 0; j >= 0 && seen < 6; j--, seen++) {
      const p = blocks[j]!;
      if (p.type !== 'text') break;
      const t = p.text;
      if (SHEET_RE.test(t)) {
        f.consumed.add(j);
        continue;
      }
      const { org, unit, rest } = splitOrgAndUnit(t);
      if (unit || org !== undefined) {
        if (unit && !f.unit) f.unit = unit;
        if (org && !f.org) f.org = org;
        f.consumed.add(j);
        if (!rest) continue;
      }
      const candidate = rest || t;
      if (/^(部门|单位)(（单位）)?名称[:：]?$/.test(candidate)) {
        f.consumed.add(j);
        continue;
      }
      if (!titleFound && isTitleLike(candidate)) {
        f.title = candidate.replace(/\s+/g, ' ').trim();
        f.titleAnchor = p.anchor;
        f.consumed.add(j);
        titleFound = true;
        continue;
      }
      // "部门名称：" on one line and the name on the next.
      if (!f.org && candidate.length <= 40 && j >= 1 && blocks[j - 1]?.type === 'text' && /名称[:：]\s*$/.test((blocks[j - 1] as TextBlock).text)) {
        f.org = candidate;
        f.consumed.add(j);
        continue;
      }
      if (f.org === undefined && j === i - 1 && candidate.length <= 40 && /[局委办室院会所中心部厅站队处科司署社馆校团]$/.test(candidate) && !isTitleLike(candidate)) {
        // An organisation name alone on the line right above the table.
        f.org = candidate;
        f.consumed.add(j);
        continue;
      }
      if (titleFound || t.length > 120) break;
      // A short unrelated line (a date, a sheet number): keep looking one more step.
    }
    if (f.title) f.kind = kindFromTitle(f.title);

    // Notes just after the table.
    for (let j = i + 1; j < blocks.length && j <= i + 3; j++) {
      const n = blocks[j]!;
      if (n.type !== 'text' || !NOTE_RE.test(n.text)) break;
      f.notes.push(n.text);
      f.consumed.add(j);
    }
    out.push(f);
  }
  return out;
}

function absorbLine(f: FramedTable, text: string, anchor: Anchor): void {
  if (SHEET_RE.test(text)) return;
  const { org, unit, rest } = splitOrgAndUnit(text);
  if (unit && !f.unit) f.unit = unit;
  if (org && !f.org) f.org = org;
  if (rest && !f.title && isTitleLike(rest)) {
    f.title = rest;
    f.titleAnchor = anchor;
  }
}
