import { Worker } from 'node:worker_threads';
import { Report } from '../report/schema';
import type { BatchJob } from './batch';

/**
 * One document read in a worker thread with a memory ceiling. A hostile or broken file (a content stream
 * that inflates to gigabytes, an image of 10¹⁰ pixels) then ends that worker with "out of memory" instead
 * of the whole process dying with a V8 dump after minutes; the reader gets one line and exit status 2.
 */
export const WORKER_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 48, stackSizeMb: 8 } as const;

const TOO_LARGE = 'too large to read';

class IsolatedError extends Error {}

/** Messages between this thread and the isolated worker. */
type FromWorker = { progress: { page: number; pages: number } } | { report: unknown } | { error: string };

export function checkIsolated(job: BatchJob, workerUrl: URL, onProgress?: (p: { page: number; pages: number }) => void): Promise<Report> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerUrl, { workerData: { isolatedJob: job }, resourceLimits: WORKER_LIMITS });
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      f();
      void w.terminate();
    };
    w.on('message', (m: FromWorker) => {
      if ('progress' in m) onProgress?.(m.progress);
      else if ('report' in m) finish(() => resolve(Report.parse(m.report)));
      else finish(() => reject(new IsolatedError(m.error)));
    });
    w.on('error', (e: Error & { code?: string }) => {
      const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|heap limit|Array buffer allocation failed|Invalid typed array length|Invalid array length/i.test(e.message);
      finish(() => reject(new IsolatedError(oom ? `${TOO_LARGE} (it needs more than ${WORKER_LIMITS.maxOldGenerationSizeMb} MB of memory)` : e.message)));
    });
    w.on('exit', (code) => finish(() => reject(new IsolatedError(`${TOO_LARGE} (the reader stopped with code ${code})`))));
  });
}

/** The worker's side: check the job, report progress and the result (wired up by lib/cli/entry.ts). */
export function serveIsolated(job: BatchJob, post: (m: FromWorker) => void, check: (job: BatchJob, onProgress: (p: { page: number; pages: number }) => void) => Promise<Report>): void {
  check(job, (p) => post({ progress: p })).then(
    (report) => post({ report }),
    (e: unknown) => post({ error: e instanceof Error ? e.message : String(e) }),
  );
}
