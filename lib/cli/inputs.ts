import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { documentsIn } from './batch';
import { msg, type Lang } from './i18n';

/** One document to check, or why an argument names nothing that can be checked. */
export type Input = { path: string } | { path: string; error: string };

interface Inputs {
  inputs: Input[];
  /** Several documents (several arguments, a glob or a folder): one line each, a combined report. */
  batch: boolean;
  /** Word/Excel files met inside folders and left out. */
  skippedOffice: number;
  /** The base an input's name is shown relative to (the folder when one folder is checked). */
  base?: string;
}

const URL_RE = /^(?:https?|ftp):\/\//i;
const WORD = new Set(['.doc', '.docx', '.wps', '.odt', '.rtf']);
const EXCEL = new Set(['.xls', '.xlsx', '.et', '.ods']);

/** The office application that saves a file of this name (for the hint), or undefined. */
export function officeApp(path: string): 'Word' | 'Excel' | undefined {
  const ext = extname(path).toLowerCase();
  return WORD.has(ext) ? 'Word' : EXCEL.has(ext) ? 'Excel' : undefined;
}

/** Bytes of a Word/Excel file whatever its name: OLE compound file (.doc/.xls) or a zip (.docx/.xlsx). */
export function looksLikeOffice(bytes: Uint8Array): boolean {
  const b = bytes;
  return (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) || (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04);
}

export function isUrl(arg: string): boolean {
  return URL_RE.test(arg);
}

const GLOB_CHARS = /[*?[]/;

/** `*.pdf` as a regular expression over one name (`*`, `?`, `[abc]`). */
function globRe(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/**
 * A pattern the shell did not expand (quoted, or a shell without globbing): wildcards in the last part
 * of the path only, like most people type them.
 */
function expandGlob(arg: string): string[] | undefined {
  const name = basename(arg);
  if (!GLOB_CHARS.test(name) || GLOB_CHARS.test(dirname(arg))) return undefined;
  const dir = dirname(arg);
  const re = globRe(name);
  try {
    return readdirSync(dir)
      .filter((n) => re.test(n))
      .sort()
      .map((n) => (dir === '.' && !arg.startsWith('./') ? n : join(dir, n)));
  } catch {
    return [];
  }
}

/** The command line's paths to the documents to check, in order. */
export function resolveInputs(args: string[], lang: Lang): Inputs {
  const inputs: Input[] = [];
  let skippedOffice = 0;
  let batch = args.length > 1;
  let base: string | undefined;
  const queue = args.map((arg) => ({ arg, expanded: false }));
  for (let q = queue.shift(); q; q = queue.shift()) {
    const arg = q.arg;
    if (isUrl(arg)) {
      inputs.push({ path: arg, error: msg(lang, 'url', arg) });
      continue;
    }
    let isDir = false;
    let exists = false;
    try {
      isDir = statSync(arg).isDirectory();
      exists = true;
    } catch {
      // Missing: maybe a pattern; otherwise reading it says why.
    }
    if (isDir) {
      batch = true;
      if (args.length === 1) base = arg;
      const skipped: string[] = [];
      const docs = documentsIn(arg, skipped);
      skippedOffice += skipped.length;
      if (!docs.length) inputs.push({ path: arg, error: msg(lang, 'folderEmpty', arg) });
      for (const p of docs) inputs.push({ path: p });
      continue;
    }
    if (!exists && !q.expanded) {
      const matches = expandGlob(arg);
      if (matches) {
        batch = true;
        if (!matches.length) inputs.push({ path: arg, error: msg(lang, 'noMatch', arg) });
        // In place of the pattern, in order (a match may be a folder).
        queue.unshift(...matches.map((m) => ({ arg: m, expanded: true })));
        continue;
      }
    }
    inputs.push({ path: arg });
  }
  const out: Inputs = { inputs, batch, skippedOffice };
  if (base !== undefined) out.base = base;
  return out;
}
