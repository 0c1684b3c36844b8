/**
 * iputils `arping` (release 20221126) as a process in the simulation. It builds its own
 * frames on a packet socket: tha = ff:ff:ff:ff:ff:ff while broadcasting, the replier's
 * MAC once it has one (unless -b); -D sends from 0.0.0.0, -U is a gratuitous request,
 * -A a gratuitous reply. Its own kernel still processes whatever arrives (arp_process).
 */
import { fmtIp, parseIp, type Ip4 } from '../net/ip.ts';
import { BROADCAST_MAC, type Mac } from '../net/mac.ts';
import { SCOPE, type Device, type Host } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { QueueItem } from '../sim/queue.ts';
import type { Frame, Micros } from '../trace.ts';
import type { ArpingAction } from '../input.ts';
import { routeOutput } from '../route/output.ts';
import { mainLookup } from '../route/route.ts';
import { selectAddr } from '../host/addr.ts';
import { arpSend } from '../arp/send.ts';
import type { PktType } from '../host/rx.ts';
import type { ToolRun } from './ping.ts';

export class ArpingSession implements ToolRun {
  done = false;
  ok: boolean | null = false;
  rc = 1;
  lines: string[] = [];
  private readonly w: World;
  private readonly host: Host;
  private dev: Device | null = null;
  private readonly target: Ip4;
  private src: Ip4 = 0;
  private readonly count: number;
  private readonly timeout: number;
  private readonly dad: boolean;
  private readonly unsolicited: boolean;
  private readonly advert: boolean;
  private readonly quitOnReply: boolean;
  private readonly broadcastOnly: boolean;
  private he: Mac = BROADCAST_MAC;
  private unicasting = false;
  private sent = 0;
  private brdSent = 0;
  private received = 0;
  private brdRecv = 0;
  private reqRecv = 0;
  private last: Micros = -1;
  private totalExpires = 1;
  private started = 0;
  private timers: QueueItem[] = [];

  constructor(w: World, host: Host, a: ArpingAction) {
    this.w = w;
    this.host = host;
    this.target = parseIp(a.target) ?? 0;
    this.count = a.count ?? -1;
    this.timeout = a.w ?? 0;
    this.dad = !!a.D;
    this.advert = !!a.A;
    this.unsolicited = !!a.U || !!a.A;
    this.quitOnReply = !!a.D || !!a.f;
    this.broadcastOnly = !!a.b;
    this.run(a);
  }

  private say(line: string): void {
    this.lines.push(line);
    this.w.output(this.host, 'arping', line);
  }

  /** Exits before any probe: no reply arrived (ok false), except -U/-A which never expect one. */
  private fail(rc: number, line: string): void {
    this.say(line);
    this.rc = rc;
    this.ok = this.unsolicited && !this.dad ? null : false;
    this.done = true;
  }

  private run(a: ArpingAction): void {
    const host = this.host;
    if (parseIp(a.target) === null) return this.fail(2, `arping: ${a.target}: Name or service not known`);
    if (a.iface !== undefined) {
      this.dev = host.dev(a.iface) ?? null;
      if (!this.dev) return this.fail(2, `arping: Device ${a.iface} not available.`);
    } else {
      const r = routeOutput(host, this.target);
      if (!r.ok) return this.fail(1, 'arping: NETLINK_ROUTE unexpected iov element');
      this.dev = r.dev;
    }
    const dev = this.dev;
    if (!dev.up) return this.fail(2, `Interface "${dev.name}" is down`);
    if (dev.noarp) {
      this.fail(this.dad ? 0 : 2, `Interface "${dev.name}" is not ARPable`);
      return;
    }
    if (a.src !== undefined) {
      const s = parseIp(a.src);
      if (s === null) return this.fail(2, `arping: invalid source ${a.src}`);
      this.src = s;
    } else if (!this.dad && this.unsolicited) {
      this.src = this.target;
    }
    if (!this.dad || a.src !== undefined) {
      if (this.src) {
        if (!host.isLocal(this.src)) return this.fail(2, 'arping: bind: Cannot assign requested address');
      } else if (!this.dad) {
        // connect() of a UDP socket bound to the device with SO_DONTROUTE: only on-link
        // (scope link) routes, else "assume on link".
        const r = mainLookup(host, this.target, dev, SCOPE.link);
        this.src = r ? r.prefsrc || selectAddr(dev, r.gw, r.scope) : selectAddr(dev, 0, SCOPE.link);
        if (host.isLocal(this.target)) this.src = this.target;
      }
    }
    this.say(`ARPING ${fmtIp(this.target)} from ${fmtIp(this.src)} ${dev.name}`);
    if (!this.src && !this.dad) return this.fail(2, 'arping: no source address in not-DAD mode');
    const taps = this.w.arpingTaps.get(dev) ?? [];
    taps.push(this);
    this.w.arpingTaps.set(dev, taps);
    this.started = this.w.now;
    this.send();
    if (this.done) return;
    this.timers.push(this.w.after(1_000_000, () => this.tick()));
  }

