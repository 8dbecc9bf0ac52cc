import { createRequire } from 'node:module';
import type { MakeCanvas } from '../extract/ocr/render';

let canvasFactory: MakeCanvas | undefined;

/** pdf.js's own Node canvas (an optional dependency of pdfjs-dist, installed with it), loaded on first use. */
export const nodeCanvas: MakeCanvas = (w, h) => {
  if (!canvasFactory) {
    const require = createRequire(import.meta.url);
    canvasFactory = (require('@napi-rs/canvas') as { createCanvas: MakeCanvas }).createCanvas;
  }
  return canvasFactory(w, h);
};
