/**
 * Running the analysis over the shared corpus (../shared/corpus and ../shared/corpus/real), for the
 * `npm run corpus` command and the answer-key test. PDF extraction is cached under out/corpus-cache, keyed
 * by the file and by the extraction code itself, so changing recognition or rules reruns in seconds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../lib/analyze';
import { extractHtmlBytes } from '../../lib/cli/load-html';
import { extractPdfBytes } from '../../lib/cli/load-pdf';
import type { ExtractedDoc, GridCell } from '../../lib/extract/types';
import type { Severity } from '../../lib/rules/types';
import { combineExtracted } from '../../lib/extract/combine';
import { evidenceProblems } from './evidence';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');

export interface CorpusDocument {
  name: string;
  /** One file, or the files of a disclosure published in parts (说明 + 报表), read as one. */
  paths: string[];
}

export interface CorpusFinding {
  rule: string;
  severity: Severity;
  page?: number;
  message: string;
  values: string[];
  printed?: string;
  expected?: string;
}

export interface CorpusResult {
  name: string;
  kind: string;
  isBudget: boolean;
  units: string[];
  tables: { kind: string; title: string; page?: number; pageEnd?: number }[];
  findings: CorpusFinding[];
  counts: Record<Severity, number>;
  organization?: string;
  year?: number;
  /** Printed values or quotes of findings that the document's text does not hold. */
  evidenceProblems: string[];
}

export function corpusRoot(): string | undefined {
  const root = join(REPO, '..', 'shared', 'corpus');
  return existsSync(root) ? root : undefined;
}

/** Every document of the corpus: the files themselves, then the pairs the answer key declares. */
export function corpusDocuments(root: string, pairs: Record<string, string[]> = {}): CorpusDocument[] {
  const out: CorpusDocument[] = [];
  for (const dir of [root, join(root, 'real')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (/\.(pdf|html?)$/i.test(f)) out.push({ name: f, paths: [join(dir, f)] });
    }
  }
  for (const [name, files] of Object.entries(pairs)) {
    const paths = files.map((f) => out.find((d) => d.name === f)?.paths[0]).filter((p): p is string => !!p);
    if (paths.length === files.length) out.push({ name, paths });
  }
  return out;
}

let codeHash: string | undefined;
function extractionCodeHash(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha1');
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.ts')) h.update(f).update(readFileSync(p));
    }
  };
  walk(join(REPO, 'lib', 'extract'));
  walk(join(REPO, 'lib', 'text'));
  codeHash = h.digest('hex').slice(0, 12);
  return codeHash;
}

export async function extractFile(path: string): Promise<ExtractedDoc> {
  const bytes = new Uint8Array(readFileSync(path));
  const name = path.split('/').pop()!;
  if (!/\.pdf$/i.test(path)) return extractHtmlBytes(bytes, name);
  const st = statSync(path);
  const cacheDir = join(REPO, 'out', 'corpus-cache');
  const cache = join(cacheDir, `${name}.${st.size}.${extractionCodeHash()}.json`);
  if (existsSync(cache)) return revive(JSON.parse(readFileSync(cache, 'utf8')));
  const x = await extractPdfBytes(bytes, name);
  for (const b of x.blocks) if (b.type === 'table') b.grid.cells.forEach((c, i) => Object.defineProperty(c, '__i', { value: i, enumerable: false }));
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cache, JSON.stringify(x, (k, v) => (k === 'slots' ? (v as (GridCell | null)[][]).map((row) => row.map((c) => (c ? cellIndex.get(c) : -1))) : v)));
  return x;
}

// Grid slots share cell objects (a merged cell fills several slots); keep that identity through JSON.
const cellIndex = {
  get(c: GridCell): number {
    return (c as GridCell & { __i?: number }).__i ?? -1;
  },
};

function revive(x: ExtractedDoc): ExtractedDoc {
  for (const b of x.blocks) {
    if (b.type !== 'table') continue;
    const cells = b.grid.cells;
    b.grid.slots = (b.grid.slots as unknown as number[][]).map((row) => row.map((i) => (i >= 0 ? cells[i]! : null)));
  }
  return x;
}

export async function runCorpusDocument(d: CorpusDocument): Promise<CorpusResult> {
  const parts = [];
  for (const p of d.paths) parts.push(await extractFile(p));
  const x = parts.length === 1 ? parts[0]! : combineExtracted(parts, d.name);
  const a = analyze(x);
  const units = new Set<string>();
  for (const t of a.doc.tables) if (t.kind !== 'unknown' && t.unitSource !== 'default') units.add(t.unit);
  for (const c of a.doc.claims) if (c.unit) units.add(`${c.unit}(说明)`);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of a.findings) counts[f.severity]++;
  const r: CorpusResult = {
    name: d.name,
    kind: a.doc.kind,
    isBudget: a.doc.isBudget,
    units: [...units],
    tables: a.doc.tables.map((t) => ({ kind: t.kind, title: t.title, ...(t.page !== undefined ? { page: t.page } : {}), ...(t.pageEnd !== undefined ? { pageEnd: t.pageEnd } : {}) })),
    findings: a.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      ...(f.page !== undefined ? { page: f.page } : {}),
      message: f.message.zh,
      values: f.values,
      ...(f.printed !== undefined ? { printed: f.printed } : {}),
      ...(f.expected !== undefined ? { expected: f.expected } : {}),
    })),
    counts,
    evidenceProblems: evidenceProblems(x, a),
  };
  if (a.doc.organization) r.organization = a.doc.organization;
  if (a.doc.year) r.year = a.doc.year;
  return r;
}
