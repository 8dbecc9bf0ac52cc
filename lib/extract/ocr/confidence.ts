import type { PageBlocks } from '../pdf/layout';
import type { PlacedGlyph } from '../pdf/ops';
import type { Grid, OcrReading, OcrTextRun, PdfAnchor } from '../types';

/**
 * Below this a character is not trusted. tesseract's LSTM gives well-read digits 0.9 and more on these
 * pages; the misreads measured (a dropped decimal point, a comma read as a point) came at 0.14–0.87.
 */
export const MIN_CONFIDENCE = 0.9;

const NUMBER = /[-+(（]?\d[\d,，.．]*%?/g;

function inside(g: PlacedGlyph, b: [number, number, number, number]): boolean {
  const cx = (g.x0 + g.x1) / 2;
  const cy = (g.top + g.bottom) / 2;
  return cx >= b[0] - 0.5 && cx <= b[2] + 0.5 && cy >= b[1] - 0.5 && cy <= b[3] + 0.5;
}

/**
 * Below this a word of text (a label, a title, a name) is not trusted. The misreads measured on 000 scanned
 * at 150 and 300 dpi (门 read as 让/由/内/启, 乡 as 多, 一般 as 必会, 率 as 宰) came with word confidences of
 * 0–0.80, one at 0.88; a fifth of the correctly read Chinese words score below it too, so it flags more
 * than it should, which is the safe side: a finding resting on such a word becomes a note, not an error.
 */
const MIN_TEXT_CONFIDENCE = 0.85;

const LETTER = /\p{L}/u;

/** Glyphs in reading order: by line (baseline), then left to right. */
function inReadingOrder(glyphs: PlacedGlyph[]): PlacedGlyph[] {
  return glyphs.slice().sort((a, b) => (Math.abs(a.base - b.base) > Math.min(a.size, b.size) * 0.4 ? a.base - b.base : a.x0 - b.x0));
}

/** The reading of the glyphs inside a box: lowest confidence, the numbers and the words with a doubtful character. */
function reading(glyphs: PlacedGlyph[], minConf: number): OcrReading {
  let text = '';
  const conf: number[] = [];
  for (const g of inReadingOrder(glyphs)) {
    for (const ch of g.ch) {
      text += ch;
      conf.push(g.conf ?? 1);
    }
  }
  const uncertain: string[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index ?? 0;
    if (conf.slice(at, at + m[0].length).some((c) => c < minConf)) uncertain.push(m[0]);
  }
  // Runs of letters (Chinese characters) read with low confidence, as read.
  const doubtfulText: string[] = [];
  let run = '';
  [...text].forEach((ch, i) => {
    if (LETTER.test(ch) && conf[i]! < MIN_TEXT_CONFIDENCE) run += ch;
    else if (run) {
      doubtfulText.push(run);
      run = '';
    }
  });
  if (run) doubtfulText.push(run);
  return { confidence: conf.length ? Math.min(...conf) : 1, uncertain, ...(doubtfulText.length ? { doubtfulText } : {}) };
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The text inside a box as the viewer's text layer lays it out: one run per line, split where the print
 * leaves a gap of a character or more (the columns of an unruled table, words set apart), each with the box
 * of its own glyphs, so find and selection land on the words rather than on the whole cell. The run's top
 * and bottom are its glyphs' medians: one character the model boxed too tall does not stretch the line.
 */
function textRuns(glyphs: PlacedGlyph[]): OcrTextRun[] {
  const out: OcrTextRun[] = [];
  let cur: PlacedGlyph[] = [];
  const flush = () => {
    const text = cur.map((g) => g.ch).join('');
    if (text.trim()) out.push({ text, box: [cur[0]!.x0, median(cur.map((g) => g.top)), Math.max(...cur.map((g) => g.x1)), median(cur.map((g) => g.bottom))] });
    cur = [];
  };
  for (const g of inReadingOrder(glyphs)) {
    const last = cur[cur.length - 1];
    const sameLine = last && Math.abs(g.base - last.base) <= Math.min(g.size, last.size) * 0.4;
    if (last && (!sameLine || g.x0 - last.x1 >= Math.max(g.size, last.size))) flush();
    cur.push(g);
  }
  if (cur.length) flush();
  return out;
}

const DECIMALS = /^[-+(（]?[\d,]+\.\d{1,2}[)）]?$/;
const WHOLE = /^[-+(（]?\d{3,}[)）]?$/;

/**
 * An amount that lost its decimal point reads as a whole number a hundred times too large ("4323" for
 * 43.23). In a column whose other amounts all print two decimals that shape is itself a doubt.
 */
function markLostPoints(grid: Grid): void {
  for (let j = 0; j < grid.nCols; j++) {
    const col = grid.cells.filter((c) => c.col === j && c.colSpan === 1);
    const withPoint = col.filter((c) => DECIMALS.test(c.text.replace(/\s+/g, ''))).length;
    if (withPoint < 3) continue;
    for (const c of col) {
      const t = c.text.replace(/\s+/g, '');
      if (!WHOLE.test(t) || c.anchor.kind !== 'pdf' || !c.anchor.ocr) continue;
      if (!c.anchor.ocr.uncertain.includes(t)) c.anchor.ocr.uncertain.push(t);
    }
  }
}

/** Attach the OCR reading to every anchor of an OCR'd page's blocks (the cells of its tables, its paragraphs). */
export function annotateOcr(pb: PageBlocks, glyphs: PlacedGlyph[], minConf = MIN_CONFIDENCE): void {
  const read = glyphs.filter((g) => g.conf !== undefined);
  if (!read.length) return;
  // Cells and paragraphs also carry their text runs for the viewer's text layer (a whole table's do not).
  const mark = (a: PdfAnchor, withRuns: boolean) => {
    const inBox = read.filter((g) => inside(g, a.box));
    if (!inBox.length) return;
    a.ocr = reading(inBox, minConf);
    if (withRuns) a.ocr.runs = textRuns(inBox);
  };
  for (const b of pb.blocks) {
    if (b.anchor.kind === 'pdf') mark(b.anchor, b.type === 'text');
    if (b.type !== 'table') continue;
    for (const c of b.grid.cells) if (c.anchor.kind === 'pdf') mark(c.anchor, true);
    markLostPoints(b.grid);
  }
}
