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

async function run(opts: { force: boolean; linksOnly: boolean; onState: (s: TabState) => void }): Promise<void> {
  const settings = await loadSettings();
  const lang = uiLang(settings);
  let pdfLinks = 0;
  if (!linksShown) {
    linksShown = true;
    pdfLinks = showPdfLinks(document, lang, (url) => void browser.runtime.sendMessage({ type: 'bl:open-pdf', url }).catch(() => undefined));
  }
  if (opts.linksOnly) {
    opts.onState({ state: 'idle', detected: false, pdfLinks });
    return;
  }
  session?.destroy();
  session = runOnPage(document, {
    lang,
    ticks: settings.ticks,
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
