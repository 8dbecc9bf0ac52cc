import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractPdf, PdfInputError, type PartialPdf, type PdfProgress } from '../extract/pdf/extract-pdf';
import { checkPdfStreams } from '../extract/pdf/stream-guard';
import { nodeInflateCapped } from './inflate-node';
import { nodeCanvas } from './canvas-node';
import type { PdfjsModule } from '../extract/pdf/pdfjs-api';
import type { ExtractedDoc } from '../extract/types';
import type { PdfOcrOptions } from '../extract/ocr/page';

let cached: { pdfjs: PdfjsModule; dir: string } | undefined;

/** pdf.js for Node: the legacy build, with the bundled cMaps and standard fonts read from disk. */
export async function nodePdfjs(): Promise<{ pdfjs: PdfjsModule; dir: string }> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('pdfjs-dist/package.json'));
  // The legacy build carries core-js, which on Node 20 replaces the native Array.prototype.push with a
  // generic JavaScript one (for an edge case of non-writable lengths no code here meets). Every push in
  // the process then pays for it: about a fifth of a PDF's reading time. Load the worker in-process
  // too (pdf.js uses globalThis.pdfjsWorker when present), then put the native array methods back.
  const natives = Object.getOwnPropertyDescriptors(Array.prototype);
  const pdfjs = (await import(pathToFileURL(join(dir, 'legacy/build/pdf.mjs')).href)) as unknown as PdfjsModule;
  const worker = (await import(pathToFileURL(join(dir, 'legacy/build/pdf.worker.mjs')).href)) as unknown;
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  for (const [name, d] of Object.entries(natives)) {
    const now = Object.getOwnPropertyDescriptor(Array.prototype, name);
    if (now && 'value' in d && now.value !== d.value) Object.defineProperty(Array.prototype, name, d);
  }
  cached = { pdfjs, dir };
  return cached;
}

function documentOptions(dir: string): Record<string, unknown> {
  return { cMapUrl: join(dir, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(dir, 'standard_fonts') + '/', wasmUrl: join(dir, 'wasm') + '/' };
}

interface PdfReadOptions {
  onProgress?: (p: PdfProgress) => void;
  signal?: AbortSignal;
  password?: string;
  /** Read pictures of text by OCR (see lib/cli/ocr-node.ts); the caller terminates the engine. */
  ocr?: PdfOcrOptions;
  /** The pages read so far, each time they grow (see PartialPdf). */
  onPartial?: (p: PartialPdf) => void;
}

/**
 * Read a PDF in this thread. (Reading a long PDF's pages on several threads was tried and dropped: each
 * thread parses the same embedded CJK fonts, which is most of the work, so two cores were slower than one —
 * 2.9 s against 2.0 s on the 25-page corpus file. Batch mode uses the cores across files instead.)
 */
export async function extractPdfBytes(bytes: Uint8Array, source: string, opts: PdfReadOptions | ((p: PdfProgress) => void) = {}): Promise<ExtractedDoc> {
  const o = typeof opts === 'function' ? { onProgress: opts } : opts;
  // Compressed streams that inflate past the limits are refused before pdf.js tries (and takes gigabytes).
  const tooLarge = await checkPdfStreams(bytes, nodeInflateCapped);
  if (tooLarge) throw new PdfInputError(`too large to read: ${tooLarge}`, 'unreadable');
  const { pdfjs, dir } = await nodePdfjs();
  return extractPdf(pdfjs, bytes, {
    source,
    documentOptions: documentOptions(dir),
    pictureCanvas: nodeCanvas,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.password !== undefined ? { password: o.password } : {}),
    ...(o.ocr ? { ocr: o.ocr } : {}),
    ...(o.onPartial ? { onPartial: o.onPartial } : {}),
  });
}
