import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeCard, type Edges } from '../../components/layout/card-place';

const AREA: Edges = { left: 0, top: 0, right: 920, bottom: 720 };
const overlaps = (a: Edges, b: Edges) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('placeCard', () => {
  it('puts the card below a mark when it fits', () => {
    const p = placeCard({ left: 100, top: 100, right: 200, bottom: 120 }, { width: 360, height: 200 }, AREA);
    expect(p).toMatchObject({ side: 'below', left: 100, top: 128 });
  });

  it('above a mark near the bottom, beside a tall one, never past the docked panel', () => {
    expect(placeCard({ left: 700, top: 600, right: 800, bottom: 620 }, { width: 360, height: 200 }, AREA)).toMatchObject({ side: 'above', left: 920 - 360 - 8 });
    expect(placeCard({ left: 100, top: 50, right: 300, bottom: 690 }, { width: 360, height: 300 }, AREA)).toMatchObject({ side: 'right', left: 308 });
  });

  it('below a viewer toolbar: the card stays inside the free area', () => {
    const p = placeCard({ left: 100, top: 60, right: 200, bottom: 80 }, { width: 360, height: 700 }, { ...AREA, top: 44 });
    expect(p.top).toBeGreaterThanOrEqual(44);
    expect(p.maxHeight).toBeDefined();
  });

  it('never covers its own mark, whatever the sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 880 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 4, max: 400 }),
        fc.integer({ min: 4, max: 200 }),
        fc.integer({ min: 120, max: 400 }),
        fc.integer({ min: 40, max: 900 }),
        (x, y, w, h, cw, ch) => {
          const mark = { left: x, top: y, right: Math.min(920, x + w), bottom: Math.min(720, y + h) };
          const p = placeCard(mark, { width: cw, height: ch }, AREA);
          const width = Math.min(cw, 920 - 16);
          const card = { left: p.left, top: p.top, right: p.left + width, bottom: p.top + (p.maxHeight ?? ch) };
          // A mark taller than the whole free area leaves no side to use: only then may they meet.
          if (mark.bottom - mark.top < 720 - 16 - 60 && mark.right - mark.left < 920) expect(overlaps(card, mark)).toBe(false);
        },
      ),
    );
  });
});
