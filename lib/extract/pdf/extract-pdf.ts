import type { Block, ExtractedDoc, ExtractWarning, Grid, GridCell, TableBlock } from '../types';
import { layoutPage, type PageBlocks } from './layout';
import { joinLines } from './text-join';
import { readPage, type PageContent } from './ops';
import { textlessPictures } from './pictures';
import type { PdfjsDocument, PdfjsModule, PdfjsPage } from './pdfjs-api';
import type { PdfOcrOptions } from '../ocr/page';
import type { MakeCanvas } from '../ocr/render';

export interface PdfProgress {
  page: number;
  pages: number;
}

/** The pages read so far, as a document of their own (the viewer shows what they settle while the rest is read). */
export interface PartialPdf {
  /** Pages 1 … through are read. */
  through: number;
  pages: number;
  /** The pages read, assembled like a whole document (built on demand: a copy of every page read so far). */
  read(): { doc: ExtractedDoc; settledBefore: number };
}

interface PdfExtractOptions {
  source: string;
  /** Extra getDocument options: cMapUrl, standardFontDataUrl, wasmUrl … (environment specific). */
  documentOptions?: Record<string, unknown>;
  onProgress?: (p: PdfProgress) => void;
  /** Stop early (the viewer's cancel); pages read so far are returned. */
  signal?: AbortSignal;
  password?: string;
  /**
   * A document already open (the viewer renders from it too): it is read but neither cleaned up page by
   * page nor destroyed, so rendering can reuse what pdf.js cached.
   */
  document?: PdfjsDocument;
  /** Longest one page may take to read before it is skipped (ms). */
  pageTimeMs?: number;
  /** Read pictures of text by OCR (lib/extract/ocr); without it an image-only page is reported, not read. */
  ocr?: PdfOcrOptions;
  /** Renders pictures on pages with text, to tell tables pasted as pictures from charts (else not looked at). */
  pictureCanvas?: MakeCanvas;
  /** Told each time the run of pages read from page 1 grows (never for the last page: the result follows). */
  onPartial?: (p: PartialPdf) => void;
}

/**
 * Bounds on the work one file can cause. pdf.js decodes no image above maxImageSize pixels (a 4.7 MB
 * file can declare a 100,000 × 100,000 image); a page that takes longer than the time budget is skipped
 * and reported rather than holding the reader for minutes.
 */
const PDF_LIMITS = { maxImageSize: 50_000_000, pageTimeMs: 20_000 } as const;

export class PdfInputError extends Error {
  constructor(
    message: string,
    readonly code: 'encrypted' | 'unreadable',
  ) {
    super(message);
  }
}

/**
 * Read a PDF page by page (each page's operator list is released before the next is read, so memory stays
 * bounded on long documents) into blocks in reading order, then join tables that continue across pages and
 * drop running headers, footers and page numbers.
 */
export async function extractPdf(pdfjs: PdfjsModule, data: Uint8Array, opts: PdfExtractOptions): Promise<ExtractedDoc> {
  const shared = opts.document;
  const doc = shared ?? (await openDocument(pdfjs, data, opts));
  try {
    const title = await documentTitle(doc);
    const all = Array.from({ length: doc.numPages }, (_, i) => i + 1);
    const onPartial = opts.onPartial;
    const { pages, warnings, ocrPages } = await readPages(pdfjs, doc, all, {
      keepPages: !!shared,
      pageTimeMs: opts.pageTimeMs ?? PDF_LIMITS.pageTimeMs,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.ocr ? { ocr: opts.ocr } : {}),
      ...(opts.pictureCanvas ? { pictureCanvas: opts.pictureCanvas } : {}),
      onPage: (n) => opts.onProgress?.({ page: n, pages: doc.numPages }),
      ...(onPartial
        ? {
            onPrefix: (through: number, read: readonly PageBlocks[], ocrRead: number[]) => {
              if (through < doc.numPages) onPartial({ through, pages: doc.numPages, read: () => assemblePrefix(read, through, { source: opts.source, title, ocrPages: ocrRead }) });
            },
          }
        : {}),
    });
    return assemblePages(pages, { source: opts.source, title, warnings, ocrPages });
  } finally {
    if (!shared) await doc.destroy().catch(() => undefined);
  }
}

