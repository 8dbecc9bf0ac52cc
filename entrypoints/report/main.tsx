/** The printable report: every finding with its cited values and a thumbnail of each table; prints to PDF. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadSettings, uiLang } from '../../components/ext/settings-store';
import { PrintReport, PRINT_STYLES } from '../../components/PrintReport';
import { injectPageStyles } from '../../components/styles';
import { PRINT_KEY_PREFIX, PrintPayload } from '../../lib/report/print';

injectPageStyles(PRINT_STYLES);

const root = document.getElementById('app')!;
const key = new URLSearchParams(location.search).get('key') ?? '';
const settings = await loadSettings();
const got = key.startsWith(PRINT_KEY_PREFIX) ? await browser.storage.local.get(key) : {};
const parsed = PrintPayload.safeParse(got[key]);
if (!parsed.success) {
  root.textContent = '找不到报告内容（可能已过期）/ The report is no longer available.';
} else {
  document.title = `预算透镜 · ${parsed.data.report.organization ?? parsed.data.report.source}`;
  render(<PrintReport payload={parsed.data} lang={uiLang(settings)} />, root);
  document.documentElement.setAttribute('data-budget-lens-report', 'ready');
  // Keep only the most recent few reports in storage.
  const all = await browser.storage.local.get(null);
  const old = Object.keys(all).filter((k) => k.startsWith(PRINT_KEY_PREFIX) && k !== key).sort().slice(0, -4);
  if (old.length) await browser.storage.local.remove(old);
}
