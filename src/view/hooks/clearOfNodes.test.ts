import { describe, expect, it } from 'vitest';
import { clearSpot, spots } from './clearOfNodes.ts';

describe('toast placement', () => {
  const area = { x: 300, y: 40, w: 700, h: 560 };
  it('takes the top centre when it is free', () => {
    const c = spots(area, 400, 80, 40);
    expect(clearSpot(c, 400, 80, [{ x: 400, y: 300, w: 200, h: 60 }], { x: 0, y: 900 })).toEqual(c[0]);
  });
  it('moves to a spot that covers no node when the top centre would', () => {
    const c = spots(area, 400, 80, 40);
    const card = { x: c[0].x + 50, y: c[0].y + 10, w: 200, h: 60 };
    const got = clearSpot(c, 400, 80, [card], { x: 0, y: 900 });
    expect(got).not.toEqual(c[0]);
    expect(got.x + 400 <= card.x || got.x >= card.x + card.w || got.y + 80 <= card.y || got.y >= card.y + card.h).toBe(true);
  });
  it('leaves the canvas when every spot would cover something', () => {
    const c = spots(area, 400, 80, 40);
    expect(clearSpot(c, 400, 80, [area], { x: 0, y: 900 })).toEqual({ x: 0, y: 900 });
  });
});