async function documentTitle(doc: PdfjsDocument): Promise<string> {
  const meta = await doc.getMetadata().catch(() => ({ info: {} as Record<string, unknown> }));
  const t = meta.info?.['Title'];
  return typeof t === 'string' ? t : '';
}

/**
 * Pages 1 … through as a document, from a copy (assembling joins tables in place, and the pages are still
 * being read). Only the last block can still grow overleaf: what lies on pages before the one it starts
 * on is final.
 */
function assemblePrefix(read: readonly PageBlocks[], through: number, meta: { source: string; title: string; ocrPages: number[] }): { doc: ExtractedDoc; settledBefore: number } {
  const copy = structuredClone(read.filter((p) => p.page <= through));
  const doc = assemblePages(copy, { source: meta.source, title: meta.title, warnings: [], ocrPages: meta.ocrPages.filter((n) => n <= through) });
  const last = doc.blocks[doc.blocks.length - 1];
  const start = !last ? through + 1 : last.type === 'table' ? (last.page ?? (last.anchor.kind === 'pdf' ? last.anchor.page : 1)) : last.anchor.kind === 'pdf' ? last.anchor.page : 1;
  return { doc, settledBefore: Math.min(start, through + 1) };
}

/** OCR pages in flight at once: enough to keep every OCR worker busy, few enough to bound the rendered images held. */
const OCR_IN_FLIGHT = 4;

/**
 * Lay out some pages of an open document, one at a time (each page's operator list is released before the
 * next is read unless `keepPages`, so memory stays bounded). A page that fails is reported, not fatal.
 * Pages that need OCR are rendered here and recognised in the OCR engine's workers while the next pages are
 * read.
 */
