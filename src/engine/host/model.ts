/**
 * Hosts, devices and IPv4 addresses: the kernel objects the engine keeps per host
 * (net_device, in_device with its ordered in_ifaddr list, conf and neigh parms).
 */
import type { Ip4 } from '../net/ip.ts';
import type { Mac } from '../net/mac.ts';
import { ConfSet, HostConf } from './conf.ts';
import { NeighParms } from '../neigh/parms.ts';
import type { NeighEntry } from '../neigh/entry.ts';
import type { Route } from '../route/route.ts';
import type { Port } from '../l2/bridge.ts';
import type { IcmpFields, Micros, TcpFields, UdpFields } from '../trace.ts';
import type { HostSockets } from '../sock/table.ts';
import type { IpvsState } from '../ipvs/state.ts';

/** Address scopes as rtnetlink numbers: smaller is wider. */
export const SCOPE = { global: 0, site: 200, link: 253, host: 254, nowhere: 255 } as const;
export type ScopeNum = number;
export function scopeName(s: ScopeNum): string {
  return s === 0 ? 'global' : s === 200 ? 'site' : s === 253 ? 'link' : s === 254 ? 'host' : String(s);
}

export interface IfAddr {
  local: Ip4;
  len: number;
  mask: number;
  scope: ScopeNum;
  label: string;
  secondary: boolean;
  noprefixroute: boolean;
  metric: number;
}

/**
 * A packet in a host's queues: an IPv4 header with one payload — ICMP, TCP, UDP, or an
 * inner packet (IP-in-IP, protocol 4).
 */
export interface IpPacket {
  src: Ip4;
  dst: Ip4;
  ttl: number;
  icmp?: IcmpFields;
  tcp?: TcpFields;
  udp?: UdpFields;
  inner?: IpPacket;
  /** Frame that carried it in (for explanations), if received. */
  inFrame?: number;
  /**
   * skb->ipvs_property: IPVS already handled this packet (its transmitters set it), so
   * the hooks on the way out leave it alone.
   */
  ipvsDone?: boolean;
  /**
   * skb->dst_pending_confirm: a TCP segment sent after an ACK that acknowledged new data
   * (tcp_ack → sk_dst_confirm; __tcp_transmit_skb copies the flag into the skb). Every
   * host that transmits this packet — the sender, and each router or director that
   * forwards it — confirms its neighbour entry for the next hop (ip_finish_output2 →
   * sock_confirm_neigh → neigh_confirm). Not a header field: veth hands the skb itself to
   * the next namespace and skb_scrub_packet keeps the flag, so on veth links it travels.
   */
  confirm?: boolean;
}

export interface ProxyItem {
  at: Micros;
  frameId: number;
}

export class Device {
  readonly host: Host;
  readonly name: string;
  readonly ifindex: number;
  mac: Mac;
  up = true;
  readonly loopback: boolean;
  /** IFF_NOARP: loopback and point-to-point devices (tunl0) never resolve. */
  readonly noarp: boolean;
  /** tunl0, the ipip module's fallback device: receives decapsulated IP-in-IP packets. */
  readonly tunnel: boolean;
  addrs: IfAddr[] = [];
  conf: ConfSet;
  parms: NeighParms;
  /** reachable_time drawn from [base/2, 3·base/2) (neigh_rand_reach_time). */
  reachableTime: Micros = 0;
  neigh = new Map<Ip4, NeighEntry>();
  port: Port | null = null;

  constructor(host: Host, name: string, ifindex: number, mac: Mac, loopback: boolean) {
    this.host = host;
    this.name = name;
    this.ifindex = ifindex;
    this.mac = mac;
    this.loopback = loopback;
    this.tunnel = !loopback && name === 'tunl0';
    this.noarp = loopback || this.tunnel;
    this.id = `${host.name}.${name}`;
    // devinet.c inetdev_init → devinet_copy_dflt_conf: a new device starts as a copy of
    // conf/default, values and "set" bits alike.
    this.conf = new ConfSet(host.conf.dflt);
    this.parms = new NeighParms(host.neighDefault);
  }

  /** "host.dev", as the trace and the recordings name a port. */
  readonly id: string;
  /** This device's index in its world's trace (World.portOf; -1 until it first appears there). */
  tracePort = -1;
}

export class Host {
  readonly name: string;
  readonly index: number;
  /** The host's own index in its world's trace, for decisions about no device (World.portOf). */
  tracePort = -1;
  conf = new HostConf();
  neighDefault = new NeighParms();
  devices: Device[] = [];
  byName = new Map<string, Device>();
  /** The main routing table (user and connected routes), in insertion order. */
  routes: Route[] = [];
  /** ip_rt_send_redirect's per-source state (inet_peer rate_tokens/n_redirects, rate_last). */
  redirectPeers = new Map<Ip4, { n: number; last: Micros }>();
  /**
   * Nexthop exceptions learnt from redirects (fib_nh_exception): packets to `dst` that
   * take `route` go to `gw` instead of the route's gateway until `expires`.
   */
  exceptions = new Map<Ip4, { route: Route; gw: Ip4; expires: Micros }>();
  /** ICMP echo id counter for ping sessions. */
  nextPingId: number;
  /** TCP/UDP sockets: listeners and connections (created on first use). */
  sockets: HostSockets | null = null;
  /** IPVS (the ip_vs module), present when the host has virtual services. */
  ipvs: IpvsState | null = null;

  constructor(name: string, index: number) {
    this.name = name;
    this.index = index;
    this.nextPingId = 0x1000 + index * 16;
  }

  dev(name: string): Device | undefined {
    return this.byName.get(name);
  }

  /** Local addresses by value, rebuilt after any address change (the local table). */
  private local: Map<Ip4, { dev: Device; ifa: IfAddr }> | null = null;

  /** Call after adding or removing an address. */
  addressesChanged(): void {
    this.local = null;
  }

  /** Any IPv4 address of the host, on any device (the weak host model). */
  findAddr(a: Ip4): { dev: Device; ifa: IfAddr } | null {
    if (!this.local) {
      this.local = new Map();
      for (const d of this.devices) for (const ifa of d.addrs) if (!this.local.has(ifa.local)) this.local.set(ifa.local, { dev: d, ifa });
    }
    return this.local.get(a) ?? null;
  }

  isLocal(a: Ip4): boolean {
    if (a >>> 24 === 127 && this.devices[0]?.up) return true;
    return this.findAddr(a) !== null;
  }
}
