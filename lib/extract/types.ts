/**
 * What every extractor (DOM or PDF) hands to recognition: blocks of text and grids of cells in reading
 * order, each carrying an anchor back to where it is shown. Anchors are for display only; nothing in
 * recognition or the rules looks inside them — except `ocr`, which the rules' post-processing reads to turn
 * an error resting on a possibly misread number into a note (lib/rules/ocr-uncertain.ts).
 */

/** A rectangle in PDF page space, top-left origin, in PDF points (unscaled). */
export type Box = [x0: number, y0: number, x1: number, y1: number];

export type Anchor = DomAnchor | PdfAnchor;

interface DomAnchor {
  kind: 'dom';
  element: Element;
}

export interface PdfAnchor {
  kind: 'pdf';
  page: number;
  box: Box;
  /** For a ruled table cell: the box of the glyphs it prints (absent when empty), for exact marks. */
  text?: Box;
  /** Present when the text inside the box was read from an image by OCR (lib/extract/ocr). */
  ocr?: OcrReading;
}

/** How sure OCR was of the text inside an anchor. */
export interface OcrReading {
  /** Lowest character confidence inside the box, 0–1 (1 when the box holds no text). */
  confidence: number;
  /**
   * Numbers inside the box, as read, that may be misread: a digit or separator below the confidence
   * threshold, or an amount whose shape disagrees with its column (a lost decimal point). Empty when every
   * number was read with confidence.
   */
  uncertain: string[];
  /**
   * Runs of characters (Chinese text, letters) read with low confidence, as read: a label, title or name
   * quoted from them may be misread. Absent when every character was read with confidence.
   */
  doubtfulText?: string[];
  /** The text inside the box as the viewer lays it out over the image: a run per line or printed word. */
  runs?: OcrTextRun[];
}

/** A run of recognised text on one line and the box of its glyphs (page points). */
export interface OcrTextRun {
  text: string;
  box: Box;
}

export interface GridCell {
  /** Display text: glyphs repaired, whitespace squashed. */
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  anchor: Anchor;
}

export interface Grid {
  nRows: number;
  nCols: number;
  /** Unique cells, in row-major order of their top-left slot. */
  cells: GridCell[];
  /** slots[r][c] is the cell covering that slot (merged cells repeat), or null for a hole. */
  slots: (GridCell | null)[][];
  /** Leading rows the source marks as header (`<thead>`, rows of `<th>` only); 0 when unmarked. */
  headerHint?: number;
  /** A cell holds another table: the grid is page layout, not data. */
  nested?: boolean;
}

export interface TextBlock {
  type: 'text';
  text: string;
  anchor: Anchor;
  page?: number;
  /** Rendered as a heading (h1–h6, bold centred line): a hint for table titles and sections. */
  heading?: boolean;
}

export interface TableBlock {
  type: 'table';
  grid: Grid;
  anchor: Anchor;
  page?: number;
  pageEnd?: number;
  /** For PDFs: the table's pages each with the rows it holds (joined across page breaks). */
  pageOfRow?: number[];
  /**
   * For PDFs: x-ranges along the table's bottom edge with no closing rule (a row the page break cut in two
   * continues overleaf there).
   */
  openBottom?: [number, number][];
}

export type Block = TextBlock | TableBlock;

export interface ExtractedDoc {
  source: string;
  format: 'html' | 'pdf';
  title: string;
  blocks: Block[];
  pageCount?: number;
  /** Problems met while reading that the reader should be told about (no text layer, …). */
  warnings: ExtractWarning[];
  /** Files the page links as attachments (a CMS article whose tables are 附表.xls). */
  attachments?: { name: string; href: string }[];
  /** A disclosure read from several files: which pages came from which file. */
  parts?: { source: string; firstPage: number; pageCount: number }[];
  /** Pages whose text was read by OCR (from images), in page order. */
  ocrPages?: number[];
  /** Pages that are images without text and were not read (the viewer offers OCR for them). */
  scannedPages?: number[];
  /** Pages with text that also hold tables pasted as pictures, not read (the viewer offers OCR). */
  picturePages?: number[];
}

export interface ExtractWarning {
  code: 'no-text-layer' | 'encrypted' | 'partial-text' | 'truncated' | 'unreadable' | 'ocr' | 'pictures';
  message: string;
  page?: number;
}