async function readPages(
  pdfjs: PdfjsModule,
  doc: PdfjsDocument,
  numbers: readonly number[],
  opts: {
    keepPages?: boolean;
    signal?: AbortSignal;
    onPage?: (n: number) => void;
    /** Pages numbers[0] … through are all read (told each time that run grows). */
    onPrefix?: (through: number, pages: readonly PageBlocks[], ocrPages: number[]) => void;
    ocr?: PdfOcrOptions;
    /** Renders pictures on text pages to tell tables from charts (without it they are not looked at). */
    pictureCanvas?: MakeCanvas;
    pageTimeMs?: number;
  } = {},
): Promise<{ pages: PageBlocks[]; warnings: ExtractWarning[]; ocrPages: number[] }> {
  const pages: PageBlocks[] = [];
  const warnings: ExtractWarning[] = [];
  const ocrPages: number[] = [];
  const finished = new Set<number>();
  let prefix = 0;
  const finish = (pb: PageBlocks) => {
    pages.push(pb);
    finished.add(pb.page);
    const before = prefix;
    while (prefix < numbers.length && finished.has(numbers[prefix]!)) prefix++;
    if (prefix > before) opts.onPrefix?.(numbers[prefix - 1]!, pages, ocrPages);
  };
  const inFlight: Promise<void>[] = [];
  // OCR pages finish out of order: progress counts pages done, so the bar ends full.
  let done = 0;
  // The OCR code is loaded only when OCR was asked for: text PDFs (and the viewer) never load it.
  const ocrCode = opts.ocr ? await Promise.all([import('../ocr/page'), import('../ocr/confidence')]) : undefined;
  let failures = 0;
  let firstFailure = '';
  const failed = (n: number, e: unknown): PageBlocks => {
    failures++;
    firstFailure ||= (e as Error).message;
    warnings.push({ code: 'partial-text', message: `page ${n} could not be read: ${(e as Error).message}`, page: n });
    return { page: n, width: 0, height: 0, blocks: [], edgeLines: [], glyphCount: 0 };
  };
  for (const n of numbers) {
    if (opts.signal?.aborted) {
      warnings.push({ code: 'truncated', message: `analysis stopped after page ${n - 1} of ${doc.numPages}` });
      break;
    }
    let pb: PageBlocks | undefined;
    try {
      const page = await doc.getPage(n);
      const ops = await withinTime(page.getOperatorList(), opts.pageTimeMs ?? PDF_LIMITS.pageTimeMs, `page ${n} took longer than ${Math.round((opts.pageTimeMs ?? PDF_LIMITS.pageTimeMs) / 1000)} s to read`);
      const content = readPage(page, ops, pdfjs.OPS);
      const ocr = opts.ocr;
      const pictures = ocr?.mode === 'on' ? 0 : await tablePictureCount(page, content, ocr?.makeCanvas ?? opts.pictureCanvas);
      if (ocr && ocrCode) {
        const [{ ocrPageContent }, { annotateOcr }] = ocrCode;
        // Rendering needs the page; recognition runs in the engine's workers while later pages are read.
        const job = ocrPageContent(page, content, ocr).then(
          (read) => {
            if (!opts.keepPages) page.cleanup();
            const c = read ?? content;
            const laid = layoutPage(c, n);
            if (read) {
              annotateOcr(laid, read.glyphs, ocr.minConfidence);
              if (read.glyphs.some((g) => g.conf !== undefined)) ocrPages.push(n);
            }
            if (c.glyphs.length === 0 && c.imageCover > 0.3) laid.glyphCount = -1;
            if (pictures) laid.pictures = pictures;
            opts.onPage?.(++done);
            finish(laid);
          },
          (e) => {
            opts.onPage?.(++done);
            finish(failed(n, e));
          },
        );
        inFlight.push(job);
        if (inFlight.length >= OCR_IN_FLIGHT) await inFlight.shift();
        continue;
      }
      if (!opts.keepPages) page.cleanup();
      pb = layoutPage(content, n);
      if (content.glyphs.length === 0 && content.imageCover > 0.3) pb.glyphCount = -1;
      if (pictures) pb.pictures = pictures;
    } catch (e) {
      pb = failed(n, e);
    }
    opts.onPage?.(n);
    finish(pb);
  }
  await Promise.all(inFlight);
  // Not one page could be read (a page tree that loops, content that does not parse): the file is
  // damaged — say so, rather than call it a scan without text.
  if (failures && failures === pages.length) throw new PdfInputError(`the PDF's pages cannot be read (${firstFailure})`, 'unreadable');
  ocrPages.sort((a, b) => a - b);
  return { pages, warnings, ocrPages };
}

/**
 * Tables pasted as pictures on a page with text (they go unread unless OCR reads them): found by their
 * rules, on a small rendering, so that charts do not count. Must run before the page is cleaned up.
 */
async function tablePictureCount(page: PdfjsPage, content: PageContent, makeCanvas: MakeCanvas | undefined): Promise<number> {
  if (!makeCanvas || content.glyphs.length === 0) return 0;
  const regions = textlessPictures(content);
  if (!regions.length) return 0;
  try {
    const { tablePictures } = await import('./picture-tables');
    return (await tablePictures(page, regions, makeCanvas)).length;
  } catch {
    return 0;
  }
}

