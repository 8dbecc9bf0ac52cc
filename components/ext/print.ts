import { browser } from 'wxt/browser';
import type { Analysis } from '../../lib/analyze';
import { PRINT_KEY_PREFIX, PrintPayload } from '../../lib/report/print';
import type { Report } from '../../lib/report/schema';
import { tableSnapshots } from '../../lib/report/snapshot';

/** Hand the report and its table thumbnails to the printable report page (a new tab). */
export async function openPrintable(a: Analysis, report: Report, where: string): Promise<void> {
  const payload = PrintPayload.parse({ report, snapshots: tableSnapshots(a), generated: `${new Date().toLocaleString('zh-CN')}${where && where !== report.source ? ` · ${where}` : ''}` });
  const key = `${PRINT_KEY_PREFIX}${Date.now()}`;
  await browser.storage.local.set({ [key]: payload });
  await browser.runtime.sendMessage({ type: 'bl:open-report', key });
}
