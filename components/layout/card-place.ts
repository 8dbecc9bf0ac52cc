/**
 * Where a card goes beside the mark it explains: below, above, right or left of the mark — the first side
 * where the whole card fits inside the free area (the viewport minus the docked panel and any toolbar) —
 * else the side with the most room, with the card's height capped to that room (it scrolls). The card never
 * covers the mark itself.
 */
export interface Edges {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Set when the card must scroll to stay clear of the mark. */
  maxHeight?: number;
  side: 'below' | 'above' | 'right' | 'left';
}

const GAP = 8;

export function placeCard(mark: Edges, size: { width: number; height: number }, area: Edges): Placement {
  const w = Math.min(size.width, area.right - area.left - 2 * GAP);
  const clampX = (x: number) => Math.max(area.left + GAP, Math.min(area.right - w - GAP, x));
  const clampY = (y: number, h: number) => Math.max(area.top + GAP, Math.min(area.bottom - h - GAP, y));
  const room = {
    below: area.bottom - mark.bottom - 2 * GAP,
    above: mark.top - area.top - 2 * GAP,
    right: area.right - mark.right - 2 * GAP,
    left: mark.left - area.left - 2 * GAP,
  };
  const at = (side: Placement['side'], h: number): Placement => {
    switch (side) {
      case 'below':
        return { side, left: clampX(mark.left), top: mark.bottom + GAP };
      case 'above':
        return { side, left: clampX(mark.left), top: mark.top - GAP - h };
      case 'right':
        return { side, left: mark.right + GAP, top: clampY(mark.top, h) };
      case 'left':
        return { side, left: mark.left - GAP - w, top: clampY(mark.top, h) };
    }
  };
  if (room.below >= size.height) return at('below', size.height);
  if (room.above >= size.height) return at('above', size.height);
  const areaH = area.bottom - area.top - 2 * GAP;
  if (room.right >= w && areaH >= size.height) return at('right', size.height);
  if (room.left >= w && areaH >= size.height) return at('left', size.height);
  // Nothing fits whole: the vertical side with more room, the card scrolling inside it.
  const side = room.below >= room.above ? 'below' : 'above';
  const h = Math.max(60, room[side]);
  return { ...at(side, h), maxHeight: h };
}
