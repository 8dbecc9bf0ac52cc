import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { analyze } from '../analyze';
import { combineExtracted } from '../extract/combine';
import type { ExtractedDoc } from '../extract/types';
import { toReport } from '../report/export';
import { Report } from '../report/schema';
import { langOf, parseArgs, UsageError, type Args } from './args';
import { progressBar, runBatch, type BatchJob, type BatchResult } from './batch';
import { langFromEnv, msg, usage, VERSION, type Lang } from './i18n';
import { isUrl, looksLikeOffice, officeApp, resolveInputs, type Input } from './inputs';
import { batchLine, batchTotals, exitStatus, renderBatch, renderReport } from './render';
import { checkIsolated } from './isolate';
import { extractHtmlBytes } from './load-html';
import { OutputError, writeReport } from './write';
import type { OcrMode } from '../extract/ocr/page';

/** An input that cannot be checked; the message is one line in the user's language. */
class InputError extends Error {}

interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface CliEnv {
  /** The bundled CLI's own URL: batch mode runs it again as worker threads. */
  workerUrl?: URL;
  /** Standard error is a terminal (progress bars). */
  tty?: boolean;
  /** Locale variables (LANG, LC_ALL, LC_MESSAGES) that choose the messages' language; default process.env. */
  locale?: Record<string, string | undefined>;
}

function isPdf(bytes: Uint8Array): boolean {
  // %PDF within the first kilobyte (some files carry junk before the header).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').toLowerCase();
  return /<(!doctype html|html|head|body|table|p|div|meta)[\s>]/.test(head);
}

function readError(path: string, e: NodeJS.ErrnoException, lang: Lang): InputError {
  if (e.code === 'ENOENT') return new InputError(msg(lang, 'notFound', path));
  if (e.code === 'EACCES' || e.code === 'EPERM') return new InputError(msg(lang, 'noAccess', path));
  return new InputError(msg(lang, 'cannotRead', path, e.code ?? e.message));
}

/** Read a file into an extracted document; InputError with one line of reason when it cannot be read. */
export async function loadFile(path: string, onProgress?: (p: { page: number; pages: number }) => void, password?: string, lang: Lang = 'en', ocr: { mode?: OcrMode; workers?: number } = {}): Promise<ExtractedDoc> {
  if (isUrl(path)) throw new InputError(msg(lang, 'url', path));
  const app = officeApp(path);
  if (app) throw new InputError(msg(lang, 'office', basename(path), app));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw readError(path, e as NodeJS.ErrnoException, lang);
  }
  if (bytes.length === 0) throw new InputError(msg(lang, 'empty', path));
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
      const name = basename(path);
      if (e instanceof PdfInputError && e.code === 'encrypted') throw new InputError(msg(lang, password === undefined ? 'encrypted' : 'wrongPassword', name));
      const why = (e as Error).message.replace(/^the PDF cannot be read \((.*)\)$/, '$1');
      throw new InputError(msg(lang, 'pdfUnreadable', name, why));
    } finally {
      await ocrOptions?.engine.terminate();
    }
  }
  if (looksLikeHtml(bytes)) return extractHtmlBytes(bytes, path);
  if (looksLikeOffice(bytes)) throw new InputError(msg(lang, 'office', basename(path), 'Word/Excel'));
  throw new InputError(msg(lang, 'neither', basename(path)));
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
  const x = await loadFile(job.path, onProgress, job.password, job.lang ?? 'en', { ...(job.ocr ? { mode: job.ocr } : {}), ...(job.ocrWorkers ? { workers: job.ocrWorkers } : {}) });
  return Report.parse(toReport(analyze(x, { policy: job.policy })));
}

/** Refuse an --out whose folder is missing before any work is done (the write checks again). */
function checkOutFolder(out: string, lang: Lang): string | undefined {
  const dir = dirname(resolve(out));
  try {
    if (statSync(dir).isDirectory()) return undefined;
  } catch {
    // Reported below.
  }
  return msg(lang, 'outDirMissing', dir);
}

/** Where the report goes: the --out file (written whole or not at all), else standard output. */
function deliver(args: Args, content: string, io: CliIO, note: (s: string) => void): boolean {
  if (args.out === undefined) {
    io.out(content);
    return true;
  }
  try {
    note(msg(args.lang, 'wrote', writeReport(args.out, content, args.lang)) + '\n');
    return true;
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    io.err(`budget-lens: ${e.message}\n`);
    return false;
  }
}

