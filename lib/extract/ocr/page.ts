import type { PageContent, Segment } from '../pdf/ops';
import { textlessPictures } from '../pdf/pictures';
import type { PdfjsPage } from '../pdf/pdfjs-api';
import type { OcrEngine } from './engine';
import { ocrGlyphs } from './glyphs';
import { crop, inkShare, type GrayImage } from './image';
import { MIN_CONFIDENCE } from './confidence';
import type { OcrWord } from './engine';
import { renderGray, type MakeCanvas, type PageRegion } from './render';
import { eraseRulings, findImageRulings } from './rulings';

export type OcrMode = 'off' | 'auto' | 'on';

export interface PdfOcrOptions {
  /**
   * 'auto': pages without a text layer that are covered by images (scans) are read by OCR.
   * 'on': also pictures on pages that have text (a table pasted as an image).
   */
  mode: Exclude<OcrMode, 'off'>;
  engine: OcrEngine;
  makeCanvas: MakeCanvas;
  /** Rendering resolution for OCR, dots per inch (default 300: tesseract reads small print best there). */
  dpi?: number;
  /** Lowest character confidence still trusted (default MIN_CONFIDENCE). */
  minConfidence?: number;
}

/** Does this page need OCR under the mode? Whole page, some regions, or nothing. */
function ocrTargets(content: PageContent, mode: PdfOcrOptions['mode']): { whole: boolean; regions: PageRegion[] } {
  if (content.glyphs.length === 0 && content.imageCover > 0.3) return { whole: true, regions: [] };
  if (mode === 'on' && content.glyphs.length > 0) return { whole: false, regions: textlessPictures(content) };
  return { whole: false, regions: [] };
}

/**
 * Read a page's pictures of text by OCR into the page content the layout consumes: the recognised
 * characters as glyphs (with their confidence) and the table rules seen in the image as segments. Returns
 * undefined when nothing on the page calls for OCR.
 */
export async function ocrPageContent(page: PdfjsPage, content: PageContent, opts: PdfOcrOptions): Promise<PageContent | undefined> {
  const { whole, regions } = ocrTargets(content, opts.mode);
  if (!whole && !regions.length) return undefined;
  const scale = (opts.dpi ?? 300) / 72;
  const targets: PageRegion[] = whole ? [{ x0: 0, y0: 0, x1: content.width, y1: content.height }] : regions;
  const glyphs = [...content.glyphs];
  const segments = [...content.segments];
  for (const r of targets) {
    const img = await renderGray(page, scale, opts.makeCanvas, whole ? undefined : r);
    if (inkShare(img) < 0.001) continue;
    // Rules are found first and painted out, so the model reads the text alone.
    const rules = findImageRulings(img, { scale });
    eraseRulings(img, rules, scale);
    const words = await rereadNumbers(await opts.engine.recognize(img), img, opts.engine, opts.minConfidence ?? MIN_CONFIDENCE);
    const at = { scale, offsetX: r.x0, offsetY: r.y0 };
    glyphs.push(...ocrGlyphs(words, at));
    const wordBoxes = words.map((w) => [at.offsetX + w.box[0] / scale - 1, at.offsetY + w.box[1] / scale - 1, at.offsetX + w.box[2] / scale + 1, at.offsetY + w.box[3] / scale + 1] as const);
    const inWord = (s: Segment) => wordBoxes.some((b) => s.x0 >= b[0] && s.x1 <= b[2] && s.y0 >= b[1] && s.y1 <= b[3]);
    for (const s of rules) {
      const seg = { ...s, x0: s.x0 + r.x0, x1: s.x1 + r.x0, y0: s.y0 + r.y0, y1: s.y1 + r.y0 };
      // A long stroke of a large character is no table rule.
      if (!inWord(seg)) segments.push(seg);
    }
  }
  return { ...content, glyphs, segments };
}

const NUMBERISH = /^[-+(（]?[\d,.，．OolI|]*\d[\d,.，．OolI|]*[)）%]?$|^[,.，．]$/;

const weakest = (ws: OcrWord[]) => Math.min(...ws.flatMap((w) => [w.conf, ...w.symbols.map((s) => s.conf)]));
const symbolFloor = (w: OcrWord) => (w.symbols.length ? Math.min(...w.symbols.map((s) => s.conf)) : w.conf);

