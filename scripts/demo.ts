/**
 * The main job (npm run demo): analyse the bundled sample disclosures and write the findings reports.
 * Output goes to out/demo/: one text and one JSON report per sample page.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze } from '../lib/analyze';
import { loadFile } from '../lib/cli/main';
import { toReport } from '../lib/report/export';
import { Report } from '../lib/report/schema';
import { textReport } from '../lib/report/text';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'out', 'demo');
const SAMPLES = join(ROOT, 'test', 'fixtures', 'html');

try {
  execFileSync('bash', [join(ROOT, 'scripts', 'ensure-system.sh')], { stdio: 'inherit' });
} catch {
  console.warn('system packages missing: browser screenshots will be skipped');
}
mkdirSync(OUT, { recursive: true });
const summary: string[] = [];
for (const f of readdirSync(SAMPLES).filter((x) => x.endsWith('.html')).sort()) {
  const x = await loadFile(join(SAMPLES, f));
  const report = Report.parse(toReport(analyze(x)));
  const name = basename(f, '.html');
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(report, null, 2));
  writeFileSync(join(OUT, `${name}.txt`), textReport(report));
  summary.push(`${f}: ${report.isBudget ? `${report.kind}, ${report.tables.length} tables, ${report.counts.error} errors, ${report.counts.warning} warnings, ${report.counts.info} notes` : 'not a budget disclosure'}`);
}
writeFileSync(join(OUT, 'summary.txt'), summary.join('\n') + '\n');
console.log(summary.join('\n'));
console.log(`\nreports written to ${OUT}`);
