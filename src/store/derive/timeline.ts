/**
 * Maps the engine's trace onto *visual* time (milliseconds of playback at 1×). Simulated
 * time is exact but useless for the eye (a reply follows its request by microseconds, a
 * retransmission by a second), so every event gets a visual time that is
 *  - never earlier than the previous event's (the order is the engine's order),
 *  - the previous one plus a compressed gap for the simulated time that passed, and
 *  - for a delivery (rx), at least the frame's send time plus the travel time, so a
 *    broadcast reaches every port of a segment at the same moment.
 * Pure: the same SimResult gives the same Timeline.
 */
import type { DecisionEvent, Frame, FrameKind, Micros, SimResult, StepResult, TraceEvent, TraceEvents } from '../../engine/index.ts';

/** Visual time a frame takes from the sender's port to the receivers' ports (ms at 1×). */
export const TRAVEL_MS = 900;

/** Compressed visual gap for `dt` microseconds of simulated time. */
export function gapFor(dt: Micros): number {
  if (dt < 1000) return 0;
  return Math.min(1500, 300 * Math.log2(1 + dt / 100_000));
}

export interface Delivery {
  host: string;
  dev: string;
  /** Index of the rx event. */
  index: number;
}

/** One frame on the wire, from its tx event to its last delivery. */
export interface Flight {
  frameId: number;
  txIndex: number;
  host: string;
  dev: string;
  segment: string | null;
  kind: FrameKind;
  frame: Frame;
  /** Visual start (tx) and end (arrival at the receivers' ports). */
  start: number;
  end: number;
  deliveries: Delivery[];
}

/** A decision that stopped a frame at an interface (drop) or left it unanswered (ignore). */
export interface StopMark {
  index: number;
  frameId: number;
  host: string;
  dev: string;
  verdict: 'drop' | 'ignore';
  rule: DecisionEvent['rule'];
}

export interface Timeline {
  /** Visual time of each event, by event index. */
  vt: number[];
  flights: Flight[];
  /** Index into `flights` by frame id. */
  flightIndex: Record<number, number>;
  stops: StopMark[];
  /** Per step: [visual start, visual end]. */
  stepSpans: [number, number][];
  duration: number;
}

/**
 * Decisions that stop a frame at an interface: any drop, and an "ignore" on the way to a
 * reply (arp_ignore, not for us…). Learning decisions (arp_learn, arp_accept, neigh.*) only
 * say whether the cache changed, so they are not stops.
 */
export function isStop(e: DecisionEvent): e is DecisionEvent & { verdict: 'drop' | 'ignore' } {
  if (e.verdict === 'drop') return true;
  if (e.verdict !== 'ignore') return false;
  return !(e.rule === 'arp_learn' || e.rule === 'arp_accept' || e.rule.startsWith('neigh.'));
}

export const EMPTY_TIMELINE: Timeline = { vt: [], flights: [], flightIndex: {}, stops: [], stepSpans: [], duration: 0 };

export function buildTimeline(sim: SimResult, travel = TRAVEL_MS): Timeline {
  const b = new TimelineBuilder(travel);
  b.append(sim.events, sim.steps);
  return b.timeline();
}

/**
 * A flight whose frame is read from the trace when asked for (a streamed run's trace keeps
 * its frames as text: engine/sim/traceLog.ts, ReceivedTraceLog), so that the timeline holds
 * no frame objects; as JSON it is the plain Flight.
 */
class TracedFlight implements Flight {
  readonly #events: TraceEvents;
  frameId: number;
  txIndex: number;
  host: string;
  dev: string;
  segment: string | null;
  kind: FrameKind;
  start: number;
  end: number;
  deliveries: Delivery[] = [];

  constructor(events: TraceEvents, e: TraceEvent & { kind: 'tx' }, txIndex: number, start: number, end: number) {
    this.#events = events;
    this.frameId = e.frame.id;
    this.txIndex = txIndex;
    this.host = e.host;
    this.dev = e.dev;
    this.segment = e.segment;
    this.kind = e.frameKind;
    this.start = start;
    this.end = end;
  }

