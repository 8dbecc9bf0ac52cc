/**
 * The docked panel at a common laptop size (1280×720), in Chromium: the page reflows beside the panel, so
 * every marked cell can be seen (the element at its centre is the cell itself, not BudgetLens's UI); the
 * actions sit at the top; j / k walk the findings and Esc closes the card; a card never covers its own
 * mark, the panel, or the viewer's toolbar. Screenshots go to out/e2e/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExtension, type Loaded } from '../../scripts/extension-browser';
import { startServer, type TestServer } from '../../scripts/sample-server';
import { hiddenMarks } from '../support/in-page';

const OUT = join(import.meta.dirname, '..', '..', 'out', 'e2e');
mkdirSync(OUT, { recursive: true });
const VIEWPORT = { width: 1280, height: 720 };

let srv: TestServer;
let ext: Loaded;

beforeAll(async () => {
  srv = await startServer();
  ext = await loadExtension({ lang: 'zh-CN' });
}, 120_000);

afterAll(async () => {
  await ext?.ctx.close();
  await srv?.close();
});

async function open(url: string): Promise<Page> {
  const page = await ext.ctx.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.goto(url).catch(() => undefined);
  return page;
}

async function ready(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens') === 'ready', null, { timeout });
}

type Box = { left: number; top: number; right: number; bottom: number };
const overlap = (a: Box, b: Box) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

/**
 * Each reconciled cell's tick, from its mark box and the ::after offsets, against the cell's text: the ticks
 * that touch the text (or leave the cell), and how many were drawn.
 */
function ticksOnText(page: Page, scope: 'page' | 'viewer') {
  return page.evaluate((scope) => {
    const root: ParentNode = scope === 'page' ? document.querySelector('budget-lens-root')!.shadowRoot! : document;
    const marks = [...root.querySelectorAll<HTMLElement>('.bl-mark[data-budget-lens-severity="pass"]')];
    const beside = marks.filter((m) => m.dataset['tick'] === 'beside' && getComputedStyle(m, '::after').display !== 'none');
    const bad: string[] = [];
    for (const m of beside) {
      m.scrollIntoView({ block: 'center' });
      const b = m.getBoundingClientRect();
      const cs = getComputedStyle(m, '::after');
      const t = { left: b.left + parseFloat(cs.left), top: b.top + parseFloat(cs.top), right: b.left + parseFloat(cs.left) + parseFloat(cs.width), bottom: b.top + parseFloat(cs.top) + parseFloat(cs.height) };
      let text: DOMRect[] = [];
      if (scope === 'page') {
        const cell = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2)?.closest('td,th');
        if (!cell) continue;
        const w = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        const r = document.createRange();
        for (let n = w.nextNode(); n; n = w.nextNode()) {
          if (!/\S/.test(n.nodeValue ?? '')) continue;
          r.selectNodeContents(n);
          text.push(...r.getClientRects());
        }
      } else {
        text = [...document.querySelectorAll('.textLayer span')].map((s) => s.getBoundingClientRect()).filter((q) => q.left + q.width / 2 > b.left && q.left + q.width / 2 < b.right && q.top + q.height / 2 > b.top && q.top + q.height / 2 < b.bottom);
      }
      const hit = text.some((q) => q.width > 0 && t.left < q.right - 0.5 && q.left < t.right - 0.5 && t.top < q.bottom - 0.5 && q.top < t.bottom - 0.5);
      const outside = t.left < b.left - 0.5 || t.right > b.right + 0.5;
      if (hit || outside) bad.push(`${m.dataset['budgetLensRule']} ${hit ? 'on text' : 'outside'}`);
    }
    return { marks: marks.length, beside: beside.length, bad };
  }, scope);
}

const panelBox = (page: Page) => page.locator('.bl-panel').boundingBox();

describe('the docked panel on budget pages at 1280×720', () => {
  for (const f of ['000-word-cms.html', '001-excel-export.html', '003-clean-gbk.html', '004-word-ocr.html']) {
    it(`${f}: every marked cell is visible, the panel has its own column`, async () => {
      const page = await open(`${srv.url}/html/${f}`);
      await ready(page);
      expect(await page.locator('[data-budget-lens-panel="docked"]').count()).toBe(1);
      const panel = (await panelBox(page))!;
      expect(panel.x + panel.width).toBeCloseTo(VIEWPORT.width, 0);
      expect(panel.height).toBeCloseTo(VIEWPORT.height, 0);
      const r = await page.evaluate(hiddenMarks);
      expect(r.checked).toBeGreaterThan(10);
      expect(r.bad).toEqual([]);
      if (f.startsWith('000')) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(OUT, 'panel-1280x720-000.png') });
      }
      await page.close();
    });
  }
});

