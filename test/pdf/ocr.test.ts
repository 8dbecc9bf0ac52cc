/**
 * OCR of scanned disclosures (issue 12). Scanned fixtures are made here: our own budget PDF, with one
 * real inconsistency, is rasterised with pdftoppm at 150 and 300 dpi and put back as a JPEG-only PDF; the
 * CLI with OCR must then report the same errors as the text-layer original (an error may instead come back
 * as a "possibly misread" note, never the other way round), and no error the original does not have. A table
 * pasted as a picture on a page with text is read with --ocr=on. The pieces (rules found in the image,
 * number repair, confidence marks, the rules' post-processing) are tested on their own first.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import { findTessdata } from '../../lib/cli/ocr-node';
import { annotateOcr } from '../../lib/extract/ocr/confidence';
import { ocrGlyphs, repairNumber } from '../../lib/extract/ocr/glyphs';
import type { GrayImage } from '../../lib/extract/ocr/image';
import { eraseRulings, findImageRulings } from '../../lib/extract/ocr/rulings';
import type { PageBlocks } from '../../lib/extract/pdf/layout';
import type { PlacedGlyph } from '../../lib/extract/pdf/ops';
import type { GridCell, PdfAnchor } from '../../lib/extract/types';
import { markPossiblyMisread, singleDigitSubstitution } from '../../lib/rules/ocr-uncertain';
import { editDistance } from '../../lib/text/names';
import type { Finding } from '../../lib/rules/types';
import { writePdf, type PdfPage } from '../support/pdf-writer';
import { budgetPages } from '../support/sample-pages';
import { scanPdf, tableAsPicture } from '../support/scan';

describe('OCR pieces', () => {
  it('finds table rules in an image and ignores character strokes; erasing leaves the text', () => {
    const scale = 2;
    const img: GrayImage = { width: 400, height: 200, data: new Uint8Array(400 * 200).fill(255) };
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.data[y * 400 + x] = 0;
    };
    ink(20, 20, 380, 22); // a rule across the table (180 pt)
    ink(20, 20, 22, 180); // a rule down its side (80 pt)
    ink(100, 100, 120, 102); // a 10 pt stroke: part of a character
    ink(200, 90, 202, 110); // a 10 pt vertical stroke
    const segs = findImageRulings(img, { scale });
    expect(segs).toHaveLength(2);
    const h = segs.find((s) => s.horizontal)!;
    expect(h.y0).toBeCloseTo(10.5, 1);
    expect(h.x0).toBeCloseTo(10, 1);
    expect(h.x1).toBeCloseTo(190, 1);
    const v = segs.find((s) => !s.horizontal)!;
    expect(v.y1 - v.y0).toBeCloseTo(80, 0);
    eraseRulings(img, segs, scale);
    expect(img.data[21 * 400 + 200]).toBe(255);
    expect(img.data[101 * 400 + 110]).toBe(0);
  });

  it('keeps short vertical rules that hang from a horizontal one (a header row cut off by the page break)', () => {
    const scale = 2;
    const img: GrayImage = { width: 400, height: 200, data: new Uint8Array(400 * 200).fill(255) };
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.data[y * 400 + x] = 0;
    };
    ink(20, 160, 380, 162); // the table's top rule, the last thing on the page
    ink(100, 160, 102, 180); // a 10 pt cell border hanging from it
    ink(200, 100, 202, 120); // a 10 pt stroke of a character, touching nothing
    const v = findImageRulings(img, { scale }).filter((s) => !s.horizontal);
    expect(v).toHaveLength(1);
    expect(v[0]!.x0).toBeCloseTo(50.5, 1);
    expect(v[0]!.y1 - v[0]!.y0).toBeCloseTo(10, 0);
  });

  it('repairs numbers: separators read as points, letters read for digits (and marks those doubtful)', () => {
    const syms = (s: string, conf = 0.95) => [...s].map((text, i) => ({ text, conf, box: [i * 10, 0, i * 10 + 8, 12] as [number, number, number, number] }));
    expect(repairNumber(syms('1.511.89')).map((s) => s.text).join('')).toBe('1,511.89');
    const r = repairNumber(syms('1O7.00'));
    expect(r.map((s) => s.text).join('')).toBe('107.00');
    expect(r[1]!.conf).toBeLessThan(0.5);
    expect(r[0]!.conf).toBe(0.95);
    // Words that are not numbers stay as read.
    expect(repairNumber(syms('ISO')).map((s) => s.text).join('')).toBe('ISO');
  });

  it('places OCR words as page glyphs in points, one baseline a line, words kept whole', () => {
    const word = (text: string, x: number) => ({
      text,
      conf: 0.96,
      box: [x, 100, x + text.length * 20, 130] as [number, number, number, number],
      symbols: [...text].map((t, i) => ({ text: t, conf: 0.96, box: [x + i * 20 + 2, 100, x + i * 20 + 18, 130] as [number, number, number, number] })),
      baseline: [0, 130, 1000, 130] as [number, number, number, number],
      lineBox: [x, 98, 1000, 132] as [number, number, number, number],
    });
    const g = ocrGlyphs([word('合计', 100), word('25.50', 600)], { scale: 4, offsetX: 10, offsetY: 20 });
    expect(g.map((x) => x.ch).join('')).toBe('合计25.50');
    expect(g[0]!.x0).toBeCloseTo(10 + 102 / 4);
    expect(new Set(g.map((x) => x.base))).toEqual(new Set([20 + 130 / 4]));
    // Symbols of one word touch, so the layout never splits a number.
    expect(g[2]!.x1).toBeCloseTo(g[3]!.x0);
  });

  it('marks numbers read with low confidence, and whole numbers in a column of two-decimal amounts', () => {
    const glyph = (ch: string, x: number, y: number, conf: number): PlacedGlyph => ({ ch, x0: x, x1: x + 5, top: y, bottom: y + 9, base: y + 8, size: 9, space: false, conf });
    const text = (s: string, x: number, y: number, conf = 0.97) => [...s].map((c, i) => glyph(c, x + i * 5, y, conf));
    const cell = (t: string, row: number, y: number): GridCell => ({ text: t, row, col: 0, rowSpan: 1, colSpan: 1, anchor: { kind: 'pdf', page: 1, box: [0, y, 100, y + 12] } });
    const cells = [cell('12.50', 0, 0), cell('3.10', 1, 12), cell('7.25', 2, 24), cell('2265', 3, 36), cell('9.99', 4, 48)];
    const glyphs = [...text('12.50', 10, 1), ...text('3.10', 10, 13, 0.6), ...text('7.25', 10, 25), ...text('2265', 10, 37), ...text('9.99', 10, 49)];
    const pb: PageBlocks = { page: 1, width: 100, height: 100, edgeLines: [], glyphCount: glyphs.length, blocks: [{ type: 'table', anchor: { kind: 'pdf', page: 1, box: [0, 0, 100, 60] }, grid: { nRows: 5, nCols: 1, cells, slots: cells.map((c) => [c]) } }] };
    annotateOcr(pb, glyphs);
    const ocr = (i: number) => (cells[i]!.anchor as PdfAnchor).ocr!;
    expect(ocr(0)).toMatchObject({ confidence: 0.97, uncertain: [] });
    expect(ocr(0).doubtfulText).toBeUndefined();
    expect(ocr(1).uncertain).toEqual(['3.10']);
    expect(ocr(3).uncertain).toEqual(['2265']);
  });

  it('a Chinese character is as sure as its word: misread characters get a high symbol confidence, a low word confidence', () => {
    const w = { text: '部让', conf: 0.64, box: [0, 0, 40, 20] as [number, number, number, number], symbols: [{ text: '部', conf: 0.96, box: [0, 0, 20, 20] as [number, number, number, number] }, { text: '让', conf: 0.94, box: [20, 0, 40, 20] as [number, number, number, number] }], baseline: [0, 20, 40, 20] as [number, number, number, number], lineBox: [0, 0, 40, 20] as [number, number, number, number] };
    expect(ocrGlyphs([w], { scale: 1, offsetX: 0, offsetY: 0 }).map((g) => g.conf)).toEqual([0.64, 0.64]);
  });

  it('keeps the words read with low confidence, and the text of cells and paragraphs as runs a line or printed word each', () => {
    const glyph = (ch: string, x: number, y: number, conf: number): PlacedGlyph => ({ ch, x0: x, x1: x + 10, top: y, bottom: y + 10, base: y + 9, size: 10, space: false, conf });
    const line = (s: string, x: number, y: number, conf = 0.96) => [...s].map((c, i) => glyph(c, x + i * 10, y, conf));
    // A paragraph of two lines, the second with a gap wider than half a character between two words, and a
    // cell holding one amount.
    const glyphs = [...line('目录列有', 0, 0), ...line('部', 40, 0), ...line('让', 50, 0, 0.64), ...line('收支', 60, 0, 0.7), ...line('预算表', 80, 0), ...line('合计', 0, 14), ...line('1,070.00', 40, 14), ...line('25.50', 210, 50)];
    const para: PdfAnchor = { kind: 'pdf', page: 1, box: [0, 0, 130, 26] };
    const cell: GridCell = { text: '25.50', row: 0, col: 0, rowSpan: 1, colSpan: 1, anchor: { kind: 'pdf', page: 1, box: [200, 45, 300, 65] } };
    const pb: PageBlocks = { page: 1, width: 400, height: 100, edgeLines: [], glyphCount: glyphs.length, blocks: [{ type: 'text', text: '', anchor: para } as never, { type: 'table', anchor: { kind: 'pdf', page: 1, box: [200, 45, 300, 65] }, grid: { nRows: 1, nCols: 1, cells: [cell], slots: [[cell]] } }] };
    annotateOcr(pb, glyphs);
    expect(para.ocr!.doubtfulText).toEqual(['让收支']);
    expect(para.ocr!.runs!.map((r) => r.text)).toEqual(['目录列有部让收支预算表', '合计', '1,070.00']);
    expect(para.ocr!.runs![2]!.box).toEqual([40, 14, 120, 24]);
    const amount = (cell.anchor as PdfAnchor).ocr!.runs!;
    expect(amount).toEqual([{ text: '25.50', box: [210, 50, 260, 60] }]);
  });

  it('turns a finding about words that OCR may have misread into a "possibly misread" note', () => {
    const anchor = (doubtfulText?: string[]): PdfAnchor => ({ kind: 'pdf', page: 1, box: [0, 0, 1, 1], ocr: { confidence: 0.6, uncertain: [], ...(doubtfulText ? { doubtfulText } : {}) } });
    const claim = (a: PdfAnchor | undefined, quote: string) => ({ kind: 'claim' as const, claim: { source: { anchor: a ?? { kind: 'pdf', page: 1, box: [0, 0, 1, 1] }, quote } } as never, role: 'printed' as const, label: '' });
    const finding = (rule: string, zh: string, a: PdfAnchor | undefined, quote: string, extra: Partial<Finding> = {}): Finding => ({ rule, severity: 'error', message: { zh, en: '' }, values: [], evidence: [claim(a, quote)], ...extra });
    const title = (t: string, doubtfulText?: string[]) => ({ kind: 'income-expenditure', title: t, titleAnchor: anchor(doubtfulText), anchor: anchor() }) as never;
    const missing = () => finding('R30c', '目录列有“一般公共预算支出预算表”，但正文中没有这张表', anchor(), '一般公共预算支出预算表', { absence: true });
    const [weakQuote, near, sure, absent, text, unit] = markPossiblyMisread(
      [
        // The 目录 entry quoted holds characters read with low confidence.
        finding('R30c', '目录列有“部内收入预算表”，但正文中没有这张表', anchor(['内收入']), '部内收入预算表'),
        // Two names a character apart, read confidently: on a scan, as likely a misread as a slip.
        finding('R30g', '单位名称写法不一致：“洛阳市城乡一体化示范区”，文件其他地方为“洛阳市城多一体化示范区”', anchor(), '洛阳市城乡一体化示范区'),
        // Confidently read, far apart: stays an error.
        finding('R30a', '同一项目名称不一致：“档案整理经费”与“视频会议系统”', anchor(), '档案整理经费'),
        // A missing table, where a table title was read doubtfully.
        missing(),
        // A document with a text layer is never second-guessed.
        finding('R30g', '单位名称写法不一致：“洛阳市城乡一体化示范区”，文件其他地方为“洛阳市城多一体化示范区”', undefined, '洛阳市城乡一体化示范区'),
        // A cost written in 元 for 万元 is about words; its quote holds a doubtful character.
        finding('R29', '成本指标“系统建设成本 ≤15.93元”', anchor(['系统建']), '系统建设成本 ≤15.93元', { printed: '≤15.93元', expected: '≤15.93万元' }),
      ],
      { tables: [title('2024年必会共预算支出预算表', ['必会'])] } as never,
    );
    expect(weakQuote!.severity).toBe('info');
    expect(weakQuote!.message.zh).toMatch(/^可能是识别错误/);
    expect(near!.severity).toBe('info');
    expect(sure!.severity).toBe('error');
    expect(absent!.severity).toBe('info');
    expect(text!.severity).toBe('error');
    expect(unit!.severity).toBe('info');
    // Every table title read with confidence: the table is really missing.
    expect(markPossiblyMisread([missing()], { tables: [title('2024年部门收支预算表')] } as never)[0]!.severity).toBe('error');
  });

  it('turns an error that rests on a doubtful number into a "possibly misread" note', () => {
    const anchor = (uncertain: string[]): PdfAnchor => ({ kind: 'pdf', page: 1, box: [0, 0, 1, 1], ocr: { confidence: 0.5, uncertain } });
    const finding = (a: PdfAnchor | undefined, printed: string, expected: string): Finding => ({
      rule: 'R01',
      severity: 'error',
      message: { zh: '合计不等', en: 'total differs' },
      values: [printed],
      printed,
      expected,
      evidence: a ? [{ kind: 'claim', claim: { source: { anchor: a, quote: '' } } as never, role: 'printed', label: '' }] : [],
    });
    const [doubt, sure, digit, text] = markPossiblyMisread([finding(anchor(['1,909.50']), '1,909.50', '1,990.50'), finding(anchor([]), '2,090.50', '1,990.50'), finding(anchor([]), '1,990.56', '1,990.50'), finding(undefined, '1,990.56', '1,990.50')]);
    expect(doubt).toMatchObject({ severity: 'info', message: { zh: expect.stringMatching(/^可能是识别错误/) } });
    expect(sure!.severity).toBe('error');
    expect(digit!.severity).toBe('info');
    // A text-layer document is never second-guessed.
    expect(text!.severity).toBe('error');
    expect(singleDigitSubstitution('1,990.56', '1,990.50')).toBe(true);
    expect(singleDigitSubstitution('2,090.50', '1,990.50')).toBe(false);
  });
});

/** Our budget pages with one real inconsistency: 223.40 printed where the column needs 123.40. */
function brokenBudget(): PdfPage[] {
  return budgetPages().map((p) => ({ ...p, texts: p.texts?.map((t) => (t.text === '123.40' ? { ...t, text: '223.40' } : t)) }));
}

