import { renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { msg, type Lang } from './i18n';

/** Writing the report failed; the message says why in the user's language. */
export class OutputError extends Error {}

/**
 * Write a report so that the target is either the whole new report or untouched: the text goes to a
 * temporary file beside it, which is renamed over the target only once it is complete.
 */
export function writeReport(path: string, content: string, lang: Lang): string {
  const target = resolve(path);
  const dir = dirname(target);
  let dirOk = false;
  try {
    dirOk = statSync(dir).isDirectory();
  } catch {
    dirOk = false;
  }
  if (!dirOk) throw new OutputError(msg(lang, 'outDirMissing', dir));
  try {
    if (statSync(target).isDirectory()) throw new OutputError(msg(lang, 'outIsDir', path));
  } catch (e) {
    if (e instanceof OutputError) throw e;
  }
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was created.
    }
    throw new OutputError(msg(lang, 'writeFailed', path, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  return target;
}