describe('panel actions, keyboard and cards (000)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(`${srv.url}/html/000-word-cms.html`);
    await ready(page);
  });
  afterAll(() => page.close());

  it('export, print are at the top of the panel, visible without scrolling it', async () => {
    const panel = (await panelBox(page))!;
    for (const sel of ['[data-export="json"]', '[data-export="csv"]', '[data-export="md"]', '[data-export="print"]', '[data-nav="next"]', '[data-nav="previous"]']) {
      const b = (await page.locator(sel).boundingBox())!;
      expect(b.y + b.height, sel).toBeLessThan(panel.y + 200);
      expect(b.x, sel).toBeGreaterThanOrEqual(panel.x);
    }
  });

  it('j and k walk the findings in the panel\'s order; the card never covers its mark or the panel; Esc closes it', async () => {
    const total = Number((await page.locator('[data-nav-position]').innerText()).split('/')[1]);
    expect(total).toBeGreaterThan(5);
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('j');
      await page.locator('[data-nav-position]', { hasText: `${i + 1} / ${total}` }).waitFor({ timeout: 5000 });
      await page.waitForTimeout(250);
      const card = page.locator('[data-budget-lens-card]');
      await card.waitFor({ state: 'visible', timeout: 3000 });
      const c = (await card.boundingBox())!;
      const cardBox = { left: c.x, top: c.y, right: c.x + c.width, bottom: c.y + c.height };
      const panel = (await panelBox(page))!;
      expect(cardBox.right).toBeLessThanOrEqual(panel.x + 1);
      expect(cardBox.top).toBeGreaterThanOrEqual(0);
      expect(cardBox.bottom).toBeLessThanOrEqual(VIEWPORT.height + 1);
      // The finding's own marks (lit up) are not under the card.
      const active = await page.locator('.bl-mark.bl-active:not(.bl-related)').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })));
      for (const a of active.filter((a) => a.bottom > 0 && a.top < 720)) expect(overlap(cardBox, a)).toBe(false);
      seen.push(await page.locator('.bl-finding.bl-current').getAttribute('data-finding') ?? '');
      if (i === 0) await page.screenshot({ path: join(OUT, 'panel-1280x720-card.png') });
    }
    expect(new Set(seen).size).toBe(4);
    await page.keyboard.press('k');
    await page.locator('[data-nav-position]', { hasText: `3 / ${total}` }).waitFor({ timeout: 5000 });
    expect(await page.locator('.bl-finding.bl-current').getAttribute('data-finding')).toBe(seen[2]);
    await page.keyboard.press('Escape');
    await page.locator('[data-budget-lens-card]').waitFor({ state: 'detached', timeout: 5000 });
  });

  it('ticks sit beside the numbers, never on them', async () => {
    const r = await ticksOnText(page, 'page');
    expect(r.beside).toBeGreaterThan(30);
    expect(r.bad).toEqual([]);
  });

  it('the popup names the organisation and reopens a collapsed panel', async () => {
    await page.locator('[data-action="collapse"]').click();
    expect(await page.locator('[data-budget-lens-panel="collapsed"]').count()).toBe(1);
    const tabId = await ext.tabId(page.url());
    const popup = await ext.ctx.newPage();
    await popup.setViewportSize({ width: 360, height: 260 });
    await popup.goto(ext.ext(`popup.html?tab=${tabId}`));
    await popup.locator('[data-organization]').waitFor({ timeout: 10_000 });
    expect(await popup.locator('[data-organization]').innerText()).toContain('洛阳市城乡一体化示范区党政办公室');
    await popup.screenshot({ path: join(OUT, 'popup-1280x720.png') });
    await popup.locator('[data-action="show-panel"]').click();
    await page.locator('[data-budget-lens-panel="docked"]').waitFor({ timeout: 5000 });
    await popup.close();
  });

  it('collapsing gives the page its full width back; expanding docks again', async () => {
    const margin = (docked: boolean) =>
      page.waitForFunction((docked) => (getComputedStyle(document.documentElement).marginRight !== '0px') === docked, docked, { timeout: 5000 });
    await margin(true);
    await page.locator('[data-action="collapse"]').click();
    await margin(false);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('style'))).toBe(false);
    await page.locator('[data-action="collapse"]').click();
    await margin(true);
  });
});

