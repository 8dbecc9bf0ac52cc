import { note } from '../terms';
import { defineRule, type Finding } from '../types';

/**
 * Runs on every document, budget or not: a scan without text cannot be checked at all, and a reader
 * must hear that rather than "no problems found".
 */
export default defineRule({
  id: 'X01',
  relation: '—',
  title: { zh: '文件可以读取（有文字层）', en: 'The document can be read (it has a text layer)' },
  problem: { zh: '文件无法读取（没有文字层）', en: 'The file cannot be read (no text layer)' },
  explain: {
    zh: '检查只能读取文件里的文字。扫描件（整页图片）里没有文字层，表格和数字都无法核对；需要先用 OCR 识别成文字，或找原始的电子版。部分页面是图片时，这些页上的表格也没有核对。',
    en: 'Only text can be checked. A scan (pages that are pictures) has no text layer, so nothing in it can be verified; run OCR first or find the original digital file. Pages that are pictures in an otherwise digital file are skipped.',
  },
  example: { zh: '例：上传的是盖章后扫描的 PDF，25 页全是图片。', en: 'E.g. a stamped and scanned PDF: all 25 pages are images.' },
  severity: 'error',
  scope: 'document',
  group: 'completeness',
  appliesTo: ['budget', 'final-accounts', 'performance-targets', 'other'],
  always: true,
  check(doc) {
    const out: Finding[] = [];
    for (const w of doc.warnings) {
      const page = w.page !== undefined ? { page: w.page } : {};
      if (w.code === 'no-text-layer' && !/\(a scan\)/.test(w.message)) {
        // No text and no page images either: not a scan, so do not advise OCR (issue 9).
        out.push(note('X01', 'error', `文件中没有可读取的文字，未做任何核对（不是扫描件：页面既无文字也无图片，内容可能已损坏）：${w.message}`, `No readable text, nothing was checked (not a scan: the pages have neither text nor images; the content may be damaged): ${w.message}`, [], [], page));
      } else if (w.code === 'no-text-layer') {
        out.push(note('X01', 'error', '文件没有文字层：各页都是图片（扫描件），无法读取表格和数字，未做任何核对。请先做 OCR 文字识别，或找原始电子版。', 'The file has no text layer: its pages are images (a scan), so no table or figure could be read or checked. Run OCR first, or find the original digital file.', [], [], page));
      } else if (w.code === 'partial-text') {
        out.push(note('X01', 'warning', `部分页面无法读取文字，这些页未核对：${w.message}`, `Some pages could not be read and were not checked: ${w.message}`, [], [], page));
      } else if (w.code === 'pictures') {
        // Not an error of the document: a table pasted as a picture is legitimate, only unread.
        out.push(note('X01', 'info', `部分页面上有图片（可能是以图片形式粘贴的表格或文字），其内容未读取、未核对；可用 OCR 识别（命令行 --ocr=on，或查看器中的按钮）：${w.message}`, `Some pages hold pictures (possibly tables or text pasted as images) that were not read or checked; OCR can read them (--ocr=on, or the viewer's button): ${w.message}`, [], [], page));
      } else if (w.code === 'truncated') {
        out.push(note('X01', 'info', `分析提前停止，只核对了已读取的页面：${w.message}`, `Analysis stopped early; only the pages read were checked: ${w.message}`, [], [], page));
      }
    }
    return out;
  },
});
