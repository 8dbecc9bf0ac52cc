import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TolerancePolicy } from '../money/reconcile';
import { Report } from '../report/schema';
import type { Lang } from './i18n';
import { WORKER_LIMITS } from './isolate';
import type { OcrMode } from '../extract/ocr/page';

/** One document of a batch: its report, or why it could not be read. */
export type BatchResult = { path: string; report: Report } | { path: string; error: string };

export interface BatchJob {
  path: string;
  policy: TolerancePolicy;
  password?: string;
  /** Language of the reason an input cannot be read. */
  lang?: Lang;
  /** OCR of pictures of text (see lib/cli/ocr-node.ts); default 'auto'. */
  ocr?: OcrMode;
  /** Pages OCR'd at once within this document (batch mode: 1, the cores are shared across documents). */
  ocrWorkers?: number;
}

/**
 * Every HTML page and PDF under a folder (sub-folders too), in a stable order. Word and Excel files are
 * left out, and listed in `office` when given (the command line says how many and what to do).
 */
export function documentsIn(folder: string, office?: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      // A sub-folder that cannot be listed is reported like an unreadable file, not a crash.
      if (dir === folder) throw e;
      out.push(dir);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        out.push(p);
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (/\.(pdf|html?|shtml)$/i.test(name)) out.push(p);
      else if (office && /\.(docx?|xlsx?|wps|et|odt|ods|rtf)$/i.test(name)) office.push(p);
    }
  };
  walk(folder);
  return out;
}

export function displayName(folder: string, path: string): string {
  return relative(folder, path) || path;
}

/**
 * Check documents with `jobs` worker threads (each reads, recognises and checks one file at a time), or in
 * this thread when no worker script is given. Results come back in input order.
 */
export async function runBatch(
  files: string[],
  opts: { policy: TolerancePolicy; password?: string; lang?: Lang; ocr?: OcrMode; jobs?: number; workerUrl?: URL; onDone?: (r: BatchResult, done: number) => void },
  checkOne: (job: BatchJob) => Promise<Report>,
): Promise<BatchResult[]> {
  const results: BatchResult[] = new Array(files.length);
  let done = 0;
  const finish = (i: number, r: BatchResult) => {
    results[i] = r;
    done++;
    opts.onDone?.(r, done);
  };
  const jobs = Math.max(1, Math.min(opts.jobs ?? availableParallelism(), files.length));
  // Each document gets one OCR worker when several documents run at once: every core is busy either way.
  const job = (path: string): BatchJob => ({
    path,
    policy: opts.policy,
    ...(opts.password !== undefined ? { password: opts.password } : {}),
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.ocr !== undefined ? { ocr: opts.ocr } : {}),
    ...(jobs > 1 ? { ocrWorkers: 1 } : {}),
  });
  if (!opts.workerUrl || jobs === 1) {
    for (let i = 0; i < files.length; i++) {
      try {
        finish(i, { path: files[i]!, report: await checkOne(job(files[i]!)) });
      } catch (e) {
        finish(i, { path: files[i]!, error: (e as Error).message });
      }
    }
    return results;
  }
  let next = 0;
  const workerUrl = opts.workerUrl;
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      const spawn = () => new Worker(workerUrl, { workerData: { batchWorker: true }, resourceLimits: WORKER_LIMITS });
      let w = spawn();
      try {
        while (next < files.length) {
          const i = next++;
          const path = files[i]!;
          const reply = await new Promise<{ report?: unknown; error?: string; crashed?: true }>((resolve) => {
            const onMessage = (m: { report?: unknown; error?: string }) => {
              w.off('error', onError);
              resolve(m);
            };
            const onError = (e: Error) => {
              w.off('message', onMessage);
              resolve({ error: e.message, crashed: true });
            };
            w.once('message', onMessage);
            w.once('error', onError);
            w.postMessage({ kind: 'check', ...job(path) });
          });
          if (reply.error !== undefined) {
            finish(i, { path, error: reply.error });
            // A worker that died (out of memory on a huge file) is replaced; one that answered is reused.
            if (reply.crashed) {
              await w.terminate();
              w = spawn();
            }
          } else finish(i, { path, report: Report.parse(reply.report) });
        }
      } finally {
        await w.terminate();
      }
    }),
  );
  return results;
}

/** A one-line progress bar for a terminal. */
export function progressBar(done: number, total: number, label: string, width = 24): string {
  const filled = Math.round((done / Math.max(1, total)) * width);
  return `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${label.length > 40 ? '…' + label.slice(-39) : label}`.padEnd(width + 60);
}