describe('the viewer at 1280×720', () => {
  it('pages beside the panel, actions at the top, a finding\'s card clear of its mark and of the toolbar', async () => {
    const page = await open(`${srv.url}/pdf/000-word-cms-portrait.pdf`);
    await page.waitForURL(/viewer\.html\?file=/, { timeout: 15_000 });
    await ready(page, 60_000);
    const panel = (await panelBox(page))!;
    const pages = (await page.locator('.bl-pages').boundingBox())!;
    expect(pages.x + pages.width).toBeLessThanOrEqual(panel.x + 1);
    for (const sel of ['[data-action="open-original"]', '[data-action="stop-intercepting"]', '[data-export="print"]']) {
      const b = (await page.locator(sel).boundingBox())!;
      expect(b.y, sel).toBeLessThan(panel.y + 220);
    }
    await page.locator('.bl-finding.error', { hasText: '电子政务内网办公环境改造' }).first().click();
    await page.waitForTimeout(800);
    const mark = (await page.locator('.bl-page[data-page="11"] .bl-mark.bl-active[data-budget-lens-rule="R29"]').first().boundingBox())!;
    const card = (await page.locator('[data-budget-lens-card]').boundingBox())!;
    const toolbar = (await page.locator('.bl-toolbar').boundingBox())!;
    const box = (b: { x: number; y: number; width: number; height: number }) => ({ left: b.x, top: b.y, right: b.x + b.width, bottom: b.y + b.height });
    expect(overlap(box(card), box(mark))).toBe(false);
    expect(overlap(box(card), box(toolbar))).toBe(false);
    expect(card.x + card.width).toBeLessThanOrEqual(panel.x + 1);
    // An exact mark: around the printed value "≤15.93元", not the whole cell — the text-layer pieces inside
    // it are that value and nothing else.
    const inMark = await page.evaluate(() => {
      const m = document.querySelector('.bl-page[data-page="11"] .bl-mark.bl-active[data-budget-lens-rule="R29"]')!;
      const b = m.getBoundingClientRect();
      const spans = [...document.querySelectorAll('.bl-page[data-page="11"] .textLayer span')].filter((s) => {
        const r = s.getBoundingClientRect();
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        return r.width > 0 && cx > b.left && cx < b.right && cy > b.top && cy < b.bottom;
      });
      return { exact: m.classList.contains('bl-exact'), text: spans.map((s) => s.textContent).join('').replace(/\s+/g, '') };
    });
    expect(inMark.exact).toBe(true);
    expect(inMark.text).toBe('≤15.93元');
    // The mark is seen: the element at its centre belongs to the page, not to BudgetLens's panel or card.
    const at = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.bl-page') !== null, [mark.x + mark.width / 2, mark.y + mark.height / 2]);
    expect(at).toBe(true);
    await page.screenshot({ path: join(OUT, 'viewer-1280x720-000.png') });
    // Ticks beside the numbers on the drawn pages too.
    const ticks = await ticksOnText(page, 'viewer');
    expect(ticks.beside).toBeGreaterThan(5);
    expect(ticks.bad).toEqual([]);
    await page.close();
  });

  it('the popup on the viewer names the organisation and its findings, and reopens the collapsed panel', async () => {
    const page = await open(`${srv.url}/pdf/000-word-cms-portrait.pdf`);
    await page.waitForURL(/viewer\.html\?file=/, { timeout: 15_000 });
    await ready(page, 60_000);
    const findings = Number(await page.evaluate(() => document.documentElement.getAttribute('data-budget-lens-findings')));
    await page.locator('[data-action="collapse"]').click();
    await page.locator('[data-budget-lens-panel="collapsed"]').waitFor({ timeout: 5000 });
    const tabId = await ext.tabId(page.url());
    const popup = await ext.ctx.newPage();
    await popup.goto(ext.ext(`popup.html?tab=${tabId}`));
    await popup.locator('[data-organization]').waitFor({ timeout: 10_000 });
    expect(await popup.locator('[data-organization]').innerText()).toContain('洛阳市城乡一体化示范区党政办公室');
    expect(Number(await popup.locator('[data-findings]').getAttribute('data-findings'))).toBe(findings);
    await popup.locator('[data-action="show-panel"]').click();
    await page.locator('[data-budget-lens-panel="docked"]').waitFor({ timeout: 5000 });
    await popup.close();
    await page.close();
  });
});

