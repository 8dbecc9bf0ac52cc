/**
 * The background: opens PDFs in BudgetLens's viewer, keeps each tab's last result for the toolbar badge and
 * the popup, and routes the few messages between parts. It makes no network request of its own.
 *
 * The viewer reads a file with the reader's cookies, so it must read only what the reader opened: every
 * viewer address the extension makes carries a token (one use, one address) that the viewer hands back
 * here before it fetches anything. A page that navigates or frames the viewer itself has no token.
 */
import { browser } from 'wxt/browser';
import { loadSettings, onSettingsChanged, saveSettings } from '../components/ext/settings-store';
import { parseMessage, type TabState } from '../lib/messages';
import { Grants, isHttpUrl, isPdfPathUrl, newToken, RateLimit } from '../lib/url-safety';

const RULE_ID = 1;
const REDIRECT_KEY = 'redirectKey';

type Chromeish = {
  declarativeNetRequest?: {
    updateDynamicRules(o: { removeRuleIds?: number[]; addRules?: unknown[] }): Promise<void>;
    updateSessionRules(o: { removeRuleIds?: number[]; addRules?: unknown[] }): Promise<void>;
  };
  storage: { session?: { get(k: string): Promise<Record<string, unknown>>; set(o: Record<string, unknown>): Promise<void> } };
};

interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; index?: number };
}

