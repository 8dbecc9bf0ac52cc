import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { OcrEngine } from '../extract/ocr/engine';
import type { OcrMode, PdfOcrOptions } from '../extract/ocr/page';
import { nodeCanvas } from './canvas-node';
import { tesseractEngine, type TesseractModule } from '../extract/ocr/tesseract';

/**
 * Where Debian's tesseract-ocr-chi-sim puts the simplified-Chinese model (/usr/share/tesseract-ocr/<ver>/tessdata),
 * or $TESSDATA_PREFIX. scripts/ensure-system.sh installs the package.
 */
export function findTessdata(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs: string[] = [];
  if (env['TESSDATA_PREFIX']) dirs.push(env['TESSDATA_PREFIX'], join(env['TESSDATA_PREFIX'], 'tessdata'));
  const root = '/usr/share/tesseract-ocr';
  if (existsSync(root)) for (const v of readdirSync(root).sort().reverse()) dirs.push(join(root, v, 'tessdata'));
  dirs.push('/usr/share/tessdata');
  return dirs.find((d) => existsSync(join(d, 'chi_sim.traineddata')));
}

export class OcrUnavailable extends Error {}

/**
 * OCR for the CLI: tesseract.js with the Debian model, `workers` pages at once (batch mode gives each of its
 * worker threads one, so the cores are shared across files). Throws OcrUnavailable when the model is missing.
 */
export async function nodeOcr(mode: Exclude<OcrMode, 'off'>, opts: { workers?: number; dpi?: number; psm?: string; lang?: string } = {}): Promise<PdfOcrOptions & { engine: OcrEngine }> {
  const langPath = findTessdata();
  if (!langPath) throw new OcrUnavailable('OCR needs the simplified-Chinese model: apt-get install tesseract-ocr-chi-sim (scripts/ensure-system.sh installs it)');
  const workers = opts.workers ?? Math.max(1, Math.min(availableParallelism(), 4));
  // tesseract.js is loaded, and its workers started, only when a page actually needs OCR.
  let real: Promise<OcrEngine> | undefined;
  const load = () =>
    (real ??= import('tesseract.js').then((m) => {
      const t = m as unknown as TesseractModule & { default?: TesseractModule };
      return tesseractEngine({ tesseract: t.default ?? t, langPath, workers, ...(opts.psm ? { psm: opts.psm } : {}), ...(opts.lang ? { lang: opts.lang } : {}) });
    }));
  const engine: OcrEngine = {
    recognize: async (img) => (await load()).recognize(img),
    recognizeNumber: async (img) => {
      const e = await load();
      return e.recognizeNumber ? e.recognizeNumber(img) : [];
    },
    terminate: async () => {
      if (real) await (await real).terminate();
    },
  };
  return { mode, engine, makeCanvas: nodeCanvas, ...(opts.dpi ? { dpi: opts.dpi } : {}) };
}
