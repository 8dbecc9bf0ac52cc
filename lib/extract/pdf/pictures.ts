import type { PageRegion } from '../ocr/render';
import type { PageContent } from './ops';

/**
 * Pictures on a page that has text, big enough to hold a table or a paragraph, with (almost) no text of the
 * page over them: a table pasted as an image. Logos, seals and rules are smaller than a twentieth of the
 * page or too thin; a picture under the page's own text (a background, a watermark) has text over it.
 */
export function textlessPictures(content: PageContent): PageRegion[] {
  const pageArea = content.width * content.height;
  return (content.images ?? []).filter((im) => {
    const w = im.x1 - im.x0;
    const h = im.y1 - im.y0;
    if (w < 72 || h < 24 || w * h < pageArea * 0.03) return false;
    const over = content.glyphs.filter((g) => (g.x0 + g.x1) / 2 > im.x0 && (g.x0 + g.x1) / 2 < im.x1 && (g.top + g.bottom) / 2 > im.y0 && (g.top + g.bottom) / 2 < im.y1);
    return over.length < 3;
  });
}
