/**
 * The built Firefox extension (MV2) in Debian's Firefox ESR, headless, over WebDriver BiDi: the same core
 * checks as in Chromium — a budget page marked, an ordinary page left exactly as it is, a PDF opened in the
 * viewer, and no network request of the extension's own. The local server is also Firefox's proxy for every
 * other host, so its log holds every request the browser made.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX, launchFirefox, navigate, waitForHref, waitForResult, type FirefoxLoaded } from '../../scripts/firefox-extension';
import { encodedPdfHref, startServer, type TestServer } from '../../scripts/sample-server';
import { analyzeFixture } from '../helpers';
import { hiddenMarks } from '../support/in-page';

const OUT = join(import.meta.dirname, '..', '..', 'out', 'e2e');
mkdirSync(OUT, { recursive: true });

let srv: TestServer;
let ff: FirefoxLoaded;

/** The marks BudgetLens drew on the page (in its shadow root), by severity. */
const marks = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('budget-lens-root')?.shadowRoot;
    const all = [...(root?.querySelectorAll('[data-budget-lens-severity]') ?? [])];
    const by: Record<string, number> = {};
    for (const m of all) by[m.getAttribute('data-budget-lens-severity')!] = (by[m.getAttribute('data-budget-lens-severity')!] ?? 0) + 1;
    return { total: all.length, by, rules: all.map((m) => m.getAttribute('data-budget-lens-rule')) };
  });

