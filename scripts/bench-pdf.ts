/**
 * PDF speed (issue 3), side by side in one run on the 25-page corpus 决算 PDF:
 *   - BudgetLens end to end inside this process (pdf.js operator lists → grids → recognition → rules),
 *   - pdf.js getTextContent over all pages alone (the floor any pdf.js-based reader pays),
 *   - the whole CLI process (`budget-lens check --json`) against poppler's `pdftotext -layout`.
 * Targets: analysis ≤ 1.0 s; ≤ 1.3 × pdf.js text extraction; CLI ≤ 3 × pdftotext. Medians after a warm-up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../lib/analyze';
import { extractPdfBytes, nodePdfjs } from '../lib/cli/load-pdf';

const ROOT = join(import.meta.dirname, '..');
const CORPUS_PDF = join(ROOT, '..', 'shared', 'corpus', 'putuo-finance-2024-final.pdf');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<{ first: number; median: number }> {
  const xs: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { first: xs[0]!, median: median(xs.slice(1)) };
}

/** `ok`: the exit statuses of a run that worked (the CLI exits 1 when it finds errors). */
function timeProcess(cmd: string, args: string[], runs: number, ok: number[] = [0]): number | undefined {
  const xs: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.error || !ok.includes(r.status ?? -1)) return undefined;
    xs.push(performance.now() - t);
  }
  return median(xs.slice(1));
}

async function textContentAlone(bytes: Uint8Array): Promise<number> {
  const { pdfjs, dir } = await nodePdfjs();
  const doc = await pdfjs.getDocument({
    data: bytes,
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    wasmUrl: join(dir, 'wasm') + '/',
    isEvalSupported: false,
    verbosity: 0,
  } as never).promise;
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const tc = (await (page as unknown as { getTextContent(): Promise<{ items: unknown[] }> }).getTextContent()) as { items: unknown[] };
    items += tc.items.length;
    page.cleanup();
  }
  await doc.destroy();
  return items;
}

export async function benchPdf(): Promise<boolean> {
  console.log('\nPDF: the 25-page corpus 决算 PDF');
  if (!existsSync(CORPUS_PDF)) {
    console.log(`  skipped: ${CORPUS_PDF} not found (../shared beside the checkout)`);
    return true;
  }
  const file = readFileSync(CORPUS_PDF);
  // pdf.js transfers (detaches) the buffer it is given: a fresh copy each run.
  const copy = () => new Uint8Array(file);
  const RUNS = 5;
  const ours = await timeAsync(async () => analyze(await extractPdfBytes(copy(), CORPUS_PDF)), RUNS);
  const text = await timeAsync(() => textContentAlone(copy()), RUNS);
  const findings = analyze(await extractPdfBytes(copy(), CORPUS_PDF)).findings.length;

  const cli = timeProcess(process.execPath, [join(ROOT, 'bin', 'budget-lens.mjs'), 'check', CORPUS_PDF, '--json'], RUNS, [0, 1]);
  const poppler = timeProcess('pdftotext', ['-layout', CORPUS_PDF, '/dev/null'], RUNS);

  const ratioText = ours.median / text.median;
  const rows: string[][] = [
    ['measure', 'median ms', 'first run ms', 'target', 'ok'],
    ['BudgetLens analysis in process (extract + recognise + rules)', ours.median.toFixed(0), ours.first.toFixed(0), '≤ 1000', ours.median <= 1000 ? 'yes' : 'NO'],
    ['pdf.js getTextContent, all pages, alone', text.median.toFixed(0), text.first.toFixed(0), '', ''],
    ['  ratio analysis / getTextContent', ratioText.toFixed(2) + '×', '', '≤ 1.3×', ratioText <= 1.3 ? 'yes' : 'NO'],
  ];
  let ok = ours.median <= 1000 && ratioText <= 1.3;
  if (cli !== undefined && poppler !== undefined) {
    const r = cli / poppler;
    rows.push(['CLI process `budget-lens check --json` (wall)', cli.toFixed(0), '', '', '']);
    rows.push(['pdftotext -layout (wall)', poppler.toFixed(0), '', '', '']);
    rows.push(['  ratio CLI / pdftotext', r.toFixed(1) + '×', '', '≤ 3×', r <= 3 ? 'yes' : 'NO']);
    ok &&= r <= 3;
  } else {
    rows.push([`CLI or pdftotext could not run (${cli === undefined ? 'run `npm run prepare` to build dist/cli.mjs' : 'install poppler-utils'})`, '', '', '', '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  for (const r of rows) console.log('  ' + r.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(`  (${findings} findings; ${RUNS} runs after one warm-up; pdf.js legacy build in Node ${process.version})`);
  return ok;
}
