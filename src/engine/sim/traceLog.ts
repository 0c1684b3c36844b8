/**
 * A run's trace, recorded compactly. A broadcast on a busy segment is one delivery per host
 * and, for most of them, one decision ("not for us"); as objects those were two allocations
 * per delivery that the garbage collector then copied, promoted and marked for the rest of
 * the run — the trace cost most of the simulation's speed (issue 9: `bench: trace ratio`).
 * Here a delivery and a decision are a row of numbers in typed arrays (time, frame, who,
 * what), filled a chunk at a time: who is an interned host/device pair, what a segment or a decision's data (rule,
 * verdict, reason, settings, params, also) shared by every decision with the same data,
 * which the engine already shares (conf.ts interns settings, receive.ts a frame's params).
 * Every other event is kept as the object it was recorded as.
 *
 * Readers see the same TraceEvent objects as before, one at a time (`at`, iteration,
 * `slice`): a delivery's or decision's object is made when read, with its fields in the
 * order the engine used to write them, so printing a trace gives the same bytes. It holds
 * plain data only (no Map, no engine object): posted from the worker by structured clone,
 * it is revived on the page with `reviveTraceLog`, without loading the engine.
 */
import type { AlsoReason, DecisionEvent, DecisionParams, ReasonCode, RuleId, SettingUse, TraceEvent, TraceEvents, Verdict } from '../trace.ts';

/** Row kinds: an event kept as its object, a delivery, a decision. */
const OBJECT = 0;
const RX = 1;
const DECISION = 2;

/** What decisions share: everything but when, which frame and where. */
export interface DecisionData {
  rule: RuleId;
  verdict: Verdict;
  reason: ReasonCode;
  settings: SettingUse[];
  params: DecisionParams;
  also: AlsoReason | undefined;
}

/** Rows per chunk: the columns grow a chunk at a time, never copied (a run can record millions). */
const SHIFT = 14;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

/** CHUNK rows of the columns. */
interface Chunk {
  kinds: Uint8Array;
  times: Float64Array;
  /** The frame of a delivery or decision (-1: a decision about no frame). */
  frames: Int32Array;
  /** Index into portHost/portDev. */
  ports: Int32Array;
  /** Index into objects, segments or decisions, by kind. */
  refs: Int32Array;
}

const newChunk = (): Chunk => ({ kinds: new Uint8Array(CHUNK), times: new Float64Array(CHUNK), frames: new Int32Array(CHUNK), ports: new Int32Array(CHUNK), refs: new Int32Array(CHUNK) });

export class TraceLog implements TraceEvents {
  length = 0;
  chunks: Chunk[] = [];
  objects: TraceEvent[] = [];
  portHost: string[] = [];
  portDev: (string | null)[] = [];
  segments: string[] = [];
  decisions: DecisionData[] = [];

  /** A host/device pair's index (the caller interns: the log holds data only). */
  addPort(host: string, dev: string | null): number {
    this.portHost.push(host);
    return this.portDev.push(dev) - 1;
  }

  addSegment(name: string): number {
    return this.segments.push(name) - 1;
  }

  addDecision(d: DecisionData): number {
    return this.decisions.push(d) - 1;
  }

  push(e: TraceEvent): void {
    this.row(OBJECT, e.t, -1, -1, this.objects.push(e) - 1);
  }

  rx(t: number, frameId: number, port: number, segment: number): void {
    this.row(RX, t, frameId, port, segment);
  }

  decision(t: number, frameId: number | null, port: number, data: number): void {
    this.row(DECISION, t, frameId ?? -1, port, data);
  }

  private row(kind: number, t: number, frame: number, port: number, ref: number): void {
    const i = this.length++;
    const j = i & MASK;
    const c = j === 0 ? this.chunks[this.chunks.push(newChunk()) - 1] : this.chunks[i >>> SHIFT];
    c.kinds[j] = kind;
    c.times[j] = t;
    c.frames[j] = frame;
    c.ports[j] = port;
    c.refs[j] = ref;
  }

  /** Event `i` (negative counts from the end, as Array.prototype.at). */
  at(i: number): TraceEvent | undefined {
    i = Math.trunc(i) || 0;
    if (i < 0) i += this.length;
    if (!(i >= 0 && i < this.length)) return undefined;
    const c = this.chunks[i >>> SHIFT];
    const j = i & MASK;
    const ref = c.refs[j];
    switch (c.kinds[j]) {
      case OBJECT:
        return this.objects[ref];
      case RX: {
        const p = c.ports[j];
        return { kind: 'rx', t: c.times[j], frameId: c.frames[j], host: this.portHost[p], dev: this.portDev[p]!, segment: this.segments[ref] };
      }
      default: {
        const p = c.ports[j];
        const d = this.decisions[ref];
        const f = c.frames[j];
        const e: DecisionEvent = { kind: 'decision', t: c.times[j], frameId: f < 0 ? null : f, host: this.portHost[p], dev: this.portDev[p], rule: d.rule, verdict: d.verdict, reason: d.reason, settings: d.settings, params: d.params, also: d.also };
        return e;
      }
    }
  }

  /** Events [start, end) as an array (negative and missing bounds as Array.prototype.slice). */
  slice(start = 0, end = this.length): TraceEvent[] {
    const n = this.length;
    const a = start < 0 ? Math.max(n + start, 0) : Math.min(start, n);
    const b = end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
    const out: TraceEvent[] = [];
    for (let i = a; i < b; i++) out.push(this.at(i)!);
    return out;
  }

  *[Symbol.iterator](): IterableIterator<TraceEvent> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

/**
 * A TraceLog again after a structured clone (which keeps its data, not its class); other
 * event lists (a plain array) are returned as they are.
 */
export function reviveTraceLog(events: TraceEvents): TraceEvents {
  if (events instanceof TraceLog || Array.isArray(events)) return events;
  return Object.setPrototypeOf(events, TraceLog.prototype) as TraceLog;
}