/** Click the centre of the first element matching `selector` (in BudgetLens's shadow root on pages) with the real mouse. */
async function clickAt(page: Page, selector: string, text?: string): Promise<void> {
  const at = await page.evaluate(
    (selector, text) => {
      const root: ParentNode = document.querySelector('budget-lens-root')?.shadowRoot ?? document;
      const el = [...root.querySelectorAll<HTMLElement>(selector)].find((e) => !text || (e.textContent ?? '').includes(text));
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    selector,
    text,
  );
  if (!at) throw new Error(`nothing to click: ${selector} ${text ?? ''}`);
  await page.mouse.click(at.x, at.y);
}

/** Is a lit (active) mark of this kind inside the viewport? And is a card open? */
const lit = (page: Page, sentence: boolean) =>
  page.evaluate((sentence) => {
    const root: ParentNode = document.querySelector('budget-lens-root')?.shadowRoot ?? document;
    const marks = [...root.querySelectorAll('.bl-mark.bl-active')].filter((m) => m.classList.contains('bl-sentence') === sentence);
    return { inView: marks.some((m) => { const r = m.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }), card: !!root.querySelector('[data-budget-lens-card]') };
  }, sentence);

describe.skipIf(!existsSync(FIREFOX))('Firefox ESR', () => {
  beforeAll(async () => {
    srv = await startServer();
    ff = await launchFirefox({ proxy: srv.url.replace('http://', '') });
    // Tests read the UI through an open shadow root: a flag only the extension's own pages can set (readers
    // get a closed root). Set it from the viewer, reached through the extension's own PDF redirect.
    const setup = await ff.browser.newPage();
    navigate(setup, `${srv.url}/pdf/001-excel-export-landscape.pdf`);
    await waitForHref(setup, /^moz-extension:/);
    await setup.evaluate(() => (globalThis as unknown as { browser: { storage: { local: { set(v: object): Promise<void> } } } }).browser.storage.local.set({ devInspectableUi: true }));
    await setup.close();
  }, 120_000);

  afterAll(async () => {
    await ff?.browser.close();
    await srv?.close();
  });

  it('marks a budget page: ready on the root element, as many findings as the CLI, highlights naming their rules', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${srv.url}/html/000-word-cms.html`);
    const r = await waitForResult(page);
    expect(r).toEqual({ state: 'ready', findings: analyzeFixture('000-word-cms.html').findings.length });
    const m = await marks(page);
    expect(m.by['error']).toBeGreaterThan(0);
    expect(m.by['pass']).toBeGreaterThan(50);
    expect(m.rules).toContain('R29');
    await page.screenshot({ path: join(OUT, 'firefox-page-000.png') });
    // The keyboard: j shows the first finding's card and counts it, Esc closes the card.
    await page.keyboard.press('j');
    await page.waitForFunction(() => !!document.querySelector('budget-lens-root')?.shadowRoot?.querySelector('[data-budget-lens-card]'), { timeout: 5000 });
    const nav = await page.evaluate(() => {
      const root = document.querySelector('budget-lens-root')!.shadowRoot!;
      return { position: root.querySelector('[data-nav-position]')?.textContent, card: !!root.querySelector('[data-budget-lens-card]') };
    });
    expect(nav.card).toBe(true);
    expect(nav.position).toMatch(/^1 \/ \d+$/);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('budget-lens-root')?.shadowRoot?.querySelector('[data-budget-lens-card]'), { timeout: 5000 });
    await page.close();
  });

  it('a narrative finding\'s card links to the table cell it is compared with, and back', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${srv.url}/html/001-excel-export.html`);
    await waitForResult(page);
    await clickAt(page, '.bl-finding', '办公设备购置');
    await new Promise((res) => setTimeout(res, 300));
    await clickAt(page, '[data-budget-lens-card] [data-jump="cell"]');
    await new Promise((res) => setTimeout(res, 400));
    expect(await lit(page, false)).toEqual({ inView: true, card: true });
    await clickAt(page, '[data-budget-lens-card] [data-jump="text"]');
    await new Promise((res) => setTimeout(res, 400));
    expect(await lit(page, true)).toEqual({ inView: true, card: true });
    await page.close();
  });

  it('a page linking its PDF by a percent-encoded name cut mid-escape is analysed and the link offered', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${srv.url}/encoded-link.html`);
    const r = await waitForResult(page);
    expect(r.state).toBe('ready');
    const offered = await page.evaluate(async () => {
      for (let i = 0; i < 50; i++) {
        const b = document.querySelector('budget-lens-links')?.shadowRoot?.querySelector('[data-budget-lens-pdf]');
        if (b) return b.getAttribute('data-budget-lens-pdf');
        await new Promise((res) => setTimeout(res, 100));
      }
      return null;
    });
    expect(offered).toBe(`${srv.url}${encodedPdfHref()}`);
    await page.close();
  });

  it('leaves an ordinary page exactly as it is', async () => {
    for (const f of ['news-plain.html', 'news-stats.html', 'shop.html']) {
      const page = await ff.browser.newPage();
      await page.goto(`${srv.url}/html/${f}`);
      await new Promise((res) => setTimeout(res, 1000));
      // The same file parsed without running anything is the page as its author wrote it.
      const same = await page.evaluate(async () => {
        const html = await (await fetch(location.href)).text();
        const fresh = new DOMParser().parseFromString(html, 'text/html').documentElement.outerHTML;
        return { same: fresh === document.documentElement.outerHTML, marked: document.documentElement.outerHTML.includes('data-budget-lens') || !!document.querySelector('budget-lens-root,budget-lens-links') };
      });
      expect(same, f).toEqual({ same: true, marked: false });
      await page.close();
    }
  });

  it('opens a PDF in the viewer: pages drawn, findings marked on the page boxes', async () => {
    const page = await ff.browser.newPage();
    navigate(page, `${srv.url}/pdf/000-word-cms-portrait.pdf`);
    const href = await waitForHref(page, /^moz-extension:\/\/.*viewer\.html\?file=/);
    expect(decodeURIComponent(href)).toContain('/pdf/000-word-cms-portrait.pdf');
    const r = await waitForResult(page, 90_000);
    expect(r.state).toBe('ready');
    expect(r.findings).toBeGreaterThan(5);
    // Marks are drawn on the pages near the view: bring page 11 (the R29 value) into it first.
    await page.evaluate(() => document.querySelector('.bl-page[data-page="11"]')?.scrollIntoView());
    await page.waitForFunction(() => !!document.querySelector('.bl-page[data-page="11"] [data-budget-lens-rule="R29"]'), { timeout: 15_000 }).catch(() => undefined);
    const seen = await page.evaluate(() => {
      const panel = [...document.querySelectorAll('*')].map((e) => e.shadowRoot).find(Boolean);
      const q = (s: string) => document.querySelectorAll(s).length + (panel?.querySelectorAll(s).length ?? 0);
      return { pages: q('.bl-page'), canvases: q('canvas'), marks: q('[data-budget-lens-severity]'), r29: q('.bl-page[data-page="11"] [data-budget-lens-rule="R29"]') };
    });
    expect(seen.pages).toBe(13);
    expect(seen.canvases).toBeGreaterThan(0);
    expect(seen.marks).toBeGreaterThan(5);
    expect(seen.r29).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'firefox-viewer-000.png') });
    // Exact marks: the R29 finding outlines the printed value "≤15.93元" itself, not its cell.
    await clickAt(page, '.bl-finding.error', '电子政务内网办公环境改造');
    await new Promise((res) => setTimeout(res, 1000));
    const exact = await page.evaluate(() => {
      const m = document.querySelector('.bl-page[data-page="11"] .bl-mark.bl-exact[data-budget-lens-rule="R29"]');
      if (!m) return null;
      const b = m.getBoundingClientRect();
      return [...document.querySelectorAll('.bl-page[data-page="11"] .textLayer span')]
        .filter((s) => {
          const r = s.getBoundingClientRect();
          const cx = r.left + r.width / 2;
          const cy = r.top + r.height / 2;
          return r.width > 0 && cx > b.left && cx < b.right && cy > b.top && cy < b.bottom;
        })
        .map((s) => s.textContent)
        .join('')
        .replace(/\s+/g, '');
    });
    expect(exact).toBe('≤15.93元');
    await page.screenshot({ path: join(OUT, 'firefox-viewer-000-r29.png') });
    await page.close();
  });

  it('at 1280×720 the docked panel has its own column: every marked cell is visible', async () => {
    const page = await ff.browser.newPage();
    await page.goto(`${srv.url}/html/001-excel-export.html`);
    await waitForResult(page);
    const panel = await page.evaluate(() => {
      const p = document.querySelector('budget-lens-root')!.shadowRoot!.querySelector('[data-budget-lens-panel="docked"]')!.getBoundingClientRect();
      return { right: p.right, height: p.height, vw: innerWidth, vh: innerHeight };
    });
    // Full height at the right edge (Firefox draws the page's scrollbars inside innerWidth / innerHeight).
    expect(panel.vw - panel.right).toBeLessThanOrEqual(20);
    expect(panel.vh - panel.height).toBeLessThanOrEqual(20);
    const r = await page.evaluate(hiddenMarks);
    expect(r.checked).toBeGreaterThan(10);
    expect(r.bad).toEqual([]);
    await page.close();
  });

  it('makes no network request of its own: only the pages and the PDF the reader opened were fetched', async () => {
    // The proxy route is live: a request for another host reaches the log as an absolute address.
    const probe = await ff.browser.newPage();
    await probe.evaluate(() => fetch('http://probe.invalid/is-logged', { mode: 'no-cors' }).catch(() => undefined));
    await probe.close();
    expect(srv.requests).toContain('http://probe.invalid/is-logged');
    srv.requests.splice(srv.requests.indexOf('http://probe.invalid/is-logged'), 1);
    const opened = new Set(['/pdf/001-excel-export-landscape.pdf', '/html/000-word-cms.html', '/html/001-excel-export.html', '/encoded-link.html', '/html/news-plain.html', '/html/news-stats.html', '/html/shop.html', '/pdf/000-word-cms-portrait.pdf']);
    // What the pages themselves load (the Word page's stylesheet and banner; the browser's favicon).
    const pageOwn = /^\/(images\/|favicon\.ico$)/;
    const unexpected = srv.requests.filter((u) => !opened.has(u) && !pageOwn.test(u));
    expect(unexpected).toEqual([]);
    // Each opened once, plus the ordinary pages' self-check fetch above: the linked PDF was never fetched.
    expect(srv.requests.filter((u) => u === '/pdf/000-word-cms-portrait.pdf')).toHaveLength(1);
    expect(srv.requests.filter((u) => u.startsWith('/files/'))).toHaveLength(0);
  });
});
