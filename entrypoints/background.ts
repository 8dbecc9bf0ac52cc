/**
 * The background: opens PDFs in BudgetLens's viewer (by address ending in .pdf, or by Content-Type), keeps
 * each tab's last result for the toolbar badge and the popup, and routes the few messages between parts.
 * It makes no network request of its own.
 */
import { browser } from 'wxt/browser';
import { loadSettings, onSettingsChanged, saveSettings } from '../components/ext/settings-store';
import { parseMessage, type TabState } from '../lib/messages';

const PDF_URL = /^https?:\/\/[^?#]*\.pdf(?:[?#].*)?$/i;
const RULE_ID = 1;

type Chromeish = {
  declarativeNetRequest?: {
    updateDynamicRules(o: { removeRuleIds?: number[]; addRules?: unknown[] }): Promise<void>;
    updateSessionRules(o: { removeRuleIds?: number[]; addRules?: unknown[] }): Promise<void>;
  };
};

export default defineBackground(() => {
  const dnr = (browser as unknown as Chromeish).declarativeNetRequest;
  const viewerBase = browser.runtime.getURL('/viewer.html');
  const viewerUrl = (url: string) => `${viewerBase}?file=${encodeURIComponent(url)}`;
  let intercept = true;
  /** Originals the reader asked to see as they are, per tab. */
  const allowed = new Map<number, Set<string>>();
  let nextSessionRule = 100;

  async function applyInterception(on: boolean): Promise<void> {
    intercept = on;
    if (!dnr) return;
    await dnr.updateDynamicRules({
      removeRuleIds: [RULE_ID],
      addRules: on
        ? [
            {
              id: RULE_ID,
              priority: 1,
              action: { type: 'redirect', redirect: { regexSubstitution: `${viewerBase}?file=\\0` } },
              condition: { regexFilter: '^https?://[^?#]*\\.[Pp][Dd][Ff]([?#].*)?$', resourceTypes: ['main_frame'] },
            },
          ]
        : [],
    });
  }

  void loadSettings().then((s) => applyInterception(s.interceptPdf));
  onSettingsChanged((s) => void applyInterception(s.interceptPdf));

  const isAllowed = (tabId: number, url: string) => allowed.get(tabId)?.has(url) ?? false;

  // Firefox (no redirect rules here): redirect .pdf navigations before they load.
  if (!dnr) {
    browser.webRequest.onBeforeRequest.addListener(
      (d) => (intercept && d.tabId >= 0 && PDF_URL.test(d.url) && !isAllowed(d.tabId, d.url) ? { redirectUrl: viewerUrl(d.url) } : {}),
      { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
      ['blocking'],
    );
  }
  // PDFs served from addresses without .pdf: known only by their Content-Type.
  browser.webRequest.onHeadersReceived.addListener(
    (d) => {
      if (!intercept || d.tabId < 0 || PDF_URL.test(d.url) || isAllowed(d.tabId, d.url)) return {};
      const h = (name: string) => d.responseHeaders?.find((x) => x.name.toLowerCase() === name)?.value ?? '';
      if (!/application\/pdf/i.test(h('content-type')) || /attachment/i.test(h('content-disposition'))) return {};
      if (!dnr) return { redirectUrl: viewerUrl(d.url) };
      void browser.tabs.update(d.tabId, { url: viewerUrl(d.url) });
      return {};
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
    dnr ? ['responseHeaders'] : ['blocking', 'responseHeaders'],
  );

  async function openOriginal(tabId: number, url: string): Promise<void> {
    const set = allowed.get(tabId) ?? new Set<string>();
    set.add(url);
    allowed.set(tabId, set);
    if (dnr) {
      const esc = url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await dnr.updateSessionRules({
        addRules: [{ id: nextSessionRule++, priority: 2, action: { type: 'allow' }, condition: { regexFilter: `^${esc}$`, resourceTypes: ['main_frame'], tabIds: [tabId] } }],
      });
    }
    await browser.tabs.update(tabId, { url });
  }

  const badge = (browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction)!;
  const states = new Map<number, TabState>();
  function setState(tabId: number, s: TabState): void {
    states.set(tabId, s);
    const n = s.state === 'ready' ? (s.errors ?? 0) || (s.findings ?? 0) : 0;
    void badge.setBadgeText({ tabId, text: s.state === 'loading' ? '…' : n ? String(n) : s.state === 'ready' ? '✓' : '' });
    void badge.setBadgeBackgroundColor({ tabId, color: s.errors ? '#d93025' : s.findings ? '#e8a000' : '#2e9d57' });
  }
  browser.tabs.onRemoved.addListener((tabId) => {
    states.delete(tabId);
    allowed.delete(tabId);
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const m = parseMessage(raw);
    if (!m) return undefined;
    const tabId = sender.tab?.id;
    switch (m.type) {
      case 'bl:state':
        if (tabId !== undefined) setState(tabId, m.state);
        return undefined;
      case 'bl:tab-state':
        return Promise.resolve(states.get(m.tabId) ?? null);
      case 'bl:open-pdf':
        return browser.tabs.create({ url: viewerUrl(m.url), ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}) }).then(() => true);
      case 'bl:open-report':
        return browser.tabs
          .create({ url: `${(browser.runtime.getURL as (p: string) => string)('/report.html')}?key=${encodeURIComponent(m.key)}`, ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}) })
          .then(() => true);
      case 'bl:open-original':
        if (tabId !== undefined) return openOriginal(tabId, m.url).then(() => true);
        return undefined;
      case 'bl:intercept':
        return loadSettings()
          .then((s) => saveSettings({ ...s, interceptPdf: m.on }))
          .then(() => applyInterception(m.on))
          .then(() => true);
      default:
        return undefined;
    }
  });
});
