/**
 * A curl-like client: `count` connections to VIP:port, one every `interval` seconds.
 * TCP: SYN (retransmitted after 1 s, then at doubling intervals, as the kernel's initial
 * RTO does), then a request, the server's answer (its host name), and a close from the
 * client; UDP: one datagram and its answer. Each connection is given up after `timeout`
 * seconds. The step lists every connection: who served it (the host whose socket
 * accepted it), the director that scheduled it, or why it failed (reset, refused,
 * unreachable, timeout), and the hosts its first round trip went through.
 */
import { fmtIp, parseIp, type Ip4 } from '../net/ip.ts';
import type { Device, Host, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { QueueItem } from '../sim/queue.ts';
import type { ConnectionRecord, Micros, TcpFields } from '../trace.ts';
import type { ConnectAction } from '../input.ts';
import { routeOutput } from '../route/output.ts';
import { ipSendLocal } from '../ip/output.ts';
import { DstConfirm, isn, seqLen, tcpSend } from '../sock/tcp.ts';
import { socketsOf, type Proto, type Sock, type SockError } from '../sock/table.ts';
import { Flows, type FlowRecord } from '../sim/flows.ts';
import type { ToolRun } from './ping.ts';

/** TCP_TIMEOUT_INIT: the first SYN retransmission after 1 s, then doubling. */
const SYN_RTO: Micros = 1_000_000;
const REQUEST = 'GET / HTTP/1.0\r\n\r\n';

type Outcome = ConnectionRecord['result'];

class ClientConn implements Sock {
  readonly proto: Proto;
  readonly laddr: Ip4;
  readonly lport: number;
  readonly raddr: Ip4;
  readonly rport: number;
  outcome: Outcome | null = null;
  private state: 'SYN_SENT' | 'ESTABLISHED' | 'FIN_WAIT' = 'SYN_SENT';
  private snd = 0;
  private rcv = 0;
  private dstConfirm = new DstConfirm(0);
  private timers: QueueItem[] = [];

  constructor(
    private readonly w: World,
    private readonly host: Host,
    proto: Proto,
    laddr: Ip4,
    lport: number,
    raddr: Ip4,
    rport: number,
    private readonly done: (c: ClientConn) => void,
    private readonly flow: FlowRecord,
  ) {
    this.proto = proto;
    this.laddr = laddr;
    this.lport = lport;
    this.raddr = raddr;
    this.rport = rport;
  }

  open(timeout: Micros): void {
    const w = this.w;
    this.timers.push(w.after(timeout, () => this.finish('timeout')));
    if (this.proto === 'udp') {
      this.w.flows?.clientSent(this.flow);
      ipSendLocal(w, this.host, { src: this.laddr, dst: this.raddr, ttl: 64, udp: { sport: this.lport, dport: this.rport, data: 'hello\n' } }, null);
      return;
    }
    this.snd = isn(w);
    this.dstConfirm = new DstConfirm(this.snd);
    const syn = () => this.send('S');
    syn();
    // The SYN goes again after 1 s, 3 s, 7 s… until the connection is given up.
    for (let at = SYN_RTO, rto = SYN_RTO; at < timeout; rto *= 2, at += rto) {
      this.timers.push(w.after(at, () => {
        if (this.state === 'SYN_SENT' && !this.outcome) {
          this.snd = (this.snd - 1) >>> 0;
          syn();
        }
      }));
    }
  }

  private send(flags: string, data?: string): void {
    const t: TcpFields = { sport: this.lport, dport: this.rport, flags, seq: this.snd, ack: flags.includes('.') ? this.rcv : 0 };
    if (data) t.data = data;
    this.snd = (this.snd + seqLen(t)) >>> 0;
    this.w.flows?.clientSent(this.flow);
    tcpSend(this.w, this.host, this.laddr, this.raddr, t, this.dstConfirm.take());
  }

  receive(_w: World, _dev: Device, p: IpPacket): void {
    if (this.outcome) return;
    if (p.udp) return this.finish('served');
    const t = p.tcp!;
    if (t.flags.includes('R')) return this.finish('reset');
    this.dstConfirm.acked(t);
    if (this.state === 'SYN_SENT') {
      if (t.flags !== 'S.') return;
      this.rcv = (t.seq + 1) >>> 0;
      this.state = 'ESTABLISHED';
      this.send('.');
      this.send('P.', REQUEST);
      return;
    }
    if (t.data) {
      this.rcv = (this.rcv + t.data.length) >>> 0;
      if (this.state === 'ESTABLISHED') {
        this.state = 'FIN_WAIT';
        this.send('F.');
      }
    }
    if (t.flags.includes('F')) {
      this.rcv = (this.rcv + 1) >>> 0;
      this.send('.');
      this.finish('served');
    }
  }

  error(_w: World, e: SockError): void {
    if (!this.outcome) this.finish(e);
  }

  private finish(o: Outcome): void {
    if (this.outcome) return;
    this.outcome = o;
    for (const t of this.timers) t.cancelled = true;
    socketsOf(this.host).remove(this);
    this.done(this);
  }
}

export class ConnectSession implements ToolRun {
  done = false;
  ok: boolean | null = false;
  rc = 0;
  lines: string[] = [];
  readonly records: ConnectionRecord[] = [];
  private readonly conns: { c: ClientConn; flow: FlowRecord; i: number }[] = [];
  private finished = 0;
  private readonly count: number;
  private readonly proto: Proto;

  constructor(
    private readonly w: World,
    private readonly host: Host,
    private readonly a: ConnectAction,
  ) {
    this.count = a.count ?? 1;
    this.proto = a.proto ?? 'tcp';
    this.run();
  }

  private say(line: string): void {
    this.lines.push(line);
    this.w.output(this.host, 'connect', line);
  }

  private run(): void {
    const w = this.w;
    const m = /^(\d+\.\d+\.\d+\.\d+):(\d+)$/.exec(this.a.to);
    const dst = m ? parseIp(m[1]) : null;
    const port = m ? Number(m[2]) : 0;
    if (!m || dst === null || port < 1 || port > 65535) return this.fail(3, `connect: "${this.a.to}" is not ADDRESS:PORT`);
    const r = routeOutput(this.host, dst);
    if (!r.ok) return this.fail(7, `connect: ${this.a.to}: ${r.message}`);
    w.flows ??= new Flows();
    const interval = Math.round((this.a.interval ?? 1) * 1e6);
    const timeout = Math.round((this.a.timeout ?? 2) * 1e6);
    for (let i = 0; i < this.count; i++) {
      w.after(i * interval, () => {
        const lport = socketsOf(this.host).ephemeral(w);
        const flow = w.flows!.track(this.proto, this.host, r.src, lport);
        const c = new ClientConn(w, this.host, this.proto, r.src, lport, dst, port, () => this.closed(), flow);
        socketsOf(this.host).add(c);
        this.conns.push({ c, flow, i: i + 1 });
        c.open(timeout);
      });
    }
  }

  private fail(rc: number, line: string): void {
    this.say(line);
    this.rc = rc;
    this.done = true;
  }

  private closed(): void {
    if (++this.finished === this.count) this.finish();
  }

  interrupt(): void {
    this.say('^C');
    this.finish();
  }

  /** Whether some host in the network has IPVS virtual service `to` (so that nobody scheduling it means a bypass). */
  private isVirtual(c: ClientConn): boolean {
    for (const h of this.w.hostList) if (h.ipvs?.service(c.proto, c.raddr, c.rport)) return true;
    return false;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    const counts = { served: 0, bypassed: 0, reset: 0, refused: 0, unreachable: 0, timeout: 0 };
    const servers = new Map<string, number>();
    for (const { c, flow, i } of this.conns) {
      const result: Outcome = c.outcome ?? 'timeout';
      const served = result === 'served';
      const rec: ConnectionRecord = {
        i,
        proto: c.proto,
        client: `${fmtIp(c.laddr)}:${c.lport}`,
        to: `${fmtIp(c.raddr)}:${c.rport}`,
        result,
        server: served ? flow.server : null,
        director: flow.director,
        bypassed: served && !flow.director && this.isVirtual(c),
        path: [...flow.path],
      };
      this.records.push(rec);
      counts[result]++;
      if (rec.bypassed) counts.bypassed++;
      if (served && rec.server) servers.set(rec.server, (servers.get(rec.server) ?? 0) + 1);
      const how = served
        ? `served by ${rec.server}${rec.director ? ` via director ${rec.director}` : rec.bypassed ? ' directly (the director was bypassed)' : ''}`
        : result;
      this.say(`${rec.proto} ${rec.client} -> ${rec.to}: ${how}; path ${rec.path.join(' > ')}`);
    }
    const per = [...servers].map(([h, n]) => `${h} ${n}`).join(', ');
    const fails = (['reset', 'refused', 'unreachable', 'timeout'] as const).filter((k) => counts[k]).map((k) => `${counts[k]} ${k}`);
    this.say(`${this.records.length} connections: ${counts.served} served${per ? ` (${per})` : ''}${counts.bypassed ? `, ${counts.bypassed} bypassed the director` : ''}${fails.length ? `, ${fails.join(', ')}` : ''}`);
    this.ok = this.records.length > 0 && counts.served === this.records.length;
    const firstFail = this.records.find((r) => r.result !== 'served');
    this.rc = !firstFail ? 0 : firstFail.result === 'timeout' ? 28 : firstFail.result === 'reset' ? 56 : 7;
  }
}

