import type { PageBlocks } from '../pdf/layout';
import type { PlacedGlyph } from '../pdf/ops';
import type { Grid, OcrReading, PdfAnchor } from '../types';

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

/** The reading of the glyphs inside a box: lowest confidence, and the numbers with a doubtful character. */
function reading(glyphs: PlacedGlyph[], minConf: number): OcrReading {
  const gs = glyphs.slice().sort((a, b) => (Math.abs(a.base - b.base) > Math.min(a.size, b.size) * 0.4 ? a.base - b.base : a.x0 - b.x0));
  let text = '';
  const conf: number[] = [];
  for (const g of gs) {
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
  return { confidence: conf.length ? Math.min(...conf) : 1, uncertain };
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
  const mark = (a: PdfAnchor) => {
    const inBox = read.filter((g) => inside(g, a.box));
    if (inBox.length) a.ocr = reading(inBox, minConf);
  };
  for (const b of pb.blocks) {
    if (b.anchor.kind === 'pdf') mark(b.anchor);
    if (b.type !== 'table') continue;
    for (const c of b.grid.cells) if (c.anchor.kind === 'pdf') mark(c.anchor);
    markLostPoints(b.grid);
  }
}