async function checkOne(args: Args, input: Input, io: CliIO, env: CliEnv): Promise<number> {
  if ('error' in input) {
    io.err(`budget-lens: ${input.error}\n`);
    return 2;
  }
  // Long PDFs: a progress bar on standard error when it is a terminal, cleared once the PDF is read.
  const progress = env.tty
    ? (p: { page: number; pages: number }) => {
        if (p.pages >= 20) io.err(p.page === p.pages ? CLEAR_LINE : progressBar(p.page, p.pages, args.lang === 'zh' ? '页' : 'pages'));
      }
    : undefined;
  let report: Report;
  try {
    const job: BatchJob = { path: input.path, policy: args.policy, lang: args.lang, ocr: args.ocr, ...(args.password !== undefined ? { password: args.password } : {}) };
    // The bundled CLI reads the document in a worker with a memory ceiling (lib/cli/isolate.ts).
    report = env.workerUrl ? await checkIsolated(job, env.workerUrl, progress) : await checkFile(job, progress);
  } catch (e) {
    if (env.tty) io.err(CLEAR_LINE);
    // A reason for an input that cannot be read, or a failure of the checker itself on this input: either
    // way one line, not a stack trace (batch mode records both the same way).
    io.err(`budget-lens: ${e instanceof InputError ? e.message : `${basename(input.path)}: ${(e as Error).message}`}\n`);
    return 2;
  }
  if (!deliver(args, renderReport(report, args.format), io, () => {})) return 2;
  return exitStatus([{ path: input.path, report }]);
}

/**
 * A disclosure published in parts (情况说明 + 报表): the files are read in the order given and checked as one
 * document, its pages numbered on through the files (the report lists which pages came from which file).
 */
async function checkTogether(args: Args, inputs: Input[], io: CliIO): Promise<number> {
  const parts: ExtractedDoc[] = [];
  for (const input of inputs) {
    try {
      if ('error' in input) throw new InputError(input.error);
      parts.push(await loadFile(input.path, undefined, args.password, args.lang, { mode: args.ocr }));
    } catch (e) {
      const where = 'error' in input ? '' : `${basename(input.path)}: `;
      io.err(`budget-lens: ${e instanceof InputError ? e.message : `${where}${(e as Error).message}`}\n`);
      return 2;
    }
  }
  const name = parts.map((p) => basename(p.source)).join(' + ');
  const report = Report.parse(toReport(analyze(combineExtracted(parts, name), { policy: args.policy })));
  if (!deliver(args, renderReport(report, args.format), io, () => {})) return 2;
  return exitStatus([{ path: name, report }]);
}

/** Erase a progress bar so that nothing of it is left on the terminal. */
const CLEAR_LINE = '\r\x1b[K';

async function checkMany(args: Args, inputs: Input[], base: string | undefined, skippedOffice: number, io: CliIO, env: CliEnv): Promise<number> {
  const lang = args.lang;
  // The lines are the text report; with another format on standard output they go to standard error.
  const lines = args.format === 'text' || args.out !== undefined ? io.out : io.err;
  const tty = env.tty ?? false;
  const total = inputs.length;
  let done = 0;
  let bar = '';
  const show = (r: BatchResult) => {
    done++;
    if (tty && bar) io.err(CLEAR_LINE);
    lines(batchLine(r, base, lang) + '\n');
    bar = tty && done < total ? progressBar(done, total, '') : '';
    if (bar) io.err(bar);
  };
  if (skippedOffice) io.err(`budget-lens: ${msg(lang, 'skippedOffice', String(skippedOffice))}\n`);
  const results: BatchResult[] = new Array(total);
  const todo: number[] = [];
  inputs.forEach((x, i) => {
    if ('error' in x) show((results[i] = { path: x.path, error: x.error }));
    else todo.push(i);
  });
  if (todo.length) {
    const checked = await runBatch(
      todo.map((i) => inputs[i]!.path),
      {
        policy: args.policy,
        lang,
        ocr: args.ocr,
        ...(args.password !== undefined ? { password: args.password } : {}),
        ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
        ...(env.workerUrl ? { workerUrl: env.workerUrl } : {}),
        onDone: (r) => show(r),
      },
      (job) => checkFile(job),
    );
    checked.forEach((r, k) => (results[todo[k]!] = r));
  }
  if (tty && bar) io.err(CLEAR_LINE);
  lines(`\n${batchTotals(results, lang)}\n`);
  if (args.format !== 'text' || args.out !== undefined) {
    if (!deliver(args, renderBatch(results, args.format, base, lang), io, lines)) return 2;
  }
  return exitStatus(results);
}

export async function main(argv: string[], io: CliIO, env: CliEnv = {}): Promise<number> {
  const fallback = langFromEnv(env.locale ?? process.env);
  let args: Args;
  try {
    args = parseArgs(argv, fallback);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const lang = langOf(argv, fallback);
    // No arguments at all: the usage. A wrong one: what is wrong, and where the usage is.
    io.err(argv.length ? `budget-lens: ${e.message}\n${msg(lang, 'seeHelp')}\n` : `${usage(lang)}\n`);
    return 2;
  }
  if (args.help) {
    io.out(`${usage(args.lang)}\n`);
    return 0;
  }
  if (args.version) {
    io.out(`budget-lens ${VERSION}\n`);
    return 0;
  }
  if (args.out !== undefined) {
    const bad = checkOutFolder(args.out, args.lang);
    if (bad) {
      io.err(`budget-lens: ${bad}\n`);
      return 2;
    }
  }
  const { inputs, batch, skippedOffice, base } = resolveInputs(args.paths, args.lang);
  if (args.together) return checkTogether(args, inputs, io);
  if (!batch) return checkOne(args, inputs[0]!, io, env);
  return checkMany(args, inputs, base, skippedOffice, io, env);
}
