/**
 * A host's TCP and UDP sockets: listeners (a server accepting on a port, on one address
 * or on all) and connected sockets found by their four-tuple (inet_lookup: an exact
 * connection first, then a listener).
 */
import { fmtIp, type Ip4 } from '../net/ip.ts';
import type { Device, Host, IpPacket } from '../host/model.ts';
import type { World } from '../sim/world.ts';

export type Proto = 'tcp' | 'udp';

/** Why a connection attempt failed, as the socket learns it. */
export type SockError = 'refused' | 'unreachable';

export interface Sock {
  readonly proto: Proto;
  readonly laddr: Ip4;
  readonly lport: number;
  readonly raddr: Ip4;
  readonly rport: number;
  /** A segment or datagram of this connection arrived. */
  receive(w: World, dev: Device, p: IpPacket): void;
  /** An ICMP error about it arrived, or its next hop did not answer ARP (for local senders). */
  error(w: World, e: SockError): void;
}

export interface Listener {
  proto: Proto;
  /** 0 = all addresses (INADDR_ANY). */
  addr: Ip4;
  port: number;
}

export const sockKey = (proto: Proto, laddr: Ip4, lport: number, raddr: Ip4, rport: number) => `${proto} ${laddr}:${lport} ${raddr}:${rport}`;

/** First ephemeral port (net.ipv4.ip_local_port_range = 32768 60999). */
const EPHEMERAL_LOW = 32768;
const EPHEMERAL_SPAN = 60999 - 32768 + 1;

export class HostSockets {
  readonly listeners: Listener[] = [];
  readonly conns = new Map<string, Sock>();
  private nextEphemeral = -1;

  listener(proto: Proto, addr: Ip4, port: number): Listener | null {
    return this.listeners.find((l) => l.proto === proto && l.port === port && (l.addr === 0 || l.addr === addr)) ?? null;
  }

  find(proto: Proto, p: IpPacket, sport: number, dport: number): Sock | null {
    return this.conns.get(sockKey(proto, p.dst, dport, p.src, sport)) ?? null;
  }

  add(s: Sock): void {
    this.conns.set(sockKey(s.proto, s.laddr, s.lport, s.raddr, s.rport), s);
  }

  remove(s: Sock): void {
    this.conns.delete(sockKey(s.proto, s.laddr, s.lport, s.raddr, s.rport));
  }

  /**
   * A local port for a new connection: Linux starts at a random offset into the range
   * (seeded here) and takes the following ports one after another.
   */
  ephemeral(w: World): number {
    if (this.nextEphemeral < 0) this.nextEphemeral = w.rng.below(EPHEMERAL_SPAN);
    const port = EPHEMERAL_LOW + (this.nextEphemeral % EPHEMERAL_SPAN);
    this.nextEphemeral += 1;
    return port;
  }
}

export function socketsOf(host: Host): HostSockets {
  return (host.sockets ??= new HostSockets());
}

/** An ICMP destination-unreachable that quotes a TCP/UDP header reaches its socket (tcp_v4_err, __udp4_lib_err). */
export function sockError(w: World, host: Host, p: IpPacket): void {
  const q = p.icmp?.quote;
  if (!q || !host.sockets || !p.icmp?.about) return;
  // The quoted packet went from us (its sport is ours) to `about`.
  for (const s of host.sockets.conns.values()) {
    if (s.lport === q.sport && s.rport === q.dport && fmtIp(s.raddr) === p.icmp.about) {
      s.error(w, p.icmp.code === 3 ? 'refused' : 'unreachable');
      return;
    }
  }
}

/** A locally sent segment's next hop did not answer ARP (arp_error_report → the socket gets EHOSTUNREACH). */
export function sockUnreachable(w: World, host: Host, p: IpPacket): void {
  const t = p.tcp ?? p.udp;
  if (!t || !host.sockets) return;
  host.sockets.conns.get(sockKey(p.tcp ? 'tcp' : 'udp', p.src, t.sport, p.dst, t.dport))?.error(w, 'unreachable');
}
