import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractPdf, type PdfProgress } from '../extract/pdf/extract-pdf';
import type { PdfjsModule } from '../extract/pdf/pdfjs-api';
import type { ExtractedDoc } from '../extract/types';

let cached: { pdfjs: PdfjsModule; dir: string } | undefined;

/** pdf.js for Node: the legacy build, with the bundled cMaps and standard fonts read from disk. */
export async function nodePdfjs(): Promise<{ pdfjs: PdfjsModule; dir: string }> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('pdfjs-dist/package.json'));
  const pdfjs = (await import(pathToFileURL(join(dir, 'legacy/build/pdf.mjs')).href)) as unknown as PdfjsModule;
  cached = { pdfjs, dir };
  return cached;
}

export async function extractPdfBytes(bytes: Uint8Array, source: string, onProgress?: (p: PdfProgress) => void): Promise<ExtractedDoc> {
  const { pdfjs, dir } = await nodePdfjs();
  return extractPdf(pdfjs, bytes, {
    source,
    documentOptions: {
      cMapUrl: join(dir, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(dir, 'standard_fonts') + '/',
      wasmUrl: join(dir, 'wasm') + '/',
    },
    ...(onProgress ? { onProgress } : {}),
  });
}