function withinTime<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Page layouts (from one reader or several) into the document: scans noticed, running lines dropped, tables joined. */
export function assemblePages(pages: PageBlocks[], meta: { source: string; title: string; warnings: ExtractWarning[]; ocrPages?: number[] }): ExtractedDoc {
  pages.sort((a, b) => a.page - b.page);
  const warnings = [...meta.warnings];
  const textPages = pages.filter((p) => p.glyphCount > 0).length;
  const scanned = pages.filter((p) => p.glyphCount < 0).map((p) => p.page);
  if (textPages === 0) {
    warnings.push({ code: 'no-text-layer', message: scanned.length ? `the PDF has no text layer: its ${pages.length} page(s) are images (a scan); run OCR on it first` : 'the PDF contains no text that can be read (no text and no page images: the content may be damaged)' });
  } else if (scanned.length) {
    warnings.push({ code: 'partial-text', message: `page(s) ${scanned.join(', ')} are images without text and were not read`, page: scanned[0]! });
  }
  const pictured = pages.filter((p) => p.pictures).map((p) => p.page);
  if (pictured.length) {
    warnings.push({ code: 'pictures', message: `page(s) ${pictured.join(', ')} hold tables pasted as pictures; they were not read (OCR reads them: --ocr=on, or the viewer's button)`, page: pictured[0]! });
  }
  const ocrPages = meta.ocrPages ?? [];
  if (ocrPages.length) {
    warnings.push({ code: 'ocr', message: `page(s) ${ocrPages.join(', ')} were read from images by OCR; numbers read with low confidence are reported as possibly misread`, page: ocrPages[0]! });
  }
  removeRunningLines(pages);
  const blocks = joinAcrossPages(pages);
  return { source: meta.source, format: 'pdf', title: meta.title, blocks, pageCount: pages.length, warnings, ...(ocrPages.length ? { ocrPages } : {}), ...(scanned.length ? { scannedPages: scanned } : {}), ...(pictured.length ? { picturePages: pictured } : {}) };
}

export async function openDocument(pdfjs: PdfjsModule, data: Uint8Array, opts: Pick<PdfExtractOptions, 'password' | 'documentOptions'>): Promise<PdfjsDocument> {
  const task = pdfjs.getDocument({
    data,
    maxImageSize: PDF_LIMITS.maxImageSize,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
    ...(opts.password !== undefined ? { password: opts.password } : {}),
    ...opts.documentOptions,
  });
  try {
    return await task.promise;
  } catch (e) {
    // A failed opening (a wrong password) keeps its worker and parsed file until destroyed: ~12 MB each try.
    await task.destroy().catch(() => undefined);
    const err = e as { name?: string; message?: string };
    if (err?.name === 'PasswordException') {
      throw new PdfInputError(opts.password === undefined ? 'the PDF is encrypted with a password; give it with --password=… or save an unprotected copy' : 'the password given does not open this PDF', 'encrypted');
    }
    throw new PdfInputError(`the PDF cannot be read (${err?.message ?? String(e)})`, 'unreadable');
  }
}

/** Header and footer lines that repeat on many pages (digits ignored), and page numbers. */
function removeRunningLines(pages: PageBlocks[]): void {
  if (pages.length < 3) return;
  const counts = new Map<string, number>();
  const key = (t: string) => t.replace(/\d+/g, '#').replace(/\s+/g, '');
  for (const p of pages) for (const e of new Set(p.edgeLines.map((l) => key(l.text)))) counts.set(e, (counts.get(e) ?? 0) + 1);
  const threshold = Math.max(3, Math.ceil(pages.length * 0.4));
  for (const p of pages) {
    const drop = new Set(p.edgeLines.filter((l) => (counts.get(key(l.text)) ?? 0) >= threshold).map((l) => l.block));
    if (drop.size) p.blocks = p.blocks.filter((b) => !(b.type === 'text' && drop.has(b)));
  }
}

/** Column edges of a grid, from its cells' boxes (index = grid column boundary). */
function boundaries(g: Grid): number[] {
  const xs: number[] = new Array(g.nCols + 1);
  for (const c of g.cells) {
    if (c.anchor.kind !== 'pdf') continue;
    xs[c.col] ??= c.anchor.box[0];
    xs[c.col + c.colSpan] ??= c.anchor.box[2];
  }
  return xs;
}

const TOL = 4;

/**
 * Two page parts of one table: the same outer edges, and column edges that agree, or that one part
 * refines (a first page with merged header cells, continuation pages with the finer columns).
 */
