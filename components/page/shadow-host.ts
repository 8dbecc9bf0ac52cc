import { STYLES } from '../styles';
import { refuseSyntheticEvents } from '../trusted-events';

export interface ShadowHostOptions {
  /**
   * An open shadow root, for the end-to-end tests to look inside (a developer flag in extension storage,
   * `devInspectableUi`, that no page can set). Readers get a closed root: a page can neither read the
   * panel nor reach our buttons.
   */
  inspectable?: boolean;
}

/**
 * One element at the document root holding a shadow root with our stylesheet: the only thing BudgetLens
 * adds to a page. Constructed sheets are not inline styles, so a page's CSP cannot block them; where they
 * are unavailable (some content-script worlds) a <style> in the shadow root is used. Events that the page
 * synthesises never reach our handlers.
 */
export function createShadowHost(doc: Document, tag: string, z: number, opts: ShadowHostOptions = {}): { host: HTMLElement; shadow: ShadowRoot } {
  doc.querySelector(tag)?.remove();
  const host = doc.createElement(tag);
  host.setAttribute('style', `all:initial;position:absolute;left:0;top:0;width:0;height:0;overflow:visible;z-index:${z};display:block;`);
  const shadow = host.attachShadow({ mode: opts.inspectable ? 'open' : 'closed' });
  refuseSyntheticEvents(shadow);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = STYLES;
    shadow.appendChild(style);
  }
  (doc.documentElement ?? doc).appendChild(host);
  return { host, shadow };
}
