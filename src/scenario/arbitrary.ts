/**
 * fast-check arbitraries of valid scenarios (format version 2), for property tests here (codec round
 * trip) and in the engine (determinism, invariants). Topologies look like the lessons': 1–6
 * hosts with eth0..eth2 (every host has eth0), addresses in a few shared subnets, segments
 * that mostly follow the subnets, routes with metrics (connected-style, default gateways,
 * blackholes, as objects or `ip route` strings), sysctls on all/default/per interface, LVS-style
 * VIPs on lo, static neighbour entries, server sockets (`listen`) and IPVS virtual services
 * (`ipvs`, real servers among the other hosts' addresses), and 0–8 actions of every type that
 * refer to existing hosts and devices.
 *
 * Random choices are plain numbers that a builder turns into a scenario, skipping anything
 * Linux would refuse (a second route with the same destination and metric, a gateway that is
 * not on a connected subnet). So every value is valid by construction, and shrinking works on
 * the numbers. The schema test checks that each generated scenario loads.
 *
 *   fc.assert(fc.property(scenarioArbitrary(), (s) => …), { seed: 42 })
 */
import fc from 'fast-check';
import type { ActionType } from '../engine/index.ts';
import { ACTION_TYPES, ACTIONS } from './actions/registry.ts';
import { formatRoute } from './routeString.ts';
import {
  IPVS_METHODS, IPVS_SCHEDULERS, type ActionV1, type AddressV1, type HostV1, type InterfaceV1, type IpvsDestV2, type IpvsServiceV2,
  type ListenV2, type NeighV1, type RouteObjV1, type RouteV1, type ScenarioV1,
} from './types.ts';

export interface ScenarioArbitraryOptions {
  /** 1–6 by default. */
  minHosts?: number;
  maxHosts?: number;
  /** 8 by default. */
  maxActions?: number;
  /** Title, description, seed, layout, host kinds and notes (default true). */
  presentation?: boolean;
  /** The oracle recordings' annotations (note, id, expect…) now and then (default false). */
  annotations?: boolean;
  /** Only actions of these types (default: every type). */
  actionTypes?: readonly ActionType[];
}

interface Subnet {
  network: string;
  prefix: number;
  addr(n: number): string;
}
const sub24 = (abc: string): Subnet => ({ network: `${abc}.0`, prefix: 24, addr: (n) => `${abc}.${n}` });
/** The shared subnets: hosts pick addresses in these, so they can talk. */
export const ARB_SUBNETS: readonly Subnet[] = [
  sub24('192.168.100'),
  sub24('192.168.1'),
  sub24('10.9.0'),
  { network: '172.16.0.0', prefix: 16, addr: (n) => `172.16.10.${n}` },
];
const SEGMENTS = ['lan', 'net2', 'dmz', 'wan'];
const HOST_NAMES = ['A', 'B', 'C', 'D', 'R', 'RS1', 'client', 'H1', 'H2', 'director'];
const VIP = '192.168.100.200';

const hex = (n: number) => (n & 255).toString(16).padStart(2, '0');
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

const CONF_VALUES: Record<string, readonly number[]> = {
  arp_ignore: [0, 1, 2, 3, 8], arp_announce: [0, 1, 2], arp_filter: [0, 1], arp_accept: [0, 1, 2], arp_notify: [0, 1],
  rp_filter: [0, 1, 2], proxy_arp: [0, 1], proxy_arp_pvlan: [0, 1], forwarding: [0, 1], accept_local: [0, 1],
  route_localnet: [0, 1], drop_gratuitous_arp: [0, 1], promote_secondaries: [0, 1], arp_evict_nocarrier: [0, 1],
  medium_id: [-1, 0, 1, 2], log_martians: [0, 1],
};
/** The ARP knobs the lessons turn, drawn more often than the rest. */
const ARP_KNOBS = ['arp_ignore', 'arp_announce', 'arp_filter', 'arp_accept', 'arp_notify', 'rp_filter', 'proxy_arp'];
const NEIGH_VALUES: Record<string, readonly number[]> = {
  base_reachable_time: [1, 5, 30], base_reachable_time_ms: [1000, 30000], delay_first_probe_time: [1, 5],
  retrans_time: [10, 100], retrans_time_ms: [100, 1000], mcast_solicit: [0, 1, 3], ucast_solicit: [0, 1, 3],
  app_solicit: [0], mcast_resolicit: [0, 1], locktime: [0, 100], proxy_delay: [0, 80], proxy_qlen: [64],
  gc_stale_time: [60], unres_qlen: [3, 101], unres_qlen_bytes: [212992],
};
const METRICS = [0, 100, 101, 200, 1024, 5];