function compatibleColumns(a: Grid, b: Grid): number[] | undefined {
  const xa = boundaries(a);
  const xb = boundaries(b);
  if (xa.some((x) => x === undefined) || xb.some((x) => x === undefined)) return a.nCols === b.nCols ? xa : undefined;
  const near = (x: number, ys: number[]) => ys.some((y) => Math.abs(x - y) <= TOL);
  if (Math.abs(xa[0]! - xb[0]!) > TOL || Math.abs(xa[xa.length - 1]! - xb[xb.length - 1]!) > TOL) {
    // A merged cell at the side that runs on over the page break has no rule touching it on the next
    // page, so the continuation lacks that column; its other edges are the previous part's.
    const sideMatches = Math.abs(xa[0]! - xb[0]!) <= TOL || Math.abs(xa[xa.length - 1]! - xb[xb.length - 1]!) <= TOL;
    return sideMatches && xb.length >= 3 && xb.every((x) => near(x, xa)) ? xa : undefined;
  }
  const union = [...xa, ...xb].sort((p, q) => p - q).filter((x, i, arr) => i === 0 || x - arr[i - 1]! > TOL);
  const coarse = xa.length <= xb.length ? xa : xb;
  const fine = xa.length <= xb.length ? xb : xa;
  // Every edge of the coarser part must be an edge of the finer one.
  if (!coarse.every((x) => fine.some((y) => Math.abs(x - y) <= TOL))) return undefined;
  return union;
}

/** Re-express a grid on finer column edges (cells widen their colSpan). */
function regrid(g: Grid, edges: number[]): void {
  const at = (x: number) => edges.findIndex((e) => Math.abs(e - x) <= TOL);
  const nCols = edges.length - 1;
  for (const c of g.cells) {
    if (c.anchor.kind !== 'pdf') continue;
    const c0 = at(c.anchor.box[0]);
    const c1 = at(c.anchor.box[2]);
    if (c0 < 0 || c1 <= c0) continue;
    c.col = c0;
    c.colSpan = c1 - c0;
  }
  const slots: (GridCell | null)[][] = Array.from({ length: g.nRows }, () => new Array<GridCell | null>(nCols).fill(null));
  for (const c of g.cells) for (let i = c.row; i < c.row + c.rowSpan; i++) for (let j = c.col; j < c.col + c.colSpan && j < nCols; j++) slots[i]![j] = c;
  g.slots = slots;
  g.nCols = nCols;
}

/**
 * A table that ends one page and a table that starts the next (nothing but running lines between them),
 * with the same columns, are one table continued without a repeated header.
 */
function joinAcrossPages(pages: PageBlocks[]): Block[] {
  const out: Block[] = [];
  for (const p of pages) {
    p.blocks = p.blocks.filter((b) => b.type === 'table' || b.text.trim() !== '');
    const first = p.blocks[0];
    const prev = out[out.length - 1];
    let start = 0;
    const edges = first?.type === 'table' && prev?.type === 'table' && prev.pageEnd === p.page - 1 ? compatibleColumns(prev.grid, first.grid) : undefined;
    if (edges && first?.type === 'table' && prev?.type === 'table') {
      if (prev.grid.nCols !== edges.length - 1) regrid(prev.grid, edges);
      if (first.grid.nCols !== edges.length - 1) regrid(first.grid, edges);
      continueSideCells(prev.grid, first.grid);
      dropRepeatedHeader(prev.grid, first.grid);
      if (prev.openBottom?.length) mergeBrokenRow(prev.grid, first.grid, prev.openBottom);
      appendGrid(prev, first);
      start = 1;
    } else if (first?.type === 'text' && prev?.type === 'text' && prev.page === p.page - 1 && continuesSentence(prev.text, first.text)) {
      // A paragraph broken by the page break.
      prev.text = joinLines([prev.text, first.text]);
      start = 1;
    }
    for (let i = start; i < p.blocks.length; i++) out.push(p.blocks[i]!);
  }
  return out;
}

/** Columns the continuation lacks altogether belong to the merged cells that run on from the last row. */
function continueSideCells(a: Grid, b: Grid): void {
  if (a.nRows === 0 || b.nRows === 0) return;
  for (let j = 0; j < b.nCols; j++) {
    if (b.slots.some((row) => row[j])) continue;
    const top = a.slots[a.nRows - 1]![j];
    if (!top) continue;
    top.rowSpan += b.nRows;
    for (const row of b.slots) row[j] = top;
  }
}

