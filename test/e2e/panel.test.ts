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
 * Every cell mark on the page, brought into view the way the panel does (scrollIntoView): is the element at
 * the mark's centre the marked cell (or inside it), rather than BudgetLens's UI? Returns the marks that fail.
 */
function hiddenCells(page: Page) {
  return page.evaluate(async () => {
    const root = document.querySelector('budget-lens-root')!.shadowRoot!;
    const marks = [...root.querySelectorAll<HTMLElement>('.bl-mark[data-budget-lens-severity]:not(.bl-sentence):not(.bl-related):not(.bl-hidden)')];
    const bad: string[] = [];
    for (const m of marks) {
      m.scrollIntoView({ block: 'center', inline: 'nearest' });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const b = m.getBoundingClientRect();
      const x = b.left + b.width / 2;
      const y = b.top + b.height / 2;
      const el = document.elementFromPoint(x, y);
      // The marked element (a cell; for a few rules a title or a heading) is the one hit, or holds it: an
      // element of the page whose box holds the mark's (a mark is cut where a scrolling wrapper clips its cell).
      let same = false;
      for (let a: Element | null = el; a && !same; a = a.parentElement) {
        const c = a.getBoundingClientRect();
        same = c.left <= b.left + 4 && c.top <= b.top + 4 && c.right >= b.right - 4 && c.bottom >= b.bottom - 4 && c.width * c.height <= 1.5 * b.width * b.height;
      }
      if (!same) bad.push(`${m.dataset['budgetLensRule']} ${m.dataset['budgetLensSeverity']} at ${Math.round(x)},${Math.round(y)}: ${el?.tagName ?? 'nothing'}`);
    }
    return { checked: marks.length, bad };
  });
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
      const r = await hiddenCells(page);
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
      await page.waitForTimeout(250);
      expect(await page.locator('[data-nav-position]').innerText()).toBe(`${i + 1} / ${total}`);
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
    await page.waitForTimeout(250);
    expect(await page.locator('[data-nav-position]').innerText()).toBe(`3 / ${total}`);
    expect(await page.locator('.bl-finding.bl-current').getAttribute('data-finding')).toBe(seen[2]);
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-budget-lens-card]').count()).resolves.toBe(0);
  });

  it('collapsing gives the page its full width back; expanding docks again', async () => {
    const margin = () => page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
    expect(await margin()).not.toBe('0px');
    await page.locator('[data-action="collapse"]').click();
    expect(await margin()).toBe('0px');
    expect(await page.evaluate(() => document.documentElement.hasAttribute('style'))).toBe(false);
    await page.locator('[data-action="collapse"]').click();
    expect(await margin()).not.toBe('0px');
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
    // The mark is seen: the element at its centre belongs to the page, not to BudgetLens's panel or card.
    const at = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.bl-page') !== null, [mark.x + mark.width / 2, mark.y + mark.height / 2]);
    expect(at).toBe(true);
    await page.screenshot({ path: join(OUT, 'viewer-1280x720-000.png') });
    await page.close();
  });
});