export default defineBackground(() => {
  const chromeish = browser as unknown as Chromeish;
  const dnr = chromeish.declarativeNetRequest;
  const viewerBase = browser.runtime.getURL('/viewer.html');
  const grants = new Grants();
  const viewerUrl = (url: string) => `${viewerBase}?t=${grants.grant(url)}&file=${encodeURIComponent(url)}`;
  let intercept = true;
  /** Originals the reader asked to see as they are, per tab. */
  const allowed = new Map<number, Set<string>>();
  /** PDFs recognised by their Content-Type (GET responses only), per tab: offered, never fetched again unasked. */
  const typedPdf = new Map<number, string>();
  /** "Check with BudgetLens" buttons: a few tabs per page, never a flood. */
  const openLimits = new Map<number, RateLimit>();
  let nextSessionRule = 100;

  // The redirect rule cannot mint a token per navigation, so it carries a key that only this extension
  // knows (kept for the browser session); each use rotates it, the previous one stays good for a moment
  // (two PDFs opened at once).
  let redirectKey = '';
  let previousKey = { key: '', until: 0 };
  const keyReady = (async () => {
    const stored = (await chromeish.storage.session?.get(REDIRECT_KEY).catch(() => ({}))) as Record<string, unknown> | undefined;
    redirectKey = typeof stored?.[REDIRECT_KEY] === 'string' ? (stored[REDIRECT_KEY] as string) : newToken();
    await chromeish.storage.session?.set({ [REDIRECT_KEY]: redirectKey }).catch(() => undefined);
  })();

  async function applyInterception(on: boolean): Promise<void> {
    intercept = on;
    if (!dnr) return;
    await keyReady;
    await dnr.updateDynamicRules({
      removeRuleIds: [RULE_ID],
      addRules: on
        ? [
            {
              id: RULE_ID,
              priority: 1,
              action: { type: 'redirect', redirect: { regexSubstitution: `${viewerBase}?t=${redirectKey}&file=\\0` } },
              // GET only: a form posted to a .pdf address is answered once, and the answer is the reader's.
              condition: { regexFilter: '^https?://[^?#]*\\.[Pp][Dd][Ff]([?#].*)?$', resourceTypes: ['main_frame'], requestMethods: ['get'] },
            },
          ]
        : [],
    });
  }

  async function rotateKey(): Promise<void> {
    previousKey = { key: redirectKey, until: Date.now() + 20_000 };
    redirectKey = newToken();
    await chromeish.storage.session?.set({ [REDIRECT_KEY]: redirectKey }).catch(() => undefined);
    if (intercept) await applyInterception(true);
  }

  async function claim(file: string, token: string): Promise<boolean> {
    if (!isHttpUrl(file) || !token) return false;
    if (grants.claim(token, file)) return true;
    await keyReady;
    const byRedirect = token === redirectKey || (token === previousKey.key && Date.now() < previousKey.until);
    if (!byRedirect || !isPdfPathUrl(file)) return false;
    if (token === redirectKey) void rotateKey();
    return true;
  }

  void loadSettings().then((s) => applyInterception(s.interceptPdf));
  onSettingsChanged((s) => void applyInterception(s.interceptPdf));

  const isAllowed = (tabId: number, url: string) => allowed.get(tabId)?.has(url) ?? false;

  // Firefox (no redirect rules here): redirect GET .pdf navigations before they load.
  if (!dnr) {
    browser.webRequest.onBeforeRequest.addListener(
      (d) => (intercept && d.tabId >= 0 && d.method === 'GET' && isPdfPathUrl(d.url) && !isAllowed(d.tabId, d.url) ? { redirectUrl: viewerUrl(d.url) } : {}),
      { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
      ['blocking'],
    );
  }

  const action = (browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction)!;

  // PDFs served from addresses without .pdf, known only by their Content-Type. Asking the server again
  // could fail (single-use links answer 410, a POST result 405) and lose the reader's document, so the
  // original is shown as it came, and the toolbar button opens it in the viewer with one click.
  browser.webRequest.onHeadersReceived.addListener(
    (d) => {
      if (d.tabId < 0) return {};
      const h = (name: string) => d.responseHeaders?.find((x) => x.name.toLowerCase() === name)?.value ?? '';
      const pdf = intercept && !isPdfPathUrl(d.url) && d.method === 'GET' && /application\/pdf/i.test(h('content-type')) && !/attachment/i.test(h('content-disposition'));
      if (pdf) {
        typedPdf.set(d.tabId, d.url);
        void action.setPopup({ tabId: d.tabId, popup: '' });
        void action.setBadgeText({ tabId: d.tabId, text: 'PDF' });
        void action.setBadgeBackgroundColor({ tabId: d.tabId, color: '#1a73e8' });
      } else if (typedPdf.delete(d.tabId)) {
        void action.setPopup({ tabId: d.tabId, popup: 'popup.html' });
        void action.setBadgeText({ tabId: d.tabId, text: '' });
      }
      return {};
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
    ['responseHeaders'],
  );

  async function viewTab(tabId: number, url?: string): Promise<boolean> {
    const target = typedPdf.get(tabId) ?? url;
    if (!target || !isHttpUrl(target)) return false;
    await browser.tabs.update(tabId, { url: viewerUrl(target) });
    return true;
  }

  action.onClicked.addListener((tab) => {
    if (tab.id !== undefined) void viewTab(tab.id);
  });

  async function openOriginal(tabId: number, url: string): Promise<void> {
    if (!isHttpUrl(url)) return;
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

  const states = new Map<number, TabState>();
  function setState(tabId: number, s: TabState): void {
    states.set(tabId, s);
    const n = s.state === 'ready' ? (s.errors ?? 0) || (s.findings ?? 0) : 0;
    void action.setBadgeText({ tabId, text: s.state === 'loading' ? '…' : n ? String(n) : s.state === 'ready' ? '✓' : '' });
    void action.setBadgeBackgroundColor({ tabId, color: s.errors ? '#d93025' : s.findings ? '#e8a000' : '#2e9d57' });
  }
  browser.tabs.onRemoved.addListener((tabId) => {
    states.delete(tabId);
    allowed.delete(tabId);
    typedPdf.delete(tabId);
    openLimits.delete(tabId);
  });

  const extOrigin = browser.runtime.getURL('/');
  const staticOrigin = `chrome-extension://${browser.runtime.id}/`;
  /** Messages that only the extension's own pages (viewer, popup, options) may send, not content scripts. */
  const fromOwnPage = (sender: SenderLike) => sender.id === browser.runtime.id && !!sender.url && (sender.url.startsWith(extOrigin) || sender.url.startsWith(staticOrigin) || sender.url.startsWith(viewerBase));

  browser.runtime.onMessage.addListener((raw: unknown, sender: SenderLike) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const m = parseMessage(raw);
    if (!m) return undefined;
    const tabId = sender.tab?.id;
    const beside = sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {};
    switch (m.type) {
      case 'bl:state':
        if (tabId !== undefined) setState(tabId, m.state);
        return undefined;
      case 'bl:tab-state':
        return Promise.resolve(states.get(m.tabId) ?? null);
      case 'bl:tab-pdf':
        return Promise.resolve(typedPdf.get(m.tabId) ?? null);
      case 'bl:claim':
        return claim(m.file, m.token);
      case 'bl:view-tab':
        if (!fromOwnPage(sender)) return undefined;
        return browser.tabs.get(m.tabId).then((t) => viewTab(m.tabId, t.url && isPdfPathUrl(t.url) ? t.url : undefined));
      case 'bl:open-pdf': {
        if (tabId === undefined || !isPdfPathUrl(m.url)) return Promise.resolve(false);
        const limit = openLimits.get(tabId) ?? new RateLimit();
        openLimits.set(tabId, limit);
        if (!limit.take()) return Promise.resolve(false);
        return browser.tabs.create({ url: viewerUrl(m.url), ...beside }).then(() => true);
      }
      case 'bl:open-report':
        return browser.tabs.create({ url: `${(browser.runtime.getURL as (p: string) => string)('/report.html')}?key=${encodeURIComponent(m.key)}`, ...beside }).then(() => true);
      case 'bl:open-original':
        if (tabId !== undefined && fromOwnPage(sender) && isHttpUrl(m.url)) return openOriginal(tabId, m.url).then(() => true);
        return undefined;
      case 'bl:intercept':
        if (!fromOwnPage(sender)) return undefined;
        return loadSettings()
          .then((s) => saveSettings({ ...s, interceptPdf: m.on }))
          .then(() => applyInterception(m.on))
          .then(() => true);
      default:
        return undefined;
    }
  });
});
