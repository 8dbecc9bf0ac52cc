/** Detection timed where it runs: in Chromium, on a real DOM (live, cached element collections). */
import { build } from 'esbuild';
import { launchBrowser } from './browser';

export async function benchDetectInBrowser(html: string): Promise<{ median: number; p95: number; isBudget: boolean }> {
  const bundle = await build({ entryPoints: ['lib/detect.ts'], bundle: true, write: false, format: 'iife', globalName: '__bl', platform: 'browser' });
  const code = bundle.outputFiles[0]!.text;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ content: code });
    return await page.evaluate(() => {
      const w = window as unknown as { __bl: typeof import('../lib/detect') };
      const xs: number[] = [];
      let r = w.__bl.detectBudgetPage(document);
      for (let i = 0; i < 20; i++) w.__bl.detectBudgetPage(document);
      for (let i = 0; i < 300; i++) {
        const t = performance.now();
        r = w.__bl.detectBudgetPage(document);
        xs.push(performance.now() - t);
      }
      xs.sort((a, b) => a - b);
      return { median: xs[150]!, p95: xs[285]!, isBudget: r.isBudget };
    });
  } finally {
    await browser.close();
  }
}