async function cliJson(file: string, ...flags: string[]) {
  let out = '';
  let err = '';
  const code = await main(['check', file, '--json', ...flags], { out: (s) => (out += s), err: (s) => (err += s) });
  // 0 nothing wrong, 1 errors found (these fixtures carry one on purpose); 2 would be an unreadable input.
  expect([0, 1], err).toContain(code);
  return JSON.parse(out) as { findings: { rule: string; severity: string; message: string; expected?: string; printed?: string }[]; tables: { kind: string }[]; warnings: { code: string }[] };
}

/** A finding's rule and figures; thousands separators dropped (OCR may miss a comma; the amount is the same). */
const errorKey = (f: { rule: string; expected?: string; printed?: string }) => `${f.rule} ${f.printed ?? ''}→${f.expected ?? ''}`.replace(/,/g, '');

describe('scanned disclosures through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bl-ocr-'));
  const original = join(dir, 'budget.pdf');
  writeFileSync(original, writePdf(brokenBudget(), { title: 'budget' }));

  it('the Chinese model is installed (scripts/ensure-system.sh: tesseract-ocr-chi-sim)', () => {
    expect(findTessdata()).toBeTruthy();
  });

  for (const dpi of [150, 300]) {
    it(`a ${dpi} dpi scan gives the errors of the original`, async () => {
      const text = await cliJson(original);
      const errors = text.findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => f.rule)).toContain('R01');
      const scanned = join(dir, `scan-${dpi}.pdf`);
      writeFileSync(scanned, scanPdf(original, dpi));
      // Without OCR a scan is only X01.
      const off = await cliJson(scanned, '--ocr=off');
      expect(off.findings.map((f) => f.rule)).toEqual(['X01']);
      const read = await cliJson(scanned);
      expect(read.warnings.map((w) => w.code)).toContain('ocr');
      expect(read.tables.map((t) => t.kind)).toEqual(expect.arrayContaining(['income-expenditure', 'three-public']));
      const scanErrors = read.findings.filter((f) => f.severity === 'error');
      const notes = read.findings.filter((f) => f.severity === 'info' && /^可能是识别错误/.test(f.message));
      // Every error of the original is there (or, read doubtfully, is a "possibly misread" note) …
      for (const e of errors) expect([...scanErrors, ...notes].map(errorKey), errorKey(e)).toContain(errorKey(e));
      // … and OCR adds no error of its own.
      expect(scanErrors.map(errorKey).filter((k) => !errors.map(errorKey).includes(k))).toEqual([]);
    }, 180_000);
  }

  it('the real fixture 000 scanned at 150 dpi: misread Chinese adds no error or warning, and the errors it keeps are the original\'s', async () => {
    // Titles, names and 目录 entries misread (部门 as 部让/部由, 城乡 as 城多, 一般公共 as 必会共) gave
    // table-of-contents and name findings the original does not have; they are "possibly misread" notes now.
    const file = join(import.meta.dirname, '..', 'fixtures', 'pdf', '000-word-cms-portrait.pdf');
    const text = await cliJson(file);
    const scanned = join(dir, '000-scan-150.pdf');
    writeFileSync(scanned, scanPdf(file, 150));
    const read = await cliJson(scanned);
    expect(read.warnings.map((w) => w.code)).toContain('ocr');
    const serious = (r: typeof text) => r.findings.filter((f) => f.severity !== 'info');
    // The same finding, misread or not: same rule and figures, and quotes a few characters apart at most.
    const quotes = (m: string) => [...m.normalize('NFKC').matchAll(/[“"]([^”"]+)[”"]/g)].map((q) => q[1]!.replace(/\s+/g, ''));
    const same = (a: (typeof text)['findings'][number], b: (typeof text)['findings'][number]) => {
      if (errorKey(a) !== errorKey(b)) return false;
      const qa = quotes(a.message);
      const qb = quotes(b.message);
      return qa.length === qb.length && qa.every((q, i) => editDistance(q, qb[i]!, 3) <= 3);
    };
    // No error or warning the original does not have.
    expect(serious(read).filter((f) => !serious(text).some((o) => same(f, o))).map((f) => `${f.severity} ${f.rule} ${f.message}`)).toEqual([]);
    // Every error of the original is an error or a "possibly misread" note — except the two that live in the
    // project tables, whose multi-row headers OCR does not read well enough to name their columns (the
    // rules then abstain): the cost in 元 (R29) and the project named two ways (R30a).
    const kept = read.findings.filter((f) => f.severity === 'error' || /^可能是识别错误/.test(f.message)).map((f) => ({ ...f, message: f.message.replace(/^可能是识别错误（OCR，请对照原图核实）：/, '') }));
    const lost = text.findings.filter((f) => f.severity === 'error' && !kept.some((k) => same(k, f)));
    expect(lost.map((f) => f.rule).sort()).toEqual(['R29', 'R30a']);
  }, 300_000);

  it('a table pasted as a picture on a page with text is read with --ocr=on', async () => {
    // The table region of page 1 as a 200 dpi JPEG, on a page that keeps the title and the unit as text.
    const file = join(dir, 'mixed.pdf');
    writeFileSync(file, tableAsPicture(original, brokenBudget()));
    const r01 = (r: Awaited<ReturnType<typeof cliJson>>) => r.findings.filter((f) => f.rule === 'R01' && f.severity !== 'warning').map(errorKey);
    // By default only image-only pages are read: the pasted table goes unread, and the reader is told so.
    const auto = await cliJson(file);
    expect(r01(auto)).toEqual([]);
    expect(auto.warnings.map((w) => w.code)).toContain('pictures');
    expect(auto.findings.filter((f) => f.rule === 'X01').map((f) => f.severity)).toEqual(['info']);
    const on = await cliJson(file, '--ocr');
    expect(on.warnings.map((w) => w.code)).toContain('ocr');
    expect(on.warnings.map((w) => w.code)).not.toContain('pictures');
    expect(r01(on)).toEqual(r01(await cliJson(original)));
  }, 180_000);
});
