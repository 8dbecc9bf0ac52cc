/**
 * OCR figures (issue 12): seconds per page at 150 and 300 dpi, and how well amounts are read, on scans made
 * from our own PDF fixtures (and one corpus page when ../shared is there). The truth is the text layer of
 * the same page (pdftotext). Amounts are compared as a multiset of printed strings (commas ignored): read
 * right, read wrong — and of those, how many OCR itself marked as uncertain (they become "possibly misread"
 * notes, not errors). BL_OCR_LANG (a model beside chi_sim, e.g. HanS), BL_OCR_DPI (rendering resolution) and
 * BL_OCR_PSM (page segmentation) compare alternatives; BL_OCR_SHOW prints the amounts read wrong.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractPdfBytes } from '../lib/cli/load-pdf';
import { nodeOcr } from '../lib/cli/ocr-node';
import type { ExtractedDoc } from '../lib/extract/types';
import { scanPdf } from '../test/support/scan';

const PDFS = join(import.meta.dirname, '..', 'test', 'fixtures', 'pdf');
const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'putuo-finance-2024-final.pdf');
const AMOUNT = /^[-(（]?\d[\d,]*\.\d+[)）%]?$/;

const ONLY = process.env['BL_OCR_PAGES'];
const PAGES: [label: string, file: string, page: number][] = ([
  ['000 p6 tables', join(PDFS, '000-word-cms-portrait.pdf'), 6],
  ['000 p4 narrative', join(PDFS, '000-word-cms-portrait.pdf'), 4],
  ['001 p11 table (landscape)', join(PDFS, '001-excel-export-landscape.pdf'), 11],
  ...(existsSync(CORPUS) ? [['corpus putuo p15 table', CORPUS, 15] as [string, string, number]] : []),
] as [string, string, number][]).filter((p) => !ONLY || p[0].includes(ONLY));

const norm = (s: string) => s.normalize('NFKC').replace(/[,，\s]/g, '');

function truth(file: string, page: number): { amounts: string[]; han: string } {
  const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const words = text.normalize('NFKC').split(/\s+/);
  return { amounts: words.filter((w) => AMOUNT.test(w)).map(norm), han: text.normalize('NFKC').replace(/[^\p{Script=Han}]/gu, '') };
}

function read(x: ExtractedDoc): { amounts: string[]; han: string; uncertain: Set<string> } {
  const pieces: string[] = [];
  const uncertain = new Set<string>();
  const note = (a: { kind: string; ocr?: { uncertain: string[] } }) => a.kind === 'pdf' && a.ocr?.uncertain.forEach((u) => uncertain.add(norm(u)));
  for (const b of x.blocks) {
    note(b.anchor);
    if (b.type === 'text') pieces.push(b.text);
    else
      for (const c of b.grid.cells) {
        pieces.push(c.text);
        note(c.anchor);
      }
  }
  const all = pieces.join(' ').normalize('NFKC');
  return { amounts: all.split(/\s+/).filter((w) => AMOUNT.test(w)).map(norm), han: all.replace(/[^\p{Script=Han}]/gu, ''), uncertain };
}

function multisetHits(want: string[], got: string[]): { hit: number; wrong: string[] } {
  const pool = new Map<string, number>();
  for (const w of want) pool.set(w, (pool.get(w) ?? 0) + 1);
  let hit = 0;
  const wrong: string[] = [];
  for (const g of got) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(g, n - 1);
    } else wrong.push(g);
  }
  return { hit, wrong };
}

function hanRecall(want: string, got: string): number {
  const pool = new Map<string, number>();
  for (const c of got) pool.set(c, (pool.get(c) ?? 0) + 1);
  let hit = 0;
  for (const c of want) {
    const n = pool.get(c) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(c, n - 1);
    }
  }
  return want.length ? hit / want.length : 1;
}

export async function benchOcr(): Promise<boolean> {
  console.log(`\nOCR (tesseract.js 7 + Debian's ${process.env['BL_OCR_LANG'] ?? 'chi_sim'} model, one worker, rendering at ${process.env['BL_OCR_DPI'] ?? 300} dpi${process.env['BL_OCR_PSM'] ? `, page segmentation ${process.env['BL_OCR_PSM']}` : ''}): scans of our fixtures`);
  const rows: string[][] = [['page', 'scan dpi', 's / page', 'amounts', 'read right', 'read wrong', 'wrong but marked uncertain', 'Han chars recalled']];
  const totals = new Map<number, { sec: number; pages: number; n: number; right: number; wrong: number; marked: number }>();
  const psm = process.env['BL_OCR_PSM'];
  for (const dpi of [150, 300]) {
    const renderDpi = Number(process.env['BL_OCR_DPI'] ?? 0);
    const ocr = await nodeOcr('auto', { workers: 1, ...(psm ? { psm } : {}), ...(process.env['BL_OCR_LANG'] ? { lang: process.env['BL_OCR_LANG'] } : {}), ...(renderDpi ? { dpi: renderDpi } : {}) });
    // Starting the worker and loading the model (≈1–2 s) is paid once, not per page: warm up first.
    await extractPdfBytes(scanPdf(PAGES[0]![1], 72, { first: 1, last: 1 }), 'warm', { ocr });
    for (const [label, file, page] of PAGES) {
      const scan = scanPdf(file, dpi, { first: page, last: page });
      const t0 = performance.now();
      const x = await extractPdfBytes(scan, label, { ocr });
      const sec = (performance.now() - t0) / 1000;
      const want = truth(file, page);
      const got = read(x);
      const { hit, wrong } = multisetHits(want.amounts, got.amounts);
      const marked = wrong.filter((w) => got.uncertain.has(w)).length;
      if (process.env['BL_OCR_SHOW']) console.log(`  ${label} ${dpi}: wrong ${wrong.join(' ')}`);
      rows.push([label, String(dpi), sec.toFixed(1), String(want.amounts.length), `${hit} (${((hit / Math.max(1, want.amounts.length)) * 100).toFixed(1)}%)`, String(wrong.length), String(marked), `${(hanRecall(want.han, got.han) * 100).toFixed(1)}%`]);
      const t = totals.get(dpi) ?? { sec: 0, pages: 0, n: 0, right: 0, wrong: 0, marked: 0 };
      totals.set(dpi, { sec: t.sec + sec, pages: t.pages + 1, n: t.n + want.amounts.length, right: t.right + hit, wrong: t.wrong + wrong.length, marked: t.marked + marked });
    }
    await ocr.engine.terminate();
  }
  for (const [dpi, t] of totals) rows.push(['all pages', String(dpi), (t.sec / t.pages).toFixed(1), String(t.n), `${t.right} (${((t.right / Math.max(1, t.n)) * 100).toFixed(1)}%)`, String(t.wrong), String(t.marked), '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  for (const r of rows) console.log('  ' + r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  return true;
}

if (process.argv[1]?.endsWith('bench-ocr.ts')) await benchOcr();
