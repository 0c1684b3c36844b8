/**
 * Where a frame's tokens are at visual time v: first from the sender's port to its segment's
 * switch (first half of the trip), then from the switch to every receiving port at once.
 * A frame that reaches no segment moves a little way out of its port and stops there.
 */
import type { Flight } from '../../store/derive/timeline.ts';
import { switchAnchor, type Geometry } from './geometry.ts';

export interface Point {
  x: number;
  y: number;
}

const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

export interface TokenPlacement {
  /** true: one token between the sender and the switch; false: one per delivery. */
  outbound: boolean;
  pts: Point[];
}

/** Positions of the flight's tokens: one before the switch, one per delivery after it. */
export function tokenPositions(g: Geometry, f: Flight, v: number, travel: number): TokenPlacement {
  const from = g.ports[`${f.host}.${f.dev}`];
  if (!from) return { outbound: true, pts: [] };
  const p = Math.max(0, Math.min(1, (v - f.start) / travel));
  const seg = f.segment === null ? undefined : g.segments[g.segmentIndex[f.segment]];
  if (!seg) {
    const out = { x: from.x + (from.side === 'left' ? -30 : from.side === 'right' ? 30 : 0), y: from.y + (from.side === 'top' ? -30 : from.side === 'bottom' ? 30 : 0) };
    return { outbound: true, pts: [lerp(from, out, Math.min(1, p * 2))] };
  }
  const a = switchAnchor(seg, from);
  if (p <= 0.5 || f.deliveries.length === 0) return { outbound: true, pts: [lerp(from, a, Math.min(1, p * 2))] };
  const pts = f.deliveries.map((d) => {
    const to = g.ports[`${d.host}.${d.dev}`];
    if (!to) return { x: seg.x, y: seg.y };
    const b = switchAnchor(seg, to);
    // Along the switch to the receiver's anchor, then down the link.
    const q = (p - 0.5) * 2;
    return q < 0.25 ? lerp(a, b, q * 4) : lerp(b, to, (q - 0.25) / 0.75);
  });
  return { outbound: false, pts };
}
