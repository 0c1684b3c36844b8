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
    return this.rowEvent(i);
  }

  /** Row i's event, unchecked (at() checks the bounds). */
  protected rowEvent(i: number): TraceEvent {
    const c = this.chunks[i >>> SHIFT];
    const j = i & MASK;
    const ref = c.refs[j];
    switch (c.kinds[j]) {
      case OBJECT:
        return this.object(ref);
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

  /**
   * Calls `fn` with each event in [start, end) kept as its object (every kind but deliveries
   * and decisions) and its index, without making the deliveries' and decisions' objects: a
   * reader after one kind (the view's neighbour tables want `neigh`) skips the bulk of a run.
   */
  forEachObject(start: number, end: number, fn: (e: TraceEvent, i: number) => void): void {
    const b = Math.min(end, this.length);
    for (let i = Math.max(0, start); i < b; i++) {
      const c = this.chunks[i >>> SHIFT];
      const j = i & MASK;
      if (c.kinds[j] === OBJECT) fn(this.object(c.refs[j]), i);
    }
  }

  /** Object `ref` of the OBJECT rows (a log received in parts reads it from their text). */
  protected object(ref: number): TraceEvent {
    return this.objects[ref];
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
 * Rows [from, from + kinds.length) of a TraceLog, to be sent to another thread: its columns as
 * typed arrays of their own (transferable: the receiver gets them without a copy or any
 * object to deserialise), the objects of its OBJECT rows, and the entries of the interned
 * tables (ports, segments, decisions) added since the previous part. A streamed run posts
 * these instead of event objects (src/view/sim/chunks.ts): a delivery or a decision costs the
 * page 21 bytes of typed arrays, not an object graph for the structured clone and the garbage
 * collector (issue 15: the page's onmessage was 1.95 s of deserialisation and 1.0 s of GC
 * over a 1,000-ping run).
 */
export interface TraceLogPart {
  from: number;
  kinds: Uint8Array;
  times: Float64Array;
  frames: Int32Array;
  ports: Int32Array;
  refs: Int32Array;
  /**
   * The objects of this part's OBJECT rows, in order (the log's objects from `objectsFrom`),
   * as JSON text, object k ending at objectEnds[k]: one string crosses the thread boundary,
   * not an object graph, and the receiver parses an object only when it is read
   * (ReceivedTraceLog) — a frame's objects would otherwise be millions of live objects on
   * the page for the garbage collector to mark and move.
   */
  objectsJson: string;
  objectEnds: Int32Array;
  objectsFrom: number;
  /** Table entries from these indices on (what the receiver has not had yet). */
  portsFrom: number;
  portHost: string[];
  portDev: (string | null)[];
  segmentsFrom: number;
  segments: string[];
  decisionsFrom: number;
  /**
   * New decision entries; a number is an entry equal to the one sent at that index (a run
   * records a decision entry per frame when a frame's params are in it — 166,634 for
   * 1,000 × ping -c 1000 — but few distinct ones: the receiver holds one object for each).
   */
  decisions: (DecisionData | number)[];
}

/** What a receiver already has of a log's tables: where the next part's entries start. */
export interface PartCursor {
  objects: number;
  ports: number;
  segments: number;
  decisions: number;
  /** Each distinct decision entry sent (its JSON) and the index it was first sent at. */
  sentDecisions: Map<string, number>;
}

export const newPartCursor = (): PartCursor => ({ objects: 0, ports: 0, segments: 0, decisions: 0, sentDecisions: new Map() });

/** Decision entries [from, to) of `log`, those equal to one sent before as its index. */
function decisionsToSend(log: TraceLog, sent: PartCursor): (DecisionData | number)[] {
  const out: (DecisionData | number)[] = [];
  for (let i = sent.decisions; i < log.decisions.length; i++) {
    const d = log.decisions[i];
    const key = JSON.stringify(d);
    const same = sent.sentDecisions.get(key);
    if (same === undefined) sent.sentDecisions.set(key, i);
    out.push(same ?? d);
  }
  return out;
}

/** The buffers of a part, for postMessage's transfer list. */
export const partBuffers = (p: TraceLogPart): ArrayBuffer[] => [p.kinds.buffer, p.times.buffer, p.frames.buffer, p.ports.buffer, p.refs.buffer, p.objectEnds.buffer] as ArrayBuffer[];

/** Objects as JSON text and the end of each one in it. */
function objectsText(objects: readonly TraceEvent[]): { objectsJson: string; objectEnds: Int32Array } {
  const parts: string[] = [];
  const objectEnds = new Int32Array(objects.length);
  let end = 0;
  for (let k = 0; k < objects.length; k++) {
    const j = JSON.stringify(objects[k]);
    parts.push(j);
    objectEnds[k] = end += j.length;
  }
  return { objectsJson: parts.join(''), objectEnds };
}

/**
 * Rows [from, to) of `events` as a part, given what the receiver has (`sent`, advanced
 * here). A log that is not a TraceLog (a plain array) is sent as OBJECT rows.
 */
export function traceLogPart(events: TraceEvents, from: number, to: number, sent: PartCursor): TraceLogPart {
  const n = to - from;
  const kinds = new Uint8Array(n);
  const times = new Float64Array(n);
  const frames = new Int32Array(n);
  const ports = new Int32Array(n);
  const refs = new Int32Array(n);
  const objectsFrom = sent.objects;
  if (!(events instanceof TraceLog)) {
    const objects = events.slice(from, to);
    for (let k = 0; k < n; k++) {
      kinds[k] = OBJECT;
      times[k] = objects[k].t;
      frames[k] = -1;
      ports[k] = -1;
      refs[k] = objectsFrom + k;
    }
    sent.objects += n;
    return { from, kinds, times, frames, ports, refs, ...objectsText(objects), objectsFrom, portsFrom: sent.ports, portHost: [], portDev: [], segmentsFrom: sent.segments, segments: [], decisionsFrom: sent.decisions, decisions: [] };
  }
  let objectsTo = objectsFrom;
  for (let k = 0; k < n; k++) {
    const i = from + k;
    const c = events.chunks[i >>> SHIFT];
    const j = i & MASK;
    kinds[k] = c.kinds[j];
    times[k] = c.times[j];
    frames[k] = c.frames[j];
    ports[k] = c.ports[j];
    refs[k] = c.refs[j];
    if (kinds[k] === OBJECT) objectsTo = c.refs[j] + 1;
  }
  const part: TraceLogPart = {
    from, kinds, times, frames, ports, refs,
    ...objectsText(events.objects.slice(objectsFrom, objectsTo)), objectsFrom,
    portsFrom: sent.ports, portHost: events.portHost.slice(sent.ports), portDev: events.portDev.slice(sent.ports),
    segmentsFrom: sent.segments, segments: events.segments.slice(sent.segments),
    decisionsFrom: sent.decisions, decisions: decisionsToSend(events, sent),
  };
  sent.objects = objectsTo;
  sent.ports = events.portHost.length;
  sent.segments = events.segments.length;
  sent.decisions = events.decisions.length;
  return part;
}

/**
 * A TraceLog put together from parts on another thread (writeTraceLogPart): its OBJECT rows'
 * objects are kept as the JSON text they came in, and parsed when read — each read gives a
 * new object, as a delivery's or a decision's row does.
 */
export class ReceivedTraceLog extends TraceLog {
  private readonly texts: string[] = [];
  private readonly textEnds: Int32Array[] = [];
  /** The index of each text's first object. */
  private readonly textFirst: number[] = [];
  objectCount = 0;
  /** Rows written (writeTraceLogPart); those past `length` are not part of the log yet. */
  received = 0;

  /** Row i's event, if it was written, even past `length` (the timeline reads ahead: store/traceStream.ts). */
  receivedAt(i: number): TraceEvent | undefined {
    return i >= 0 && i < this.received ? this.rowEvent(i) : undefined;
  }

  addObjects(json: string, ends: Int32Array): void {
    this.texts.push(json);
    this.textEnds.push(ends);
    this.textFirst.push(this.objectCount);
    this.objectCount += ends.length;
  }

  protected override object(ref: number): TraceEvent {
    const first = this.textFirst;
    // The last text whose first object is at or before ref.
    let lo = 0;
    let hi = first.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (first[mid] <= ref) lo = mid;
      else hi = mid - 1;
    }
    const k = ref - first[lo];
    const ends = this.textEnds[lo];
    return JSON.parse(this.texts[lo].slice(k ? ends[k - 1] : 0, ends[k])) as TraceEvent;
  }
}

/**
 * Writes a part into `log` (the receiving side of traceLogPart): its rows at their places
 * and its table entries. The rows become readable when the caller moves `log.length` past
 * them (a streamed run shows only whole steps: store/traceStream.ts). Parts come in order.
 */
export function writeTraceLogPart(log: ReceivedTraceLog, p: TraceLogPart): void {
  if (p.objectsFrom !== log.objectCount || p.portsFrom !== log.portHost.length || p.segmentsFrom !== log.segments.length || p.decisionsFrom !== log.decisions.length) {
    throw new Error('trace log part out of order');
  }
  if (p.objectEnds.length) log.addObjects(p.objectsJson, p.objectEnds);
  for (let k = 0; k < p.portHost.length; k++) log.addPort(p.portHost[k], p.portDev[k]);
  for (const s of p.segments) log.segments.push(s);
  for (const d of p.decisions) log.decisions.push(typeof d === 'number' ? log.decisions[d] : d);
  const n = p.kinds.length;
  let k = 0;
  while (k < n) {
    const i = p.from + k;
    const ci = i >>> SHIFT;
    while (log.chunks.length <= ci) log.chunks.push(newChunk());
    const c = log.chunks[ci];
    const j = i & MASK;
    // Whole runs of rows at once: as many as fit in this chunk of the columns.
    const m = Math.min(n - k, CHUNK - j);
    c.kinds.set(p.kinds.subarray(k, k + m), j);
    c.times.set(p.times.subarray(k, k + m), j);
    c.frames.set(p.frames.subarray(k, k + m), j);
    c.ports.set(p.ports.subarray(k, k + m), j);
    c.refs.set(p.refs.subarray(k, k + m), j);
    k += m;
  }
  log.received = p.from + n;
}

/**
 * A TraceLog again after a structured clone (which keeps its data, not its class); other
 * event lists (a plain array) are returned as they are.
 */
export function reviveTraceLog(events: TraceEvents): TraceEvents {
  if (events instanceof TraceLog || Array.isArray(events)) return events;
  return Object.setPrototypeOf(events, TraceLog.prototype) as TraceLog;
}
