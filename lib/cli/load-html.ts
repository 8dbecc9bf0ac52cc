import { parseHTML } from 'linkedom';
import { extractDom } from '../extract/dom/extract';
import { decodeHtml } from '../extract/html-source';
import type { ExtractedDoc } from '../extract/types';

/** An HTML file's bytes to extracted blocks, with the page's declared charset honoured. */
export function extractHtmlBytes(bytes: Uint8Array, source: string, contentType?: string): ExtractedDoc {
  const { text } = decodeHtml(bytes, contentType);
  const { document } = parseHTML(wrapFragment(text));
  return extractDom(document as unknown as Document, { source });
}

/**
 * Browsers build <html><head><body> around any markup; linkedom does not, and keeps only the first element
 * of a fragment. Saved pages sometimes lack the wrapper, so supply it.
 */
export function wrapFragment(text: string): string {
  if (/<html[\s>]/i.test(text.slice(0, 4096))) return text;
  const m = /^([\s\S]*?)(<(?:title|meta|link|style)[\s\S]*?)(?=<(?!\/?(?:title|meta|link|style)\b)[a-z])/i.exec(text);
  if (m && m[2] && !/<body/i.test(m[2])) return `<!doctype html><html><head>${m[2]}</head><body>${text.slice(m[0].length)}</body></html>`;
  return `<!doctype html><html><head></head><body>${text}</body></html>`;
}
