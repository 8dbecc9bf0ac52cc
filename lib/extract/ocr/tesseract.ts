import type { OcrEngine, OcrSymbol, OcrWord } from './engine';
import { toPgm, type GrayImage } from './image';

/** The part of tesseract.js used here (the module is passed in: Node and the extension load it differently). */
export interface TesseractModule {
  createWorker(langs: string, oem: number, options: Record<string, unknown>): Promise<TesseractWorker>;
}

interface TesseractWorker {
  setParameters(p: Record<string, string>): Promise<unknown>;
  recognize(image: Uint8Array, options: Record<string, unknown>, output: Record<string, boolean>): Promise<{ data: TesseractPage }>;
  terminate(): Promise<unknown>;
}

type TBox = { x0: number; y0: number; x1: number; y1: number };
interface TesseractPage {
  blocks: { paragraphs: { lines: { bbox: TBox; baseline: TBox; words: { text: string; confidence: number; bbox: TBox; symbols: { text: string; confidence: number; bbox: TBox }[] }[] }[] }[] }[] | null;
}

interface TesseractSetup {
  tesseract: TesseractModule;
  /** Folder (Node) or URL holding chi_sim.traineddata, uncompressed. */
  langPath: string;
  /** Pages recognised at once, each in its own worker (default 1). */
  workers?: number;
  /** Extra createWorker options (corePath, workerPath, workerBlobURL in the extension). */
  workerOptions?: Record<string, unknown>;
  /** The model's name: `<lang>.traineddata` in langPath (default chi_sim). */
  lang?: string;
  /** Page segmentation mode (default 6, one block: the rules are painted out first, and on budget pages 6 read more amounts than 3, automatic, or 11, sparse). */
  psm?: string;
}

const LSTM_ONLY = 1;
const box = (b: TBox): [number, number, number, number] => [b.x0, b.y0, b.x1, b.y1];

/**
 * tesseract.js with Debian's simplified-Chinese LSTM model (tesseract-ocr-chi-sim). Workers start on the first
 * page that needs them and are reused; a page waits for a free worker. Nothing is fetched: the model comes
 * from `langPath` and is never cached elsewhere.
 */
export function tesseractEngine(setup: TesseractSetup): OcrEngine {
  const size = Math.max(1, setup.workers ?? 1);
  const idle: TesseractWorker[] = [];
  const waiting: ((w: TesseractWorker) => void)[] = [];
  let started = 0;
  const all: Promise<TesseractWorker>[] = [];
  const start = async (): Promise<TesseractWorker> => {
    const w = await setup.tesseract.createWorker(setup.lang ?? 'chi_sim', LSTM_ONLY, { langPath: setup.langPath, gzip: false, cacheMethod: 'none', ...setup.workerOptions });
    // Keep the gaps between words (columns of unruled tables).
    await w.setParameters({ tessedit_pageseg_mode: setup.psm ?? '6', preserve_interword_spaces: '1' });
    return w;
  };
  const acquire = (): Promise<TesseractWorker> => {
    const w = idle.pop();
    if (w) return Promise.resolve(w);
    if (started < size) {
      started++;
      const p = start();
      all.push(p);
      return p;
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (w: TesseractWorker) => {
    const next = waiting.shift();
    if (next) next(w);
    else idle.push(w);
  };
  return {
    async recognize(img: GrayImage): Promise<OcrWord[]> {
      const w = await acquire();
      try {
        const { data } = await w.recognize(toPgm(img), {}, { blocks: true, text: false });
        return flatten(data);
      } finally {
        release(w);
      }
    },
    async recognizeNumber(img: GrayImage): Promise<OcrWord[]> {
      const w = await acquire();
      try {
        await w.setParameters({ tessedit_pageseg_mode: '7', tessedit_char_whitelist: '0123456789,.-%' });
        const { data } = await w.recognize(toPgm(img), {}, { blocks: true, text: false });
        return flatten(data);
      } finally {
        await w.setParameters({ tessedit_pageseg_mode: setup.psm ?? '6', tessedit_char_whitelist: '' });
        release(w);
      }
    },
    async terminate() {
      const ws = await Promise.allSettled(all);
      await Promise.all(ws.map((r) => (r.status === 'fulfilled' ? r.value.terminate().catch(() => undefined) : undefined)));
    },
  };
}

function flatten(page: TesseractPage): OcrWord[] {
  const out: OcrWord[] = [];
  for (const b of page.blocks ?? [])
    for (const p of b.paragraphs)
      for (const l of p.lines)
        for (const w of l.words) {
          if (!w.text.trim()) continue;
          const symbols: OcrSymbol[] = w.symbols.filter((s) => s.text.trim()).map((s) => ({ text: s.text, conf: s.confidence / 100, box: box(s.bbox) }));
          out.push({ text: w.text, conf: w.confidence / 100, box: box(w.bbox), symbols, baseline: box(l.baseline), lineBox: box(l.bbox) });
        }
  return out;
}
