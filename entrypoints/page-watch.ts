/**
 * Runs on every page the user opens, so it is small and cheap: decide whether the page is a budget
 * disclosure (title, first table rows), and only then load the analysis (a separate script, imported on
 * demand). On other pages it adds nothing and watches only for tables that arrive late (AJAX CMS pages).
 *
 * It is declared in the manifest by wxt.config.ts rather than with defineContentScript: WXT's content
 * script context posts a message naming the extension to every page (window.postMessage), which tells
 * any site that BudgetLens is installed and breaks pages whose message handlers expect their own JSON.
 * This script says nothing to the page.
 */
import { budgetPdfLinks, detectBudgetPage } from '../lib/detect';
import type { TabState } from '../lib/messages';

interface ExtApi {
  runtime: {
    getURL(path: string): string;
    sendMessage(m: unknown): Promise<unknown> | void;
    onMessage: { addListener(cb: (m: unknown, sender: unknown, respond: (r: unknown) => void) => boolean | void): void };
  };
}

interface AnalysisModule {
  run(opts: { force: boolean; linksOnly: boolean; onState: (s: TabState) => void }): void;
  show(): void;
}

declare const chrome: { runtime: { getURL(path: string): string } };

const WATCH_MS = 30_000;

export default defineUnlistedScript({
  main() {
    const g = globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi };
    const api = (g.browser?.runtime ? g.browser : g.chrome)!;
    let state: TabState = { state: 'idle', detected: false };
    let started = false;

    const report = (s: TabState) => {
      state = s;
      try {
        void Promise.resolve(api.runtime.sendMessage({ type: 'bl:state', state: s })).catch(() => undefined);
      } catch {
        // The extension was reloaded: this page's script is orphaned; nothing to tell.
      }
    };

    const load = (force: boolean, linksOnly: boolean) => {
      if (started && !force) return;
      started = true;
      report({ ...state, state: 'loading', detected: !linksOnly || state.detected });
      // Written as chrome.runtime.getURL (defined in Chrome and Firefox) so that store linters see a
      // packaged script, not an arbitrary address.
      import(/* @vite-ignore */ chrome.runtime.getURL('/content-analysis.js'))
        .then(() => {
          const mod = (globalThis as unknown as { __budgetLens?: AnalysisModule }).__budgetLens;
          mod?.run({ force, linksOnly, onState: report });
        })
        .catch(() => report({ state: 'error', detected: true, findings: 0, errors: 0 }));
    };

    const check = (): boolean => {
      // A document without a root element (an XML error page, an empty frame) has nothing to read.
      if (!document.documentElement) return false;
      const d = detectBudgetPage(document);
      if (d.isBudget) {
        state = { state: 'loading', detected: true };
        load(false, false);
        return true;
      }
      // A disclosure page whose content is its PDF attachments: offer to check them.
      const links = d.titleHit ? budgetPdfLinks(document).length : 0;
      if (links) {
        state = { state: 'idle', detected: false, pdfLinks: links };
        load(false, true);
        return true;
      }
      return false;
    };

    api.runtime.onMessage.addListener((m, _sender, respond) => {
      const type = (m as { type?: unknown } | null)?.type;
      if (type === 'bl:status') {
        respond(state);
        return false;
      }
      if (type === 'bl:show-panel') {
        const mod = (globalThis as unknown as { __budgetLens?: AnalysisModule }).__budgetLens;
        // Analysed already: open the panel; else analyse now (the panel opens with the results).
        if (state.state === 'ready' && mod) mod.show();
        else if (state.state !== 'loading') load(true, false);
        respond({ ok: true });
        return false;
      }
      if (type === 'bl:analyse') {
        started = false;
        load(true, false);
        respond({ ok: true });
        return false;
      }
      return false;
    });

    try {
      if (check()) return;
    } catch {
      return;
    }
    if (!document.documentElement) return;
    // Tables that a CMS fills in after load: look again when the number of tables changes, for a while.
    const tables = document.getElementsByTagName('table');
    let seen = tables.length;
    let pending = 0;
    const obs = new MutationObserver(() => {
      if (tables.length === seen || pending) return;
      pending = window.setTimeout(() => {
        pending = 0;
        seen = tables.length;
        if (check()) obs.disconnect();
      }, 300);
    });
    obs.observe(document.documentElement, { childList: true, subtree: true });
    window.setTimeout(() => obs.disconnect(), WATCH_MS);
  },
});
