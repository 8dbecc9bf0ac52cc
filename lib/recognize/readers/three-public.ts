/** The 三公 table printed one item per row. */
import { labelKey } from '../../text/normalize';
import type { Cell, Row, Table } from '../model';

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
export function readThreePublicByRow(table: Table): void {
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
