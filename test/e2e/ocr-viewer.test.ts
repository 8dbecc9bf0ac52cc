/**
 * OCR in the viewer (issue 12), in real Chromium with the built extension: a scan opens with X01 and an
 * offer to read its pages; one click reads them in a worker (tesseract.js and the Chinese model, both
 * served by the extension) and the findings equal the CLI's for the same file; a text PDF loads none of it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { loadExtension, type Loaded } from '../../scripts/extension-browser';
import { startServer, type TestServer } from '../../scripts/sample-server';
import { writePdf } from '../support/pdf-writer';
import { budgetPages } from '../support/sample-pages';
import { scanPdf, tableAsPicture } from '../support/scan';

/** Our budget pages with one real inconsistency (223.40 where the column needs 123.40), scanned at 150 dpi. */
const dir = mkdtempSync(join(tmpdir(), 'bl-ocr-e2e-'));
const original = join(dir, 'budget.pdf');
writeFileSync(original, writePdf(budgetPages().map((p) => ({ ...p, texts: p.texts?.map((t) => (t.text === '123.40' ? { ...t, text: '223.40' } : t)) }))));
const scanned = join(dir, 'scan.pdf');
writeFileSync(scanned, scanPdf(original, 150));
/** The same pages with page 1's table pasted as a picture (title and unit still text). */
const mixed = join(dir, 'mixed.pdf');
writeFileSync(mixed, tableAsPicture(original, budgetPages().map((p) => ({ ...p, texts: p.texts?.map((t) => (t.text === '123.40' ? { ...t, text: '223.40' } : t)) }))));

let srv: TestServer;
let ext: Loaded;

beforeAll(async () => {
  srv = await startServer({ files: { 'scan.pdf': scanPdf(original, 150), 'mixed.pdf': readFileSync(mixed) } });
  ext = await loadExtension({});
}, 120_000);

afterAll(async () => {
  await ext?.ctx.close();
  await srv?.close();
});

const attr = (page: Page, name: string) => page.evaluate((n) => document.documentElement.getAttribute(n), name);

async function cliFindings(file: string, ...flags: string[]): Promise<{ rule: string; severity: string }[]> {
  let out = '';
  await main(['check', file, '--json', ...flags], { out: (s) => (out += s), err: () => undefined });
  return (JSON.parse(out) as { findings: { rule: string; severity: string }[] }).findings;
}

const resources = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));

