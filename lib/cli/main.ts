import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { analyze } from '../analyze';
import type { ExtractedDoc } from '../extract/types';
import type { TolerancePolicy } from '../money/reconcile';
import { toCombinedCsv, toCsv } from '../report/csv';
import { toReport } from '../report/export';
import { toMarkdown } from '../report/markdown';
import { Report } from '../report/schema';
import { textReport } from '../report/text';
import { displayName, documentsIn, progressBar, runBatch, type BatchJob, type BatchResult } from './batch';
import { extractHtmlBytes } from './load-html';
import type { OcrMode } from '../extract/ocr/page';

const USAGE = `用法 usage: budget-lens check <file.html|file.pdf|folder> [options]
  --format=text|json|csv|md  report format (default text; --json is --format=json)
  --out=<file>               write the report to a file instead of standard output
  --strict                   treat differences within printed rounding as errors too
  --password=<pw>            open password-protected PDFs
  --jobs=<n>                 folders: documents checked at once (default: every core)
  --ocr[=auto|on|off]        read pictures of text with Chinese OCR (tesseract-ocr-chi-sim). auto (the
                             default): PDF pages without a text layer (scans); on (--ocr): also pictures on
                             pages with text (a table pasted as an image); off: never
A folder is checked document by document (HTML and PDF, sub-folders too): one line per document and one
combined CSV (--out, default ./budget-lens-findings.csv).`;

export class InputError extends Error {}

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface CliEnv {
  /** The bundled CLI's own URL: batch mode runs it again as worker threads. */
  workerUrl?: URL;
  /** Standard error is a terminal (progress bars). */
  tty?: boolean;
}

type Format = 'text' | 'json' | 'csv' | 'md';

interface Args {
  command?: string;
  path?: string;
  format: Format;
  out?: string;
  policy: TolerancePolicy;
  password?: string;
  jobs?: number;
  ocr: OcrMode;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { format: 'text', policy: 'rounding-aware', ocr: 'auto' };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const value = (name: string) => (x.startsWith(`${name}=`) ? x.slice(name.length + 1) : argv[++i] ?? '');
    if (x === '--json') a.format = 'json';
    else if (x === '--strict') a.policy = 'strict';
    else if (x === '--format' || x.startsWith('--format=')) {
      const f = value('--format');
      if (!['text', 'json', 'csv', 'md', 'markdown'].includes(f)) throw new InputError(`unknown format ${f} (text, json, csv, md)`);
      a.format = (f === 'markdown' ? 'md' : f) as Format;
    } else if (x === '--out' || x.startsWith('--out=')) a.out = value('--out');
    else if (x === '--password' || x.startsWith('--password=')) a.password = value('--password');
    else if (x === '--jobs' || x.startsWith('--jobs=')) {
      const n = Number(value('--jobs'));
      if (!Number.isInteger(n) || n < 1) throw new InputError('--jobs needs a whole number ≥ 1');
      a.jobs = n;
    } else if (x === '--ocr') a.ocr = 'on';
    else if (x === '--no-ocr') a.ocr = 'off';
    else if (x.startsWith('--ocr=')) {
      const m = x.slice('--ocr='.length);
      if (m !== 'auto' && m !== 'on' && m !== 'off') throw new InputError(`unknown OCR mode ${m} (auto, on, off)`);
      a.ocr = m;
    } else if (x.startsWith('-')) throw new InputError(`unknown option ${x}`);
    else if (!a.command) a.command = x;
    else if (!a.path) a.path = x;
    else throw new InputError(`unexpected argument ${x}`);
  }
  return a;
}

export function isPdf(bytes: Uint8Array): boolean {
  // %PDF within the first kilobyte (some files carry junk before the header).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').toLowerCase();
  return /<(!doctype html|html|head|body|table|p|div|meta)[\s>]/.test(head);
}

/** Read a file into an extracted document; InputError with one line of reason when it cannot be read. */
export async function loadFile(path: string, onProgress?: (p: { page: number; pages: number }) => void, password?: string, ocr: { mode?: OcrMode; workers?: number } = {}): Promise<ExtractedDoc> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (bytes.length === 0) throw new InputError(`${path} is empty`);
  if (isPdf(bytes)) {
    const { extractPdfBytes } = await import('./load-pdf');
    const { PdfInputError } = await import('../extract/pdf/extract-pdf');
    const ocrOptions = await cliOcr(ocr.mode ?? 'auto', ocr.workers);
    try {
      return await extractPdfBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path, {
        ...(onProgress ? { onProgress } : {}),
        ...(password !== undefined ? { password } : {}),
        ...(ocrOptions ? { ocr: ocrOptions } : {}),
      });
    } catch (e) {
      if (e instanceof PdfInputError) throw new InputError(`${basename(path)}: ${e.message}`);
      throw new InputError(`${basename(path)}: the PDF cannot be read (${(e as Error).message})`);
    } finally {
      await ocrOptions?.engine.terminate();
    }
  }
  if (!looksLikeHtml(bytes)) throw new InputError(`${basename(path)} is neither an HTML page nor a PDF`);
  return extractHtmlBytes(bytes, path);
}

