/**
 * iputils `ping -n -c COUNT -W W [-I iface|addr] [-i interval] DEST` as a process in the
 * simulation: one echo request per interval; it exits when every packet was answered or
 * failed, or `W` seconds after the last one if nothing came back (schedule_exit).
 * IPv4 ping does not confirm neighbours (no MSG_CONFIRM), so its entries still go
 * STALE → DELAY → PROBE.
 */
import { fmtIp, parseIp, type Ip4 } from '../net/ip.ts';
import type { Device, Host, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { QueueItem } from '../sim/queue.ts';
import type { Micros } from '../trace.ts';
import type { PingAction } from '../input.ts';
import { routeOutput } from '../route/output.ts';
import { ipSendLocal } from '../ip/output.ts';

export interface ToolRun {
  done: boolean;
  ok: boolean | null;
  rc: number;
  lines: string[];
  /** SIGINT: print the summary and exit. */
  interrupt(): void;
}

export class PingSession implements ToolRun {
  done = false;
  ok: boolean | null = false;
  rc = 1;
  lines: string[] = [];
  private readonly w: World;
  private readonly host: Host;
  private readonly dst: Ip4;
  private src: Ip4 = 0;
  private oif: Device | null = null;
  private readonly count: number;
  private readonly linger: Micros;
  private readonly interval: Micros;
  private readonly id: number;
  private sent = 0;
  private received = 0;
  private errors = 0;
  private start = 0;
  private sentAt = new Map<number, Micros>();
  private rtts: number[] = [];
  private timers: QueueItem[] = [];
  private waittime: Micros = 0;

  constructor(w: World, host: Host, a: PingAction) {
    this.w = w;
    this.host = host;
    this.dst = parseIp(a.to) ?? 0;
    this.count = a.count ?? 1;
    this.linger = Math.round((a.W ?? 1) * 1e6);
    this.interval = Math.round((a.interval ?? 1) * 1e6);
    this.id = host.nextPingId++;
    if (a.iface !== undefined) {
      const asIp = parseIp(a.iface);
      if (asIp !== null) this.src = asIp;
      else this.oif = host.dev(a.iface) ?? null;
    }
    this.run(a);
  }

  private say(line: string): void {
    this.lines.push(line);
    this.w.output(this.host, 'ping', line);
  }

  private run(a: PingAction): void {
    const w = this.w;
    if (parseIp(a.to) === null) return this.fail(2, `ping: ${a.to}: Name or service not known`);
    if (a.iface !== undefined && this.src === 0 && !this.oif) return this.fail(2, `ping: SO_BINDTODEVICE ${a.iface}: No such device`);
    const r = routeOutput(this.host, this.dst, this.src, this.oif);
    if (!r.ok) return this.fail(2, r.errno === 'EINVAL' ? `ping: bind icmp socket: Cannot assign requested address` : `ping: connect: ${r.message}`);
    if (!this.src) this.src = r.src;
    const from = a.iface !== undefined ? ` from ${fmtIp(this.src)} ${this.oif ? this.oif.name : ''}:` : '';
    this.say(`PING ${a.to} (${a.to})${from} 56(84) bytes of data.`);
    w.pings.set(`${this.host.name}:${this.id}`, this);
    this.start = w.now;
    for (let i = 0; i < this.count; i++) this.timers.push(w.at(w.now + i * this.interval, () => this.send()));
  }

  private fail(rc: number, line: string): void {
    this.say(line);
    this.rc = rc;
    this.ok = false;
    this.done = true;
  }

  private send(): void {
    const seq = ++this.sent;
    const pkt: IpPacket = { src: this.src, dst: this.dst, ttl: 64, icmp: { type: 'echo-request', id: this.id, seq } };
    this.sentAt.set(seq, this.w.now);
    ipSendLocal(this.w, this.host, pkt, this.oif);
    if (this.sent === this.count && !this.done) {
      // schedule_exit: wait 2×max RTT (at least the interval) once something came back,
      // else the linger time (-W).
      this.waittime = this.received ? Math.max(2 * Math.max(0, ...this.rtts), this.interval) : this.linger;
      this.timers.push(this.w.at(this.w.now + this.waittime, () => this.finish()));
    }
  }

  /** The device ping -I IFACE bound its socket to (SO_BINDTODEVICE), if any. */
  get boundDev(): string | null {
    return this.oif ? this.oif.name : null;
  }

  /**
   * A socket bound to a device only receives what arrived on that device
   * (raw_v4_match / ping_lookup compare sk_bound_dev_if with the input device).
   */
  accepts(dev: Device): boolean {
    return !this.oif || this.oif === dev || dev.loopback;
  }

  onReply(p: IpPacket): void {
    if (this.done || !p.icmp) return;
    const t0 = this.sentAt.get(p.icmp.seq);
    if (t0 === undefined) return;
    this.sentAt.delete(p.icmp.seq);
    const rtt = this.w.now - t0;
    this.rtts.push(rtt);
    this.received++;
    this.say(`64 bytes from ${fmtIp(p.src)}: icmp_seq=${p.icmp.seq} ttl=${p.ttl} time=${(rtt / 1000).toFixed(3)} ms`);
    this.checkDone();
  }

  onError(p: IpPacket, from: string): void {
    if (this.done || !p.icmp) return;
    this.errors++;
    this.say(`From ${from} icmp_seq=${p.icmp.seq} Destination Host Unreachable`);
    this.checkDone();
  }

  private checkDone(): void {
    if (this.received + this.errors >= this.count) this.finish();
  }

  interrupt(): void {
    this.say('^C');
    this.finish();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    for (const t of this.timers) t.cancelled = true;
    this.w.pings.delete(`${this.host.name}:${this.id}`);
    const loss = this.sent ? Math.round((100 * (this.sent - this.received)) / this.sent) : 0;
    const elapsed = Math.round((this.w.now - this.start) / 1000);
    const errs = this.errors ? `, +${this.errors} errors` : '';
    this.say(`--- ${fmtIp(this.dst)} ping statistics ---`);
    this.say(`${this.sent} packets transmitted, ${this.received} received${errs}, ${loss}% packet loss, time ${this.sent > 1 ? elapsed : 0}ms`);
    if (this.rtts.length) {
      const ms = this.rtts.map((r) => r / 1000);
      const min = Math.min(...ms);
      const max = Math.max(...ms);
      const avg = ms.reduce((a, b) => a + b, 0) / ms.length;
      const mdev = Math.sqrt(ms.reduce((a, b) => a + (b - avg) ** 2, 0) / ms.length);
      this.say(`rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms`);
    }
    this.ok = this.received > 0;
    this.rc = this.received > 0 ? 0 : 1;
  }
}
