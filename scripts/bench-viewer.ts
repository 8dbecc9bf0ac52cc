/**
 * The viewer as a reader meets it (npm run bench): Chromium with the built extension opens the 25-page
 * corpus 决算 PDF at 1280×720. Measured from the viewer page's start (performance.now() inside it): the
 * first page drawn, the first finding listed in the panel (findings arrive as the pages they rest on are
 * read), and all findings (data-budget-lens="ready"). Beside them, pdf.js
 * on its own in the same browser: the same file's first page and all 25 pages drawn one after another at
 * the viewer's scale, with no BudgetLens at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';
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
  /** pdf.js alone: page 1 drawn, and every page drawn in turn. */
  pdfjsFirst: number;
  pdfjsAll: number;
}

const PDFJS = join(import.meta.dirname, '..', 'node_modules', 'pdfjs-dist');

/** pdf.js by itself (a plain page, no extension): draw the file's pages one by one at scale 1.5, timed in the page. */
async function pdfjsAlone(runs: number): Promise<{ first: number; all: number }[]> {
  const browser = await launchBrowser();
  const out: { first: number; all: number }[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.route('http://bench.local/**', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/render.html') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><body></body>' });
      if (path === '/doc.pdf') return route.fulfill({ contentType: 'application/pdf', body: readFileSync(CORPUS_PDF) });
      const file = join(PDFJS, path.replace(/^\/pdfjs\//, ''));
      if (!path.startsWith('/pdfjs/') || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: path.endsWith('.mjs') ? 'text/javascript' : 'application/octet-stream', body: readFileSync(file) });
    });
    for (let i = 0; i < runs + 1; i++) {
      await page.goto('http://bench.local/render.html');
      const t = (await page.evaluate(`(async () => {
        const pdfjs = await import('/pdfjs/build/pdf.min.mjs');
        pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/build/pdf.worker.min.mjs';
        const t0 = performance.now();
        const doc = await pdfjs.getDocument({ url: '/doc.pdf', cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/', isEvalSupported: false }).promise;
        let first = 0;
        for (let n = 1; n <= doc.numPages; n++) {
          const p = await doc.getPage(n);
          const vp = p.getViewport({ scale: 1.5 });
          const c = document.createElement('canvas');
          c.width = vp.width;
          c.height = vp.height;
          document.body.appendChild(c);
          await p.render({ canvasContext: c.getContext('2d'), viewport: vp, canvas: c }).promise;
          if (n === 1) first = performance.now() - t0;
        }
        return { first, all: performance.now() - t0 };
      })()`)) as { first: number; all: number };
      if (i > 0) out.push(t);
    }
  } finally {
    await browser.close();
  }
  return out;
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
      // (Marks are drawn on a page when it is drawn: the findings here are on pages 6 and later, off screen.)
      const [firstPage, firstFinding, allFindings] = await Promise.all([
        when(page, '.bl-page canvas'),
        when(page, '.bl-panel [data-finding]'),
        when(page, 'html[data-budget-lens="ready"]'),
      ]);
      const findings = await page.evaluate(() => Number(document.documentElement.getAttribute('data-budget-lens-findings')));
      // The first run warms the browser's caches (fonts, the worker script): not counted.
      if (i > 0) out.push({ firstPage, firstFinding, allFindings, findings, pdfjsFirst: 0, pdfjsAll: 0 });
      await page.close();
    }
  } finally {
    await ext.ctx.close().catch(() => undefined);
    await srv.close();
  }
  const alone = await pdfjsAlone(runs);
  return out.map((t, i) => ({ ...t, pdfjsFirst: alone[i]?.first ?? 0, pdfjsAll: alone[i]?.all ?? 0 }));
}

export function reportViewer(times: ViewerTimes[] | undefined): void {
  if (!times?.length) {
    console.log('\nviewer bench skipped: ../shared/corpus is absent');
    return;
  }
  const med = (k: keyof ViewerTimes) => [...times.map((t) => t[k])].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  console.log(`\nthe viewer in Chromium on ${PDF} (25 pages, ${med('findings')} findings), 1280×720, median of ${times.length} runs after a warm-up:`);
  console.log(`  first page drawn                  ${med('firstPage').toFixed(0)} ms   (pdf.js alone: ${med('pdfjsFirst').toFixed(0)} ms)`);
  console.log(`  first finding listed in the panel ${med('firstFinding').toFixed(0)} ms`);
  console.log(`  all findings (ready)              ${med('allFindings').toFixed(0)} ms   (pdf.js alone, all 25 pages drawn: ${med('pdfjsAll').toFixed(0)} ms)`);
}

if (import.meta.url === `file://${process.argv[1]}`) reportViewer(await benchViewer());
