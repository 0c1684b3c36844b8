/**
 * An L2 segment modelled as a Linux bridge: it learns source MACs (fdb, 300 s ageing)
 * and floods broadcasts and unknown unicast. A Linux bridge floods to the port attached
 * most recently first (br_flood walks a list that new ports are added to at the head), so
 * on one segment replies race in that order — the recordings show it.
 */
import type { Device } from '../host/model.ts';
import { isGroupMac, type Mac } from '../net/mac.ts';
import { WIRE_DELAY, type World } from '../sim/world.ts';
import type { Frame, FrameKind, Micros, TxEvent } from '../trace.ts';
import { receiveFrame } from '../host/rx.ts';

const FDB_AGEING: Micros = 300_000_000;
/** Delay before the link watch tells the bridge that a port's link came up. */
export const LINKWATCH_DELAY: Micros = 1_000;

export interface Port {
  bridge: Bridge;
  dev: Device;
  /** Attachment order (0 = first attached). */
  order: number;
  /**
   * Until this time the port does not forward: after its link comes up, the bridge learns
   * of the carrier only when the link watch runs (asynchronously), so frames sent during
   * NETDEV_UP itself enter the port and are dropped (br_handle_frame, port disabled).
   */
  disabledUntil: Micros;
}

export class Bridge {
  readonly name: string;
  /** The segment's index in its world's trace (World.rx; -1 until a delivery is recorded). */
  traceSegment = -1;
  ports: Port[] = [];
  private flood: Port[] | null = null;
  private fdb = new Map<Mac, { port: Port; at: Micros }>();

  constructor(name: string) {
    this.name = name;
  }

  attach(dev: Device): Port {
    const port: Port = { bridge: this, dev, order: this.ports.length, disabledUntil: 0 };
    this.ports.push(port);
    this.flood = null;
    dev.port = port;
    return port;
  }

  /**
   * Ports in flood order: most recently attached first. Made when first needed after an
   * attach, not at every attach (that was quadratic: 100,000 ports took minutes to build).
   */
  get floodOrder(): Port[] {
    return (this.flood ??= [...this.ports].reverse());
  }

  /** Ports a frame entering at `inPort` leaves by. */
  egress(w: World, inPort: Port, dst: Mac, src: Mac): Port[] {
    if (w.now < inPort.disabledUntil) return [];
    this.fdb.set(src, { port: inPort, at: w.now });
    if (!isGroupMac(dst)) {
      const hit = this.fdb.get(dst);
      if (hit && w.now - hit.at < FDB_AGEING) return hit.port === inPort || !hit.port.dev.up ? [] : [hit.port];
    }
    const out: Port[] = [];
    for (const p of this.floodOrder) if (p !== inPort && p.dev.up && w.now >= p.disabledUntil) out.push(p);
    return out;
  }
}

/** Sends a frame out of `dev`: the tx event, then one delivery per egress port of its bridge. */
export function transmit(w: World, dev: Device, frame: Frame, kind: FrameKind): void {
  if (!dev.up) {
    w.decision(frame.id, dev.host, dev, 'arp_rcv.down', 'drop', 'dev_down', [], {});
    return;
  }
  const port = dev.port;
  const tx: TxEvent = { kind: 'tx', t: w.now, host: dev.host.name, dev: dev.name, segment: port ? port.bridge.name : null, frameKind: kind, frame };
  if (w.causeFrame !== null) tx.cause = w.causeFrame;
  w.events.push(tx);
  const delivered: string[] = [];
  if (frame.arp) w.stepFrames.push({ frame, from: dev, t: w.now, kind, delivered });
  if (!port) return;
  const out = port.bridge.egress(w, port, frame.dst, frame.src);
  if (out.length === 0) return;
  for (const p of out) delivered.push(p.dev.id);
  // One queue event delivers to every egress port, in flood order, at the same instant.
  const bridge = port.bridge;
  w.at(w.now + WIRE_DELAY, () => {
    for (const p of out) {
      const to = p.dev;
      w.deliveries++;
      if (w.traceDetail) w.rx(frame, to, bridge);
      receiveFrame(w, to, frame);
    }
  });
}

export function frameSummary(f: Frame): string {
  if (f.arp) {
    const a = f.arp;
    if (a.op === 1) return `who-has ${a.tpa} tell ${a.spa}`;
    if (a.op === 2) return `${a.spa} is-at ${a.sha}`;
    return `ARP op ${a.op}`;
  }
  if (f.ip?.icmp) return `${f.ip.src} > ${f.ip.dst}: ICMP ${f.ip.icmp.type} seq ${f.ip.icmp.seq}`;
  if (f.ip?.tcp) return `${f.ip.src}.${f.ip.tcp.sport} > ${f.ip.dst}.${f.ip.tcp.dport}: Flags [${f.ip.tcp.flags}]`;
  if (f.ip?.udp) return `${f.ip.src}.${f.ip.udp.sport} > ${f.ip.dst}.${f.ip.udp.dport}: UDP`;
  if (f.ip?.ipip) return `${f.ip.src} > ${f.ip.dst}: IP-in-IP`;
  return 'frame';
}