// ---------------------------------------------------------------- choices

const nat = fc.nat({ max: 1 << 20 });
/** Half the addresses are in 192.168.100.0/24, so that most hosts share a subnet. */
const SUBNET_BIAS = [0, 0, 0, 0, 1, 2, 3, 1];
const addrChoice = fc.record({
  subnet: fc.nat(SUBNET_BIAS.length - 1).map((i) => SUBNET_BIAS[i]),
  n: fc.integer({ min: 1, max: 254 }),
  form: fc.nat(7),
});
const ifaceChoice = fc.record({
  addrs: fc.array(addrChoice, { maxLength: 2 }), mac: fc.nat(3), down: fc.nat(15), seg: fc.nat(5),
});
const routeChoice = fc.record({ kind: fc.nat(3), a: nat, b: nat, metric: fc.nat(METRICS.length - 1), form: fc.nat(3), src: fc.nat(3) });
const sysctlChoice = fc.record({ family: fc.nat(9), scope: nat, knob: nat, value: nat });
const neighChoice = fc.record({ ip: nat, dev: nat, nud: fc.nat(3), mac: fc.nat(255) });
const listenChoice = fc.record({ proto: fc.nat(3), port: fc.nat(3), addr: fc.nat(3), n: nat });
const destChoice = fc.record({ host: nat, port: fc.nat(3), weight: fc.nat(5), method: fc.nat(3) });
const ipvsChoice = fc.record({
  proto: fc.nat(3), vip: fc.nat(3), port: fc.nat(3), sched: nat, persistent: fc.nat(5), dests: fc.array(destChoice, { maxLength: 3 }),
});
const hostChoice = fc.record({
  ifaces: fc.array(ifaceChoice, { minLength: 1, maxLength: 3 }),
  lo: fc.nat(5),
  routes: fc.array(routeChoice, { maxLength: 3 }),
  sysctls: fc.array(sysctlChoice, { maxLength: 4 }),
  neigh: fc.array(neighChoice, { maxLength: 1 }),
  kind: fc.nat(7),
  notes: fc.nat(7),
  listen: fc.array(listenChoice, { maxLength: 2 }),
  ipvs: fc.array(ipvsChoice, { maxLength: 1 }),
});
const actionChoice = fc.record({ type: fc.nat(ACTION_TYPES.length - 1), h: nat, a: nat, b: nat, c: nat, d: nat, settle: fc.nat(7), note: fc.nat(5) });
const topChoice = fc.record({ seed: fc.option(fc.nat({ max: 0xffffffff })), title: fc.nat(3), layout: fc.nat(2), reverse: fc.nat(3) });

type HostChoice = typeof hostChoice extends fc.Arbitrary<infer T> ? T : never;
type ActionChoice = typeof actionChoice extends fc.Arbitrary<infer T> ? T : never;
type TopChoice = typeof topChoice extends fc.Arbitrary<infer T> ? T : never;

interface HostInfo {
  name: string;
  /** Non-lo interfaces (eth0 first). */
  ifaces: string[];
  /** Every device, lo included. */
  devs: string[];
  /** Own IPv4 addresses. */
  addrs: string[];
  /** Subnets (ARB_SUBNETS indexes) each device is directly connected to. */
  onLink: Map<string, number[]>;
}

// ---------------------------------------------------------------- builder