describe('the viewer reads scanned pages on request', () => {
  it('a scan: X01 and the offer; one click reads it, with the findings the CLI gives', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(ext.ext(`viewer.html?file=${encodeURIComponent(`${srv.url}/gen/scan.pdf`)}`));
    // Opened by address rather than by the extension: the reader confirms first (a real click).
    await page.locator('[data-action=\"read-file\"]').click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens') === 'ready', null, { timeout: 60_000 });
    expect(await attr(page, 'data-budget-lens-findings')).toBe('1');
    const offer = page.locator('[data-action="ocr"]');
    await offer.waitFor({ state: 'visible', timeout: 10_000 });
    // Nothing of the OCR is loaded before the click.
    expect((await resources(page)).filter((n) => /\/ocr\/|tesseract/.test(n))).toEqual([]);
    await offer.click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens-ocr') !== 'running', null, { timeout: 150_000 });
    expect(await attr(page, 'data-budget-lens-ocr')).toBe('done');
    const cli = await cliFindings(scanned);
    expect(cli.map((f) => f.rule)).not.toContain('X01');
    // The scan's real error is found in the viewer as on the command line.
    expect(cli.filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('R01');
    expect(Number(await attr(page, 'data-budget-lens-findings'))).toBe(cli.length);
    expect(await page.locator('[data-budget-lens-severity="error"][data-budget-lens-rule="R01"]').count()).toBeGreaterThan(0);
    // The recognised text lies over the image as its text layer: find reaches it.
    await page.locator('.bl-find input').fill('住房保障支出');
    await page.locator('.bl-find button').click();
    await page.waitForSelector('.textLayer .highlight', { timeout: 10_000 });
    expect(await page.locator('.bl-find .bl-note').innerText()).toMatch(/[1-9]/);
    // … laid out a line or printed word a span, on its own glyphs: the wrong amount is a span of its own,
    // far narrower than its 90 pt cell (one span a cell before), and find highlights just the words found.
    const amount = page.locator('.textLayer span').filter({ hasText: /^\s*223\.40\s*$/ });
    expect(await amount.count()).toBe(1);
    const pageBox = (await page.locator('.textLayer').first().boundingBox())!;
    const box = (await amount.boundingBox())!;
    expect(box.width).toBeLessThan(0.6 * 90 * (pageBox.width / 595));
    expect(box.width).toBeGreaterThan(0.1 * 90 * (pageBox.width / 595));
    expect(await page.locator('.textLayer .highlight').allInnerTexts()).toEqual([expect.stringMatching(/住房保障支出$/)]);
    await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'out', 'e2e', 'viewer-ocr.png') });
    await page.close();
  }, 240_000);

  it('a table pasted as a picture on a text page: told it was not read, one click reads it, with the CLI\'s findings for --ocr=on', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(ext.ext(`viewer.html?file=${encodeURIComponent(`${srv.url}/gen/mixed.pdf`)}`));
    await page.locator('[data-action="read-file"]').click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens') === 'ready', null, { timeout: 60_000 });
    // Before: the CLI's findings without OCR of pictures (an X01 note says page 1's table was not read).
    const before = await cliFindings(mixed);
    expect(before.filter((f) => f.rule === 'X01').map((f) => f.severity)).toEqual(['info']);
    expect(Number(await attr(page, 'data-budget-lens-findings'))).toBe(before.length);
    const offer = page.locator('[data-action="ocr-pictures"]');
    await offer.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('.bl-panel').innerText()).toMatch(/第 1 页有以图片形式粘贴的表格|Page\(s\) 1 hold tables pasted as pictures/);
    expect((await resources(page)).filter((n) => /\/ocr\/|tesseract/.test(n))).toEqual([]);
    await offer.click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens-ocr') !== 'running', null, { timeout: 150_000 });
    expect(await attr(page, 'data-budget-lens-ocr')).toBe('done');
    const cli = await cliFindings(mixed, '--ocr=on');
    expect(cli.filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('R01');
    expect(Number(await attr(page, 'data-budget-lens-findings'))).toBe(cli.length);
    expect(await page.locator('[data-budget-lens-severity="error"][data-budget-lens-rule="R01"]').count()).toBeGreaterThan(0);
    await page.close();
  }, 240_000);

  it('with the option on, scanned pages are read as soon as the PDF opens', async () => {
    const options = await ext.ctx.newPage();
    await options.goto(ext.ext('options.html'));
    await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> } } } }).chrome.storage.local;
      const got = await api.get('settings');
      await api.set({ settings: { ...((got['settings'] as object) ?? {}), ocrAuto: true } });
    });
    const page = await ext.ctx.newPage();
    await page.goto(ext.ext(`viewer.html?file=${encodeURIComponent(`${srv.url}/gen/scan.pdf`)}`));
    // Opened by address rather than by the extension: the reader confirms first (a real click).
    await page.locator('[data-action=\"read-file\"]').click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens-ocr') === 'done', null, { timeout: 150_000 });
    expect(await page.locator('[data-budget-lens-severity="error"][data-budget-lens-rule="R01"]').count()).toBeGreaterThan(0);
    await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> } } } }).chrome.storage.local;
      const got = await api.get('settings');
      await api.set({ settings: { ...((got['settings'] as object) ?? {}), ocrAuto: false } });
    });
    await page.close();
    await options.close();
  }, 240_000);

  it('a text PDF loads no OCR code or data', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(ext.ext(`viewer.html?file=${encodeURIComponent(`${srv.url}/pdf/nonembedded-cjk.pdf`)}`));
    // Opened by address rather than by the extension: the reader confirms first (a real click).
    await page.locator('[data-action=\"read-file\"]').click();
    await page.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens') === 'ready', null, { timeout: 60_000 });
    expect(await page.locator('[data-action="ocr"]').count()).toBe(0);
    expect((await resources(page)).filter((n) => /\/ocr\/|tesseract/.test(n))).toEqual([]);
    await page.close();
  });
});
