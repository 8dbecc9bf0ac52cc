/** Chromium with the built extension, ready for a test or the demo: service worker up, PDF rule in place. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { BASE_ARGS, CHROMIUM } from './browser';

export const EXTENSION_DIR = join(import.meta.dirname, '..', '.output', 'chrome-mv3');

export interface Loaded {
  ctx: BrowserContext;
  sw: Worker;
  id: string;
  /** chrome-extension://<id>/<path> */
  ext(path: string): string;
  /** The address the extension itself uses for a page (the per-session dynamic one for web-accessible files). */
  runtimeUrl(path: string): Promise<string>;
  /** Open (true) or closed (false, as readers get) shadow roots for the UI drawn on pages from now on. */
  setInspectable(on: boolean): Promise<void>;
  /** The id of the tab showing `url` (for opening the popup on it). */
  tabId(url: string): Promise<number>;
}

type SwChrome = { chrome: { runtime: { getURL(p: string): string }; storage: { local: { set(o: object): Promise<void> } } } };

/**
 * `inspectable` (default true): the UI on pages uses open shadow roots so that tests can look into it
 * (a developer flag in extension storage; readers get closed roots).
 */
export async function loadExtension(opts: { headless?: boolean; netLog?: string; lang?: string; inspectable?: boolean } = {}): Promise<Loaded> {
  const args = [...BASE_ARGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`];
  if (opts.netLog) args.push(`--log-net-log=${opts.netLog}`, '--net-log-capture-mode=Default');
  if (opts.lang) args.push(`--lang=${opts.lang}`);
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bl-profile-')), {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args,
    viewport: { width: 1400, height: 900 },
    ...(opts.lang ? { locale: opts.lang } : {}),
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  // The PDF redirect rule is installed asynchronously at start-up.
  for (let i = 0; i < 100; i++) {
    const n = await sw.evaluate(async () => (await (globalThis as unknown as { chrome: { declarativeNetRequest: { getDynamicRules(): Promise<unknown[]> } } }).chrome.declarativeNetRequest.getDynamicRules()).length);
    if (n) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const setInspectable = (on: boolean) => sw.evaluate((v) => (globalThis as unknown as SwChrome).chrome.storage.local.set({ devInspectableUi: v }), on);
  await setInspectable(opts.inspectable ?? true);
  return {
    ctx,
    sw,
    id,
    ext: (path) => `chrome-extension://${id}/${path.replace(/^\//, '')}`,
    runtimeUrl: (path) => sw.evaluate((p) => (globalThis as unknown as SwChrome).chrome.runtime.getURL(p), path),
    setInspectable,
    tabId: (url) =>
      sw.evaluate(async (u) => {
        const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }).chrome;
        return (await c.tabs.query({})).find((t) => t.url === u)!.id;
      }, url),
  };
}
