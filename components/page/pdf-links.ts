import { budgetPdfLinks } from '../../lib/detect';
import { isPdfPathUrl } from '../../lib/url-safety';
import { t, type Lang } from '../i18n';
import { createShadowHost, type ShadowHostOptions } from './shadow-host';

/**
 * A small "check with BudgetLens" button beside each budget PDF linked from the page, drawn in our own
 * shadow root next to the link (the link itself is left as it is). Only links whose path ends in .pdf
 * (query and fragment ignored: `page.html#.pdf` is not a PDF) get one, and only a real click opens it.
 */
export function showPdfLinks(doc: Document, lang: Lang, open: (url: string) => void, opts: ShadowHostOptions = {}): number {
  const links = budgetPdfLinks(doc).filter((a) => isPdfPathUrl(a.href));
  if (!links.length) return 0;
  const { shadow } = createShadowHost(doc, 'budget-lens-links', 2147483645, opts);
  const layer = doc.createElement('div');
  layer.className = 'bl bl-layer';
  shadow.appendChild(layer);
  const buttons = links.map((a) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'bl-pdflink';
    b.textContent = `🔍 ${t(lang, 'checkPdf')}`;
    const href = a.href;
    b.title = href;
    b.dataset['budgetLensPdf'] = href;
    b.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      // The address read when the button was made: a page that rewrites the link afterwards changes nothing.
      if (e.isTrusted) open(href);
    });
    layer.appendChild(b);
    return { a, b };
  });
  let frame = 0;
  const place = () => {
    frame = 0;
    const win = doc.defaultView!;
    // Read every link's box first, then move the buttons: one layout, not one per link.
    const rects = buttons.map(({ a }) => a.getBoundingClientRect());
    buttons.forEach(({ b }, i) => {
      const r = rects[i]!;
      if (!r.width && !r.height) {
        b.style.display = 'none';
        return;
      }
      b.style.display = '';
      b.style.left = `${r.right + win.scrollX + 6}px`;
      b.style.top = `${r.top + win.scrollY + Math.max(0, (r.height - 16) / 2)}px`;
    });
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(place);
  };
  place();
  doc.defaultView!.addEventListener('resize', schedule, { passive: true });
  new ResizeObserver(schedule).observe(doc.documentElement);
  return links.length;
}
