/**
 * Where a frame's tokens are at visual time v: first from the sender's port to its segment's
 * switch (first half of the trip), then from the switch to every receiving port at once.
 * A frame that reaches no segment moves a little way out of its port and stops there.
 *
 * The ports, switch anchors and receivers of a flight are resolved once (flightPath) into
 * plain numbers; each animation frame then only interpolates (eachTokenPoint), with no
 * allocation per token: 5,000 frames in flight flooded to a bridge's ports are ~80,000 tokens.
 * Flights over the same route (same sender, segment and receivers) share one FlightPath
 * (PathResolver): frames sent together over one route (a burst of probes flooded by a bridge)
 * then have identical tokens, which the token layer draws once.
 */
import type { Flight } from '../../store/derive/timeline.ts';
import { switchAnchor, type Geometry, type SegmentGeom } from './geometry.ts';

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
  /** The box around every point of the route: a flight whose box is out of view has no token in view. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function flightPath(g: Geometry, f: Flight): FlightPath | null {
  return new PathResolver(g).resolve(f);
}

/**
 * Flights' routes for one geometry, each resolved once: by flight (re-resolved if a streamed
 * run's later chunk added deliveries to it), and shared by every flight over the same route
 * (same sender, segment and receivers), so that the token layer can tell that two flights
 * sent together over one route have the same tokens. Switch anchors are kept per port.
 */
export class PathResolver {
  private readonly byFlight = new WeakMap<Flight, { n: number; path: FlightPath | null }>();
  private readonly routes = new Map<string, FlightPath | null>();
  private readonly anchors = new Map<string, { x: number; y: number }>();
  constructor(private readonly g: Geometry) {}

  of(f: Flight): FlightPath | null {
    const known = this.byFlight.get(f);
    if (known && known.n === f.deliveries.length) return known.path;
    let key = `${f.host}.${f.dev}>${f.segment ?? ''}`;
    for (const d of f.deliveries) key += ` ${d.host}.${d.dev}`;
    let path = this.routes.get(key);
    if (path === undefined) this.routes.set(key, (path = this.resolve(f)));
    this.byFlight.set(f, { n: f.deliveries.length, path });
    return path;
  }

  /** Resolves the routes of `flights` from `from` on until `deadline` (performance.now()); returns where it stopped. */
  prepare(flights: readonly Flight[], from: number, deadline: number): number {
    let i = from;
    while (i < flights.length) {
      this.of(flights[i++]);
      if ((i & 63) === 0 && performance.now() >= deadline) break;
    }
    return i;
  }

  private anchor(segName: string, seg: SegmentGeom, portId: string, p: { x: number; y: number }) {
    const k = `${segName} ${portId}`;
    let a = this.anchors.get(k);
    if (!a) this.anchors.set(k, (a = switchAnchor(seg, p)));
    return a;
  }

  resolve(f: Flight): FlightPath | null {
    const g = this.g;
    const fromId = `${f.host}.${f.dev}`;
    const from = g.ports[fromId];
    if (!from) return null;
    const seg = f.segment === null ? undefined : g.segments[g.segmentIndex[f.segment]];
    if (!seg) {
      const ax = from.x + (from.side === 'left' ? -30 : from.side === 'right' ? 30 : 0);
      const ay = from.y + (from.side === 'top' ? -30 : from.side === 'bottom' ? 30 : 0);
      return { fx: from.x, fy: from.y, ax, ay, stub: true, legs: new Float64Array(0), x0: Math.min(from.x, ax), y0: Math.min(from.y, ay), x1: Math.max(from.x, ax), y1: Math.max(from.y, ay) };
    }
    const a = this.anchor(seg.name, seg, fromId, from);
    const legs = new Float64Array(f.deliveries.length * 4);
    let x0 = Math.min(from.x, a.x);
    let y0 = Math.min(from.y, a.y);
    let x1 = Math.max(from.x, a.x);
    let y1 = Math.max(from.y, a.y);
    for (let i = 0; i < f.deliveries.length; i++) {
      const d = f.deliveries[i];
      const id = `${d.host}.${d.dev}`;
      const to = g.ports[id];
      // A receiver not drawn: its token waits at the switch's centre.
      const b = to ? this.anchor(seg.name, seg, id, to) : { x: seg.x, y: seg.y };
      const tx = to ? to.x : seg.x;
      const ty = to ? to.y : seg.y;
      legs[i * 4] = b.x;
      legs[i * 4 + 1] = b.y;
      legs[i * 4 + 2] = tx;
      legs[i * 4 + 3] = ty;
      x0 = Math.min(x0, b.x, tx);
      y0 = Math.min(y0, b.y, ty);
      x1 = Math.max(x1, b.x, tx);
      y1 = Math.max(y1, b.y, ty);
    }
    return { fx: from.x, fy: from.y, ax: a.x, ay: a.y, stub: false, legs, x0, y0, x1, y1 };
  }
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

/** How many tokens eachTokenPoint gives for the flight at visual time v. */
export function tokenCount(path: FlightPath, f: Flight, v: number, travel: number): number {
  const p = Math.max(0, Math.min(1, (v - f.start) / travel));
  return path.stub || p <= 0.5 || path.legs.length === 0 ? 1 : path.legs.length / 4;
}
