import { parseHTML } from 'linkedom';
import { extractDom } from '../extract/dom/extract';
import { decodeHtml } from '../extract/html-source';
import type { ExtractedDoc } from '../extract/types';

/** An HTML file's bytes to extracted blocks, with the page's declared charset honoured. */
export function extractHtmlBytes(bytes: Uint8Array, source: string, contentType?: string): ExtractedDoc {
  const { text } = decodeHtml(bytes, contentType);
  const { document } = parseHTML(text);
  return extractDom(document as unknown as Document, { source });
}
