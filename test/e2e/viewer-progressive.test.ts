/**
 * Findings as pages arrive (issue 11), in the viewer (Chromium, built extension): on the 25-page corpus 决算
 * PDF the panel lists findings while later pages are still being read — marked as the pages read so far,
 * with no export yet — and ends with exactly the command line's findings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { loadExtension, type Loaded } from '../../scripts/extension-browser';
import { startServer, type TestServer } from '../../scripts/sample-server';
import { corpusRoot } from '../support/corpus';

const root = corpusRoot();
const file = root ? join(root, 'putuo-finance-2024-final.pdf') : '';

let srv: TestServer;
let ext: Loaded;

describe.skipIf(!root)('the viewer shows findings as pages are read', () => {
  beforeAll(async () => {
    srv = await startServer({ files: { 'putuo-finance.pdf': new Uint8Array(readFileSync(file)) } });
    ext = await loadExtension({});
  }, 120_000);

  afterAll(async () => {
    await ext?.ctx.close();
    await srv?.close();
  });

  it('lists settled findings before the last page is read, then the whole result', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/gen/putuo-finance.pdf`).catch(() => undefined);
    await page.waitForURL(/viewer\.html\?file=/, { timeout: 15_000 });
    const early = await (
      await page.waitForFunction(
        () => {
          const root = document.documentElement;
          const state = root.getAttribute('data-budget-lens');
          const findings = Number(root.getAttribute('data-budget-lens-findings'));
          if (state === 'reading' && findings > 0) {
            return { state, findings, note: document.querySelector('[data-partial]')?.textContent ?? '', exports: document.querySelectorAll('.bl-panel [data-export]').length, listed: document.querySelectorAll('.bl-panel [data-finding]').length };
          }
          return state && state !== 'reading' ? { state, findings, note: '', exports: 0, listed: 0 } : null;
        },
        null,
        { timeout: 60_000, polling: 20 },
      )
    ).jsonValue();
    expect(early?.state).toBe('reading');
    expect(early!.note).toMatch(/已读 \d+\/25 页|Read \d+ of 25 pages/);
    expect(early!.exports).toBe(0);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens') === 'ready', null, { timeout: 60_000 });
    const final = Number(await page.evaluate(() => document.documentElement.getAttribute('data-budget-lens-findings')));
    let out = '';
    await main(['check', file, '--json', '--ocr=off'], { out: (s) => (out += s), err: () => undefined });
    expect(final).toBe((JSON.parse(out) as { findings: unknown[] }).findings.length);
    expect(early!.findings).toBeLessThan(final);
    expect(await page.locator('[data-partial]').count()).toBe(0);
    await page.close();
  }, 120_000);
});