const rowText = (g: Grid, i: number) => g.slots[i]!.map((c) => (c?.text ?? '').replace(/\s+/g, ''));

function removeLeadingRows(g: Grid, k: number): void {
  if (k <= 0) return;
  g.cells = g.cells.filter((c) => c.row >= k);
  for (const c of g.cells) c.row -= k;
  g.slots = g.slots.slice(k);
  g.nRows -= k;
}

/** Header rows printed again at the top of the continuation page (a repeated <thead>, Excel's 打印标题). */
function dropRepeatedHeader(a: Grid, b: Grid): void {
  let k = 0;
  while (k < Math.min(a.nRows, b.nRows, 5)) {
    const ra = rowText(a, k);
    const rb = rowText(b, k);
    if (!rb.some((t) => t) || ra.join('|') !== rb.join('|') || rb.some((t) => /^[-+]?[\d,]+\.\d+$/.test(t))) break;
    k++;
  }
  removeLeadingRows(b, k);
}

const AMOUNT_OR_CODE = /^[-+（(]?[\d,，.．]+[)）]?$/;

/**
 * A row the page break cut in two: the continuation holds only the wrapped tail of one or two text cells
 * (其他 | 运转类), no amounts, no codes, and only in columns the cut row has text in.
 */
function mergeBrokenRow(a: Grid, b: Grid, open: [number, number][]): void {
  if (a.nRows === 0 || b.nRows === 0 || a.nCols !== b.nCols) return;
  const last = rowText(a, a.nRows - 1);
  const first = rowText(b, 0);
  const filled = first.map((t, j) => (t ? j : -1)).filter((j) => j >= 0);
  const lastFilled = last.filter((t) => t).length;
  if (filled.length === 0 || filled.length > lastFilled) return;
  if (filled.some((j) => !last[j] || AMOUNT_OR_CODE.test(first[j]!) || AMOUNT_OR_CODE.test(last[j]!))) return;
  // A fragment that opens like an item of its own ((2)财政专户管理资金, 二、…, 合计) is a new row.
  if (filled.some((j) => /^(合计|总计|小计|其中|[（(]?[一二三四五六七八九十\d]+[)）、.．])/.test(first[j]!))) return;
  if (filled.some((j) => /[。；;]$/.test(last[j]!))) return;
  // …and the cut row has no rule under those cells on its page.
  const isOpen = (c: GridCell | null | undefined) => {
    if (!c || c.anchor.kind !== 'pdf') return false;
    const cx = (c.anchor.box[0] + c.anchor.box[2]) / 2;
    return open.some(([x0, x1]) => cx > x0 && cx < x1);
  };
  if (filled.some((j) => !isOpen(a.slots[a.nRows - 1]![j]))) return;
  const done = new Set<GridCell>();
  for (const j of filled) {
    const top = a.slots[a.nRows - 1]![j];
    const tail = b.slots[0]![j];
    if (!top || !tail || done.has(top)) continue;
    done.add(top);
    top.text = top.text + tail.text;
  }
  removeLeadingRows(b, 1);
}

const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+部分)/;

function continuesSentence(prev: string, next: string): boolean {
  if (/[。！？!?：:]$/.test(prev.trim())) return false;
  if (NUMBERED.test(next.trim())) return false;
  return prev.length > 20;
}

function appendGrid(a: TableBlock, b: TableBlock): void {
  const offset = a.grid.nRows;
  for (const c of b.grid.cells) c.row += offset;
  a.grid.cells.push(...b.grid.cells);
  a.grid.slots.push(...b.grid.slots);
  a.grid.nRows += b.grid.nRows;
  a.pageOfRow = [...(a.pageOfRow ?? new Array(offset).fill(a.page)), ...(b.pageOfRow ?? new Array(b.grid.nRows).fill(b.page))];
  a.pageEnd = b.pageEnd ?? b.page;
  a.openBottom = b.openBottom;
}
