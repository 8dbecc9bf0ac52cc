/** A greyscale raster (one byte a pixel, 0 black … 255 white), rows top to bottom. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** RGBA (canvas ImageData order) to grey, with transparent pixels read as the white paper under them. */
export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const a = rgba[p + 3]! / 255;
    const y = (rgba[p]! * 299 + rgba[p + 1]! * 587 + rgba[p + 2]! * 114) / 1000;
    data[i] = Math.round(y * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/**
 * The image as a binary PGM file: Leptonica (inside tesseract.js) reads it directly, so no PNG encoder is
 * needed in Node or in the extension's worker.
 */
export function toPgm(img: GrayImage): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(head.length + img.data.length);
  out.set(head, 0);
  out.set(img.data, head.length);
  return out;
}

/** A sub-rectangle (pixel coordinates, clamped to the image). */
export function crop(img: GrayImage, x0: number, y0: number, x1: number, y1: number): GrayImage {
  const ax = Math.max(0, Math.floor(x0));
  const ay = Math.max(0, Math.floor(y0));
  const bx = Math.min(img.width, Math.ceil(x1));
  const by = Math.min(img.height, Math.ceil(y1));
  const w = Math.max(0, bx - ax);
  const h = Math.max(0, by - ay);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) data.set(img.data.subarray((ay + y) * img.width + ax, (ay + y) * img.width + ax + w), y * w);
  return { width: w, height: h, data };
}

/** Share of dark pixels (a blank page or region is not worth an OCR pass). */
export function inkShare(img: GrayImage, threshold = 160): number {
  let dark = 0;
  // Every 4th pixel is plenty for a yes/no answer.
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i]! < threshold) dark++;
  return dark / Math.max(1, img.data.length / 4);
}
