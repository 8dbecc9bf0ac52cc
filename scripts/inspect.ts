/**
 * `npx tsx scripts/inspect.ts <corpus file name or path> [table-kind-or-index] [--rows=N]`: how a document was
 * recognised — every table's kind, title, pages, columns (canonical key ← header path) and rows — to see
 * why a relation was checked the way it was.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../lib/analyze';
import { corpusRoot, extractFile } from '../test/support/corpus';

const [name, which] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rowsArg = process.argv.find((a) => a.startsWith('--rows='));
const maxRows = rowsArg ? Number(rowsArg.slice(7)) : 40;
const root = corpusRoot() ?? '';
const path = [name!, join(root, 'real', name!), join(root, name!)].find((p) => existsSync(p));
if (!path) throw new Error(`not found: ${name}`);
const a = analyze(await extractFile(path));
console.log(`${a.doc.kind} ${a.doc.organization ?? ''} ${a.doc.year ?? ''} unit=${a.doc.unit} tables=${a.doc.tables.length} claims=${a.doc.claims.length}`);
a.doc.tables.forEach((t, i) => {
  const show = which === undefined ? false : which === String(i) || which === t.kind;
  console.log(`[${i}] ${t.kind} «${t.title}» p${t.page}-${t.pageEnd ?? t.page} unit=${t.unit}(${t.unitSource}) rows=${t.rows.length} parts=${t.parts} header=${t.headerRows}`);
  if (!show) return;
  for (const c of t.columns) console.log(`     col${c.index} ${c.key ?? '·'}${c.money ? '$' : ''} ← ${c.path.join(' / ')}`);
  for (const r of t.rows.slice(0, maxRows)) {
    const vals = Object.entries(r.values).map(([k, c]) => `${k}=${c.amount?.printed ? c.text : '∅'}`).join(' ');
    console.log(`     r${r.index} p${r.page ?? ''} ${r.kind}${r.side ? '/' + r.side : ''} ${r.key ?? ''} ${r.code ?? ''} «${r.label}» ${vals}`);
  }
});
if (process.argv.includes('--claims')) for (const c of a.doc.claims) console.log(`  claim ${c.key} ${c.label} ${c.value?.raw ?? ''}${c.unit ?? ''} ${c.share?.raw ?? ''} p${c.source.page} «${c.source.quote.slice(0, 80)}»`);