/**
 * OCR for a PDF under the mode: 'auto' goes without when the Chinese model is not installed (a scan then
 * gets X01, as before); 'on' was asked for explicitly, so a missing model is an error.
 */
async function cliOcr(mode: OcrMode, workers?: number) {
  if (mode === 'off') return undefined;
  const { nodeOcr, OcrUnavailable } = await import('./ocr-node');
  try {
    return await nodeOcr(mode, workers !== undefined ? { workers } : {});
  } catch (e) {
    if (e instanceof OcrUnavailable && mode === 'auto') return undefined;
    throw new InputError((e as Error).message);
  }
}

/** Read, recognise and check one document into its (schema-validated) report. */
export async function checkFile(job: BatchJob, onProgress?: (p: { page: number; pages: number }) => void): Promise<Report> {
  const x = await loadFile(job.path, onProgress, job.password, { ...(job.ocr ? { mode: job.ocr } : {}), ...(job.ocrWorkers ? { workers: job.ocrWorkers } : {}) });
  return Report.parse(toReport(analyze(x, { policy: job.policy })));
}

function render(r: Report, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(r, null, 2) + '\n';
    case 'csv':
      return toCsv(r);
    case 'md':
      return toMarkdown(r) + '\n';
    default:
      return textReport(r);
  }
}

function oneLine(folder: string, r: BatchResult): string {
  const name = displayName(folder, r.path);
  if ('error' in r) return `!  ${name} — 无法读取 cannot read: ${r.error.replace(/^[^:]*: /, '')}`;
  const rep = r.report;
  if (!rep.isBudget) return `-  ${name} — ${rep.findings.length ? rep.findings[0]!.message : '不是预算公开文件 not a budget disclosure'}`;
  const what = [rep.organization, rep.year, { budget: '预算', 'final-accounts': '决算', 'performance-targets': '绩效目标', other: '' }[rep.kind]].filter(Boolean).join(' ');
  const mark = rep.counts.error ? '✗' : rep.counts.warning ? '△' : '✓';
  return `${mark}  ${name} — ${what}: 错误 ${rep.counts.error} · 警告 ${rep.counts.warning} · 提示 ${rep.counts.info}${rep.pages ? ` (${rep.pages} 页)` : ''}`;
}

async function checkFolder(args: Args, folder: string, io: CliIO, env: CliEnv): Promise<number> {
  const files = documentsIn(folder);
  if (!files.length) {
    io.err(`budget-lens: ${folder} holds no HTML page or PDF\n`);
    return 2;
  }
  const tty = env.tty ?? false;
  const results = await runBatch(
    files,
    {
      policy: args.policy,
      ...(args.password !== undefined ? { password: args.password } : {}),
      ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
      ocr: args.ocr,
      ...(env.workerUrl ? { workerUrl: env.workerUrl } : {}),
      onDone: (r, done) => {
        if (tty) io.err(progressBar(done, files.length, displayName(folder, r.path)) + (done === files.length ? '\n' : ''));
      },
    },
    (job) => checkFile(job),
  );
  const reports = results.flatMap((r) => ('report' in r ? [r.report] : []));
  const csvPath = resolve(args.out ?? 'budget-lens-findings.csv');
  if (args.format === 'json') io.out(JSON.stringify(results.map((r) => ('report' in r ? r.report : { source: r.path, error: r.error })), null, 2) + '\n');
  else {
    for (const r of results) io.out(oneLine(folder, r) + '\n');
    const errors = reports.reduce((n, r) => n + r.counts.error, 0);
    const warnings = reports.reduce((n, r) => n + r.counts.warning, 0);
    io.out(`\n${files.length} 个文件 documents · 读取 ${reports.length} · 错误 ${errors} · 警告 ${warnings}\n`);
  }
  if (args.format !== 'json' || args.out) {
    writeFileSync(csvPath, toCombinedCsv(reports));
    if (args.format !== 'json') io.out(`CSV: ${csvPath}\n`);
  }
  return reports.length ? 0 : 2;
}

export async function main(argv: string[], io: CliIO, env: CliEnv = {}): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(`budget-lens: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.command !== 'check' || !args.path) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  let isDir = false;
  try {
    isDir = statSync(args.path).isDirectory();
  } catch {
    // A missing path is reported by loadFile with its reason.
  }
  if (isDir) return checkFolder(args, args.path, io, env);
  // Long PDFs: a progress line on stderr when it is a terminal.
  const progress = env.tty ? (p: { page: number; pages: number }) => p.pages >= 20 && io.err(progressBar(p.page, p.pages, '页 pages') + (p.page === p.pages ? '\n' : '')) : undefined;
  let report: Report;
  try {
    report = await checkFile({ path: args.path, policy: args.policy, ocr: args.ocr, ...(args.password !== undefined ? { password: args.password } : {}) }, progress);
  } catch (e) {
    io.err(`budget-lens: ${(e as Error).message}\n`);
    return 2;
  }
  const text = render(report, args.format);
  if (args.out) writeFileSync(args.out, text);
  else io.out(text);
  return 0;
}
