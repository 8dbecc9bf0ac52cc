/**
 * Regenerates the committed PDF fixtures under test/fixtures/pdf (run by hand: `npx tsx scripts/make-pdf-fixtures.ts`):
 * the HTML fixtures printed by Chromium in portrait and landscape A4, a PDF whose CJK font is not embedded,
 * an image-only scan, an encrypted PDF and a corrupt one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './browser';
import { writePdf } from '../test/support/pdf-writer';
import { budgetPages } from '../test/support/sample-pages';

const ROOT = join(import.meta.dirname, '..');
const HTML = join(ROOT, 'test', 'fixtures', 'html');
const OUT = join(ROOT, 'test', 'fixtures', 'pdf');
mkdirSync(OUT, { recursive: true });

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  for (const [name, landscape] of [['000-word-cms', false], ['001-excel-export', true], ['003-clean-gbk', false], ['004-word-ocr', true]] as const) {
    await page.goto(pathToFileURL(join(HTML, `${name}.html`)).href, { waitUntil: 'load' });
    // A scrolling wrapper would clip a wide table in print; let it overflow so that Chromium's print
    // shrink-to-fit scales the page down instead (as 打印 → 缩放以适合 does), keeping every column.
    await page.addStyleTag({ content: '.table-wrap{overflow:visible!important}' });
    const pdf = await page.pdf({ format: 'A4', landscape, printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
    writeFileSync(join(OUT, `${name}-${landscape ? 'landscape' : 'portrait'}.pdf`), pdf);
    console.log(`${name}: ${pdf.length} bytes`);
  }
  // A scan: the 三公 table and its narrative as a picture, no text layer.
  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.goto(pathToFileURL(join(HTML, '003-clean-gbk.html')).href, { waitUntil: 'load' });
  const jpeg = await page.screenshot({ type: 'jpeg', quality: 70, fullPage: false });
  writeFileSync(join(OUT, 'scanned.pdf'), writePdf([{ width: 595, height: 842, image: { jpeg, width: 1000, height: 1400, x: 20, y: 20, w: 555, h: 777 } }], { title: '扫描件' }));
} finally {
  await browser.close();
}

writeFileSync(join(OUT, 'nonembedded-cjk.pdf'), writePdf(budgetPages(), { title: '非嵌入字体' }));
writeFileSync(join(OUT, 'encrypted.pdf'), writePdf(budgetPages(), { title: '加密', userPassword: 'secret' }));
// A PDF cut off mid-object, with garbage after its header.
const good = writePdf(budgetPages());
writeFileSync(join(OUT, 'corrupt.pdf'), Buffer.concat([Buffer.from(good.subarray(0, 300)), Buffer.from('\u0000\u0001garbage-after-truncation', 'latin1')]));
console.log('fixtures written to', OUT);
