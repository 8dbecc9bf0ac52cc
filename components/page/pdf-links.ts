import { budgetPdfLinks } from '../../lib/detect';
import { t, type Lang } from '../i18n';
import { createShadowHost } from './shadow-host';

/**
 * A small "check with BudgetLens" button beside each budget PDF linked from the page, drawn in our own
 * shadow root next to the link (the link itself is left as it is).
 */
export function showPdfLinks(doc: Document, lang: Lang, open: (url: string) => void): number {
  const links = budgetPdfLinks(doc);
  if (!links.length) return 0;
  const { shadow } = createShadowHost(doc, 'budget-lens-links', 2147483645);
  const layer = doc.createElement('div');
  layer.className = 'bl bl-layer';
  shadow.appendChild(layer);
  const buttons = links.map((a) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = 'bl-pdflink';
    b.textContent = `🔍 ${t(lang, 'checkPdf')}`;
    b.title = a.href;
    b.dataset['budgetLensPdf'] = a.href;
    b.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      open(a.href);
    });
    layer.appendChild(b);
    return { a, b };
  });
  const place = () => {
    const win = doc.defaultView!;
    for (const { a, b } of buttons) {
      const r = a.getBoundingClientRect();
      if (!r.width && !r.height) {
        b.style.display = 'none';
        continue;
      }
      b.style.display = '';
      b.style.left = `${r.right + win.scrollX + 6}px`;
      b.style.top = `${r.top + win.scrollY + Math.max(0, (r.height - 16) / 2)}px`;
    }
  };
  place();
  doc.defaultView!.addEventListener('resize', () => requestAnimationFrame(place), { passive: true });
  new ResizeObserver(() => requestAnimationFrame(place)).observe(doc.documentElement);
  return links.length;
}