  private send(): void {
    const dev = this.dev!;
    const kind = this.advert ? 'garp-reply' : this.dad ? 'dad-probe' : this.unsolicited ? 'garp' : 'arping-request';
    arpSend(this.w, dev, this.advert ? 2 : 1, this.he, this.src, this.target, this.advert ? dev.mac : this.he, kind);
    this.last = this.w.now;
    this.sent++;
    if (!this.unicasting) this.brdSent++;
  }

  /**
   * The interval timerfd and the -w timerfd both expire on whole seconds; poll() reports
   * both and the loop handles the interval first, so `-w 2` still sends its probe at 2 s.
   */
  private tick(): void {
    if (this.done) return;
    this.totalExpires++;
    if (this.count > 0 && this.count < this.totalExpires) return this.finish();
    this.send();
    if (this.done) return;
    if (this.timeout > 0 && this.w.now - this.started >= this.timeout * 1_000_000) return this.finish();
    this.timers.push(this.w.after(1_000_000, () => this.tick()));
  }

  /** recv_pack: which frames count as answers. */
  onFrame(f: Frame, pkt: PktType): void {
    if (this.done) return;
    const a = f.arp!;
    const me = this.dev!.mac;
    if (a.op !== 1 && a.op !== 2) return;
    const src = parseIp(a.spa);
    const dst = parseIp(a.tpa);
    if (!this.dad) {
      if (src !== this.target || dst !== this.src || a.tha !== me) return;
    } else {
      if (src !== this.target || a.sha === me) return;
      if (this.src && this.src !== dst) return;
    }
    const us = this.w.now - this.last;
    const ms = Math.floor((us + 500) / 1000);
    const frac = us - (ms * 1000 - 500);
    let line = `${pkt === 'host' ? 'Unicast' : 'Broadcast'} ${a.op === 2 ? 'reply' : 'request'} from ${a.spa} [${a.sha.toUpperCase()}] `;
    let sPrinted = false;
    if (dst !== this.src) {
      line += `for ${a.tpa} `;
      sPrinted = true;
    }
    if (a.tha !== me) line += `${sPrinted ? '' : 'for '}[${a.tha.toUpperCase()}]`;
    line += this.last >= 0 ? ` ${ms}.${String(frac).padStart(3, '0')}ms` : ' UNSOLICITED?';
    this.say(line);
    this.received++;
    if (this.timeout && this.received === this.count) return this.finish();
    if (pkt !== 'host') this.brdRecv++;
    if (a.op === 1) this.reqRecv++;
    if (this.quitOnReply) return this.finish();
    if (!this.broadcastOnly) {
      this.he = a.sha;
      this.unicasting = true;
    }
  }

  interrupt(): void {
    this.finish();
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    for (const t of this.timers) t.cancelled = true;
    const taps = this.w.arpingTaps.get(this.dev!);
    if (taps) taps.splice(taps.indexOf(this), 1);
    this.say(`Sent ${this.sent} probes (${this.brdSent} broadcast(s))`);
    let recv = `Received ${this.received} response(s)`;
    if (this.brdRecv || this.reqRecv) {
      recv += ' (';
      if (this.reqRecv) recv += `${this.reqRecv} request(s)`;
      if (this.brdRecv) recv += `${this.reqRecv ? ', ' : ''}${this.brdRecv} broadcast(s)`;
      recv += ')';
    }
    this.say(recv);
    if (this.dad) this.rc = this.received ? 1 : 0;
    else if (this.unsolicited) this.rc = 0;
    else if (this.timeout && this.count > 0 && !this.quitOnReply) this.rc = this.count <= this.received ? 0 : 1;
    else this.rc = this.received ? 0 : 1;
    this.ok = this.unsolicited && !this.dad ? null : this.received > 0;
  }
}
