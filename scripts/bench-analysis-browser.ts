/**
 * The page analysis timed where the extension runs it: in Chromium, on the live DOM, with the visibility check
 * the content script uses (liveHidden). (The Node figures use linkedom, a slower DOM.)
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { launchBrowser } from './browser';

const ENTRY = `
import { analyze } from './lib/analyze';
import { extractDom } from './lib/extract/dom/extract';
import { liveHidden } from './lib/extract/dom/visibility';
export function run() {
  const x = extractDom(document, { isHidden: liveHidden });
  return analyze(x).findings.length;
}`;

export async function benchAnalysisInBrowser(files: string[]): Promise<{ file: string; median: number; findings: number }[]> {
  const root = join(import.meta.dirname, '..');
  const bundle = await build({ stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' }, bundle: true, write: false, format: 'iife', globalName: '__blA', platform: 'browser' });
  const code = bundle.outputFiles[0]!.text;
  const browser = await launchBrowser();
  const out: { file: string; median: number; findings: number }[] = [];
  try {
    const page = await browser.newPage();
    for (const f of files) {
      await page.goto(pathToFileURL(f).href, { waitUntil: 'load' });
      await page.addScriptTag({ content: code });
      const r = await page.evaluate(() => {
        const w = window as unknown as { __blA: { run(): number } };
        let n = 0;
        for (let i = 0; i < 3; i++) n = w.__blA.run();
        const xs: number[] = [];
        for (let i = 0; i < 15; i++) {
          const t = performance.now();
          n = w.__blA.run();
          xs.push(performance.now() - t);
        }
        xs.sort((a, b) => a - b);
        return { median: xs[7]!, findings: n };
      });
      out.push({ file: f, ...r });
    }
  } finally {
    await browser.close();
  }
  return out;
}