  get frame(): Frame {
    return (this.#events.at(this.txIndex) as TraceEvent & { kind: 'tx' }).frame;
  }

  toJSON(): Flight {
    const { frameId, txIndex, host, dev, segment, kind, frame, start, end, deliveries } = this;
    return { frameId, txIndex, host, dev, segment, kind, frame, start, end, deliveries };
  }
}

/** A delivery read and not yet shown: it joins its flight (and may move its end to `v`) when shown. */
interface PendingDelivery {
  flight: Flight;
  delivery: Delivery;
  v: number;
}

/** Events read between two looks at the clock (`read`'s `stop`): a slice is well under a millisecond. */
const READ_SLICE = 32;

/**
 * The timeline built as the trace arrives (a streamed simulation: src/store/traceStream.ts),
 * in two moves: `read` takes events in (any number at a time, resuming where it stopped,
 * within a time budget if asked: reading parses each frame sent and each tool line, 6,005
 * events for one `ping -c 1000 -i 0` step, too much for one animation frame on a loaded
 * machine), and `show` makes the events read up to the end of whole steps part of the
 * timeline — a copy of what was computed, costing microseconds. What was read and not shown
 * stays out of the timeline's arrays (they are shared with readers, who take their lengths
 * for the trace's: cursorAt, flightsInAir), and so do deliveries to shown flights: a timeline
 * is always buildTimeline's for the steps shown. Reading and showing every event and step of a
 * SimResult, in any slices, gives what buildTimeline gives for it.
 */
export class TimelineBuilder {
  private readonly vt: number[] = [];
  private readonly flights: Flight[] = [];
  private readonly flightIndex: Record<number, number> = {};
  private readonly stops: StopMark[] = [];
  private readonly stepSpans: [number, number][] = [];
  /** Visual time of the last event shown (0 before any). */
  private duration = 0;
  // Read, not yet shown: events [vt.length, vt.length + readVt.length).
  private readVt: number[] = [];
  private readFlights: Flight[] = [];
  /** Flights read and not yet shown, by frame id (shown ones are in flightIndex). */
  private readonly readFlightIndex = new Map<number, Flight>();
  private readStops: StopMark[] = [];
  private readDeliveries: PendingDelivery[] = [];
  /** Visual and simulated time of the last event read. */
  private v = 0;
  private lastT: Micros | null = null;
  private readonly travel: number;
  /** The whole trace, if flights read their frames from it (TracedFlight). */
  private readonly trace: TraceEvents | null;

  constructor(travel = TRAVEL_MS, trace: TraceEvents | null = null) {
    this.travel = travel;
    this.trace = trace;
  }

  /** Events read so far (shown or not): the index of the next one to read. */
  get readCount(): number {
    return this.vt.length + this.readVt.length;
  }

  /** Events continuing the trace (in order), then the steps completed with them: read and shown. */
  append(events: TraceEvents, steps: readonly StepResult[]): void {
    const from = this.readCount;
    this.read((i) => events.at(i - from)!, from + events.length);
    this.show(steps);
  }

  /**
   * Reads the trace's events from readCount up to `to` (`at(i)` is event i of the whole
   * trace), or fewer once `stop()` says so (asked every READ_SLICE events); a later call goes
   * on from there. Returns readCount.
   */
  read(at: (i: number) => TraceEvent, to: number, stop?: () => boolean): number {
    const { flightIndex, flights, readFlightIndex, travel } = this;
    for (let i = this.readCount, n = 0; i < to; i++, n++) {
      if (stop && n === READ_SLICE) {
        if (stop()) break;
        n = 0;
      }
      const e = at(i);
      if (this.lastT !== null) this.v += gapFor(e.t - this.lastT);
      this.lastT = e.t;
      if (e.kind === 'rx') {
        // The frame's latest flight (as flightIndex, where a frame sent again points).
        const fi = flightIndex[e.frameId];
        const f = readFlightIndex.get(e.frameId) ?? (fi !== undefined ? flights[fi] : undefined);
        if (f !== undefined) {
          this.v = Math.max(this.v, f.start + travel);
          this.readDeliveries.push({ flight: f, delivery: { host: e.host, dev: e.dev, index: i }, v: this.v });
        }
      }
      const v = this.v;
      this.readVt.push(v);
      if (e.kind === 'tx') {
        // A frame that reaches no segment stops at its own port: half the trip.
        const end = v + (e.segment === null ? travel / 2 : travel);
        const f: Flight = this.trace ? new TracedFlight(this.trace, e, i, v, end) : {
          frameId: e.frame.id, txIndex: i, host: e.host, dev: e.dev, segment: e.segment, kind: e.frameKind,
          frame: e.frame, start: v, end, deliveries: [],
        };
        this.readFlights.push(f);
        readFlightIndex.set(f.frameId, f);
      } else if (e.kind === 'decision' && e.frameId !== null && e.dev !== null && isStop(e)) {
        this.readStops.push({ index: i, frameId: e.frameId, host: e.host, dev: e.dev, verdict: e.verdict, rule: e.rule });
      }
    }
    return this.readCount;
  }

