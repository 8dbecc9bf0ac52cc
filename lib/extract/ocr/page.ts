import type { PageContent, Segment } from '../pdf/ops';
import type { PdfjsPage } from '../pdf/pdfjs-api';
import type { OcrEngine } from './engine';
import { ocrGlyphs } from './glyphs';
import { inkShare } from './image';
import { renderGray, type MakeCanvas, type PageRegion } from './render';
import { findImageRulings } from './rulings';

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

/** A picture big enough to hold a table or a paragraph, with (almost) no text of the page over it. */
function textlessPictures(content: PageContent): PageRegion[] {
  const pageArea = content.width * content.height;
  return (content.images ?? []).filter((im) => {
    const w = im.x1 - im.x0;
    const h = im.y1 - im.y0;
    if (w < 72 || h < 24 || w * h < pageArea * 0.03) return false;
    const over = content.glyphs.filter((g) => (g.x0 + g.x1) / 2 > im.x0 && (g.x0 + g.x1) / 2 < im.x1 && (g.top + g.bottom) / 2 > im.y0 && (g.top + g.bottom) / 2 < im.y1);
    return over.length < 3;
  });
}

/** Does this page need OCR under the mode? Whole page, some regions, or nothing. */
export function ocrTargets(content: PageContent, mode: PdfOcrOptions['mode']): { whole: boolean; regions: PageRegion[] } {
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
    const words = await opts.engine.recognize(img);
    const at = { scale, offsetX: r.x0, offsetY: r.y0 };
    const read = ocrGlyphs(words, at);
    glyphs.push(...read);
    const wordBoxes = words.map((w) => [at.offsetX + w.box[0] / scale - 1, at.offsetY + w.box[1] / scale - 1, at.offsetX + w.box[2] / scale + 1, at.offsetY + w.box[3] / scale + 1] as const);
    const inWord = (s: Segment) => wordBoxes.some((b) => s.x0 >= b[0] && s.x1 <= b[2] && s.y0 >= b[1] && s.y1 <= b[3]);
    // A long stroke of a large character is no table rule.
    for (const s of findImageRulings(img, { scale })) {
      const seg = { ...s, x0: s.x0 + r.x0, x1: s.x1 + r.x0, y0: s.y0 + r.y0, y1: s.y1 + r.y0 };
      if (!inWord(seg)) segments.push(seg);
    }
  }
  return { ...content, glyphs, segments };
}
