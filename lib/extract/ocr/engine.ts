import type { GrayImage } from './image';

/** One recognised character, box in image pixels, confidence 0–1. */
export interface OcrSymbol {
  text: string;
  conf: number;
  box: [number, number, number, number];
}

/** One recognised word (a run of symbols the engine kept together) and the line it sits on. */
export interface OcrWord {
  text: string;
  conf: number;
  box: [number, number, number, number];
  symbols: OcrSymbol[];
  /** The line's baseline (x0, y0, x1, y1) and box, in image pixels. */
  baseline: [number, number, number, number];
  lineBox: [number, number, number, number];
}

/**
 * What the PDF reader needs from an OCR engine. The engine runs its own workers (tesseract.js spawns
 * worker threads in Node and Web Workers in the browser), so several pages can be in flight at once.
 */
export interface OcrEngine {
  recognize(img: GrayImage): Promise<OcrWord[]>;
  /** Read a small image holding one number (one line, digits and separators only). */
  recognizeNumber?(img: GrayImage): Promise<OcrWord[]>;
  terminate(): Promise<void>;
}
