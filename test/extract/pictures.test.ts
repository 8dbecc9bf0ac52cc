/**
 * Tables pasted as pictures on pages with text: noticed (the reader is told they were not read, and the
 * viewer offers OCR), while the pie and bar charts that 情况说明 pages carry are not taken for tables.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeCanvas } from '../../lib/cli/canvas-node';
import { nodePdfjs } from '../../lib/cli/load-pdf';
import { readPage } from '../../lib/extract/pdf/ops';
import { tablePictures } from '../../lib/extract/pdf/picture-tables';
import { textlessPictures } from '../../lib/extract/pdf/pictures';
import type { PdfjsModule } from '../../lib/extract/pdf/pdfjs-api';
import { corpusRoot } from '../support/corpus';
import { writePdf } from '../support/pdf-writer';
import { budgetPages } from '../support/sample-pages';
import { tableAsPicture } from '../support/scan';

async function pictures(bytes: Uint8Array, n: number): Promise<{ seen: number; tables: number }> {
  const { pdfjs, dir } = await nodePdfjs();
  const doc = await (pdfjs as PdfjsModule & { getDocument(o: unknown): { promise: Promise<{ getPage(n: number): Promise<unknown>; destroy(): Promise<void> }> } }).getDocument({ data: bytes, cMapUrl: `${dir}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${dir}/standard_fonts/` }).promise;
  try {
    const page = (await doc.getPage(n)) as Parameters<typeof tablePictures>[0] & { getOperatorList(): Promise<unknown> };
    const content = readPage(page as never, (await page.getOperatorList()) as never, pdfjs.OPS as never);
    const seen = textlessPictures(content);
    return { seen: seen.length, tables: (await tablePictures(page, seen, nodeCanvas)).length };
  } finally {
    await doc.destroy();
  }
}

describe('pictures on pages with text', () => {
  it('a table pasted as a picture is seen and taken for a table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bl-pictures-'));
    const original = join(dir, 'budget.pdf');
    writeFileSync(original, writePdf(budgetPages()));
    const mixed = new Uint8Array(tableAsPicture(original, budgetPages()));
    expect(await pictures(mixed, 1)).toEqual({ seen: 1, tables: 1 });
  }, 60_000);

  const root = corpusRoot();
  // 情况说明 pages with charts, each a picture with no text over it: pies (Beijing, Suzhou, Changsha; Jiangsu's in a frame).
  const charts: [string, number][] = [
    ['real/beijing-czj-2026-budget-narrative.pdf', 7],
    ['real/suzhou-jtysj-2026-budget.pdf', 33],
    ['real/jiangsu-rdbgt-2018-budget.pdf', 22],
    ['real/changsha-gaj-2025-budget.pdf', 7],
  ];
  for (const [file, page] of charts) {
    it.skipIf(!root)(`${file} p.${page}: a chart is seen but not taken for a table`, async () => {
      const r = await pictures(new Uint8Array(readFileSync(join(root!, file))), page);
      expect(r.seen).toBeGreaterThan(0);
      expect(r.tables).toBe(0);
    }, 60_000);
  }
});