/** Neighbouring number fragments on one line ("1," "990." "50") are one printed number. */
function numberRuns(words: OcrWord[]): OcrWord[][] {
  const runs: OcrWord[][] = [];
  for (const w of words) {
    const numeric = NUMBERISH.test(w.text.normalize('NFKC'));
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    const h = w.box[3] - w.box[1];
    if (numeric && prev && NUMBERISH.test(prev.text.normalize('NFKC')) && prev.lineBox.join() === w.lineBox.join() && w.box[0] - prev.box[2] < Math.max(h, prev.box[3] - prev.box[1]) * 0.6) last!.push(w);
    else runs.push([w]);
  }
  return runs;
}

/** The digits and separators of a reading, without thousands separators: what two readings must agree on. */
const figure = (s: string) => s.normalize('NFKC').replace(/[,，\s]/g, '').replace(/．/g, '.');

/** Confidence given to a number whose two readings disagree: below any threshold, so it is reported as uncertain. */
const DISAGREE = 0.3;

/**
 * Every amount (a number with a decimal point or separators) and every number the page pass read with low
 * confidence is read a second time on its own, as one line of digits and separators: the page model weighs
 * Chinese context a bare amount does not have, splits amounts into fragments, and sometimes swaps two
 * digits with high confidence ("68.60" for 68.06). An amount counts as read only when both readings agree;
 * when they differ, the surer one is kept and marked doubtful.
 */
async function rereadNumbers(words: OcrWord[], img: GrayImage, engine: PdfOcrOptions['engine'], minConf: number): Promise<OcrWord[]> {
  if (!engine.recognizeNumber) return words;
  const out: OcrWord[] = [];
  for (const run of numberRuns(words)) {
    const joined = run.map((w) => w.text).join('');
    const isNumber = run.some((w) => /\d/.test(w.text)) && NUMBERISH.test(joined.normalize('NFKC'));
    const amount = /\d[.,，．]\d/.test(joined.normalize('NFKC'));
    if (!isNumber || (!amount && weakest(run) >= minConf)) {
      out.push(...run);
      continue;
    }
    const bx0 = Math.min(...run.map((w) => w.box[0]));
    const by0 = Math.min(...run.map((w) => w.box[1]));
    const bx1 = Math.max(...run.map((w) => w.box[2]));
    const by1 = Math.max(...run.map((w) => w.box[3]));
    const pad = Math.max(4, Math.round((by1 - by0) * 0.5));
    const x0 = Math.max(0, bx0 - pad);
    const y0 = Math.max(0, by0 - pad);
    const again = (await engine.recognizeNumber(crop(img, x0, y0, bx1 + pad, by1 + pad))).filter((r) => r.text.trim());
    const second = again.length === 1 && /\d/.test(again[0]!.text) ? again[0]! : undefined;
    const agree = !!second && figure(second.text) === figure(joined.replace(/[OoD]/g, '0').replace(/[lI|]/g, '1'));
    if (agree || !second) {
      // Agreement confirms the first reading; no second reading leaves it as it was.
      if (agree) for (const w of run) for (const s of w.symbols) s.conf = Math.max(s.conf, minConf);
      if (agree) for (const w of run) w.conf = Math.max(w.conf, minConf);
      if (!second && amount) for (const w of run) for (const s of w.symbols) s.conf = Math.min(s.conf, DISAGREE);
      out.push(...run);
      continue;
    }
    const shift = (b: [number, number, number, number]): [number, number, number, number] => [b[0] + x0, b[1] + y0, b[2] + x0, b[3] + y0];
    const secondSurer = symbolFloor(second) > weakest(run);
    if (secondSurer) out.push({ ...run[0]!, text: second.text, conf: DISAGREE, box: shift(second.box), symbols: second.symbols.map((s) => ({ ...s, conf: Math.min(s.conf, DISAGREE), box: shift(s.box) })) });
    else out.push(...run.map((w) => ({ ...w, conf: Math.min(w.conf, DISAGREE), symbols: w.symbols.map((s) => ({ ...s, conf: Math.min(s.conf, DISAGREE) })) })));
  }
  return out;
}
