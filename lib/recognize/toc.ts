import type { Block } from '../extract/types';
import { kindFromTitle } from './catalog';
import type { TocEntry } from './model';

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  let n = 0;
  if (s.includes('十')) {
    const [a, b] = s.split('十');
    n = (a ? CN_NUM[a] ?? 0 : 1) * 10 + (b ? CN_NUM[b] ?? 0 : 0);
    return n || undefined;
  }
  return CN_NUM[s];
}

const ENTRY_RE = /^(?:[-•·*]\s*)?([一二三四五六七八九十]{1,3}|\d{1,2})\s*[、.．]\s*(.{2,50}?表)\s*(?:[.·…\s]{2,}\s*\d{1,3})?\s*\d{0,3}$/;

/**
 * The 目录: a run of numbered table names before the tables begin ("一、部门收支预算表" …). Entries are
 * accepted only in a run of at least three, so a numbered body heading is not mistaken for one.
 */
export function findToc(blocks: readonly Block[]): TocEntry[] {
  const firstTable = blocks.findIndex((b) => b.type === 'table');
  const limit = firstTable < 0 ? blocks.length : firstTable;
  let best: TocEntry[] = [];
  let run: TocEntry[] = [];
  let gap = 0;
  for (let i = 0; i < limit; i++) {
    const b = blocks[i]!;
    if (b.type !== 'text') continue;
    // A TOC entry may share its block with others when the list was pasted as one paragraph.
    const pieces = b.text.length > 60 ? b.text.split(/\s+(?=[一二三四五六七八九十]{1,3}\s*[、.．])/) : [b.text];
    let matched = false;
    for (const piece of pieces) {
      const m = ENTRY_RE.exec(piece.trim());
      if (!m) continue;
      const title = m[2]!.replace(/\s+/g, '');
      const kind = kindFromTitle(title);
      if (!kind && !/预算|决算|绩效/.test(title)) continue;
      const entry: TocEntry = { title, anchor: b.anchor };
      const num = chineseNumber(m[1]!);
      if (num !== undefined) entry.number = num;
      if (kind) entry.kind = kind;
      if (b.page !== undefined) entry.page = b.page;
      run.push(entry);
      matched = true;
    }
    if (matched) gap = 0;
    else if (run.length && ++gap > 3) {
      if (run.length > best.length) best = run;
      run = [];
      gap = 0;
    }
  }
  if (run.length > best.length) best = run;
  return best.length >= 3 ? best : [];
}
