import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../analyze';
import type { ExtractedDoc } from '../extract/types';
import type { TolerancePolicy } from '../money/reconcile';
import { toReport } from '../report/export';
import { Report } from '../report/schema';
import { textReport } from '../report/text';
import { extractHtmlBytes } from './load-html';

const USAGE = `用法 usage: budget-lens check <file.html|file.pdf> [--json] [--strict] [--password=<pw>]
  --json           print the report as JSON (schema version 1)
  --strict         treat differences within printed rounding as errors too
  --password=<pw>  open a password-protected PDF`;

export class InputError extends Error {}

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

interface Args {
  command?: string;
  path?: string;
  json: boolean;
  policy: TolerancePolicy;
  password?: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { json: false, policy: 'rounding-aware' };
  for (const x of argv) {
    if (x === '--json') a.json = true;
    else if (x === '--strict') a.policy = 'strict';
    else if (x === '--format=json') a.json = true;
    else if (x.startsWith('--password=')) a.password = x.slice('--password='.length);
    else if (x.startsWith('-')) throw new InputError(`unknown option ${x}`);
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
export async function loadFile(path: string, onProgress?: (p: { page: number; pages: number }) => void, password?: string): Promise<ExtractedDoc> {
  let bytes: Uint8Array;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path} is a folder (batch mode comes with the reports issue)`);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (bytes.length === 0) throw new InputError(`${path} is empty`);
  if (isPdf(bytes)) {
    const { extractPdfBytes } = await import('./load-pdf');
    const { PdfInputError } = await import('../extract/pdf/extract-pdf');
    try {
      return await extractPdfBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path, { ...(onProgress ? { onProgress } : {}), ...(password !== undefined ? { password } : {}) });
    } catch (e) {
      if (e instanceof PdfInputError) throw new InputError(`${basename(path)}: ${e.message}`);
      throw new InputError(`${basename(path)}: the PDF cannot be read (${(e as Error).message})`);
    }
  }
  if (!looksLikeHtml(bytes)) throw new InputError(`${basename(path)} is neither an HTML page nor a PDF`);
  return extractHtmlBytes(bytes, path);
}

export async function main(argv: string[], io: CliIO): Promise<number> {
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
  let x: ExtractedDoc;
  // Long PDFs: a progress line on stderr when it is a terminal.
  const tty = !!(process.stderr as { isTTY?: boolean }).isTTY;
  const progress = tty ? (p: { page: number; pages: number }) => p.pages >= 20 && io.err(`\r读取 reading page ${p.page}/${p.pages}${p.page === p.pages ? '\n' : ''}`) : undefined;
  try {
    x = await loadFile(args.path, progress, args.password);
  } catch (e) {
    io.err(`budget-lens: ${(e as Error).message}\n`);
    return 2;
  }
  const report = Report.parse(toReport(analyze(x, { policy: args.policy })));
  io.out(args.json ? JSON.stringify(report, null, 2) + '\n' : textReport(report));
  return 0;
}
