const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'head', 'title',
  'meta', 'link', 'button', 'select', 'option', 'textarea', 'input', 'video', 'audio', 'map',
  // Site chrome, not the disclosure: navigation bars and page footers (contacts, copyright, masked phones).
  'nav', 'footer',
]);

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all)/i;

/** Elements whose content is never page text (scripts, form controls, our own shadow host…). */
export function isSkippedTag(el: Element): boolean {
  return SKIP_TAGS.has(tagOf(el));
}

/** Lower-case tag name (localName is cheap everywhere; tagName is computed in some DOMs). */
export function tagOf(el: Element): string {
  const n = el.localName;
  return n.charCodeAt(0) < 97 ? n.toLowerCase() : n;
}

/**
 * Hidden without layout: `hidden`, inline `display:none` / `visibility:hidden` (Word and Excel's ghost
 * rows), `mso-hide:all`. A live page can add a computed-style check through `ExtractOptions.isHidden`.
 */
export function isInlineHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (!style || (style.indexOf('none') < 0 && style.indexOf('hidden') < 0 && style.indexOf('mso-hide') < 0)) return false;
  return HIDDEN_STYLE.test(style);
}

const NOT_ASKED = new Set(['td', 'th', 'span', 'font', 'b', 'i', 'u', 's', 'a', 'strong', 'em', 'small', 'big', 'sup', 'sub', 'br', 'wbr', 'o:p', 'st1:chsdate', 'ins', 'del', 'code', 'label', 'nobr']);

/**
 * Hidden on a live page, by any style sheet. Cells and text-level elements (the thousands of <td>s, <span>s
 * and <font>s of a Word-pasted page) are not asked: reading an element's computed style costs ~3 µs, ~8 ms
 * on such a page, and style sheets hide rows, tables and blocks. Cells hidden inline (Excel's hidden
 * columns) are caught by isInlineHidden.
 */
export function liveHidden(el: Element): boolean {
  if (NOT_ASKED.has(tagOf(el))) return false;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const cs = view.getComputedStyle(el);
  return cs.display === 'none' || cs.visibility === 'hidden';
}
