/**
 * The overlay on a page too large to draw whole (issue 9), against the built extension in real Chromium:
 * only the marks near the viewport are on the page, marks of rows far below are drawn at their cells when
 * scrolled to, and scrolling through the page does not pile up boxes. (Its speed is `npm run bench`.)
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExtension, type Loaded } from '../../scripts/extension-browser';
import { largePage } from '../../scripts/bench-overlay';

let ext: Loaded;
let server: Server;
let url: string;

beforeAll(async () => {
  // 400 rows: some 3,000 marks, past the size from which only marks near the viewport are drawn.
  const html = largePage(400);
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/large.html`;
  ext = await loadExtension();
}, 120_000);

afterAll(async () => {
  await ext?.ctx.close();
  server?.close();
});

/** Boxes in the layer, and the ones inside the viewport. */
const boxes = (page: Page) =>
  page.evaluate(() => {
    const all = [...document.querySelector('budget-lens-root')!.shadowRoot!.querySelectorAll<HTMLElement>('.bl-mark')];
    const inView = all.filter((m) => {
      const r = m.getBoundingClientRect();
      return r.height > 0 && r.bottom > 0 && r.top < innerHeight;
    });
    return { all: all.length, inView: inView.length };
  });

/**
 * The last item row (a 类/款/项 code in its first cell) that is in the viewport: do marks sit on its cells,
 * and is the element at each mark's centre that cell?
 */
const lastRowMarked = (page: Page) =>
  page.evaluate(() => {
    const rows = [...document.querySelectorAll('tr')].filter((tr) => {
      const r = tr.getBoundingClientRect();
      return /^\s*\d{3}/.test(tr.querySelector('td')?.textContent ?? '') && r.top >= 0 && r.bottom <= innerHeight;
    });
    const row = rows[rows.length - 1];
    if (!row) return { row: false, marked: 0, onCell: 0 };
    const cells = [...row.querySelectorAll('td')].map((td) => ({ td, r: td.getBoundingClientRect() }));
    const marks = [...document.querySelector('budget-lens-root')!.shadowRoot!.querySelectorAll<HTMLElement>('.bl-mark:not(.bl-related):not(.bl-sentence)')];
    let marked = 0;
    let onCell = 0;
    for (const m of marks) {
      const b = m.getBoundingClientRect();
      const cell = cells.find(({ r }) => Math.abs(r.left - b.left) < 4 && Math.abs(r.top - b.top) < 4 && Math.abs(r.width - b.width) < 6);
      if (!cell) continue;
      marked++;
      const at = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      if (at && (at === cell.td || cell.td.contains(at))) onCell++;
    }
    return { row: true, marked, onCell };
  });

describe('a disclosure page with thousands of marks', () => {
  let page: Page;
  /** Boxes in the layer, and in the viewport, as the page opened (scrolled to the top). */
  let atTop = { all: 0, inView: 0 };
  beforeAll(async () => {
    page = await ext.ctx.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-budget-lens') === 'ready', null, { timeout: 90_000 });
  }, 120_000);

  it('draws only the marks near the viewport', async () => {
    const cells = await page.evaluate(() => document.querySelectorAll('td').length);
    const b = await boxes(page);
    expect(b.all).toBeGreaterThan(0);
    atTop = b;
    // Some 3,000 cells are checked; a few screens' worth are drawn.
    expect(b.all).toBeLessThan(cells / 2);
  });

  it('marks the cells of the last rows when scrolled to the bottom, at their cells', async () => {
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => (await lastRowMarked(page)).marked, { timeout: 10_000, interval: 200 }).toBeGreaterThan(0);
    const r = await lastRowMarked(page);
    expect(r.row).toBe(true);
    expect(r.onCell).toBe(r.marked);
  });

  it('scrolling through the page reuses boxes instead of piling them up', async () => {
    await page.evaluate(async () => {
      for (let y = document.documentElement.scrollHeight; y >= 0; y -= innerHeight / 2) {
        scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 16)));
      }
      scrollTo(0, 0);
    });
    // Back at the top: the layer holds the same boxes as when the page opened (those of rows scrolled past
    // were given back), not one per mark the page has.
    await expect.poll(() => boxes(page), { timeout: 10_000, interval: 200 }).toEqual(atTop);
    // Back in the middle of the table: its rows are marked again.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect.poll(async () => (await lastRowMarked(page)).marked, { timeout: 10_000, interval: 200 }).toBeGreaterThan(0);
  });
});
