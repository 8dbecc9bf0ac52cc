/**
 * The project's own lint, run by `npm run lint` and by the test suite (test/lint/lint.test.ts):
 * - layers: data flows one way, extract → recognize → rules → report → components → entrypoints; a module
 *   never imports from a layer after its own;
 * - `lib/` uses no extension API (it runs in the CLI and in tests as well);
 * - unused code: exports of `lib/` nobody imports, and unused locals and parameters (tsc).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Layer of a source file; lower layers may not import higher ones. */
function layerOf(rel: string): { name: string; rank: number } | undefined {
  const rules: [RegExp, string, number][] = [
    [/^lib\/(money|text|codes)\//, 'foundation', 0],
    [/^lib\/(glossary|detect|messages)\.ts$/, 'foundation', 0],
    [/^lib\/extract\//, 'extract', 1],
    [/^lib\/recognize\//, 'recognize', 2],
    [/^lib\/rules\//, 'rules', 3],
    [/^lib\/(analyze|settings)\.ts$/, 'rules', 3],
    [/^lib\/report\//, 'report', 4],
    [/^lib\/cli\//, 'cli', 5],
    [/^components\//, 'components', 5],
    [/^entrypoints\//, 'entrypoints', 6],
  ];
  for (const [re, name, rank] of rules) if (re.test(rel)) return { name, rank };
  return undefined;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) {
        if (f !== 'node_modules' && f !== '__snapshots__' && f !== 'fixtures') walk(p);
      } else if (/\.(ts|tsx|mts)$/.test(f) && !f.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(join(ROOT, dir));
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push((m[1] ?? m[2])!);
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

/** The message for an import that goes against the flow, or undefined. Paths relative to the repository. */
export function importViolation(fromRel: string, toRel: string): string | undefined {
  const me = layerOf(fromRel);
  const them = layerOf(toRel);
  return me && them && them.rank > me.rank ? `${fromRel} (${me.name}) imports ${toRel} (${them.name})` : undefined;
}

export function layerViolations(): string[] {
  const out: string[] = [];
  for (const file of [...sources('lib'), ...sources('components'), ...sources('entrypoints')]) {
    for (const spec of importsOf(file)) {
      const target = resolveImport(file, spec);
      const v = target ? importViolation(relative(ROOT, file), relative(ROOT, target)) : undefined;
      if (v) out.push(v);
    }
  }
  return out;
}

const EXTENSION_API = /\b(?:browser|chrome)\.(?:runtime|tabs|storage|scripting|declarativeNetRequest|webRequest|action|sidePanel|sidebarAction|permissions|downloads)\b|from\s+['"](?:wxt[/'"]|#imports|webextension-polyfill|@wxt-dev\/)/;

export function extensionApiInLib(): string[] {
  return sources('lib')
    .filter((f) => EXTENSION_API.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
}

const EXPORTED = /export\s+(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g;

/** Exports of lib/ that no other file imports (by name): dead code, or a helper that should be private. */
export function unusedLibExports(): string[] {
  const users = [...sources('lib'), ...sources('components'), ...sources('entrypoints'), ...sources('scripts'), ...sources('test')].map((f) => ({ f, text: readFileSync(f, 'utf8') }));
  const out: string[] = [];
  for (const file of sources('lib')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(EXPORTED)) {
      const name = m[1]!;
      const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
      const used = users.some((u) => u.f !== file && word.test(u.text));
      if (!used) out.push(`${relative(ROOT, file)}: ${name}`);
    }
    if (/export\s+default/.test(text) && !users.some((u) => u.f !== file && importsOf(u.f).some((s) => resolveImport(u.f, s) === file))) out.push(`${relative(ROOT, file)}: default`);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = [...layerViolations().map((p) => `layer: ${p}`), ...extensionApiInLib().map((p) => `extension API in lib/: ${p}`), ...unusedLibExports().map((p) => `unused export: ${p}`)];
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} problem(s)` : 'lint: no problems');
  process.exitCode = problems.length ? 1 : 0;
}
