/**
 * IPVS objects (include/net/ip_vs.h): virtual services, their real servers
 * ("destinations") and the connection table. A service's destination list has the
 * newest first — __ip_vs_update_dest adds with list_add_rcu, at the head — and every
 * scheduler walks it in that order.
 */
import type { Ip4 } from '../net/ip.ts';
import type { QueueItem } from '../sim/queue.ts';
import type { Micros } from '../trace.ts';
import type { Proto } from '../sock/table.ts';

/** Forwarding methods: -g gatewaying (DR), -i ipip (TUN), -m masquerading (NAT). */
export type FwdMethod = 'dr' | 'tun' | 'nat';

export const SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'sh', 'dh', 'sed', 'nq', 'mh'] as const;
export type SchedName = (typeof SCHEDULERS)[number];

export interface Dest {
  addr: Ip4;
  port: number;
  weight: number;
  fwd: FwdMethod;
  activeconns: number;
  inactconns: number;
  persistconns: number;
}

export interface Service {
  proto: Proto;
  addr: Ip4;
  port: number;
  sched: SchedName;
  /** Persistence timeout in µs (ipvsadm -p SECONDS), 0 when not persistent. */
  persistent: Micros;
  /** Persistence granularity (ipvsadm -M), as a mask. */
  netmask: number;
  /** Newest first, as the kernel keeps them. */
  dests: Dest[];
  /** The scheduler's state (rr's position, wrr's mark, sh/dh's buckets, mh's lookup table). */
  schedData: SchedData;
}

export type SchedData =
  | { kind: 'rr'; last: number }
  | { kind: 'wrr'; cl: number; cw: number; mw: number; di: number }
  | { kind: 'hash'; buckets: number[] }
  /** mh: each lookup slot's dest (index in `dests`, -1 none). */
  | { kind: 'mh'; lookup: Int32Array }
  | { kind: 'none' };

/** IPVS TCP states (ip_vs_proto_tcp.c) and UDP's single one. */
export type ConnState = 'NONE' | 'ESTABLISHED' | 'SYN_SENT' | 'SYN_RECV' | 'FIN_WAIT' | 'TIME_WAIT' | 'CLOSE' | 'CLOSE_WAIT' | 'LAST_ACK' | 'LISTEN' | 'SYNACK' | 'UDP' | 'NONE_TEMPLATE';

export interface Conn {
  proto: Proto;
  caddr: Ip4;
  cport: number;
  vaddr: Ip4;
  vport: number;
  daddr: Ip4;
  dport: number;
  dest: Dest;
  svc: Service;
  fwd: FwdMethod;
  state: ConnState;
  /** Current timeout in µs; the timer restarts with it on every packet (ip_vs_conn_put). */
  timeout: Micros;
  timer: QueueItem | null;
  /** IP_VS_CONN_F_INACTIVE: counted in the destination's inactconns. */
  inactive: boolean;
  /** IP_VS_CONN_F_NOOUTPUT: DR and TUN never see the replies. */
  noOutput: boolean;
  /** A persistence template (IP_VS_CONN_F_TEMPLATE): cport 0, client address masked. */
  template: boolean;
  /** The template that controls this connection, and how many a template controls. */
  control: Conn | null;
  nControl: number;
}

export class IpvsState {
  readonly services: Service[] = [];
  /** Connections by their client side (ip_vs_conn_in_get). */
  readonly conns = new Map<string, Conn>();
  /** NAT connections by their real-server side (ip_vs_conn_out_get). */
  readonly outConns = new Map<string, Conn>();

  service(proto: Proto, addr: Ip4, port: number): Service | null {
    return this.services.find((s) => s.proto === proto && s.addr === addr && s.port === port) ?? null;
  }
}

export const inKey = (proto: Proto | 'ip', caddr: Ip4, cport: number, vaddr: Ip4, vport: number) => `${proto} ${caddr}:${cport}>${vaddr}:${vport}`;
export const outKey = (proto: Proto, daddr: Ip4, dport: number, caddr: Ip4, cport: number) => `${proto} ${daddr}:${dport}>${caddr}:${cport}`;
