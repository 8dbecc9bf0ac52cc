/**
 * Pages that try to use the extension (issue 9), against the built extension in real Chromium: a page
 * that navigates to or frames the viewer gets nothing fetched; a page that clicks our buttons from script
 * opens nothing; no page hears from the extension; PDFs answered once (single-use links, POST results)
 * stay with the reader; a page the full analysis rejects is left exactly as it was.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/browser';
import { loadExtension, type Loaded } from '../../scripts/extension-browser';
import { startServer, type TestServer } from '../../scripts/sample-server';

let srv: TestServer;
let ext: Loaded;

beforeAll(async () => {
  srv = await startServer();
  ext = await loadExtension();
}, 120_000);

afterAll(async () => {
  await ext?.ctx.close();
  await srv?.close();
});

const hits = (prefix: string) => srv.log.filter((r) => r.url.startsWith(prefix));

async function ready(page: Page, timeout = 30_000): Promise<string> {
  await page.waitForFunction(() => !['', null, 'reading'].includes(document.documentElement.getAttribute('data-budget-lens')), null, { timeout });
  return (await page.evaluate(() => document.documentElement.getAttribute('data-budget-lens'))) ?? '';
}

describe('a page that points the viewer at a file', () => {
  it('navigating a tab to the viewer (static or dynamic address) fetches nothing', async () => {
    for (const [i, viewer] of [ext.ext('viewer.html'), await ext.runtimeUrl('viewer.html')].entries()) {
      const target = `${srv.url}/secret/nav-${i}.pdf`;
      const page = await ext.ctx.newPage();
      await page.goto(`${srv.url}/attack.html?kind=nav&viewer=${encodeURIComponent(viewer)}&target=${encodeURIComponent(target)}`);
      await page.waitForTimeout(2500);
      expect(hits(`/secret/nav-${i}.pdf`)).toEqual([]);
      // Where the viewer did open, it asks the reader instead of reading.
      if (page.url().includes('viewer.html')) expect(await page.locator('[data-action="read-file"]').count()).toBe(1);
      await page.close();
    }
  });

  it('framing the viewer fetches nothing and shows nothing', async () => {
    const viewer = await ext.runtimeUrl('viewer.html');
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/attack.html?kind=frame&viewer=${encodeURIComponent(viewer)}&target=${encodeURIComponent(`${srv.url}/secret/framed.pdf`)}`);
    await page.waitForTimeout(2500);
    expect(hits('/secret/framed.pdf')).toEqual([]);
    await page.close();
  });

  it('the viewer opened without a token waits for a real click, then reads', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${await ext.runtimeUrl('viewer.html')}?file=${encodeURIComponent(`${srv.url}/secret/asked.pdf`)}`);
    const button = page.locator('[data-action="read-file"]');
    await button.waitFor({ timeout: 10_000 });
    // A script click is not the reader's.
    await page.evaluate(() => (document.querySelector('[data-action="read-file"]') as HTMLButtonElement).click());
    await page.waitForTimeout(500);
    expect(hits('/secret/asked.pdf')).toEqual([]);
    await button.click();
    expect(await ready(page, 60_000)).toBe('ready');
    expect(hits('/secret/asked.pdf')).toHaveLength(1);
    await page.close();
  });

  it('"open the original" goes only to http(s) addresses; the viewer reads only http(s)', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${await ext.runtimeUrl('viewer.html')}?file=${encodeURIComponent('file:///etc/passwd')}`);
    await page.waitForTimeout(800);
    expect(await page.locator('#app').innerText()).toMatch(/http\(s\)/);
    await page.close();
  });
});

describe('a page that presses the extension\'s buttons', () => {
  it('script clicks on the PDF buttons open no tab; a disguised #.pdf link gets no button', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/links.html`);
    await page.locator('[data-budget-lens-pdf]').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-budget-lens-pdf]').count()).toBe(2);
    const before = ext.ctx.pages().length;
    // The test build's open root lets the page reach the buttons; they still ignore it.
    await page.evaluate(() => {
      const root = document.querySelector('budget-lens-links')!.shadowRoot!;
      for (let i = 0; i < 15; i++) for (const b of root.querySelectorAll('button')) (b as HTMLButtonElement).click();
    });
    await page.waitForTimeout(1500);
    expect(ext.ctx.pages().length).toBe(before);
    await page.close();
  });

  it('readers get closed shadow roots: the page can read neither the panel nor the buttons', async () => {
    await ext.setInspectable(false);
    try {
      const page = await ext.ctx.newPage();
      await page.goto(`${srv.url}/html/000-word-cms.html`);
      expect(await ready(page)).toBe('ready');
      const seen = await page.evaluate(() => ({ panel: document.querySelector('budget-lens-root')?.shadowRoot ?? null, text: document.querySelector('budget-lens-root')?.textContent ?? '' }));
      expect(seen).toEqual({ panel: null, text: '' });
      await page.close();
    } finally {
      await ext.setInspectable(true);
    }
  });
});

describe('the extension says nothing to pages', () => {
  for (const path of ['/listen.html', '/listen-plain.html']) {
    it(`${path}: no message is posted to the page`, async () => {
      const page = await ext.ctx.newPage();
      await page.goto(`${srv.url}${path}`);
      if (path === '/listen.html') await ready(page);
      await page.waitForTimeout(1500);
      expect(await page.evaluate(() => (window as unknown as { __msgs: string[] }).__msgs)).toEqual([]);
      await page.close();
    });
  }

  it('the analysis script cannot be fetched by a page at the extension\'s address', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/html/news-plain.html`);
    const status = await page.evaluate((u) => fetch(u).then((r) => r.status, () => 'blocked'), ext.ext('content-analysis.js'));
    expect(status).toBe('blocked');
    await page.close();
  });
});

describe('PDFs answered once stay with the reader', () => {
  it('a single-use link (Content-Type PDF) is requested once and shown as it came', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/once/a1`).catch(() => undefined);
    await page.waitForTimeout(2000);
    expect(hits('/once/a1')).toHaveLength(1);
    expect(page.url()).not.toMatch(/viewer\.html/);
    await page.close();
  });

  it('a POSTed form answered with a PDF (with or without .pdf) is not requested again', async () => {
    for (const form of ['a', 'b']) {
      const page = await ext.ctx.newPage();
      await page.goto(`${srv.url}/form.html`);
      const n = srv.log.length;
      await page.evaluate((id) => (document.getElementById(id) as HTMLFormElement).submit(), form).catch(() => undefined);
      await page.waitForTimeout(2000);
      const after = srv.log.slice(n).filter((r) => r.url === '/post-result' || r.url === '/form/result.pdf');
      expect(after.map((r) => r.method)).toEqual(['POST']);
      expect(page.url()).not.toMatch(/viewer\.html/);
      await page.close();
    }
  });

  it('a Content-Type PDF opens in the viewer with one click when the reader asks', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/download?name=003-clean-gbk-portrait`).catch(() => undefined);
    await page.waitForTimeout(1000);
    const tabId = await ext.tabId(page.url());
    const popup = await ext.ctx.newPage();
    await popup.goto(ext.ext(`popup.html?tab=${tabId}`));
    await popup.locator('[data-action="open-pdf"]').click();
    await page.waitForURL(/viewer\.html\?file=/, { timeout: 15_000 });
    expect(await ready(page, 60_000)).toBe('ready');
    await Promise.all([page.close(), popup.close().catch(() => undefined)]);
  });
});

describe('a page the analysis rejects', () => {
  it('keeps no attribute and no element of ours (the cheap detector said yes, the analysis no)', async () => {
    const plain = await launchBrowser();
    const p0 = await plain.newPage();
    await p0.goto(`${srv.url}/charity.html`);
    const before = await p0.evaluate(() => document.documentElement.outerHTML);
    await plain.close();
    const page = await ext.ctx.newPage();
    await page.goto(`${srv.url}/charity.html`);
    await page.waitForTimeout(3000);
    const after = await page.evaluate(() => document.documentElement.outerHTML);
    expect(after).not.toContain('data-budget-lens');
    expect(after).not.toContain('budget-lens-root');
    expect(after).toBe(before);
    await page.close();
  });
});

describe('the viewer on files that would freeze it', () => {
  let big: TestServer;
  beforeAll(async () => {
    const { contentBomb, manyPages } = await import('../support/hostile-pdfs');
    const files = { '/bomb.pdf': await contentBomb(), '/bomb-junk.pdf': await contentBomb(1 << 30, 'JUNK'), '/many.pdf': manyPages(20_000) };
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      const body = files[(req.url ?? '').split('?')[0] as keyof typeof files];
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/pdf' });
      if (req.url?.endsWith('?slow')) {
        res.flushHeaders();
        setTimeout(() => res.end(body), 3000);
      } else res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    big = {
      url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      requests: [],
      log: [],
      close: () => {
        server.closeAllConnections();
        return new Promise<void>((r) => server.close(() => r()));
      },
    };
  }, 120_000);
  afterAll(() => big?.close());

  it('a content bomb: "too large to read" in seconds, not minutes at gigabytes', async () => {
    const page = await ext.ctx.newPage();
    // The file arrives slowly (as a large one does): the stop button is on screen while it is read.
    await page.goto(`${big.url}/bomb.pdf?slow`).catch(() => undefined);
    await page.waitForURL(/viewer\.html/, { timeout: 30_000 });
    await page.locator('[data-action="stop"]').waitFor({ timeout: 10_000 });
    const state = await ready(page, 60_000).catch(async (e: Error) => `${e.message} — ${page.url()} — ${await page.locator('body').innerText().catch(() => '')}`);
    expect(state).toBe('error');
    expect(await page.locator('.bl-panel').innerText()).toMatch(/太大|too large/i);
    await page.close();
  }, 90_000);

  it('a content bomb with stray bytes after its data is caught too (the inflater must not run ahead of the count)', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${big.url}/bomb-junk.pdf`).catch(() => undefined);
    await page.waitForURL(/viewer\.html/, { timeout: 30_000 });
    expect(await ready(page, 60_000)).toBe('error');
    expect(await page.locator('.bl-panel').innerText()).toMatch(/太大|too large/i);
    await page.close();
  }, 90_000);

  it('a 20,000-page PDF: page 1 is drawn before the pages are all enumerated; a stop button while analysing', async () => {
    const page = await ext.ctx.newPage();
    await page.goto(`${big.url}/many.pdf`).catch(() => undefined);
    await page.waitForFunction(() => !!document.querySelector('.bl-page[data-page="1"] canvas'), null, { timeout: 30_000, polling: 20 });
    const boxes = await page.locator('.bl-page').count();
    expect(boxes).toBeLessThan(20_000);
    const stop = page.locator('[data-action="stop"]');
    await stop.waitFor({ timeout: 5000 });
    await stop.click();
    expect(await ready(page, 30_000)).toMatch(/ready|error/);
    await page.close();
  });

  it('HTML served at a .pdf address is read as a web page, as the command line reads it', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { extractHtmlBytes } = await import('../../lib/cli/load-html');
    const { analyze } = await import('../../lib/analyze');
    const body = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'html', '003-clean-gbk.html'));
    const cli = analyze(extractHtmlBytes(new Uint8Array(body), 'x.html', 'text/html'));
    const page = await ext.ctx.newPage();
    await page.route('**/page-at.pdf', (route) => route.fulfill({ status: 200, contentType: 'text/html', body }));
    await page.goto(`${srv.url}/page-at.pdf`).catch(() => undefined);
    expect(await ready(page, 30_000)).toBe('ready');
    expect(await page.evaluate(() => Number(document.documentElement.getAttribute('data-budget-lens-findings')))).toBe(cli.findings.length);
    expect(cli.findings.length).toBeGreaterThan(0);
    const panel = await page.locator('.bl-panel').innerText();
    expect(panel).toMatch(/网页|web page/);
    expect(panel).toContain(cli.doc.organization ?? '');
    await page.close();
  });
});
