import { extname } from 'node:path';
import type { TolerancePolicy } from '../money/reconcile';
import type { OcrMode } from '../extract/ocr/page';
import { msg, type Lang, type MessageKey } from './i18n';

export type Format = 'text' | 'json' | 'csv' | 'md';

export interface Args {
  help: boolean;
  version: boolean;
  command?: string;
  paths: string[];
  /** The format asked for with --format/--json; `format` is what is used (also inferred from --out). */
  format: Format;
  out?: string;
  policy: TolerancePolicy;
  password?: string;
  jobs?: number;
  lang: Lang;
  /** The files are the parts of one disclosure (说明 + 报表): read and check them as one document. */
  together: boolean;
  /** OCR of pictures of text: auto (scanned pages), on (also pictures on text pages), off. */
  ocr: OcrMode;
}

/** A wrong command line: exit status 2, the message, then the usage. */
export class UsageError extends Error {}

const FORMATS: Record<string, Format> = { text: 'text', txt: 'text', json: 'json', csv: 'csv', md: 'md', markdown: 'md' };

/** The format an output file's extension names (`r.csv` → csv); undefined for other extensions. */
function formatOfPath(path: string): Format | undefined {
  return FORMATS[extname(path).slice(1).toLowerCase()];
}

/** `--lang` may come anywhere; messages about the other options already need it. */
export function langOf(argv: string[], fallback: Lang): Lang {
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const v = x.startsWith('--lang=') ? x.slice(7) : x === '--lang' ? argv[i + 1] : undefined;
    if (v === 'zh' || v === 'en') return v;
  }
  return fallback;
}

export function parseArgs(argv: string[], fallbackLang: Lang): Args {
  const lang = langOf(argv, fallbackLang);
  const fail = (key: MessageKey, ...a: string[]) => new UsageError(msg(lang, key, ...a));
  const a: Args = { help: false, version: false, paths: [], format: 'text', policy: 'rounding-aware', lang, together: false, ocr: 'auto' };
  let asked: Format | undefined;
  let options = true;
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const value = (name: string) => {
      if (x.startsWith(`${name}=`)) return x.slice(name.length + 1);
      const v = argv[++i];
      if (v === undefined) throw fail('needsValue', name);
      return v;
    };
    if (!options || !x.startsWith('-') || x === '-') {
      if (!a.command) a.command = x;
      else a.paths.push(x);
    } else if (x === '--') options = false;
    else if (x === '-h' || x === '--help') a.help = true;
    else if (x === '-V' || x === '--version') a.version = true;
    else if (x === '--json') asked = 'json';
    else if (x === '--strict') a.policy = 'strict';
    else if (x === '--together' || x === '-t') a.together = true;
    else if (x === '--ocr') a.ocr = 'on';
    else if (x === '--no-ocr') a.ocr = 'off';
    else if (x.startsWith('--ocr=')) {
      const m = x.slice('--ocr='.length);
      if (m !== 'auto' && m !== 'on' && m !== 'off') throw fail('badOcr', m);
      a.ocr = m;
    }
    else if (x === '--format' || x.startsWith('--format=')) {
      const f = value('--format');
      asked = FORMATS[f];
      if (!asked || f === 'txt') throw fail('badFormat', f);
    } else if (x === '--out' || x.startsWith('--out=')) a.out = value('--out');
    else if (x === '--password' || x.startsWith('--password=')) a.password = value('--password');
    else if (x === '--jobs' || x.startsWith('--jobs=')) {
      const n = Number(value('--jobs'));
      if (!Number.isInteger(n) || n < 1) throw fail('badJobs');
      a.jobs = n;
    } else if (x === '--lang' || x.startsWith('--lang=')) {
      const l = value('--lang');
      if (l !== 'zh' && l !== 'en') throw fail('badLang', l);
    } else throw fail('unknownOption', x);
  }
  // --out=r.csv means CSV; an explicit --format that contradicts the extension is refused, not guessed.
  const implied = a.out !== undefined ? formatOfPath(a.out) : undefined;
  if (asked && implied && asked !== implied) throw fail('formatConflict', asked, a.out!);
  a.format = asked ?? implied ?? 'text';
  if (a.help || a.version) return a;
  if (!a.command) throw fail('noCommand');
  if (a.command !== 'check') throw fail('unknownCommand', a.command);
  if (!a.paths.length) throw fail('noPaths');
  if (a.together && a.paths.length < 2) throw fail('togetherNeedsFiles');
  return a;
}
