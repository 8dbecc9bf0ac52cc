import type { Anchor, Block, ExtractedDoc } from './types';

/**
 * A disclosure published as several files (the 情况说明 and its 报表, Beijing style) read as one document:
 * blocks in file order, pages numbered on through the files (file 2's page 1 follows file 1's last page),
 * with `parts` telling which file each page range came from.
 */
export function combineExtracted(docs: readonly ExtractedDoc[], source: string): ExtractedDoc {
  const blocks: Block[] = [];
  const warnings: ExtractedDoc['warnings'] = [];
  const parts: NonNullable<ExtractedDoc['parts']> = [];
  let offset = 0;
  for (const d of docs) {
    const pages = d.pageCount ?? 0;
    parts.push({ source: d.source, firstPage: offset + 1, pageCount: pages });
    for (const b of d.blocks) blocks.push(offset ? shiftBlock(b, offset) : b);
    for (const w of d.warnings) warnings.push(w.page !== undefined ? { ...w, page: w.page + offset } : { ...w });
    offset += pages;
  }
  const out: ExtractedDoc = { source, format: docs.every((d) => d.format === 'html') ? 'html' : 'pdf', title: docs.map((d) => d.title).filter(Boolean).join(' / '), blocks, warnings, parts };
  if (offset) out.pageCount = offset;
  return out;
}

function shiftAnchor(a: Anchor, offset: number): Anchor {
  return a.kind === 'pdf' ? { ...a, page: a.page + offset } : a;
}

function shiftBlock(b: Block, offset: number): Block {
  if (b.type === 'text') return { ...b, anchor: shiftAnchor(b.anchor, offset), ...(b.page !== undefined ? { page: b.page + offset } : {}) };
  const grid = { ...b.grid, cells: b.grid.cells.map((c) => ({ ...c, anchor: shiftAnchor(c.anchor, offset) })) };
  const byOld = new Map(b.grid.cells.map((c, i) => [c, grid.cells[i]!]));
  grid.slots = b.grid.slots.map((row) => row.map((c) => (c ? byOld.get(c)! : null)));
  const out = { ...b, grid, anchor: shiftAnchor(b.anchor, offset) };
  if (b.page !== undefined) out.page = b.page + offset;
  if (b.pageEnd !== undefined) out.pageEnd = b.pageEnd + offset;
  if (b.pageOfRow) out.pageOfRow = b.pageOfRow.map((p) => p + offset);
  return out;
}
