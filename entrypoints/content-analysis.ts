/**
 * The analysis, loaded by the content script only on budget pages (web-accessible, imported on demand):
 * read the settings, analyse the page, show the overlay and the panel, offer the linked PDFs.
 */
import { browser } from 'wxt/browser';
import { loadSettings, uiLang } from '../components/ext/settings-store';
import { runOnPage, type PageSession } from '../components/page/PageApp';
import { showPdfLinks } from '../components/page/pdf-links';
import type { TabState } from '../lib/messages';
import { ruleFilter } from '../lib/settings';

let session: PageSession | undefined;
let linksShown = false;

/** Developer flag for the end-to-end tests: open shadow roots they can look into (see shadow-host.ts). */
async function inspectable(): Promise<boolean> {
  try {
    return (await browser.storage.local.get('devInspectableUi'))['devInspectableUi'] === true;
  } catch {
    return false;
  }
}

async function run(opts: { force: boolean; linksOnly: boolean; onState: (s: TabState) => void }): Promise<void> {
  if (!document.documentElement) return;
  const settings = await loadSettings();
  const lang = uiLang(settings);
  const open = await inspectable();
  let pdfLinks = 0;
  if (!linksShown) {
    linksShown = true;
    pdfLinks = showPdfLinks(document, lang, (url) => void browser.runtime.sendMessage({ type: 'bl:open-pdf', url }).catch(() => undefined), { inspectable: open });
  }
  if (opts.linksOnly) {
    opts.onState({ state: 'idle', detected: false, pdfLinks });
    return;
  }
  session?.destroy();
  session = runOnPage(document, {
    lang,
    ticks: settings.ticks,
    force: opts.force,
    inspectable: open,
    onRejected: () => {
      session?.destroy();
      session = undefined;
      document.querySelector('budget-lens-links')?.remove();
      opts.onState({ state: 'idle', detected: false, isBudget: false, pdfLinks });
    },
    rules: { policy: settings.tolerance, enabled: ruleFilter(settings) },
    onDone: (info) => opts.onState({ state: 'ready', detected: true, pdfLinks, ...info }),
  });
}

export default defineUnlistedScript(() => {
  (globalThis as unknown as { __budgetLens: unknown }).__budgetLens = {
    /** The popup's "show the panel". */
    show: () => session?.show(),
    run: (opts: Parameters<typeof run>[0]) => {
      run(opts).catch((e: unknown) => {
        opts.onState({ state: 'error', detected: true, findings: 0, errors: 0 });
        console.warn('BudgetLens:', e);
      });
    },
  };
});
