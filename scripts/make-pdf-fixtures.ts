/**
 * Regenerates the committed PDF fixtures under test/fixtures/pdf (run by hand: `npx tsx scripts/make-pdf-fixtures.ts`):
 * the HTML fixtures printed by Chromium in portrait and landscape A4, a PDF whose CJK font is not embedded,
 * an image-only scan, an encrypted PDF and a corrupt one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './browser';
import { tableOnPage, writePdf, type PdfPage } from '../test/support/pdf-writer';

const ROOT = join(import.meta.dirname, '..');
const HTML = join(ROOT, 'test', 'fixtures', 'html');
const OUT = join(ROOT, 'test', 'fixtures', 'pdf');
mkdirSync(OUT, { recursive: true });

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  for (const [name, landscape] of [['000-word-cms', false], ['001-excel-export', true], ['003-clean-gbk', false], ['004-word-ocr', true]] as const) {
    await page.goto(pathToFileURL(join(HTML, `${name}.html`)).href, { waitUntil: 'load' });
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

/** 003's 收支总表 and 三公 table with its narrative, set in a font the PDF does not embed. */
function budgetPages(): PdfPage[] {
  const t1 = tableOnPage(
    [
      ['收入', '', '支出', ''],
      ['项目', '金额', '项目', '金额'],
      ['一、一般公共预算', '1,990.50', '一、一般公共服务', '1,624.50'],
      ['其中：财政拨款', '1,990.50', '八、社会保障和就业', '242.60'],
      ['二、政府性基金预算拨款收入', '', '二十一、住房保障支出', '123.40'],
      ['本年收入合计', '1,990.50', '本年支出合计', '1,990.50'],
      ['上年结转结余', '', '年终结转结余', ''],
      ['收入总计', '1,990.50', '支出总计', '1,990.50'],
    ],
    [150, 90, 150, 90],
    50,
    150,
  );
  const t8 = tableOnPage(
    [
      ['“三公”经费合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费'],
      ['25.50', '', '22.00', '3.50'],
    ],
    [120, 120, 120, 120],
    50,
    160,
  );
  return [
    {
      width: 595,
      height: 842,
      texts: [
        { x: 120, y: 70, size: 16, text: '2023年中共济源产城融合示范区工作委员会办公室部门预算' },
        { x: 200, y: 120, size: 14, text: '2023 年部门收支预算表' },
        { x: 50, y: 142, size: 9, text: '部门名称：中共济源产城融合示范区工作委员会办公室' },
        { x: 470, y: 142, size: 9, text: '单位：万元' },
        ...t1.texts,
      ],
      lines: t1.lines,
    },
    {
      width: 595,
      height: 842,
      texts: [
        { x: 170, y: 80, size: 14, text: '2023 年一般公共预算“三公”经费预算表' },
        { x: 470, y: 150, size: 9, text: '单位：万元' },
        ...t8.texts,
        { x: 50, y: 240, size: 11, text: '七、“三公”经费支出预算情况说明' },
        { x: 50, y: 262, size: 11, text: '2023 年“三公”经费预算为 25.50 万元。2023 年“三公”经费支出预算数与 2022 年持平。' },
        { x: 50, y: 284, size: 11, text: '（二）公务接待费 3.50 万元，预算数与 2022 年持平。' },
      ],
      lines: t8.lines,
    },
  ];
}

writeFileSync(join(OUT, 'nonembedded-cjk.pdf'), writePdf(budgetPages(), { title: '非嵌入字体' }));
writeFileSync(join(OUT, 'encrypted.pdf'), writePdf(budgetPages(), { title: '加密', userPassword: 'secret' }));
// A PDF cut off mid-object, with garbage after its header.
const good = writePdf(budgetPages());
writeFileSync(join(OUT, 'corrupt.pdf'), Buffer.concat([Buffer.from(good.subarray(0, 300)), Buffer.from('\u0000\u0001garbage-after-truncation', 'latin1')]));
console.log('fixtures written to', OUT);