function buildHost(name: string, hi: number, c: HostChoice, presentation: boolean): { host: HostV1; info: HostInfo; firstSubnet: (number | null)[] } {
  const interfaces: Record<string, InterfaceV1> = {};
  const info: HostInfo = { name, ifaces: [], devs: [], addrs: [], onLink: new Map() };
  const firstSubnet: (number | null)[] = [];
  c.ifaces.forEach((ic, ii) => {
    const ifname = `eth${ii}`;
    const iface: InterfaceV1 = {};
    if (ic.mac === 0) iface.mac = `02:00:00:01:${hex(hi + 1)}:${hex(ii)}`;
    if (ic.mac === 1) iface.mac = `02:00:00:01:${hex(hi + 1)}:${hex(ii)}`.toUpperCase();
    const seen = new Set<string>();
    const addresses: AddressV1[] = [];
    let first: number | null = null;
    const primaries = new Set<number>();
    for (const [k, ac] of ic.addrs.entries()) {
      const sub = ARB_SUBNETS[ac.subnet];
      const ip = sub.addr(ac.n);
      const cidr = `${ip}/${sub.prefix}`;
      if (seen.has(cidr)) continue;
      seen.add(cidr);
      info.addrs.push(ip);
      first ??= ac.subnet;
      // As Linux: the first address of a subnet is primary and adds the connected route
      // (unless noprefixroute); later ones in that subnet are secondaries and add none.
      const primary = !primaries.has(ac.subnet);
      primaries.add(ac.subnet);
      if (primary && ac.form !== 2) info.onLink.set(ifname, [...(info.onLink.get(ifname) ?? []), ac.subnet]);
      if (ac.form <= 1) addresses.push(cidr);
      else if (ac.form === 2) addresses.push({ cidr, noprefixroute: true });
      else if (ac.form === 3) addresses.push({ cidr, label: `${ifname}:${k}` });
      else if (ac.form === 4) addresses.push({ cidr });
      else addresses.push(cidr);
    }
    if (addresses.length || ic.down !== 1) iface.addresses = addresses;
    if (ic.down === 0) iface.state = 'down';
    interfaces[ifname] = iface;
    info.ifaces.push(ifname);
    firstSubnet.push(first);
  });
  if (c.lo === 0) {
    interfaces.lo = { addresses: [{ cidr: `${VIP}/32`, label: 'lo:0' }] };
    info.addrs.push(VIP);
  } else if (c.lo === 1) {
    interfaces.lo = { addresses: [`10.255.0.${hi + 1}/32`] };
    info.addrs.push(`10.255.0.${hi + 1}`);
  }
  info.devs = [...info.ifaces, 'lo'];
  const host: HostV1 = { interfaces };
  const routes = buildRoutes(info, c.routes);
  if (routes.length) host.routes = routes;
  const sysctls: Record<string, number> = {};
  for (const sc of c.sysctls) {
    const [k, v] = sysctlEntry(sc, info.devs);
    sysctls[k] = v;
  }
  if (c.sysctls.length) host.sysctls = sysctls;
  const neigh: NeighV1[] = c.neigh.map((nc) => ({
    ip: ARB_SUBNETS[nc.ip % ARB_SUBNETS.length].addr(1 + ((nc.ip >> 3) % 254)),
    lladdr: `02:00:00:00:0${nc.mac & 7}:${hex(nc.mac)}`,
    dev: pick(info.ifaces, nc.dev),
    nud: pick(['permanent', 'stale', 'noarp', 'reachable'] as const, nc.nud),
  }));
  if (neigh.length) host.neigh = neigh;
  const listen = buildListen(info, c.listen);
  if (listen.length) host.listen = listen;
  if (presentation) {
    if (c.kind < 5) host.kind = pick(['host', 'router', 'director', 'real-server', 'client'] as const, c.kind);
    if (c.notes === 0) host.notes = `${name}: notes`;
  }
  return { host, info, firstSubnet };
}

/** Routes in `ip route add` order, dropping any Linux would refuse. */
function buildRoutes(info: HostInfo, choices: HostChoice['routes']): RouteV1[] {
  const taken = new Set<string>();
  for (const subs of info.onLink.values()) {
    for (const k of subs) taken.add(`${ARB_SUBNETS[k].network}/${ARB_SUBNETS[k].prefix}|0`);
  }
  const out: RouteV1[] = [];
  for (const rc of choices) {
    const metric = METRICS[rc.metric];
    const r: RouteObjV1 = { dest: 'default' };
    if (rc.kind === 0 || rc.kind === 3) {
      // a gateway on a connected subnet of the chosen device
      const devs = info.ifaces.filter((d) => (info.onLink.get(d) ?? []).length);
      if (!devs.length) continue;
      const dev = pick(devs, rc.a);
      const sub = ARB_SUBNETS[pick(info.onLink.get(dev) ?? [], rc.b)];
      const via = sub.addr(1 + (rc.b % 254));
      if (info.addrs.includes(via)) continue;
      r.dest = rc.kind === 0 ? 'default' : `10.99.${rc.a % 256}.0/24`;
      r.via = via;
      r.dev = dev;
    } else if (rc.kind === 1) {
      // a connected-style route (the article's two-NIC setup), which also makes the subnet on-link
      const k = rc.a % ARB_SUBNETS.length;
      const sub = ARB_SUBNETS[k];
      r.dest = `${sub.network}/${sub.prefix}`;
      r.dev = pick(info.ifaces, rc.b);
      if (rc.form === 2) {
        r.proto = 'kernel';
        r.scope = 'link';
      }
    } else {
      r.type = pick(['blackhole', 'unreachable', 'prohibit'] as const, rc.b);
      r.dest = `10.66.${rc.a % 256}.0/24`;
    }
    if (metric !== 0 || rc.form !== 0) r.metric = metric;
    const key = `${r.dest === 'default' ? '0.0.0.0/0' : r.dest}|${metric}`;
    if (taken.has(key)) continue;
    taken.add(key);
    if (rc.kind === 1 && r.dev) {
      const k = rc.a % ARB_SUBNETS.length;
      info.onLink.set(r.dev, [...(info.onLink.get(r.dev) ?? []), k]);
    }
    if (rc.src === 0 && r.type === undefined && info.addrs.length) r.src = pick(info.addrs, rc.a);
    out.push(rc.form === 1 ? formatRoute(r) : r);
  }
  return out;
}


