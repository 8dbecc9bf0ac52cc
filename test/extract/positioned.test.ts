/**
 * Pages that are PDFs converted to absolutely positioned HTML (no <table>): made here from a corpus PDF and
 * from the project's own PDF fixtures with poppler's pdftohtml, read through the PDF layout path, and held
 * to the PDF's own verified findings — nothing the PDF does not have, the narrative checks it has.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { extractHtmlBytes } from '../../lib/cli/load-html';
import { isPositionedPage } from '../../lib/extract/dom/positioned';
import { corpusRoot } from '../support/corpus';
import { fixtureDocument } from '../helpers';

const hasPdftohtml = (() => {
  try {
    execFileSync('pdftohtml', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const root = corpusRoot();
const dir = mkdtempSync(join(tmpdir(), 'bl-positioned-'));

function toPositionedHtml(pdf: string, name: string): Uint8Array {
  execFileSync('pdftohtml', ['-c', '-i', '-noframes', '-q', pdf, join(dir, name)], { stdio: 'ignore' });
  return new Uint8Array(readFileSync(join(dir, `${name}.html`)));
}

describe.skipIf(!hasPdftohtml || !root)('a 决算 PDF converted to positioned HTML', () => {
  const bytes = root ? toPositionedHtml(join(root, 'putuo-finance-2024-final.pdf'), 'putuo-finance') : new Uint8Array();

  it('is read as a disclosure through the layout path, anchored to the page elements', () => {
    const x = extractHtmlBytes(bytes, 'putuo-finance.html');
    expect(x.pageCount).toBe(25);
    const a = analyze(x);
    expect(a.doc.kind).toBe('final-accounts');
    expect(a.doc.organization).toBe('上海市普陀区财政局');
    expect(a.doc.year).toBe(2024);
    const anchors = x.blocks.map((b) => b.anchor);
    expect(anchors.every((an) => an.kind === 'dom')).toBe(true);
    // The narrative reads in order, figures inside their sentences.
    expect(a.doc.paragraphs.some((p) => p.text.includes('本年收入合计2946.25万元'))).toBe(true);
  });

  it('finds the narrative errors the PDF has, and no error the PDF does not', () => {
    const a = analyze(extractHtmlBytes(bytes, 'putuo-finance.html'));
    const errors = a.findings.filter((f) => f.severity === 'error');
    expect(errors.some((f) => f.rule === 'R24' && f.message.zh.includes('71.73%'))).toBe(true);
    expect(errors.some((f) => f.rule === 'R24' && f.message.zh.includes('100.07%'))).toBe(true);
    // The PDF's verified errors are F04, R23 and R24 on pp. 21–23 (test/corpus/answer-key.json).
    expect(errors.filter((f) => !['F04', 'R23', 'R24'].includes(f.rule)).map((f) => f.message.zh)).toEqual([]);
  });
});

describe.skipIf(!hasPdftohtml)('the project\'s own PDF fixtures converted to positioned HTML', () => {
  for (const name of ['000-word-cms-portrait', '001-excel-export-landscape', '003-clean-gbk-portrait', '004-word-ocr-landscape']) {
    it(`${name}: a disclosure, with no error its PDF does not have`, () => {
      const pdf = join(__dirname, '..', 'fixtures', 'pdf', `${name}.pdf`);
      const html = analyze(extractHtmlBytes(toPositionedHtml(pdf, name), `${name}.html`));
      expect(html.doc.isBudget).toBe(true);
      const rules = new Set(html.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
      // Rules that can fire from the narrative alone; the tables are read as far as an unruled layout allows.
      for (const r of rules) expect(['R24', 'R25', 'R30d', 'R30e', 'R27', 'R33']).toContain(r);
    });
  }
});

describe('ordinary pages', () => {
  it('are not taken for positioned pages', () => {
    for (const f of ['000-word-cms.html', '003-clean-gbk.html']) expect(isPositionedPage(fixtureDocument(f))).toBe(false);
    expect(existsSync(dir)).toBe(true);
  });
});
