/**
 * The toolbar popup for the current tab: detected or not, whose disclosure and how many findings, "show the
 * panel", "analyse this page anyway", "open this PDF in BudgetLens".
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadSettings, uiLang } from '../../components/ext/settings-store';
import { PopupView, type PopupState } from '../../components/PopupView';
import { injectPageStyles } from '../../components/styles';
import { TabState } from '../../lib/messages';

injectPageStyles('body{margin:0;min-width:300px}');

async function currentTab(): Promise<{ id: number; url: string } | undefined> {
  // Tests open the popup as a page and name the tab to describe.
  const forced = new URLSearchParams(location.search).get('tab');
  if (forced) {
    const t = await browser.tabs.get(Number(forced));
    return t.id !== undefined ? { id: t.id, url: t.url ?? '' } : undefined;
  }
  const [t] = await browser.tabs.query({ active: true, currentWindow: true });
  return t?.id !== undefined ? { id: t.id, url: t.url ?? '' } : undefined;
}

async function stateOf(tabId: number): Promise<TabState | undefined> {
  try {
    return TabState.parse(await browser.tabs.sendMessage(tabId, { type: 'bl:status' }));
  } catch {
    const stored = await browser.runtime.sendMessage({ type: 'bl:tab-state', tabId }).catch(() => null);
    const r = TabState.safeParse(stored);
    return r.success ? r.data : undefined;
  }
}

const root = document.getElementById('app')!;
const settings = await loadSettings();
const lang = uiLang(settings);
const tab = await currentTab();
const viewerBase = browser.runtime.getURL('/viewer.html');

async function refresh(): Promise<void> {
  const s: PopupState = { lang, url: tab?.url ?? '', inViewer: !!tab?.url.startsWith(viewerBase) };
  if (tab) {
    const st = await stateOf(tab.id);
    if (st) s.tab = st;
    // A PDF known by its Content-Type (no .pdf in the address) is offered too.
    const typed = await browser.runtime.sendMessage({ type: 'bl:tab-pdf', tabId: tab.id }).catch(() => null);
    if (typeof typed === 'string') s.typedPdf = true;
  }
  render(
    <PopupView
      state={s}
      onAnalyse={async () => {
        if (!tab) return;
        await browser.tabs.sendMessage(tab.id, { type: 'bl:analyse' }).catch(() => undefined);
        setTimeout(() => void refresh(), 800);
      }}
      onOpenPdf={async () => {
        if (!tab) return;
        // The background opens the viewer with a one-time token (the viewer reads nothing without one).
        await browser.runtime.sendMessage({ type: 'bl:view-tab', tabId: tab.id }).catch(() => undefined);
        window.close();
      }}
      onOptions={() => void browser.runtime.openOptionsPage()}
      onShowPanel={async () => {
        if (!tab) return;
        // A web page's content script, or the viewer in that tab (the popup may not see the tab's address).
        await Promise.all([
          browser.tabs.sendMessage(tab.id, { type: 'bl:show-panel' }).catch(() => undefined),
          browser.runtime.sendMessage({ type: 'bl:show-viewer-panel', tabId: tab.id }).catch(() => undefined),
        ]);
        // As a toolbar popup: close it, so the reader sees the panel.
        if (!new URLSearchParams(location.search).get('tab')) window.close();
      }}
    />,
    root,
  );
}
await refresh();
