import { readFileSync } from 'node:fs';
import { extractHtmlBytes } from '../lib/cli/load-html';
const x = extractHtmlBytes(new Uint8Array(readFileSync('/tmp/ph/p2.html')), 'p');
console.log(x.pageCount, x.blocks.length);
for (const b of x.blocks.slice(0, 400)) {
  const p = (b as { page?: number }).page;
  if (p !== 21) continue;
  console.log(b.type, b.type === 'text' ? b.text.slice(0, 100) : `${b.grid.nRows}x${b.grid.nCols} ${b.grid.cells.slice(0, 6).map((c) => c.text).join('|')}`);
}
