/**
 * OCR in the viewer (issue 12): tesseract.js in a Web Worker with the Chinese model, every file served from
 * the extension itself (wxt.config.ts copies them; nothing is fetched from the network). This module, the
 * engine and the model are loaded only when the reader asks to read scanned pages.
 */
import { browser } from 'wxt/browser';
import type { PdfOcrOptions } from '../../lib/extract/ocr/page';
import type { TesseractModule } from '../../lib/extract/ocr/tesseract';

export async function viewerOcr(): Promise<PdfOcrOptions> {
  const url = browser.runtime.getURL as (p: string) => string;
  const [{ tesseractEngine }, mod] = await Promise.all([import('../../lib/extract/ocr/tesseract'), import('tesseract.js/dist/tesseract.esm.min.js')]);
  const tesseract = ((mod as { default?: TesseractModule }).default ?? mod) as TesseractModule;
  const engine = tesseractEngine({
    tesseract,
    langPath: url('/ocr/lang'),
    workers: Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 2)),
    workerOptions: { workerPath: url('/ocr/worker.min.js'), corePath: url('/ocr/core/tesseract-core-simd-lstm.wasm.js'), workerBlobURL: false },
  });
  return { mode: 'auto', engine, makeCanvas: (w, h) => new OffscreenCanvas(w, h) as unknown as ReturnType<PdfOcrOptions['makeCanvas']> };
}
