/**
 * Scanned pages in the viewer show their findings as pages finish (issues 11 and 12): the OCR reading
 * reports the pages read so far like a text PDF does, and what those pages settle is already the final
 * word. Here an eight-page scan whose first page holds a real error (223.40 where the column needs 123.40):
 * that error is settled before the last page is recognised, and it is among the whole document's errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { extractPdfBytes } from '../../lib/cli/load-pdf';
import { findTessdata, nodeOcr } from '../../lib/cli/ocr-node';
import type { PartialPdf } from '../../lib/extract/pdf/extract-pdf';
import { settledRun } from '../../lib/rules/settled';
import { writePdf } from '../support/pdf-writer';
import { budgetPages } from '../support/sample-pages';
import { scanPdf } from '../support/scan';

describe.skipIf(!findTessdata())('OCR findings as pages finish', () => {
  it('a scan\'s first-page error is settled before its last page is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bl-ocr-partial-'));
    const [p1, p2] = budgetPages();
    const broken = { ...p1!, texts: p1!.texts?.map((t) => (t.text === '123.40' ? { ...t, text: '223.40' } : t)) };
    const closing = { width: 595, height: 842, texts: [{ x: 50, y: 80, size: 12, text: '八、名词解释' }, { x: 50, y: 110, size: 11, text: '“三公”经费指因公出国（境）费、公务用车购置及运行费和公务接待费。' }] };
    const original = join(dir, 'budget.pdf');
    // Eight pages: more than the OCR reads ahead at once, so pages 1 and 2 are done before the last ones start.
    writeFileSync(original, writePdf([broken, p2!, ...Array.from({ length: 6 }, () => closing)], { title: 'budget' }));
    const scan = scanPdf(original, 150);
    // One worker: pages finish in order (with more, the run of pages read from page 1 may jump to the end at once).
    const ocr = await nodeOcr('auto', { workers: 1 });
    const partials: PartialPdf[] = [];
    try {
      const whole = analyze(await extractPdfBytes(new Uint8Array(scan), 'scan.pdf', { ocr, onPartial: (p) => partials.push(p) }));
      expect(whole.doc.pageCount).toBe(8);
      const finalErrors = whole.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}|${f.message.zh}`);
      const early = partials.filter((p) => p.through < 8).flatMap((p) => {
        const { doc, settledBefore } = p.read();
        return settledRun(analyze(doc), settledBefore).findings.filter((f) => f.severity === 'error');
      });
      expect(early.map((f) => f.rule)).toContain('R01');
      for (const f of early) expect(finalErrors).toContain(`${f.rule}|${f.message.zh}`);
    } finally {
      await ocr.engine.terminate();
    }
  }, 240_000);
});
