/** The overall-performance block: labelled amounts, then its indicator grid. */
import type { Grid, GridCell } from '../../extract/types';
import { parseAmount } from '../../money/amount';
import { unitFromHeader } from '../../money/units';
import { labelKey } from '../../text/normalize';
import type { FramedTable } from '../frame';
import type { Cell, GridIndicator, Row, Table } from '../model';
import { makeCell } from './shared';

export function readKeyValue(table: Table, f: FramedTable, pageOfRow?: number[]): void {
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