const PORTS = [80, 8080, 53, 443];

/** Server sockets bind() accepts: an own address or none, each port once per protocol. */
function buildListen(info: HostInfo, choices: HostChoice['listen']): ListenV2[] {
  const out: ListenV2[] = [];
  for (const lc of choices) {
    const l: ListenV2 = { port: pick(PORTS, lc.port) };
    if (lc.proto === 1) l.proto = 'udp';
    if (lc.proto === 2) l.proto = 'tcp';
    if (lc.addr === 0 && info.addrs.length) l.addr = pick(info.addrs, lc.n);
    const proto = l.proto ?? 'tcp';
    if (out.some((o) => (o.proto ?? 'tcp') === proto && o.port === l.port)) continue;
    out.push(l);
  }
  return out;
}

/**
 * Virtual services on the VIP (or one of the host's addresses, or one it does not have),
 * each once; real servers among every host's addresses, each once, a port of their own only
 * with NAT (ipvsadm's rule).
 */
function buildIpvs(info: HostInfo, all: HostInfo[], choices: HostChoice['ipvs']): IpvsServiceV2[] {
  const out: IpvsServiceV2[] = [];
  const addrs = [...new Set(all.flatMap((h) => h.addrs))];
  for (const vc of choices) {
    const vip = vc.vip === 0 && info.addrs.length ? pick(info.addrs, vc.sched) : vc.vip === 1 ? '192.168.100.201' : VIP;
    const svc: IpvsServiceV2 = { vip, port: pick(PORTS, vc.port), dests: [] };
    if (vc.proto === 1) svc.proto = 'udp';
    if (vc.proto === 2) svc.proto = 'tcp';
    if (vc.sched % 10 < IPVS_SCHEDULERS.length) svc.scheduler = pick(IPVS_SCHEDULERS, vc.sched);
    if (vc.persistent === 0) svc.persistent = 300;
    if (vc.persistent === 1) {
      svc.persistent = 60;
      svc.netmask = '255.255.255.0';
    }
    const proto = svc.proto ?? 'tcp';
    if (out.some((o) => (o.proto ?? 'tcp') === proto && o.vip === svc.vip && o.port === svc.port)) continue;
    const seen = new Set<string>();
    for (const dc of vc.dests) {
      if (!addrs.length) break;
      const d: IpvsDestV2 = { ip: pick(addrs, dc.host) };
      const method = dc.method < 3 ? IPVS_METHODS[dc.method] : undefined;
      if (method) d.method = method;
      if (dc.weight < 4) d.weight = [0, 1, 3, 100][dc.weight];
      if (method === 'nat' && dc.port === 0) d.port = 8080;
      else if (dc.port === 1) d.port = svc.port;
      const key = `${d.ip}:${d.port ?? svc.port}`;
      if (seen.has(key)) continue;
      seen.add(key);
      svc.dests.push(d);
    }
    out.push(svc);
  }
  return out;
}

function sysctlEntry(sc: { family: number; scope: number; knob: number; value: number }, devs: readonly string[]): [string, number] {
  if (sc.family <= 5) {
    const knob = sc.family <= 3 ? pick(ARP_KNOBS, sc.knob) : pick(Object.keys(CONF_VALUES), sc.knob);
    const scope = pick(['all', 'default', ...devs], sc.scope);
    return [`net.ipv4.conf.${scope}.${knob}`, pick(CONF_VALUES[knob], sc.value)];
  }
  if (sc.family === 6) return ['net.ipv4.ip_forward', sc.value % 2];
  const param = pick(Object.keys(NEIGH_VALUES), sc.knob);
  const scope = pick(['default', ...devs], sc.scope);
  return [`net.ipv4.neigh.${scope}.${param}`, pick(NEIGH_VALUES[param], sc.value)];
}