describe('ticks can be turned off', () => {
  it('the options page switch hides every tick on the next page analysed', async () => {
    const options = await ext.ctx.newPage();
    await options.goto(ext.ext('options.html'));
    const box = options.locator('input[name="ticks"]');
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await options.waitForTimeout(300);
    const page = await open(`${srv.url}/html/003-clean-gbk.html`);
    await ready(page);
    const shown = await page.evaluate(() => [...document.querySelector('budget-lens-root')!.shadowRoot!.querySelectorAll('.bl-mark[data-budget-lens-severity="pass"]')].filter((m) => getComputedStyle(m).display !== 'none').length);
    expect(shown).toBe(0);
    expect(await page.locator('[data-budget-lens-severity="error"], [data-budget-lens-severity="warning"]').count()).toBeGreaterThan(0);
    await box.check();
    await options.waitForTimeout(300);
    await Promise.all([page.close(), options.close()]);
  });
});

describe('a narrative finding links its sentence and its table cell', () => {
  it('"the table cell" scrolls to the cell it is compared with, "the sentence" back to the text', async () => {
    const page = await open(`${srv.url}/html/001-excel-export.html`);
    await ready(page);
    await page.locator('.bl-finding', { hasText: '办公设备购置' }).first().click();
    const card = page.locator('[data-budget-lens-card]');
    await card.waitFor({ state: 'visible', timeout: 5000 });
    const inView = (sel: string) =>
      page.evaluate((sel) => {
        const els = [...document.querySelector('budget-lens-root')!.shadowRoot!.querySelectorAll(sel)].map((e) => e.getBoundingClientRect());
        return els.some((r) => r.height > 0 && r.top >= 0 && r.bottom <= innerHeight);
      }, sel);
    await card.locator('[data-jump="cell"]').click();
    await page.waitForTimeout(300);
    expect(await inView('.bl-mark.bl-active:not(.bl-sentence)')).toBe(true);
    const cellCard = (await card.boundingBox())!;
    await card.locator('[data-jump="text"]').click();
    await page.waitForTimeout(300);
    expect(await inView('.bl-mark.bl-sentence.bl-active')).toBe(true);
    const textCard = (await card.boundingBox())!;
    // The card followed: it is beside the sentence now, no longer where it was beside the cell.
    expect(Math.abs(textCard.y - cellCard.y) + Math.abs(textCard.x - cellCard.x)).toBeGreaterThan(20);
    await page.close();
  });
});

describe('exact marks in the viewer', () => {
  it('a narrative finding marks its own words, line by line, not the whole paragraph; and links to its cell', async () => {
    const page = await open(`${srv.url}/pdf/001-excel-export-landscape.pdf`);
    await page.waitForURL(/viewer\.html\?file=/, { timeout: 15_000 });
    await ready(page, 60_000);
    await page.locator('.bl-finding', { hasText: '办公设备购置' }).first().click();
    await page.waitForTimeout(1000);
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.bl-mark.bl-sentence.bl-exact[data-budget-lens-rule="R22"]')].map((m) => {
        const b = m.getBoundingClientRect();
        const spans = [...m.closest('.bl-page')!.querySelectorAll('.textLayer span')].filter((s) => {
          const r = s.getBoundingClientRect();
          const cy = r.top + r.height / 2;
          return r.width > 0 && cy > b.top && cy < b.bottom && r.right > b.left && r.left < b.right;
        });
        return { height: b.height, text: spans.map((s) => s.textContent).join('') };
      }),
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.height).toBeLessThan(30);
    expect(lines.map((l) => l.text).join('')).toMatch(/政府采购/);
    expect(await page.locator('.bl-mark.bl-para[data-budget-lens-rule="R22"]').count()).toBe(0);
    await page.screenshot({ path: join(OUT, 'viewer-1280x720-narrative.png') });
    const card = page.locator('[data-budget-lens-card]');
    await card.locator('[data-jump="cell"]').click();
    await page.waitForTimeout(800);
    const cellInView = await page.evaluate(() =>
      [...document.querySelectorAll('.bl-mark.bl-active:not(.bl-sentence)')].some((m) => {
        const r = m.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
      }),
    );
    expect(cellInView).toBe(true);
    await page.close();
  });
});
