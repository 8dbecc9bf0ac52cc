/**
 * The main job (npm run demo): build the extension, serve the bundled sample disclosures locally, open
 * Chromium with BudgetLens on a sample budget page and a sample PDF (headed when a display exists,
 * headless otherwise), and write screenshots plus the findings reports to out/demo/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { analyze } from '../lib/analyze';
import { loadFile } from '../lib/cli/main';
import { toReport } from '../lib/report/export';
import { Report } from '../lib/report/schema';
import { textReport } from '../lib/report/text';
import { buildExtension } from './build-extension';
import { loadExtension } from './extension-browser';
import { startServer } from './sample-server';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'out', 'demo');
const REPORTS = join(OUT, 'reports');
const HTML = join(ROOT, 'test', 'fixtures', 'html');
const PDF = join(ROOT, 'test', 'fixtures', 'pdf');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

try {
  execFileSync('bash', [join(ROOT, 'scripts', 'ensure-system.sh')], { stdio: 'inherit' });
} catch {
  console.warn('system packages could not be installed: the browser part may fail');
}
mkdirSync(REPORTS, { recursive: true });

// 1. The findings reports: every sample page and PDF through the same library the extension uses.
const summary: string[] = [];
const cliCounts = new Map<string, number>();
const samples = [
  ...readdirSync(HTML).filter((f) => f.endsWith('.html')).map((f) => join(HTML, f)),
  ...readdirSync(PDF).filter((f) => f.endsWith('.pdf') && !/encrypted|corrupt/.test(f)).map((f) => join(PDF, f)),
  ...(existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).map((f) => join(CORPUS, f)) : []),
].sort();
for (const path of samples) {
  const name = basename(path);
  const report = Report.parse(toReport(analyze(await loadFile(path))));
  cliCounts.set(name, report.findings.length);
  writeFileSync(join(REPORTS, `${name}.json`), JSON.stringify(report, null, 2));
  writeFileSync(join(REPORTS, `${name}.txt`), textReport(report));
  summary.push(`${name}: ${report.isBudget ? `${report.kind}, ${report.tables.length} tables, ${report.counts.error} errors, ${report.counts.warning} warnings, ${report.counts.info} notes` : report.findings.length ? report.findings[0]!.message : 'not a budget disclosure'}`);
}
writeFileSync(join(OUT, 'summary.txt'), summary.join('\n') + '\n');

// 2. The extension in Chromium on a sample page and a sample PDF.
console.log('building the extension …');
buildExtension();
const srv = await startServer();
const headless = !process.env['DISPLAY'];
const ext = await loadExtension({ headless, lang: 'zh-CN' });
const seen: { what: string; url: string; state: string; findings: number; cli?: number }[] = [];

async function ready(page: Page): Promise<{ state: string; findings: number }> {
  await page.waitForFunction(() => !['', null, 'reading'].includes(document.documentElement.getAttribute('data-budget-lens')), null, { timeout: 90_000 });
  return page.evaluate(() => ({ state: document.documentElement.getAttribute('data-budget-lens') ?? '', findings: Number(document.documentElement.getAttribute('data-budget-lens-findings')) }));
}

try {
  const page = await ext.ctx.newPage();
  await page.goto(`${srv.url}/html/000-word-cms.html`);
  const r1 = await ready(page);
  seen.push({ what: 'budget page', url: page.url(), ...r1, cli: cliCounts.get('000-word-cms.html') });
  await page.screenshot({ path: join(OUT, '1-page-panel.png') });
  await page.locator('.bl-finding.error').first().click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(OUT, '2-page-finding-card.png') });
  await page.screenshot({ path: join(OUT, '3-page-full.png'), fullPage: true });

  const pdfPath = existsSync(join(CORPUS, 'putuo-planning-2024-final.pdf')) ? '/corpus/putuo-planning-2024-final.pdf' : '/pdf/000-word-cms-portrait.pdf';
  const viewer = await ext.ctx.newPage();
  await viewer.goto(`${srv.url}${pdfPath}`).catch(() => undefined);
  await viewer.waitForURL(/viewer\.html/, { timeout: 30_000 });
  const r2 = await ready(viewer);
  seen.push({ what: 'PDF in the viewer', url: `${srv.url}${pdfPath}`, ...r2, cli: cliCounts.get(basename(pdfPath)) });
  await viewer.screenshot({ path: join(OUT, '4-pdf-viewer.png') });
  await viewer.locator('.bl-finding.error').first().click();
  await viewer.waitForTimeout(1200);
  await viewer.screenshot({ path: join(OUT, '5-pdf-finding.png') });

  const tabId = await ext.sw.evaluate(async (url) => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }).chrome;
    return (await c.tabs.query({})).find((t) => t.url === url)?.id;
  }, page.url());
  const popup = await ext.ctx.newPage();
  await popup.setViewportSize({ width: 360, height: 240 });
  await popup.goto(ext.ext(`popup.html?tab=${tabId}`));
  await popup.waitForSelector('[data-findings]', { timeout: 10_000 });
  await popup.screenshot({ path: join(OUT, '6-popup.png') });
} finally {
  await ext.ctx.close();
  await srv.close();
}

writeFileSync(join(OUT, 'extension-results.json'), JSON.stringify(seen, null, 2));
console.log(summary.join('\n'));
console.log('\nin Chromium with the extension:');
for (const s of seen) console.log(`  ${s.what}: ${s.state}, ${s.findings} findings (CLI on the same file: ${s.cli ?? '—'}) ${s.url}`);
console.log(`\nreports: ${REPORTS}\nscreenshots: ${OUT}/*.png`);
const bad = seen.filter((s) => s.state !== 'ready');
if (bad.length) process.exitCode = 1;
