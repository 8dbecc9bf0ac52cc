const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'head', 'title',
  'meta', 'link', 'button', 'select', 'option', 'textarea', 'input', 'video', 'audio', 'map',
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
