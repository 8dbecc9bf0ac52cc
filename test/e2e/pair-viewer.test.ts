/**
 * A 说明 and its 报表 published as two files, in the viewer (Chromium, built extension): the reader opens the
 * narrative, picks the tables file they downloaded, and gets one combined analysis — the same findings as
 * `budget-lens check 说明.pdf 报表.pdf --together`. Corpus files, served from the local test server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { loadExtension, type Loaded } from '../../scripts/extension-browser';
import { startServer, type TestServer } from '../../scripts/sample-server';
import { corpusRoot } from '../support/corpus';

const root = corpusRoot();
const narrative = root ? join(root, 'real', 'beijing-jmrhb-2026-budget-narrative.pdf') : '';
const tables = root ? join(root, 'real', 'beijing-jmrhb-2026-budget-tables.pdf') : '';

let srv: TestServer;
let ext: Loaded;

const attr = (page: Page, name: string) => page.evaluate((n) => document.documentElement.getAttribute(n), name);

describe.skipIf(!root)('a 说明 and its 报表 read together in the viewer', () => {
  beforeAll(async () => {
    srv = await startServer({ files: { 'jmrhb-narrative.pdf': new Uint8Array(readFileSync(narrative)) } });
    ext = await loadExtension({});
  }, 120_000);

  afterAll(async () => {
    await ext?.ctx.close();
    await srv?.close();
  });

  it('offers the other file for a narrative alone, and with it finds what the CLI finds for the two together', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/gen/jmrhb-narrative.pdf`).catch(() => undefined);
    await page.waitForURL(/viewer\.html\?file=/, { timeout: 15_000 });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens') === 'ready', undefined, { timeout: 60_000 });
    const alone = Number(await attr(page, 'data-budget-lens-findings'));
    await page.setInputFiles('input[data-action="add-companion"]', tables);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens-parts') === '2', undefined, { timeout: 90_000 });
    const together = Number(await attr(page, 'data-budget-lens-findings'));
    let out = '';
    await main(['check', narrative, tables, '--together', '--json', '--ocr=off'], { out: (s) => (out += s), err: () => undefined });
    const cli = JSON.parse(out) as { findings: unknown[] };
    expect(together).toBe(cli.findings.length);
    expect(together).not.toBe(alone);
    await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'out', 'e2e', 'viewer-pair.png') });
  });
});
