/**
 * Where a frame's tokens are at visual time v: first from the sender's port to its segment's
 * switch (first half of the trip), then from the switch to every receiving port at once.
 * A frame that reaches no segment moves a little way out of its port and stops there.
 *
 * The ports, switch anchors and receivers of a flight are resolved once (flightPath) into
 * plain numbers; each animation frame then only interpolates (eachTokenPoint), with no
 * allocation per token: 5,000 frames in flight flooded to a bridge's ports are ~80,000 tokens.
 */
import type { Flight } from '../../store/derive/timeline.ts';
import { switchAnchor, type Geometry } from './geometry.ts';

export interface Point {
  x: number;
  y: number;
}

export interface TokenPlacement {
  /** true: one token between the sender and the switch; false: one per delivery. */
  outbound: boolean;
  pts: Point[];
}

/** A flight's route in canvas coordinates; null when its sender is not drawn. */
export interface FlightPath {
  /** The sender's port. */
  fx: number;
  fy: number;
  /** The first leg's end: the switch anchor facing the sender, or a short stub when the frame reaches no segment. */
  ax: number;
  ay: number;
  /** No segment: the token stops at (ax, ay). */
  stub: boolean;
  /** Per delivery: the switch anchor facing the receiver, then the receiver's port (bx, by, tx, ty). */
  legs: Float64Array;
}

export function flightPath(g: Geometry, f: Flight): FlightPath | null {
  const from = g.ports[`${f.host}.${f.dev}`];
  if (!from) return null;
  const seg = f.segment === null ? undefined : g.segments[g.segmentIndex[f.segment]];
  if (!seg) {
    const ax = from.x + (from.side === 'left' ? -30 : from.side === 'right' ? 30 : 0);
    const ay = from.y + (from.side === 'top' ? -30 : from.side === 'bottom' ? 30 : 0);
    return { fx: from.x, fy: from.y, ax, ay, stub: true, legs: new Float64Array(0) };
  }
  const a = switchAnchor(seg, from);
  const legs = new Float64Array(f.deliveries.length * 4);
  f.deliveries.forEach((d, i) => {
    const to = g.ports[`${d.host}.${d.dev}`];
    // A receiver not drawn: its token waits at the switch's centre.
    const b = to ? switchAnchor(seg, to) : { x: seg.x, y: seg.y };
    legs.set([b.x, b.y, to ? to.x : seg.x, to ? to.y : seg.y], i * 4);
  });
  return { fx: from.x, fy: from.y, ax: a.x, ay: a.y, stub: false, legs };
}

/**
 * Calls `at` with each token's position at visual time v (one before the switch, one per
 * delivery after it); returns whether the frame is still outbound.
 */
export function eachTokenPoint(path: FlightPath, f: Flight, v: number, travel: number, at: (x: number, y: number) => void): boolean {
  const p = Math.max(0, Math.min(1, (v - f.start) / travel));
  const { legs } = path;
  if (path.stub || p <= 0.5 || legs.length === 0) {
    const t = Math.min(1, p * 2);
    at(path.fx + (path.ax - path.fx) * t, path.fy + (path.ay - path.fy) * t);
    return true;
  }
  // Along the switch to the receiver's anchor, then down the link.
  const q = (p - 0.5) * 2;
  for (let i = 0; i < legs.length; i += 4) {
    if (q < 0.25) {
      const t = q * 4;
      at(path.ax + (legs[i] - path.ax) * t, path.ay + (legs[i + 1] - path.ay) * t);
    } else {
      const t = (q - 0.25) / 0.75;
      at(legs[i] + (legs[i + 2] - legs[i]) * t, legs[i + 1] + (legs[i + 3] - legs[i + 1]) * t);
    }
  }
  return false;
}

/** Positions of the flight's tokens: one before the switch, one per delivery after it. */
export function tokenPositions(g: Geometry, f: Flight, v: number, travel: number): TokenPlacement {
  const path = flightPath(g, f);
  if (!path) return { outbound: true, pts: [] };
  const pts: Point[] = [];
  const outbound = eachTokenPoint(path, f, v, travel, (x, y) => pts.push({ x, y }));
  return { outbound, pts };
}
