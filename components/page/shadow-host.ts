import { STYLES } from '../styles';

/**
 * One element at the document root holding an open shadow root with our stylesheet: the only thing
 * BudgetLens adds to a page. Constructed sheets are not inline styles, so a page's CSP cannot block them;
 * where they are unavailable (some content-script worlds) a <style> in the shadow root is used.
 */
export function createShadowHost(doc: Document, tag: string, z: number): { host: HTMLElement; shadow: ShadowRoot } {
  doc.querySelector(tag)?.remove();
  const host = doc.createElement(tag);
  host.setAttribute('style', `all:initial;position:absolute;left:0;top:0;width:0;height:0;overflow:visible;z-index:${z};display:block;`);
  const shadow = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = STYLES;
    shadow.appendChild(style);
  }
  doc.documentElement.appendChild(host);
  return { host, shadow };
}
