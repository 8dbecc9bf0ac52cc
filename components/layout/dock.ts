/**
 * The docked panel's column on a web page, as annotation sidebars do it: the page's root element gets a right
 * margin as wide as the panel, so the page reflows beside it instead of under it, and a matching
 * scroll-padding, so that "scroll into view" (ours and the browser's) counts the panel's column as hidden.
 * Content wider than the space left (fixed-width sites) overflows into that margin; a 1 px spacer in our own
 * layer extends the scrollable width by the panel's width, so every column can be scrolled clear of it.
 * The root's previous inline values are put back when the panel is collapsed or removed.
 */
export const DOCK_WIDTH = 'min(360px, 38vw)';

export interface Dock {
  /** Dock (the panel's width in px) or undock (0). */
  set(width: number): void;
  destroy(): void;
}

const PROPS = ['margin-right', 'scroll-padding-right'] as const;

export function dockPage(doc: Document, layer: HTMLElement): Dock {
  const root = doc.documentElement;
  const saved = PROPS.map((p) => [p, root.style.getPropertyValue(p), root.style.getPropertyPriority(p)] as const);
  const spacer = doc.createElement('div');
  spacer.setAttribute('aria-hidden', 'true');
  spacer.style.cssText = 'position:absolute;top:0;width:1px;height:1px;pointer-events:none;visibility:hidden;';
  let width = 0;
  let frame = 0;

  const place = () => {
    frame = 0;
    spacer.remove();
    const body = doc.body;
    if (!width || !body) return;
    const win = doc.defaultView!;
    const b = body.getBoundingClientRect();
    const contentRight = Math.max(b.right, b.left + body.scrollWidth) + win.scrollX;
    const free = win.innerWidth - width;
    if (contentRight > free) {
      spacer.style.left = `${Math.ceil(contentRight + width - 1)}px`;
      layer.appendChild(spacer);
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(place);
  };
  const ro = new ResizeObserver(schedule);
  const win = doc.defaultView!;

  const restore = () => {
    for (const [p, v, prio] of saved) {
      if (v) root.style.setProperty(p, v, prio);
      else root.style.removeProperty(p);
    }
    if (!root.getAttribute('style')) root.removeAttribute('style');
  };

  return {
    set(w: number) {
      width = Math.max(0, Math.round(w));
      if (width) {
        root.style.setProperty('margin-right', `${width}px`, 'important');
        root.style.setProperty('scroll-padding-right', `${width}px`, 'important');
        ro.observe(root);
        if (doc.body) ro.observe(doc.body);
        win.addEventListener('resize', schedule, { passive: true });
      } else {
        restore();
        ro.disconnect();
        win.removeEventListener('resize', schedule);
      }
      place();
    },
    destroy() {
      cancelAnimationFrame(frame);
      ro.disconnect();
      win.removeEventListener('resize', schedule);
      spacer.remove();
      restore();
    },
  };
}