function buildAction(c: ActionChoice, hosts: HostInfo[], pool: string[], annotations: boolean, types: readonly ActionType[]): ActionV1 {
  const h = pick(hosts, c.h);
  const some = (): string[] => {
    const list = hosts.filter((_, i) => (c.a >> i) & 1).map((x) => x.name);
    return list.length ? list : [h.name];
  };
  const t = pick(types, c.type);
  // Each type builds its own from the numbers (its descriptor's `arbitrary`).
  const a = ACTIONS[t].arbitrary(c, { host: h, some, pool, subnets: ARB_SUBNETS, vip: VIP, metrics: METRICS, sysctl: sysctlEntry }) as ActionV1;
  if (c.settle === 0) a.settle = pick([0, 0.5, 1.5], c.a);
  if (annotations && c.note === 0) a.note = `step ${t}`;
  if (annotations && c.note === 1) a.expect = { by: 'model', claim: 'something', ok: true };
  return a;
}

function build(names: string[], hostChoices: HostChoice[], actions: ActionChoice[], top: TopChoice, o: Required<ScenarioArbitraryOptions>): ScenarioV1 {
  const hosts: Record<string, HostV1> = {};
  const infos: HostInfo[] = [];
  const members = new Map<string, string[]>();
  names.forEach((name, hi) => {
    const { host, info, firstSubnet } = buildHost(name, hi, hostChoices[hi], o.presentation);
    hosts[name] = host;
    infos.push(info);
    info.ifaces.forEach((ifname, ii) => {
      const seg = hostChoices[hi].ifaces[ii].seg;
      if (seg === 5) return; // not attached
      const segName = seg <= 2 ? SEGMENTS[firstSubnet[ii] ?? 0] : pick(SEGMENTS, seg + hi);
      members.set(segName, [...(members.get(segName) ?? []), `${name}.${ifname}`]);
    });
  });
  const segments: Record<string, string[]> = {};
  for (const [seg, list] of members) segments[seg] = top.reverse === 0 ? [...list].reverse() : list;
  names.forEach((name, hi) => {
    const ipvs = buildIpvs(infos[hi], infos, hostChoices[hi].ipvs);
    if (ipvs.length) hosts[name] = { ...hosts[name], ipvs };
  });
  const pool = [...new Set([...infos.flatMap((i) => i.addrs), '192.168.100.250', '10.9.0.99', VIP])];
  const s: ScenarioV1 = { version: 2, hosts, segments };
  if (actions.length) s.actions = actions.map((c) => buildAction(c, infos, pool, o.annotations, o.actionTypes));
  if (o.presentation) {
    if (top.seed !== null) s.seed = top.seed;
    if (top.title === 0) {
      s.title = 'Random topology';
      s.description = `${names.length} hosts`;
    }
    if (top.layout === 0) {
      const layout: Record<string, { x: number; y: number }> = {};
      names.forEach((n, i) => { layout[n] = { x: 120 * i, y: 40 }; });
      Object.keys(segments).forEach((n, i) => { layout[n] = { x: 120 * i, y: 200 }; });
      s.layout = layout;
    }
  }
  if (o.annotations && top.title === 1) {
    s.id = 'R01';
    s.article = 'generated';
  }
  return s;
}

/** Valid scenarios (see the file comment). */
export function scenarioArbitrary(options: ScenarioArbitraryOptions = {}): fc.Arbitrary<ScenarioV1> {
  const o: Required<ScenarioArbitraryOptions> = {
    minHosts: options.minHosts ?? 1,
    maxHosts: Math.min(options.maxHosts ?? 6, HOST_NAMES.length),
    maxActions: options.maxActions ?? 8,
    presentation: options.presentation ?? true,
    annotations: options.annotations ?? false,
    actionTypes: options.actionTypes ?? ACTION_TYPES,
  };
  return fc.integer({ min: o.minHosts, max: o.maxHosts }).chain((n) =>
    fc.record({
      names: fc.shuffledSubarray(HOST_NAMES, { minLength: n, maxLength: n }),
      hosts: fc.array(hostChoice, { minLength: n, maxLength: n }),
      actions: fc.array(actionChoice, { maxLength: o.maxActions }),
      top: topChoice,
    }).map((c) => build(c.names, c.hosts, c.actions, c.top, o)));
}

/** The default arbitrary: 1–6 hosts, 0–8 actions, presentation fields, no annotations. */
export const arbScenario: fc.Arbitrary<ScenarioV1> = scenarioArbitrary();
