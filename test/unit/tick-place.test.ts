import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TICK, tickPlace, unionBox } from '../../components/layout/tick-place';

const cell = { left: 100, top: 50, width: 60, height: 20 };

describe('tickPlace', () => {
  it('a right-aligned number: the tick goes in the space to its left', () => {
    const p = tickPlace(cell, { left: 135, top: 54, width: 22, height: 12 });
    expect(p).toEqual({ x: 35 - 2 - TICK, y: 6 });
  });

  it('a left-aligned number: to its right', () => {
    expect(tickPlace(cell, { left: 102, top: 54, width: 22, height: 12 })).toEqual({ x: 2 + 22 + 2, y: 6 });
  });

  it('no room on either side: no tick at all', () => {
    expect(tickPlace(cell, { left: 104, top: 54, width: 52, height: 12 })).toBeNull();
    expect(tickPlace(cell, undefined)).toBeNull();
  });

  it('never overlaps the text and stays inside the cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 300 }), (w, x, tw) => {
        const c = { left: 0, top: 0, width: w, height: 20 };
        const text = { left: Math.min(x, w - 1), top: 4, width: Math.max(1, Math.min(tw, w - Math.min(x, w - 1))), height: 12 };
        const p = tickPlace(c, text);
        if (!p) return;
        const tick = { l: p.x, r: p.x + TICK };
        expect(tick.r <= text.left || tick.l >= text.left + text.width).toBe(true);
        expect(tick.l).toBeGreaterThanOrEqual(0);
        expect(tick.r).toBeLessThanOrEqual(w);
      }),
    );
  });
});

describe('unionBox', () => {
  it('joins the pieces of a number split into several text items', () => {
    expect(unionBox([{ left: 10, top: 5, width: 8, height: 10 }, { left: 20, top: 4, width: 6, height: 12 }])).toEqual({ left: 10, top: 4, width: 16, height: 12 });
    expect(unionBox([])).toBeUndefined();
  });
});