  /**
   * Shows the events read up to the end of the last of `steps` (the steps completed next,
   * in order; their events must have been read), and the steps.
   */
  show(steps: readonly StepResult[]): void {
    if (!steps.length) return;
    const { vt, flights, flightIndex, stops } = this;
    const to = steps[steps.length - 1].events[1];
    if (to > this.readCount) throw new Error(`timeline: steps up to event ${to} shown, ${this.readCount} read`);
    const n = to - vt.length;
    for (let k = 0; k < n; k++) vt.push(this.readVt[k]);
    this.readVt = this.readVt.slice(n);
    let k = 0;
    for (; k < this.readFlights.length && this.readFlights[k].txIndex < to; k++) {
      const f = this.readFlights[k];
      flightIndex[f.frameId] = flights.push(f) - 1;
      if (this.readFlightIndex.get(f.frameId) === f) this.readFlightIndex.delete(f.frameId);
    }
    this.readFlights = this.readFlights.slice(k);
    for (k = 0; k < this.readStops.length && this.readStops[k].index < to; k++) stops.push(this.readStops[k]);
    this.readStops = this.readStops.slice(k);
    for (k = 0; k < this.readDeliveries.length && this.readDeliveries[k].delivery.index < to; k++) {
      const { flight: f, delivery: d, v } = this.readDeliveries[k];
      // A first delivery makes an array of one (most frames have one receiver: pushing onto
      // [] would allocate room for 17, 150 bytes a frame over a million-event trace).
      if (f.deliveries.length === 0) f.deliveries = [d];
      else f.deliveries.push(d);
      f.end = Math.max(f.end, v);
    }
    this.readDeliveries = this.readDeliveries.slice(k);
    this.duration = vt.length ? vt[vt.length - 1] : 0;
    for (const s of steps) {
      const [a, b] = s.events;
      const start = a < vt.length ? vt[a] : this.duration;
      const end = b > a ? vt[b - 1] : start;
      this.stepSpans.push([start, end]);
    }
  }

  /**
   * The timeline shown so far. Its arrays are the builder's own and keep growing as later
   * steps are shown (only at their ends; a flight in the air may still get deliveries), except
   * stepSpans, copied so that a new snapshot is a new array for the step marks.
   */
  timeline(): Timeline {
    const { vt, flights, flightIndex, stops } = this;
    return { vt, flights, flightIndex, stops, stepSpans: this.stepSpans.slice(), duration: this.duration };
  }
}

/** Number of events whose visual time is ≤ v (binary search; vt is non-decreasing). */
export function cursorAt(vt: number[], v: number): number {
  let lo = 0;
  let hi = vt.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vt[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the step that the last applied event belongs to (0 when nothing ran yet). */
export function stepOfCursor(sim: SimResult, cursor: number): number {
  if (cursor <= 0) return 0;
  const idx = cursor - 1;
  // The last step starting at or before idx (steps start in order; a binary search, as
  // selectors ask on every playback update and a scenario may have a thousand steps).
  const st = sim.steps;
  let lo = 0;
  let hi = st.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (st[mid].events[0] <= idx) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** How many steps have all their events applied at `cursor` (steps end in order: always the first n). */
export function stepsDone(sim: SimResult, cursor: number): number {
  const st = sim.steps;
  let lo = 0;
  let hi = st.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cursor >= st[mid].events[1]) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Simulated time at visual time v: linear between the events around it. */
export function simTimeAt(sim: SimResult, tl: Timeline, v: number): Micros {
  const ev = sim.events;
  if (ev.length === 0) return 0;
  const c = cursorAt(tl.vt, v);
  if (c === 0) return ev.at(0)!.t;
  if (c >= ev.length) return ev.at(ev.length - 1)!.t;
  const v0 = tl.vt[c - 1];
  const v1 = tl.vt[c];
  const t0 = ev.at(c - 1)!.t;
  const t1 = ev.at(c)!.t;
  if (v1 <= v0) return t0;
  return Math.round(t0 + ((t1 - t0) * (v - v0)) / (v1 - v0));
}

/** Flights whose tx has been applied and that are still on the wire at visual time v. */
export function flightsInAir(tl: Timeline, cursor: number, v: number, travel = TRAVEL_MS): Flight[] {
  const out: Flight[] = [];
  const fl = tl.flights;
  // flights are sorted by start; a flight lasts at most `travel` plus any wait of its receivers.
  let lo = 0;
  let hi = fl.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fl[mid].start <= v) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const f = fl[i];
    if (f.txIndex >= cursor) continue;
    // On the wire until it arrives; at the arrival instant only while the delivery is the last event applied.
    if (v < f.end || (v === f.end && f.deliveries.some((d) => d.index === cursor - 1))) out.push(f);
    else if (f.start < v - 4 * travel) break;
  }
  return out.reverse();
}
