/**
 * The built extension in real Chromium (headless), on pages and PDFs served from a local server: what a
 * reader sees (highlights, the panel, the card, the viewer), what must not happen (pages changed, markup
 * from the page run, network requests of our own). Screenshots go to out/e2e/ for a person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/browser';
import { analyzeFixture } from '../helpers';
import { loadExtension, type Loaded } from '../../scripts/extension-browser';
import { encodedPdfHref, HOSTILE_TEXT, startServer, type TestServer } from '../../scripts/sample-server';
import { Report } from '../../lib/report/schema';
import { parseCsv } from '../support/csv-parse';

const OUT = join(import.meta.dirname, '..', '..', 'out', 'e2e');
mkdirSync(OUT, { recursive: true });
const NETLOG = join(OUT, 'netlog.json');

let srv: TestServer;
let ext: Loaded;

beforeAll(async () => {
  srv = await startServer();
  ext = await loadExtension({ netLog: NETLOG });
}, 120_000);

afterAll(async () => {
  await ext?.ctx.close();
  await srv?.close();
});

async function ready(page: Page, timeout = 30_000): Promise<{ state: string; findings: number }> {
  await page.waitForFunction(() => !['', null, 'reading'].includes(document.documentElement.getAttribute('data-budget-lens')), null, { timeout });
  return page.evaluate(() => ({ state: document.documentElement.getAttribute('data-budget-lens') ?? '', findings: Number(document.documentElement.getAttribute('data-budget-lens-findings')) }));
}

describe('on a budget web page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/html/000-word-cms.html`);
  });

  it('analyses the page and says so on the root element, with as many findings as the CLI', async () => {
    const r = await ready(page);
    expect(r.state).toBe('ready');
    expect(r.findings).toBe(analyzeFixture('000-word-cms.html').findings.length);
  });

  it('highlights the cells in error, warnings and reconciled cells, each naming its rule', async () => {
    const errors = page.locator('[data-budget-lens-severity="error"]');
    expect(await errors.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-budget-lens-severity="pass"]').count()).toBeGreaterThan(50);
    const rules = await errors.evaluateAll((els) => els.map((e) => e.getAttribute('data-budget-lens-rule')));
    expect(rules).toContain('R29');
    expect(rules.every((r) => !!r)).toBe(true);
    // The R29 mark sits over the cell that prints the cost indicator (15.93元 for a 15.93万元 project).
    const box = await page.locator('[data-budget-lens-severity="error"][data-budget-lens-rule="R29"]').first().boundingBox();
    const cell = await page.evaluate(() => {
      const td = [...document.querySelectorAll('td')].find((c) => /≤\s*15\.93\s*元/.test(c.textContent ?? ''));
      const r = td!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    expect(Math.abs(box!.x - cell.x)).toBeLessThan(4);
    expect(Math.abs(box!.y - cell.y)).toBeLessThan(4);
    await page.screenshot({ path: join(OUT, 'page-000-overview.png') });
  });

  it('shows the panel: organisation, year, totals, findings by severity, the table inventory', async () => {
    const panel = page.locator('.bl-panel');
    await expect(panel.isVisible()).resolves.toBe(true);
    const text = (await panel.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('洛阳市城乡一体化示范区党政办公室');
    expect(text).toContain('2024');
    expect(text).toMatch(/1070\.00 万元/);
    expect(text).toMatch(/941\.27/);
    expect(text).toMatch(/R29/);
    expect(text).toMatch(/部门收入预算表/);
  });

  it('hovering a highlighted cell shows the card with the rule, its explanation and the numbers', async () => {
    await page.evaluate(() => [...document.querySelectorAll('td')].find((c) => /≤\s*15\.93\s*元/.test(c.textContent ?? ''))!.scrollIntoView({ block: 'center' }));
    await page.waitForTimeout(300);
    const mark = page.locator('[data-budget-lens-severity="error"][data-budget-lens-rule="R29"]').first();
    const b = (await mark.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    const card = page.locator('[data-budget-lens-card]');
    await card.waitFor({ state: 'visible', timeout: 5000 });
    const text = await card.innerText();
    expect(text).toMatch(/R29/);
    expect(text).toMatch(/15\.93/);
    await page.screenshot({ path: join(OUT, 'page-000-card.png') });
    await page.mouse.move(5, 5);
  });

  it('clicking a finding in the panel scrolls to its cells, flashes them and pins the card', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const item = page.locator('.bl-finding.error').first();
    await item.click();
    await page.waitForTimeout(300);
    const active = page.locator('.bl-mark.bl-active');
    expect(await active.count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    const flashed = await page.locator('.bl-mark.bl-flash').count();
    expect(flashed).toBeGreaterThan(0);
    await expect(page.locator('[data-budget-lens-card]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(OUT, 'page-000-finding.png') });
  });

  it('the overlay follows a resize', async () => {
    const mark = page.locator('[data-budget-lens-severity="error"][data-budget-lens-rule="R29"]').first();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.waitForTimeout(400);
    const box = await mark.boundingBox();
    const cell = await page.evaluate(() => {
      const td = [...document.querySelectorAll('td')].find((c) => /≤\s*15\.93\s*元/.test(c.textContent ?? ''));
      const r = td!.getBoundingClientRect();
      return { x: r.x, y: r.y };
    });
    expect(Math.abs(box!.x - cell.x)).toBeLessThan(4);
    expect(Math.abs(box!.y - cell.y)).toBeLessThan(4);
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('the overlay follows content that moves the tables (no timer: the change itself is noticed)', async () => {
    const mark = page.locator('[data-budget-lens-severity="error"][data-budget-lens-rule="R29"]').first();
    await page.evaluate(() => {
      const d = document.createElement('div');
      d.id = 'pushed';
      d.style.height = '173px';
      document.body.prepend(d);
    });
    // The re-layout follows the change itself; on a loaded machine it may take a few frames to land.
    const gap = async () => {
      const box = await mark.boundingBox();
      const cell = await page.evaluate(() => {
        const td = [...document.querySelectorAll('td')].find((c) => /≤\s*15\.93\s*元/.test(c.textContent ?? ''));
        const r = td!.getBoundingClientRect();
        return { x: r.x, y: r.y };
      });
      return Math.abs(box!.y - cell.y);
    };
    await expect.poll(gap, { timeout: 5_000, interval: 200 }).toBeLessThan(4);
    await page.evaluate(() => document.getElementById('pushed')!.remove());
  });

  it('the panel draws charts with a text alternative, and the glossary', async () => {
    const charts = page.locator('.bl-panel .bl-chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    const alt = await page.locator('.bl-panel .bl-chart svg[role="img"]').first().getAttribute('aria-label');
    expect(alt).toMatch(/201 一般公共服务支出 941\.27/);
    expect(await page.locator('.bl-panel .bl-chart table.bl-sr').count()).toBe(await charts.count());
    expect(await page.locator('.bl-panel .bl-glossary dt').count()).toBeGreaterThan(3);
  });

  it('hovering a table header explains the term (名词解释)', async () => {
    const pinned = page.locator('[data-budget-lens-card] .x');
    if (await pinned.count()) await pinned.click();
    const th = page.locator('td,th', { hasText: /^\s*基本支出\s*$/ }).first();
    await th.scrollIntoViewIfNeeded();
    const b = (await th.boundingBox())!;
    await page.mouse.move(b.x + 4, b.y + 4);
    const term = page.locator('[data-budget-lens-term]');
    await term.waitFor({ state: 'visible', timeout: 5000 });
    expect(await term.innerText()).toMatch(/人员经费和公用经费|personnel costs plus running costs/);
    await page.mouse.move(5, 5);
  });

  it('exports JSON, CSV and Markdown from the panel as files', async () => {
    const expected = analyzeFixture('000-word-cms.html').findings.length;
    const get = async (kind: string) => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${kind}"]`).click()]);
      return { name: dl.suggestedFilename(), text: readFileSync((await dl.path())!, 'utf8') };
    };
    const json = await get('json');
    expect(json.name).toBe('预算透镜-洛阳市城乡一体化示范区党政办公室-2024.json');
    const report = Report.parse(JSON.parse(json.text));
    expect(report.findings).toHaveLength(expected);
    expect(report.source).toBe(`${srv.url}/html/000-word-cms.html`);
    const csv = await get('csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(parseCsv(csv.text.slice(1))).toHaveLength(expected + 1);
    const memo = await get('md');
    expect(memo.text).toMatch(/^# 预算透镜核对报告/);
  });

  it('opens a printable report that prints to PDF with every finding and the table thumbnails', async () => {
    const [report] = await Promise.all([ext.ctx.waitForEvent('page'), page.locator('[data-export="print"]').click()]);
    await report.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens-report') === 'ready', null, { timeout: 15_000 });
    expect(await report.locator('.bl-print .f').count()).toBe(analyzeFixture('000-word-cms.html').findings.length);
    expect(await report.locator('.bl-thumb td.error').count()).toBeGreaterThan(0);
    await report.screenshot({ path: join(OUT, 'print-report.png'), fullPage: true });
    const pdf = await report.pdf({ format: 'A4', path: join(OUT, 'print-report.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await report.close();
  });
});

describe('other budget pages', () => {
  it('a GBK-encoded page', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/html/003-clean-gbk.html`);
    const r = await ready(page);
    expect(r).toEqual({ state: 'ready', findings: analyzeFixture('003-clean-gbk.html').findings.length });
    expect(await page.locator('[data-budget-lens-rule="R25"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'page-003.png') });
    await page.close();
  });

  it('a page linking its PDF by a percent-encoded Chinese name cut mid-escape is still analysed, and the link offered', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/encoded-link.html`);
    const r = await ready(page);
    expect(r).toEqual({ state: 'ready', findings: analyzeFixture('000-word-cms.html').findings.length });
    const button = page.locator('[data-budget-lens-pdf]');
    await button.first().waitFor({ state: 'attached', timeout: 5000 });
    expect(await button.getAttribute('data-budget-lens-pdf')).toBe(`${srv.url}${encodedPdfHref()}`);
    await page.close();
  });

  it('a page whose tables arrive by script after load (AJAX CMS)', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/ajax.html`);
    const r = await ready(page);
    expect(r.state).toBe('ready');
    expect(r.findings).toBeGreaterThan(0);
    await page.close();
  });

  it('a cell whose text looks like markup stays text, in the panel and in the card', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/hostile.html`);
    await ready(page);
    const panel = await page.locator('.bl-panel').innerText();
    expect(panel).toContain(HOSTILE_TEXT);
    const injected = await page.evaluate(() => {
      const root = document.querySelector('budget-lens-root')!.shadowRoot!;
      return { imgs: root.querySelectorAll('img').length, pwned: (window as unknown as { __blPwned?: number }).__blPwned ?? 0 };
    });
    expect(injected).toEqual({ imgs: 0, pwned: 0 });
    await page.close();
  });
});

describe('on pages that are not budget disclosures', () => {
  for (const f of ['news-plain.html', 'news-stats.html', 'shop.html']) {
    it(`${f}: the DOM is exactly what it is without the extension`, async () => {
      const plain = await launchBrowser();
      const p0 = await plain.newPage();
      await p0.goto(`${srv.url}/html/${f}`);
      await p0.waitForTimeout(300);
      const before = await p0.evaluate(() => document.documentElement.outerHTML);
      await plain.close();
      const page = await ext.ctx.newPage();
      await page.goto(`${srv.url}/html/${f}`);
      await page.waitForTimeout(2000);
      const after = await page.evaluate(() => document.documentElement.outerHTML);
      expect(after).toBe(before);
      expect(after).not.toContain('data-budget-lens');
      expect(await page.locator('[data-budget-lens-severity]').count()).toBe(0);
      await page.close();
    });
  }
});

describe('PDFs', () => {
  it('a link to a .pdf opens in the viewer: pages, highlights on the page boxes, the panel', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/pdf/000-word-cms-portrait.pdf`).catch(() => undefined);
    await page.waitForURL(/viewer\.html\?file=/, { timeout: 15_000 });
    const r = await ready(page, 60_000);
    expect(r.state).toBe('ready');
    expect(r.findings).toBeGreaterThan(5);
    expect(await page.locator('.bl-page').count()).toBe(13);
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    const text = await page.locator('.bl-panel').innerText();
    expect(text).toContain('洛阳市城乡一体化示范区党政办公室');
    // Click the R29 finding: the viewer scrolls to page 11 and the mark is there.
    await page.locator('.bl-finding.error', { hasText: '电子政务内网办公环境改造' }).first().click();
    await page.waitForTimeout(800);
    const mark = page.locator('.bl-page[data-page="11"] [data-budget-lens-severity="error"][data-budget-lens-rule="R29"]');
    expect(await mark.count()).toBeGreaterThan(0);
    expect(await page.locator('.textLayer span').count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(OUT, 'viewer-000.png') });
    await page.close();
  });

  it('a PDF served without .pdf in its address (Content-Type) is shown as it came, and offered', async () => {
    // Fetching it again could fail (single-use links, POST results): test/e2e/hostile.test.ts opens it on request.
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/download?name=003-clean-gbk-portrait`).catch(() => undefined);
    await page.waitForTimeout(1500);
    expect(page.url()).not.toMatch(/viewer\.html/);
    await page.close();
  });

  it('find in the viewer highlights the text', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${await ext.runtimeUrl('viewer.html')}?file=${encodeURIComponent(`${srv.url}/pdf/001-excel-export-landscape.pdf`)}`);
    // Opened by address rather than by the extension: the reader confirms first.
    await page.locator('[data-action="read-file"]').click();
    await ready(page, 60_000);
    await page.locator('.bl-find input').fill('三公');
    await page.locator('.bl-find button').click();
    await page.waitForSelector('.textLayer .highlight', { timeout: 10_000 });
    expect(await page.locator('.bl-find .bl-note').innerText()).toMatch(/\d/);
    await page.close();
  });

  it('"open the original" shows the file itself, not intercepted again', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/pdf/nonembedded-cjk.pdf`).catch(() => undefined);
    await page.waitForURL(/viewer\.html/, { timeout: 15_000 });
    await ready(page, 60_000);
    await page.locator('[data-action="open-original"]').click();
    await page.waitForURL(`${srv.url}/pdf/nonembedded-cjk.pdf`, { timeout: 15_000 });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(`${srv.url}/pdf/nonembedded-cjk.pdf`);
    await page.close();
  });

  it('a disclosure page that only links its PDFs offers "check with BudgetLens" beside each link', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/links.html`);
    const button = page.locator('[data-budget-lens-pdf]').first();
    await button.waitFor({ state: 'visible', timeout: 10_000 });
    // Two real PDF links; "#.pdf" and "?file=x.pdf" addresses are not PDFs.
    expect(await page.locator('[data-budget-lens-pdf]').count()).toBe(2);
    const opened = ext.ctx.waitForEvent('page');
    await button.click();
    const viewer = await opened;
    await viewer.waitForURL(/viewer\.html\?file=/, { timeout: 15_000 });
    expect(decodeURIComponent(viewer.url())).toContain('/pdf/000-word-cms-portrait.pdf');
    await viewer.close();
    await page.close();
  });
});

describe('the popup', () => {
  it('tells whether the tab is a budget page, how many findings, and offers to analyse anyway', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/html/000-word-cms.html`);
    const r = await ready(page);
    const tabId = await ext.tabId(page.url());
    const popup = await ext.ctx.newPage();
    await popup.goto(ext.ext(`popup.html?tab=${tabId}`));
    await popup.waitForSelector('[data-findings]', { timeout: 10_000 });
    expect(Number(await popup.locator('[data-findings]').getAttribute('data-findings'))).toBe(r.findings);
    expect(await popup.locator('[data-detected="true"]').count()).toBe(1);
    await popup.screenshot({ path: join(OUT, 'popup.png') });

    const news = await ext.ctx.newPage();
    await news.goto(`${srv.url}/html/news-stats.html`);
    await news.waitForTimeout(500);
    const newsId = await ext.tabId(news.url());
    await popup.goto(ext.ext(`popup.html?tab=${newsId}`));
    await popup.locator('[data-detected="false"]').waitFor({ timeout: 10_000 });
    await popup.locator('[data-action="analyse"]').click();
    const forced = await ready(news);
    expect(forced.state).toBe('ready');
    await Promise.all([page.close(), news.close(), popup.close()]);
  });
});

describe('options', () => {
  it('are stored, shown again, and applied to the next analysis', async () => {
    const options = await ext.ctx.newPage();
    await options.goto(ext.ext('options.html'));
    const narrative = options.locator('input[name="group-narrative"]');
    await narrative.waitFor();
    expect(await narrative.isChecked()).toBe(true);
    await narrative.uncheck();
    await options.locator('select[name="language"]').selectOption('en');
    await options.waitForTimeout(300);
    const stored = await ext.sw.evaluate(async () => (await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings'))['settings']);
    expect(stored).toMatchObject({ language: 'en', groups: { narrative: false } });
    await options.reload();
    await options.locator('input[name="group-narrative"]').waitFor();
    expect(await options.locator('input[name="group-narrative"]').isChecked()).toBe(false);

    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/html/003-clean-gbk.html`);
    const r = await ready(page);
    const narrativeRules = ['R22', 'R23', 'R24', 'R25', 'R26', 'R27', 'F02', 'F03', 'F04', 'F05', 'F06'];
    expect(await page.locator(narrativeRules.map((id) => `[data-budget-lens-rule="${id}"]`).join(',')).count()).toBe(0);
    expect(r.findings).toBeLessThan(analyzeFixture('003-clean-gbk.html').findings.length);
    expect(await page.locator('.bl-panel').innerText()).toMatch(/Findings/);

    await options.locator('input[name="group-narrative"]').check();
    await options.locator('select[name="language"]').selectOption('auto');
    await Promise.all([page.close(), options.close()]);
  });
});

describe('privacy', () => {
  it('the extension issues no network request of its own: only the PDFs the reader opened are fetched', async () => {
    // Everything above ran in this browser; its network log names the initiator of every request.
    await ext.ctx.close();
    const log = JSON.parse(readFileSync(NETLOG, 'utf8')) as { constants: { logEventTypes: Record<string, number> }; events: { type: number; params?: { url?: string; initiator?: string } }[] };
    const start = log.constants.logEventTypes['URL_REQUEST_START_JOB'];
    const jobs = log.events.filter((e) => e.type === start && e.params?.url).map((e) => ({ url: e.params!.url!, initiator: e.params!.initiator ?? '' }));
    const ours = jobs.filter((j) => j.initiator === `chrome-extension://${ext.id}`);
    expect(ours.length).toBeGreaterThan(0);
    for (const j of ours) expect(j.url).toMatch(new RegExp(`^${srv.url.replace(/[.:/]/g, '\\$&')}/(pdf/|download\\?)`));
    // Requests by the pages themselves go only to the local server (the fixtures reference nothing else).
    const pages = jobs.filter((j) => j.initiator.startsWith('http'));
    for (const j of pages) expect(j.url.startsWith(srv.url)).toBe(true);
  });
});
