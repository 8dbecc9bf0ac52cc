/**
 * The part of the pdf.js API the extractor uses. lib/ never imports pdf.js itself: Node (CLI, tests)
 * passes the legacy build, the extension passes the modern one, both with their own cMap locations.
 */
export interface PdfjsGlyph {
  unicode: string;
  width: number;
  isSpace: boolean;
  vmetric?: number[] | null;
}

export interface PdfjsFont {
  fontMatrix?: number[];
  vertical?: boolean;
  defaultVMetrics?: number[];
  isType3Font?: boolean;
  ascent?: number;
  descent?: number;
}

interface PdfjsOperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}

interface PdfjsViewport {
  width: number;
  height: number;
  transform: number[];
}

export interface PdfjsPage {
  rotate: number;
  view: number[];
  getViewport(p: { scale: number; offsetX?: number; offsetY?: number }): PdfjsViewport;
  /** Draw the page on a canvas (OCR renders image-only pages to read them). */
  render?(p: Record<string, unknown>): { promise: Promise<void> };
  getOperatorList(p?: Record<string, unknown>): Promise<PdfjsOperatorList>;
  commonObjs: { has(id: string): boolean; get(id: string): unknown };
  objs?: { has(id: string): boolean; get(id: string): unknown };
  cleanup(): boolean | void;
}

export interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
  getMetadata(): Promise<{ info?: Record<string, unknown> }>;
  destroy(): Promise<void>;
}

export interface PdfjsModule {
  OPS: Record<string, number>;
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfjsDocument>; destroy(): Promise<void> };
  PasswordResponses?: Record<string, number>;
}
