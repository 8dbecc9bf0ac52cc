import type { PlacedGlyph } from '../pdf/ops';
import type { OcrSymbol, OcrWord } from './engine';

/** Where the image sits on the page: page point = offset + pixel / scale. */
export interface Placement {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** Letters the model reads for digits inside a number ("1O7.00"): read as digits, and marked doubtful. */
const DIGIT_LOOKALIKE: Record<string, string> = { O: '0', o: '0', D: '0', l: '1', I: '1', '|': '1', i: '1', S: '5', s: '5', B: '8', Z: '2', z: '2' };
const DOUBT = 0.3;

/**
 * Repair what OCR predictably gets wrong in a number, symbol by symbol, lowering the confidence of every
 * symbol it had to change: full-width forms, letters that look like digits, and thousands separators read
 * as decimal points ("1.511.89" is 1,511.89 — two points cannot both be decimal).
 */
export function repairNumber(symbols: OcrSymbol[]): OcrSymbol[] {
  const out = symbols.map((s) => ({ ...s, text: s.text.normalize('NFKC') }));
  const text = out.map((s) => s.text).join('');
  const digits = (text.match(/\d/g) ?? []).length;
  if (digits < 2) return out;
  const numberish = /^[-+(（]?[\dOoDlI|iSsBZz,.，．]+[)）%]?$/.test(text);
  if (!numberish) return out;
  for (const s of out) {
    const d = DIGIT_LOOKALIKE[s.text];
    if (d) {
      s.text = d;
      s.conf = Math.min(s.conf, DOUBT);
    }
    if (s.text === '，') s.text = ',';
    if (s.text === '．') s.text = '.';
  }
  const points = out.filter((s) => s.text === '.');
  const fixed = out.map((s) => s.text).join('');
  if (points.length >= 2 && /^[-+(（]?\d{1,3}(\.\d{3})+\.\d{1,2}[)）%]?$/.test(fixed)) {
    for (const s of points.slice(0, -1)) s.text = ',';
  }
  return out;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * OCR words as the glyphs the PDF reader's layout consumes: one glyph a character, in page points. The
 * symbols of a word are made to touch (a word never splits at the layout's gap test), the gaps between words
 * are kept as printed (they separate the columns of unruled tables), and each line's glyphs share one
 * baseline and one size, as a line of PDF text does.
 */
export function ocrGlyphs(words: OcrWord[], at: Placement): PlacedGlyph[] {
  const byLine = new Map<string, OcrWord[]>();
  for (const w of words) {
    const k = w.lineBox.join(',');
    const l = byLine.get(k);
    if (l) l.push(w);
    else byLine.set(k, [w]);
  }
  const out: PlacedGlyph[] = [];
  const px = (x: number) => at.offsetX + x / at.scale;
  const py = (y: number) => at.offsetY + y / at.scale;
  for (const line of byLine.values()) {
    // The em size: CJK characters fill it; digits are about 0.7 of it.
    const cjkH = line.flatMap((w) => w.symbols.filter((s) => CJK.test(s.text)).map((s) => Math.max(s.box[2] - s.box[0], s.box[3] - s.box[1])));
    const otherH = line.flatMap((w) => w.symbols.filter((s) => /\d/.test(s.text)).map((s) => (s.box[3] - s.box[1]) / 0.72));
    const lineH = line[0]!.lineBox[3] - line[0]!.lineBox[1];
    const em = (cjkH.length ? median(cjkH) : otherH.length ? median(otherH) : lineH) || lineH;
    const size = em / at.scale;
    const [bx0, by0, bx1, by1] = line[0]!.baseline;
    const baseAt = (x: number) => (bx1 === bx0 ? by0 : by0 + ((by1 - by0) * (x - bx0)) / (bx1 - bx0));
    for (const w of line.sort((a, b) => a.box[0] - b.box[0])) {
      const syms = repairNumber(w.symbols.length ? w.symbols : [{ text: w.text, conf: w.conf, box: w.box }]);
      // A symbol holding several characters (rare) is split evenly across its box.
      const chars: OcrSymbol[] = syms.flatMap((s) => {
        const cs = [...s.text];
        if (cs.length <= 1) return [s];
        const step = (s.box[2] - s.box[0]) / cs.length;
        return cs.map((c, i) => ({ text: c, conf: s.conf, box: [s.box[0] + i * step, s.box[1], s.box[0] + (i + 1) * step, s.box[3]] as OcrSymbol['box'] }));
      });
      // The model's character boxes are approximate and can overlap or even cross ("68.06" with the 0's
      // box right of the 6's): the layout orders glyphs by x, so within a word they are kept in reading
      // order, each starting after the one before and ending where the next starts.
      const starts: number[] = [];
      chars.forEach((s, i) => (starts[i] = i === 0 ? s.box[0] : Math.max(s.box[0], starts[i - 1]! + 0.5)));
      // A character is only as sure as the word it belongs to: a point the model dropped lowers the word's
      // confidence, not the digits'; a Chinese character the model misread (门 as 让, 乡 as 多) still gets a
      // high symbol confidence (0.83–0.97 measured) but a low word confidence (0–0.8).
      chars.forEach((s, i) => {
        const x0 = starts[i]!;
        const x1 = i + 1 < chars.length ? starts[i + 1]! : Math.max(s.box[2], x0 + 0.5);
        const cx = (x0 + x1) / 2;
        out.push({ ch: s.text, x0: px(x0), x1: px(x1), top: py(s.box[1]), bottom: py(s.box[3]), base: py(baseAt(cx)), size, space: false, conf: /[\d.,\p{L}]/u.test(s.text) ? Math.min(s.conf, w.conf) : s.conf });
      });
    }
  }
  return out;
}
