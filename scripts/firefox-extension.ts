/**
 * Firefox ESR (Debian's) with the built Firefox extension loaded as a temporary add-on, driven over WebDriver
 * BiDi by puppeteer-core (which never downloads a browser). Quirks of this route are in
 * ../shared/reference/toolchain-notes.md: navigations into moz-extension:// pages are not reported, so
 * callers poll `location.href`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(import.meta.dirname, '..', '.output', 'firefox-mv2');
/** Fixed so tests know the moz-extension:// host. */
const UUID = '5b1c0a42-6f0e-4d2b-9a57-b11d6e7a0c11';

export interface FirefoxLoaded {
  browser: Browser;
  id: string;
  /** moz-extension://<uuid>/<path> */
  ext(path: string): string;
}

export interface FirefoxOptions {
  /**
   * Send every request for another host through this HTTP proxy (host:port): with the local test server as
   * the proxy, its request log shows any request the browser or the extension makes anywhere.
   */
  proxy?: string;
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxLoaded> {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const id = manifest.browser_specific_settings.gecko.id;
  const prefs: Record<string, unknown> = {
    'extensions.webextensions.uuids': JSON.stringify({ [id]: UUID }),
    // Tests open file:// pages too; real users opt in from about:addons.
    'extensions.webextensions.fileSchemeAccess.requireOptIn': false,
    'intl.accept_languages': 'zh-CN, zh, en',
    // Firefox's own remote-settings sync (blocklists, etc.): not the extension's traffic, and no network here.
    'services.settings.server': 'data:,#remote-settings-off',
  };
  if (opts.proxy) {
    const [host, port] = opts.proxy.split(':');
    Object.assign(prefs, {
      'network.proxy.type': 1,
      'network.proxy.http': host,
      'network.proxy.http_port': Number(port),
      'network.proxy.ssl': host,
      'network.proxy.ssl_port': Number(port),
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
    });
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: prefs,
    defaultViewport: { width: 1280, height: 720 },
    // Release builds honour services.settings.server only with this set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return { browser, id, ext: (path) => `moz-extension://${UUID}/${path.replace(/^\//, '')}` };
}

/** Start a navigation that the extension may redirect to its own page, without waiting on it (BiDi does not settle). */
export function navigate(page: Page, url: string): void {
  page.goto(url, { timeout: 60_000 }).catch(() => undefined);
}

/** Poll until the page's address matches (works across redirects into moz-extension:// pages). */
export async function waitForHref(page: Page, re: RegExp, timeout = 20_000): Promise<string> {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = await page.evaluate(() => location.href).catch(() => last);
    if (re.test(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`address never matched ${re}: last ${last}`);
}

/** Wait for the extension's result on the root element (polling: works on extension pages too). */
export async function waitForResult(page: Page, timeout = 30_000): Promise<{ state: string; findings: number }> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const r = await page
      .evaluate(() => ({ state: document.documentElement.getAttribute('data-budget-lens'), findings: Number(document.documentElement.getAttribute('data-budget-lens-findings')) }))
      .catch(() => null);
    if (r?.state && r.state !== 'reading') return { state: r.state, findings: r.findings };
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error('no data-budget-lens on the root element');
}
