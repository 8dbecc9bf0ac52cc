import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { BatchJob } from './batch';
import { serveIsolated } from './isolate';
import { checkFile, main } from './main';

/**
 * Entry point of the bundled CLI (dist/cli.mjs). The same file runs as a batch worker thread: it then
 * answers one job (a file to check) at a time.
 */
export async function run(argv: string[]): Promise<number> {
  // `budget-lens … | head` closes the pipe early: stop quietly, as other command-line tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return main(argv, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }, { workerUrl: new URL(import.meta.url), tty: !!process.stderr.isTTY });
}

if (!isMainThread && (workerData as { batchWorker?: boolean } | undefined)?.batchWorker) {
  parentPort!.on('message', (job: { kind: 'check' } & BatchJob) => {
    checkFile(job).then(
      (report) => parentPort!.postMessage({ report }),
      (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) }),
    );
  });
}

// One document in a worker with a memory ceiling (lib/cli/isolate.ts).
const isolated = !isMainThread ? (workerData as { isolatedJob?: BatchJob } | undefined)?.isolatedJob : undefined;
if (isolated) serveIsolated(isolated, (m) => parentPort!.postMessage(m), (job, onProgress) => checkFile(job, onProgress));
