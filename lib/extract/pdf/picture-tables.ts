import type { PdfjsPage } from './pdfjs-api';
import { renderGray, type MakeCanvas, type PageRegion } from '../ocr/render';
import { findImageRulings } from '../ocr/rulings';

/** Enough to see a table's rules; a region of half a page is about 700 × 500 pixels. */
const DPI = 100;
/** A rule crosses at least this share of the picture to count as one of a table's. */
const SPAN = 0.4;
/** A table has at least this many long rules each way (a chart's frame has two, its grid lines run one way). */
const MIN_RULES = 3;

/**
 * Which pictures are tables: rendered small, a picture of a table shows long rules both ways (rows and
 * columns), a chart at most a frame and grid lines one way, a pie none. Only these are worth a reader's
 * attention as "not read" — a budget's 情况说明 often carries charts of figures its text gives.
 */
export async function tablePictures(page: PdfjsPage, regions: readonly PageRegion[], makeCanvas: MakeCanvas): Promise<PageRegion[]> {
  const scale = DPI / 72;
  const out: PageRegion[] = [];
  for (const r of regions) {
    const img = await renderGray(page, scale, makeCanvas, r);
    const rules = findImageRulings(img, { scale });
    const w = r.x1 - r.x0;
    const h = r.y1 - r.y0;
    const across = rules.filter((s) => s.horizontal && s.x1 - s.x0 >= SPAN * w).length;
    const down = rules.filter((s) => !s.horizontal && s.y1 - s.y0 >= SPAN * h).length;
    if (across >= MIN_RULES && down >= MIN_RULES) out.push(r);
  }
  return out;
}
