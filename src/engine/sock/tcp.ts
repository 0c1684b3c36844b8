/**
 * TCP as far as a load balancer sees it (tcp_v4_rcv): a SYN to a listening port is
 * answered with a SYN-ACK from the address it was sent to; the connection then carries
 * one request and one response and is closed with FIN from the client. A segment that
 * finds no socket is answered with a RST (tcp_v4_send_reset), never a RST with a RST.
 * Segments carry tcpdump's flag letters: S, F, R, P and "." for ACK.
 */
import { fmtIp, type Ip4 } from '../net/ip.ts';
import type { Device, Host, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { TcpFields } from '../trace.ts';
import { ipSendLocal } from '../ip/output.ts';
import { socketsOf, type Sock, type SockError } from './table.ts';

const TTL = 64;

/** Sends a segment from a socket's local end (the source is bound: the address the peer used). */
export function tcpSend(w: World, host: Host, src: Ip4, dst: Ip4, t: TcpFields, confirm = false): void {
  ipSendLocal(w, host, { src, dst, ttl: TTL, tcp: t, ...(confirm ? { confirm: true } : {}) }, null);
}

/**
 * sk_dst_pending_confirm of one socket: set when an incoming ACK acknowledges new data
 * (tcp_ack: FLAG_FORWARD_PROGRESS → sk_dst_confirm), taken by the next segment sent
 * (__tcp_transmit_skb; sock_confirm_neigh clears it once that segment confirmed).
 */
export class DstConfirm {
  private una: number;
  private pending = false;

  constructor(iss: number) {
    this.una = iss;
  }

  /** An incoming segment's ACK. */
  acked(t: TcpFields): void {
    if (!t.flags.includes('.')) return;
    // after(ack, una) in sequence space.
    if (((t.ack - this.una) | 0) > 0) {
      this.una = t.ack;
      this.pending = true;
    }
  }

  /** The flag for the segment being sent now. */
  take(): boolean {
    const p = this.pending;
    this.pending = false;
    return p;
  }
}

/** Sequence space a segment uses: its data, plus one each for SYN and FIN. */
export function seqLen(t: TcpFields): number {
  return (t.data?.length ?? 0) + (t.flags.includes('S') ? 1 : 0) + (t.flags.includes('F') ? 1 : 0);
}

/** An initial sequence number (secure_tcp_seq: random here, from the seeded RNG). */
export function isn(w: World): number {
  return Math.floor(w.rng.next() * 0x1_0000_0000) >>> 0;
}

const add = (a: number, b: number) => (a + b) >>> 0;

export function tcpRcv(w: World, dev: Device, p: IpPacket): void {
  const host = dev.host;
  const t = p.tcp!;
  const socks = socketsOf(host);
  const s = socks.find('tcp', p, t.sport, t.dport);
  if (s) return s.receive(w, dev, p);
  const who = () => ({ from: `${fmtIp(p.src)}:${t.sport}`, to: `${fmtIp(p.dst)}:${t.dport}`, flags: t.flags, port: t.dport, src: fmtIp(p.dst) });
  if (t.flags === 'S' && socks.listener('tcp', p.dst, t.dport)) {
    w.decision(p.inFrame ?? null, host, dev, 'tcp.rcv', 'accept', 'listener', [], who());
    const c = new TcpServerConn(host, p.dst, t.dport, p.src, t.sport, t.seq, isn(w));
    socks.add(c);
    w.flows?.served(host, p);
    c.synAck(w);
    return;
  }
  if (t.flags.includes('R')) return;
  w.decision(p.inFrame ?? null, host, dev, 'tcp.rcv', 'reply', t.flags === 'S' ? 'no_listener' : 'no_socket', [], who());
  // tcp_v4_send_reset: take the ACK's number as our sequence, else acknowledge what came.
  const rst: TcpFields = t.flags.includes('.')
    ? { sport: t.dport, dport: t.sport, flags: 'R', seq: t.ack, ack: 0 }
    : { sport: t.dport, dport: t.sport, flags: 'R.', seq: 0, ack: add(t.seq, seqLen(t)) };
  tcpSend(w, host, p.dst, p.src, rst);
}

type ServerState = 'SYN_RECV' | 'ESTABLISHED' | 'LAST_ACK';

/** The server's end of an accepted connection: answers the request with its own name and closes when the client does. */
class TcpServerConn implements Sock {
  readonly proto = 'tcp';
  state: ServerState = 'SYN_RECV';
  private snd: number;
  private rcv: number;
  private readonly dstConfirm: DstConfirm;

  constructor(
    private readonly host: Host,
    readonly laddr: Ip4,
    readonly lport: number,
    readonly raddr: Ip4,
    readonly rport: number,
    peerIsn: number,
    private readonly iss: number,
  ) {
    this.rcv = add(peerIsn, 1);
    this.snd = iss;
    // The socket made by the handshake's ACK starts with snd_una = ISN + 1
    // (tcp_create_openreq_child): that ACK acknowledges nothing it still holds, and tcp_ack
    // leaves by no_queue before sk_dst_confirm. Only the client's ACK of our answer confirms.
    this.dstConfirm = new DstConfirm(add(iss, 1));
  }

  private send(w: World, flags: string, data?: string): void {
    const t: TcpFields = { sport: this.lport, dport: this.rport, flags, seq: this.snd, ack: this.rcv };
    if (data) t.data = data;
    this.snd = add(this.snd, seqLen(t));
    tcpSend(w, this.host, this.laddr, this.raddr, t, this.dstConfirm.take());
  }

  synAck(w: World): void {
    this.snd = this.iss;
    this.send(w, 'S.');
  }

  receive(w: World, _dev: Device, p: IpPacket): void {
    const t = p.tcp!;
    if (t.flags.includes('R')) {
      socketsOf(this.host).remove(this);
      return;
    }
    if (t.flags === 'S') {
      // The client retransmitted its SYN: our SYN-ACK was lost; send it again.
      if (this.state === 'SYN_RECV') this.synAck(w);
      return;
    }
    this.dstConfirm.acked(t);
    if (this.state === 'SYN_RECV' && t.flags.includes('.')) this.state = 'ESTABLISHED';
    if (t.data) {
      this.rcv = add(this.rcv, t.data.length);
      this.send(w, 'P.', `${this.host.name}\n`);
    }
    if (t.flags.includes('F') && this.state === 'ESTABLISHED') {
      this.rcv = add(this.rcv, 1);
      // The application closes as soon as it reads EOF: our FIN carries the ACK.
      this.send(w, 'F.');
      this.state = 'LAST_ACK';
      return;
    }
    if (this.state === 'LAST_ACK' && t.flags === '.') socketsOf(this.host).remove(this);
  }

  error(): void {
    socketsOf(this.host).remove(this);
  }
}

export type { SockError };
