/**
 * The simulated network: hosts, bridges, the event queue, the seeded RNG and the trace.
 * Everything the kernel objects do goes through here so that it lands in the trace.
 */
import { EventQueue, type QueueItem } from './queue.ts';
import { Rng } from './rng.ts';
import type { Host, Device } from '../host/model.ts';
import type { Bridge } from '../l2/bridge.ts';
import type {
  AlsoReason,
  ArpFields,
  DecisionParams,
  NeighCause,
  ReasonCode,
  ReasonOf,
  VerdictOf,
  Frame,
  FrameKind,
  IpFields,
  Micros,
  NudState,
  OutputEvent,
  RuleId,
  SettingUse,
  Verdict,
} from '../trace.ts';
import type { ArpingSession } from '../tools/arping.ts';
import type { PingSession } from '../tools/ping.ts';
import { frameLength } from '../ip/packet.ts';
import type { Flows } from './flows.ts';
import { TraceLog, type DecisionData } from './traceLog.ts';

/** Time a frame takes from the sender through the bridge to a receiver. */
export const WIRE_DELAY: Micros = 10;

/** Queue events between two budget checks: cheap enough to be invisible in the bench. */
const WATCH_EVERY = 1024;

/**
 * Thrown by the event loop when `World.haltWhen` holds: the run stops between two queue
 * items, with every host as it is at that point (sim/haltAt.ts).
 */
export const HALTED: unique symbol = Symbol('halted');

export class World {
  now: Micros = 0;
  readonly queue = new EventQueue();
  readonly rng: Rng;
  readonly hosts = new Map<string, Host>();
  readonly hostList: Host[] = [];
  readonly bridges: Bridge[] = [];
  /** The trace (compact: deliveries and decisions are rows of numbers, see traceLog.ts). */
  readonly events = new TraceLog();
  /** The last decision data recorded (see dataOf). */
  private lastData: DecisionData | null = null;
  private lastDataIx = -1;
  /** When false, decision/rx events are not recorded (benchmarks of raw speed). */
  traceDetail = true;
  private frameSeq = 0;
  /** Active arping sessions, by device (their packet sockets see what the device receives). */
  readonly arpingTaps = new Map<Device, ArpingSession[]>();
  readonly pings = new Map<string, PingSession>();
  /** Frames of the current step (ARP only), for the step's output. */
  stepFrames: { frame: Frame; from: Device; t: Micros; kind: FrameKind; delivered: string[] }[] = [];
  deliveries = 0;
  /** The frame being processed right now, so frames sent in response can point back to it. */
  causeFrame: number | null = null;
  /**
   * Called every WATCH_EVERY queue events: the simulation checks its work budget there
   * (and may throw BudgetError) and reports progress.
   */
  watch: (() => void) | null = null;
  /**
   * When set, checked before every queue item: once it holds the run stops by throwing
   * HALTED (the inspector's view of a point inside a step, sim/haltAt.ts). Null in every
   * ordinary run.
   */
  haltWhen: (() => boolean) | null = null;
  private sinceWatch = 0;

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  at(t: Micros, run: () => void): QueueItem {
    return this.queue.push(Math.max(t, this.now), run);
  }

  after(dt: Micros, run: () => void): QueueItem {
    return this.queue.push(this.now + dt, run);
  }

  /** Runs every event due up to and including time `t`, then sets the clock to `t`. */
  runUntil(t: Micros): void {
    for (;;) {
      const next = this.queue.peekTime();
      if (next === undefined || next > t) break;
      if (this.haltWhen?.()) throw HALTED;
      const item = this.queue.pop()!;
      if (item.cancelled) continue;
      this.now = item.t;
      item.run();
      if (++this.sinceWatch >= WATCH_EVERY) this.watched();
    }
    this.now = t;
  }

  /** Runs until `done()` holds after some event, or until `limit`; returns the time it stopped. */
  runWhile(notDone: () => boolean, limit: Micros): Micros {
    while (notDone()) {
      const next = this.queue.peekTime();
      if (next === undefined || next > limit) {
        this.now = limit;
        return limit;
      }
      if (this.haltWhen?.()) throw HALTED;
      const item = this.queue.pop()!;
      if (item.cancelled) continue;
      this.now = item.t;
      item.run();
      if (++this.sinceWatch >= WATCH_EVERY) this.watched();
    }
    return this.now;
  }

  private watched(): void {
    this.sinceWatch = 0;
    this.watch?.();
  }

  newFrame(src: string, dst: string, body: { arp: ArpFields } | { ip: IpFields }): Frame {
    const id = ++this.frameSeq;
    if ('arp' in body) return { id, src, dst, ethertype: 0x0806, arp: body.arp, length: 42 };
    return { id, src, dst, ethertype: 0x0800, ip: body.ip, length: frameLength(body.ip) };
  }

  /** Records a decision: data only (rule, verdict, reason code, settings, values). */
  decision<R extends RuleId, V extends VerdictOf<R>>(
    frameId: number | null,
    host: Host,
    dev: Device | null,
    rule: R,
    verdict: V,
    reason: ReasonOf<R, V>,
    settings: SettingUse[],
    params: DecisionParams,
    also?: AlsoReason,
  ): void {
    if (!this.traceDetail) return;
    const port = dev ? this.portOf(dev) : this.portOf(host);
    this.events.decision(this.now, frameId, port, this.dataOf(rule, verdict, reason as ReasonCode, settings, params, also));
  }

  /** Records the delivery of `frame` to `dev`, a port of `bridge`. */
  rx(frame: Frame, dev: Device, bridge: Bridge): void {
    if (bridge.traceSegment < 0) bridge.traceSegment = this.events.addSegment(bridge.name);
    this.events.rx(this.now, frame.id, this.portOf(dev), bridge.traceSegment);
  }

  /** The trace's index of a device (or of a host, for decisions about no device), kept on it: no lookup per event. */
  private portOf(x: Device | Host): number {
    if (x.tracePort < 0) x.tracePort = 'host' in x ? this.events.addPort(x.host.name, x.name) : this.events.addPort(x.name, null);
    return x.tracePort;
  }

  /**
   * The index of a decision's shared data. The decisions of one broadcast on a busy
   * segment follow one another with the same data (the engine shares settings and a
   * frame's params by reference), so comparing with the last one finds nearly all repeats.
   */
  private dataOf(rule: RuleId, verdict: Verdict, reason: ReasonCode, settings: SettingUse[], params: DecisionParams, also: AlsoReason | undefined): number {
    const d = this.lastData;
    if (d && d.params === params && d.settings === settings && d.rule === rule && d.verdict === verdict && d.reason === reason && d.also === also) return this.lastDataIx;
    this.lastData = { rule, verdict, reason, settings, params, also };
    return (this.lastDataIx = this.events.addDecision(this.lastData));
  }

  neighEvent(dev: Device, ip: string, from: NudState | null, to: NudState | null, lladdr: string | null, cause: NeighCause, frameId: number | null): void {
    if (!this.traceDetail) return;
    this.events.push({ kind: 'neigh', t: this.now, host: dev.host.name, dev: dev.name, ip, from, to, lladdr, cause, frameId });
  }

  /** Connections a connect tool follows (their paths and who served them), or null. */
  flows: Flows | null = null;

  output(host: Host, tool: OutputEvent['tool'], line: string): void {
    this.events.push({ kind: 'output', t: this.now, host: host.name, tool, line });
  }
}
