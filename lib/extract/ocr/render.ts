import type { PdfjsPage } from '../pdf/pdfjs-api';
import { grayFromRgba, type GrayImage } from './image';

/** A 2D canvas: an OffscreenCanvas in the extension, @napi-rs/canvas in Node. */
interface CanvasLike {
  getContext(kind: '2d'): {
    fillStyle: unknown;
    fillRect(x: number, y: number, w: number, h: number): void;
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray | Uint8Array };
  } | null;
}

export type MakeCanvas = (width: number, height: number) => CanvasLike;

/** A rectangle of the page in points (viewport space, top-left origin). */
export interface PageRegion {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Render a page (or a region of it) at `scale` pixels a point, on white, to grey pixels. */
export async function renderGray(page: PdfjsPage, scale: number, makeCanvas: MakeCanvas, region?: PageRegion): Promise<GrayImage> {
  const full = page.getViewport({ scale: 1 });
  const r = region ?? { x0: 0, y0: 0, x1: full.width, y1: full.height };
  const width = Math.max(1, Math.round((r.x1 - r.x0) * scale));
  const height = Math.max(1, Math.round((r.y1 - r.y0) * scale));
  const viewport = page.getViewport({ scale, offsetX: -r.x0 * scale, offsetY: -r.y0 * scale });
  const canvas = makeCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas for OCR rendering');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  if (!page.render) throw new Error('this pdf.js build cannot render pages');
  await page.render({ canvas, canvasContext: ctx, viewport, background: '#ffffff' }).promise;
  const { data } = ctx.getImageData(0, 0, width, height);
  return grayFromRgba(data, width, height);
}
