/**
 * The viewer as a reader meets it (npm run bench): Chromium with the built extension opens the 25-page
 * corpus 决算 PDF at 1280×720. Measured from the viewer page's start (performance.now() inside it): the
 * first page drawn, the first finding on screen, and all findings (data-budget-lens="ready"). The viewer
 * analyses the whole file before it marks anything, so the first finding comes with all of them; these are
 * the figures to beat when findings arrive page by page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildExtension } from './build-extension';
import { loadExtension } from './extension-browser';
import { startServer } from './sample-server';

const PDF = 'putuo-finance-2024-final.pdf';
const CORPUS_PDF = join(import.meta.dirname, '..', '..', 'shared', 'corpus', PDF);

export interface ViewerTimes {
  firstPage: number;
  firstFinding: number;
  allFindings: number;
  findings: number;
}

async function when(page: Page, selector: string): Promise<number> {
  // A string, not a function: tsx would wrap a named inner function with a helper the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    const check = () => (document.querySelector(${JSON.stringify(selector)}) ? resolve(performance.now()) : requestAnimationFrame(check));
    check();
  })`) as Promise<number>;
}

export async function benchViewer(runs = 3): Promise<ViewerTimes[] | undefined> {
  if (!existsSync(CORPUS_PDF)) return undefined;
  buildExtension();
  const srv = await startServer();
  const ext = await loadExtension({ lang: 'zh-CN' });
  const out: ViewerTimes[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      const page = await ext.ctx.newPage();
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${srv.url}/corpus/${PDF}`).catch(() => undefined);
      await page.waitForURL(/viewer\.html/, { timeout: 30_000 });
      const [firstPage, firstFinding, allFindings] = await Promise.all([
        when(page, '.bl-page canvas'),
        when(page, '.bl-mark[data-budget-lens-severity="error"], .bl-mark[data-budget-lens-severity="warning"], .bl-mark[data-budget-lens-severity="info"]'),
        when(page, 'html[data-budget-lens="ready"]'),
      ]);
      const findings = await page.evaluate(() => Number(document.documentElement.getAttribute('data-budget-lens-findings')));
      // The first run warms the browser's caches (fonts, the worker script): not counted.
      if (i > 0) out.push({ firstPage, firstFinding, allFindings, findings });
      await page.close();
    }
  } finally {
    await ext.ctx.close();
    await srv.close();
  }
  return out;
}

export function reportViewer(times: ViewerTimes[] | undefined): void {
  if (!times?.length) {
    console.log('\nviewer bench skipped: ../shared/corpus is absent');
    return;
  }
  const med = (k: keyof ViewerTimes) => [...times.map((t) => t[k])].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  console.log(`\nthe viewer in Chromium on ${PDF} (25 pages, ${med('findings')} findings), 1280×720, median of ${times.length} runs after a warm-up:`);
  console.log(`  first page drawn      ${med('firstPage').toFixed(0)} ms`);
  console.log(`  first finding shown   ${med('firstFinding').toFixed(0)} ms`);
  console.log(`  all findings (ready)  ${med('allFindings').toFixed(0)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) reportViewer(await benchViewer());
