/**
 * Random scenarios (format v1) from a seed, for differential testing against the kernel.
 *
 * The four classic families cover the ground of the article and more: several NICs of one host in one
 * subnet (ARP flux; arp_ignore, arp_filter, rp_filter on `all` or per interface; route
 * metrics), VIPs on lo (arp_announce, arp_ignore, LVS-DR), gratuitous ARP, DAD, spoofed
 * senders and MAC changes (arp_accept, arp_notify, static entries), and a router with
 * forwarding and proxy_arp. Actions are drawn at random and placed on a timeline
 * (timing.ts) that keeps every snapshot away from the kernel's random or coarse timers.
 *
 * genFamilies.ts adds four more (links, addresses, neighbour parameters, large topologies).
 *
 * Only conformance/prng.ts supplies randomness: same seed, same scenarios.
 */
import { Rng } from './prng.ts';
import type { ActionV1, AddressV1, HostV1, RouteV1, ScenarioV1 } from './scenario.ts';
import { PROBE_NEXT, Timeline, profileOf } from './timing.ts';
import {
  LAN, allAddrs, arping, commonMakers, distinctOctets, hostW, ip, ping, scopeKey, sysctlAction,
  type HostW, type World,
} from './genkit.ts';
import { NEW_FAMILIES, buildNewFamily, type NewFamily } from './genFamilies.ts';

export interface Generated {
  name: string;
  scenario: ScenarioV1;
}

type ClassicFamily = 'multinic' | 'vip' | 'garp' | 'router';
export type Family = ClassicFamily | NewFamily;
/** The first four families (seed 1 of them is the CI corpus since the start). */
export const CLASSIC_FAMILIES: readonly Family[] = ['multinic', 'vip', 'garp', 'router'];
export const ALL_FAMILIES: readonly Family[] = [...CLASSIC_FAMILIES, ...NEW_FAMILIES];

/**
 * n scenarios; scenario i depends only on (seed, i, families), so a failing one can be
 * regenerated alone. Scenario i belongs to families[i % families.length].
 */
export function generateScenarios(n: number, seed: number, families: readonly Family[] = CLASSIC_FAMILIES): Generated[] {
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) out.push(generateOne(seed, i, families));
  return out;
}

export function generateOne(seed: number, index: number, families: readonly Family[] = CLASSIC_FAMILIES): Generated {
  const rng = new Rng(Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
  const family = families[index % families.length]!;
  const w = buildWorld(family, rng);
  const actions = placeActions(w, rng);
  const hosts: Record<string, HostV1> = {};
  for (const h of w.hosts) hosts[h.name] = h.spec;
  const scenario: ScenarioV1 = {
    version: 1,
    title: `Generated ${family} scenario ${index} (seed ${seed})`,
    description: `Random ${family} scenario for differential testing against the Linux kernel (conformance/generate.ts, seed ${seed}, index ${index}${families === CLASSIC_FAMILIES ? '' : `, families ${families.join(',')}`}).`,
    hosts,
    segments: w.segments,
    actions,
  };
  return { name: `gen-s${seed}-${String(index).padStart(3, '0')}-${family}`, scenario };
}

function buildWorld(family: Family, rng: Rng): World {
  switch (family) {
    case 'multinic':
      return multinic(rng);
    case 'vip':
      return vip(rng);
    case 'garp':
      return garp(rng);
    case 'router':
      return router(rng);
    default:
      return buildNewFamily(family, rng);
  }
}

// --- family: several NICs of one host in one subnet ------------------------------------

function multinic(rng: Rng): World {
  const nNics = rng.pick([2, 2, 3]);
  const withNet2 = rng.chance(0.4);
  const oct = distinctOctets(rng, 6);
  const mode = rng.pick(['kernel', 'metric', 'explicit'] as const);
  const aIfs: HostV1['interfaces'] = {};
  const aRoutes: RouteV1[] = [];
  const metrics = rng.sample([0, 50, 100, 101, 200, 300], nNics + 1);
  const lanIfs: string[] = [];
  for (let i = 0; i < nNics; i++) {
    const name = `eth${i}`;
    lanIfs.push(name);
    const cidr = `${LAN}.${oct[i]}/24`;
    let addr: AddressV1 = cidr;
    if (mode === 'metric') addr = { cidr, metric: metrics[i]! };
    if (mode === 'explicit') {
      addr = { cidr, noprefixroute: true };
      // Sometimes one NIC has no route at all (the article's "no eth0 route" case).
      if (!(i === 0 && rng.chance(0.25))) {
        const r = { dest: `${LAN}.0/24`, dev: name, proto: 'kernel', scope: 'link', src: ip(cidr), metric: metrics[i]! };
        aRoutes.push(rng.chance(0.3) ? `${r.dest} dev ${r.dev} proto kernel scope link src ${r.src} metric ${r.metric}` : r);
      }
    }
    aIfs[name] = rng.chance(0.5) ? { addresses: [addr] } : { mac: `02:00:00:00:0a:0${i}`, addresses: [addr] };
  }
  const segs: (string | null)[] = lanIfs.map(() => 'lan');
  if (withNet2) {
    const name = `eth${nNics}`;
    aIfs[name] = { addresses: [mode === 'explicit' ? { cidr: '172.16.10.10/16', noprefixroute: true } : '172.16.10.10/16'] };
    if (mode === 'explicit') aRoutes.push({ dest: '172.16.0.0/16', dev: name, proto: 'kernel', scope: 'link', src: '172.16.10.10', metric: 100 });
    segs.push('net172');
  }
  const aSys: Record<string, number> = {};
  for (const knob of rng.sample(['arp_ignore', 'arp_filter', 'rp_filter', 'arp_announce'], rng.int(0, 3))) {
    const values = knob === 'arp_filter' ? [1] : knob === 'arp_ignore' ? [1, 2] : [1, 2];
    aSys[scopeKey(rng, knob, lanIfs)] = rng.pick(values);
  }
  const A: HostV1 = { interfaces: aIfs, ...(aRoutes.length ? { routes: [...aRoutes] } : {}), ...(Object.keys(aSys).length ? { sysctls: aSys } : {}) };
  const B: HostV1 = { interfaces: { eth0: { addresses: [`${LAN}.${oct[4]}/24`] } } };
  if (rng.chance(0.3)) B.sysctls = { 'net.ipv4.conf.all.rp_filter': rng.pick([1, 2]) };
  const withC = rng.chance(0.5);
  const hosts: HostW[] = [hostW('A', A, 1, segs), hostW('B', B, 2, ['lan'])];
  if (withC) hosts.push(hostW('C', { interfaces: { eth0: { addresses: [`${LAN}.${oct[5]}/24`] } } }, 3, ['lan']));
  const lanMembers = rng.chance(0.5)
    ? [...lanIfs.map((i) => `A.${i}`), ...hosts.slice(1).map((h) => `${h.name}.eth0`)]
    : [...hosts.slice(1).map((h) => `${h.name}.eth0`), ...lanIfs.map((i) => `A.${i}`)];
  const segments: Record<string, string[]> = { lan: lanMembers };
  if (withNet2) segments.net172 = [`A.eth${nNics}`];

  const w: World = { family: 'multinic', hosts, segments, proxy: false, makers: [], unused: [`${LAN}.${oct[3]}`], macCounter: 0, state: {} };
  const a = hosts[0]!;
  const others = hosts.slice(1);
  const aLan = () => a.nics.filter((n) => n.segment === 'lan');
  w.makers = [
    ...commonMakers(w, rng),
    [4, () => ping(rng, rng.pick(others).name, rng.pick(aLan().flatMap((n) => n.addrs.map(ip))))],
    [2, () => {
      const b = rng.pick(others);
      const how = rng.pick(['none', 'dev', 'addr'] as const);
      const nic = rng.pick(aLan());
      const iface = how === 'dev' ? nic.name : how === 'addr' && nic.addrs[0] ? ip(nic.addrs[0]) : undefined;
      return ping(rng, 'A', ip(b.nics[0]!.addrs[0]!), iface ? { iface } : {});
    }],
    [0.5, () => ping(rng, rng.pick(others).name, w.unused[0]!)],
    [2, () => {
      const b = rng.pick(others);
      return arping(rng, b.name, 'eth0', rng.pick(aLan().flatMap((n) => n.addrs.map(ip))));
    }],
    [1.5, () => {
      const nic = rng.pick(aLan());
      const b = rng.pick(others);
      const src = rng.chance(0.5) ? rng.pick(aLan().flatMap((n) => n.addrs.map(ip))) : undefined;
      return arping(rng, 'A', nic.name, ip(b.nics[0]!.addrs[0]!), src ? { src } : {});
    }],
    [2.5, () => {
      const knob = rng.pick(['arp_ignore', 'arp_filter', 'rp_filter', 'arp_announce']);
      const values = knob === 'arp_filter' ? [0, 1] : knob === 'arp_ignore' ? [0, 1, 2] : [0, 1, 2];
      return sysctlAction('A', scopeKey(rng, knob, aLan().map((n) => n.name)), rng.pick(values));
    }],
    [0.7, () => {
      // Delete A's routes in order, one at a time (the article's S06/S15 experiments).
      const k = w.state.routesDeleted ?? 0;
      if (mode !== 'explicit' || k >= aRoutes.length) return null;
      w.state.routesDeleted = k + 1;
      return { type: 'route', host: 'A', op: 'del', route: aRoutes[k]! };
    }],
    [0.6, () => {
      const b = rng.pick(others);
      const nic = rng.pick(aLan());
      return { type: 'neigh_add', host: b.name, ip: ip(rng.pick(aLan()).addrs[0]!), dev: 'eth0', lladdr: nic.mac, nud: rng.pick(['permanent', 'stale']) };
    }],
    [0.3, () => ({ type: 'neigh_del', host: rng.pick(others).name, ip: ip(rng.pick(aLan()).addrs[0]!), dev: 'eth0' })],
  ];
  return w;
}

// --- family: VIPs on lo, arp_announce / arp_ignore, LVS-DR ------------------------------

function vip(rng: Rng): World {
  const VIP = `${LAN}.200`;
  const oct = rng.sample([10, 21, 22, 54, 70, 99], 4);
  const withD = rng.chance(0.6);
  const withR2 = rng.chance(0.35);
  const extraVip = rng.chance(0.35);
  const loAddrs: AddressV1[] = [rng.chance(0.2) ? { cidr: `${VIP}/32`, label: 'lo:0', scope: 'host' } : { cidr: `${VIP}/32`, label: 'lo:0' }];
  if (extraVip) loAddrs.push({ cidr: '10.10.10.10/32', label: 'lo:1' });
  const realSys = (): Record<string, number> => {
    const s: Record<string, number> = {};
    if (rng.chance(0.6)) s[scopeKey(rng, 'arp_ignore', ['eth0'], 0.5)] = rng.pick([1, 2, 3, 8]);
    if (rng.chance(0.6)) s[scopeKey(rng, 'arp_announce', ['eth0', 'lo'], 0.5)] = rng.pick([1, 2]);
    return s;
  };
  const spec: [string, HostV1, string][] = [];
  const C: HostV1 = { interfaces: { eth0: { addresses: [`${LAN}.${oct[0]}/24`] } } };
  if (rng.chance(0.3)) C.sysctls = { [`net.ipv4.conf.${rng.pick(['all', 'eth0'])}.arp_accept`]: rng.pick([1, 2]) };
  spec.push(['C', C, 'C.eth0']);
  const r1Sys = realSys();
  spec.push(['R1', { interfaces: { eth0: { addresses: [`${LAN}.${oct[1]}/24`] }, lo: { addresses: loAddrs } }, ...(Object.keys(r1Sys).length ? { sysctls: r1Sys } : {}) }, 'R1.eth0']);
  if (withD) spec.push(['D', { interfaces: { eth0: { addresses: [`${LAN}.${oct[2]}/24`, { cidr: `${VIP}/32`, label: 'eth0:0' }] } } }, 'D.eth0']);
  if (withR2) {
    const s = realSys();
    spec.push(['R2', { interfaces: { eth0: { addresses: [`${LAN}.${oct[3]}/24`] }, lo: { addresses: [{ cidr: `${VIP}/32`, label: 'lo:0' }] } }, ...(Object.keys(s).length ? { sysctls: s } : {}) }, 'R2.eth0']);
  }
  // C may route everything through R1 (the article's arp_announce experiment).
  if (rng.chance(0.3)) C.routes = [{ dest: 'default', via: `${LAN}.${oct[1]}`, dev: 'eth0' }];
  const order = rng.sample(spec, spec.length);
  const hosts = order.map(([n, h], i) => hostW(n, h, i + 1, ['lan']));
  const segments = { lan: order.map(([, , port]) => port) };
  const w: World = { family: 'vip', hosts, segments, proxy: false, makers: [], unused: [`${LAN}.201`], macCounter: 0, state: {} };
  const by = (n: string) => hosts.find((h) => h.name === n);
  const reals = hosts.filter((h) => h.lo.length > 0);
  const cIp = ip(by('C')!.nics[0]!.addrs[0]!);
  w.makers = [
    ...commonMakers(w, rng),
    [3, () => arping(rng, 'C', 'eth0', rng.chance(0.8) ? VIP : rng.pick(allAddrs(rng.pick(hosts.filter((h) => h.name !== 'C'))))) ],
    [3, () => ping(rng, 'C', VIP)],
    [2, () => {
      const r = rng.pick(reals);
      return ping(rng, r.name, cIp, { iface: rng.pick(r.lo.map(ip)) });
    }],
    [0.8, () => ping(rng, rng.pick(hosts.filter((h) => h.name !== 'C')).name, cIp)],
    [1, () => {
      const owner = rng.pick(hosts.filter((h) => allAddrs(h).includes(VIP)));
      return arping(rng, owner.name, 'eth0', VIP, rng.chance(0.5) ? { U: true } : { A: true });
    }],
    [1, () => arping(rng, 'C', 'eth0', rng.pick([VIP, w.unused[0]!]), { D: true })],
    [0.7, () => {
      const h = rng.pick(hosts.filter((x) => x.name !== 'C'));
      return { type: 'neigh_add', host: 'C', ip: VIP, dev: 'eth0', lladdr: h.nics[0]!.mac, nud: rng.pick(['stale', 'permanent']) };
    }],
    [0.3, () => ({ type: 'neigh_del', host: 'C', ip: VIP, dev: 'eth0' })],
    [2.5, () => {
      const r = rng.pick(reals);
      const knob = rng.pick(['arp_ignore', 'arp_announce']);
      return sysctlAction(r.name, scopeKey(rng, knob, knob === 'arp_ignore' ? ['eth0'] : ['eth0', 'lo'], 0.5),
        rng.pick(knob === 'arp_ignore' ? [0, 1, 2, 3, 8] : [0, 1, 2]));
    }],
    [0.5, () => sysctlAction('C', scopeKey(rng, 'arp_accept', ['eth0'], 0.5), rng.pick([0, 1, 2]))],
  ];
  return w;
}

// --- family: gratuitous ARP, DAD, spoofing, MAC changes, arp_accept ---------------------

function garp(rng: Rng): World {
  const oct = distinctOctets(rng, 5);
  const eth1 = rng.chance(0.6);
  const eth1Addr = eth1 && rng.chance(0.4);
  const aIfs: HostV1['interfaces'] = { eth0: { addresses: [`${LAN}.${oct[0]}/24`] } };
  if (eth1) aIfs.eth1 = { addresses: eth1Addr ? [`${LAN}.${oct[3]}/24`] : [] };
  const A: HostV1 = { interfaces: aIfs };
  if (rng.chance(0.3)) A.sysctls = { 'net.ipv4.conf.eth0.arp_notify': 1 };
  const mk = (o: number): HostV1 => {
    const h: HostV1 = { interfaces: { eth0: { addresses: [`${LAN}.${o}/24`] } } };
    if (rng.chance(0.5)) h.sysctls = { [`net.ipv4.conf.${rng.pick(['all', 'eth0'])}.arp_accept`]: rng.pick([1, 2]) };
    return h;
  };
  const hosts = [hostW('A', A, 1, eth1 ? ['lan', 'lan'] : ['lan']), hostW('B', mk(oct[1]!), 2, ['lan']), hostW('C', mk(oct[2]!), 3, ['lan'])];
  const members = rng.sample(['A.eth0', 'B.eth0', 'C.eth0', ...(eth1 ? ['A.eth1'] : [])], eth1 ? 4 : 3);
  const w: World = { family: 'garp', hosts, segments: { lan: members }, proxy: false, makers: [], unused: [`${LAN}.${oct[4]}`], macCounter: 0, state: {} };
  const [a, b, c] = hosts as [HostW, HostW, HostW];
  const bIp = ip(b.nics[0]!.addrs[0]!);
  w.makers = [
    ...commonMakers(w, rng),
    [2, () => arping(rng, 'A', 'eth0', rng.pick(a.nics[0]!.addrs.map(ip)), { U: true })],
    [1.5, () => arping(rng, 'A', 'eth0', rng.pick(a.nics[0]!.addrs.map(ip)), { A: true })],
    [1.5, () => {
      w.macCounter++;
      const mac = `02:00:00:00:aa:${w.macCounter.toString(16).padStart(2, '0')}`;
      a.nics[0]!.mac = mac;
      return { type: 'link', host: 'A', dev: 'eth0', mac };
    }],
    [0.6, () => {
      const extra = (w.state.extraAddrs ?? 0) + 1;
      if (extra > 2) return null;
      w.state.extraAddrs = extra;
      const cidr = rng.chance(0.5) ? `10.9.9.${extra}/32` : `${LAN}.${240 + extra}/24`;
      a.nics[0]!.addrs.push(cidr);
      return cidr.endsWith('/24')
        ? { type: 'addr', host: 'A', op: 'add', cidr, dev: 'eth0', label: `eth0:${extra}` }
        : { type: 'addr', host: 'A', op: 'add', cidr, dev: 'eth0' };
    }],
    [2, () => ping(rng, rng.pick(['B', 'C']), ip(a.nics[0]!.addrs[0]!))],
    [1, () => ping(rng, 'A', rng.pick([bIp, ip(c.nics[0]!.addrs[0]!)]))],
    [1.5, () => arping(rng, 'C', 'eth0', rng.pick([bIp, w.unused[0]!, ip(a.nics[0]!.addrs[0]!)]), { D: true })],
    [1, () => (eth1 ? arping(rng, 'A', 'eth1', bIp, { src: ip(a.nics[0]!.addrs[0]!) }) : null)],
    [0.8, () => {
      const mac = rng.chance(0.5) ? a.nics[0]!.mac : `02:00:00:00:bb:${rng.int(1, 9).toString(16).padStart(2, '0')}`;
      return { type: 'neigh_add', host: rng.pick(['B', 'C']), ip: ip(a.nics[0]!.addrs[0]!), dev: 'eth0', lladdr: mac, nud: rng.pick(['permanent', 'stale']) };
    }],
    [0.4, () => ({ type: 'neigh_del', host: rng.pick(['B', 'C']), ip: ip(a.nics[0]!.addrs[0]!), dev: 'eth0' })],
    [1.5, () => sysctlAction(rng.pick(['B', 'C']), scopeKey(rng, 'arp_accept', ['eth0'], 0.5), rng.pick([0, 1, 2]))],
    [0.5, () => sysctlAction('A', 'net.ipv4.conf.eth0.arp_notify', rng.pick([0, 1]))],
  ];
  return w;
}

// --- family: router with forwarding and proxy_arp ---------------------------------------

function router(rng: Rng): World {
  const R: HostV1 = {
    interfaces: { eth0: { addresses: ['192.168.1.1/24'] }, eth1: { addresses: ['192.168.2.1/24'] } },
  };
  const rSys: Record<string, number> = {};
  if (rng.chance(0.85)) rSys['net.ipv4.ip_forward'] = 1;
  if (rng.chance(0.7)) rSys[scopeKey(rng, 'proxy_arp', ['eth0'], 0.3)] = 1;
  if (rng.chance(0.3)) rSys['net.ipv4.conf.eth1.proxy_arp'] = 1;
  if (rng.chance(0.3)) rSys[scopeKey(rng, 'rp_filter', ['eth0', 'eth1'], 0.5)] = rng.pick([1, 2]);
  if (Object.keys(rSys).length) R.sysctls = rSys;
  const h1Wide = rng.chance(0.6);
  const H1: HostV1 = { interfaces: { eth0: { addresses: [h1Wide ? '192.168.1.10/16' : '192.168.1.10/24'] } } };
  if (!h1Wide) H1.routes = ['default via 192.168.1.1 dev eth0'];
  const H2: HostV1 = { interfaces: { eth0: { addresses: ['192.168.2.20/24'] } } };
  if (rng.chance(0.85)) H2.routes = [{ dest: 'default', via: '192.168.2.1', dev: 'eth0' }];
  const withH3 = rng.chance(0.4);
  const spec: [string, HostV1, (string | null)[]][] = [['R', R, ['seg1', 'seg2']], ['H1', H1, ['seg1']], ['H2', H2, ['seg2']]];
  if (withH3) spec.push(['H3', { interfaces: { eth0: { addresses: ['192.168.1.30/24'] } } }, ['seg1']]);
  const hosts = spec.map(([n, h, s], i) => hostW(n, h, i + 1, s));
  const seg1 = rng.sample(['R.eth0', 'H1.eth0', ...(withH3 ? ['H3.eth0'] : [])], withH3 ? 3 : 2);
  const seg2 = rng.sample(['R.eth1', 'H2.eth0'], 2);
  const w: World = { family: 'router', hosts, segments: { seg1, seg2 }, proxy: true, makers: [], unused: ['192.168.2.99', '192.168.1.77'], macCounter: 0, state: {} };
  const h1s = ['H1', ...(withH3 ? ['H3'] : [])];
  w.makers = [
    ...commonMakers(w, rng),
    [3, () => ping(rng, rng.pick(h1s), '192.168.2.20', { proxy: true })],
    [1.5, () => ping(rng, 'H2', rng.pick(h1s) === 'H1' ? '192.168.1.10' : '192.168.1.30', { proxy: true })],
    [2, () => arping(rng, rng.pick(h1s), 'eth0', rng.pick(['192.168.2.20', '192.168.2.1', '192.168.2.99', '192.168.1.77', '192.168.1.1']))],
    [1, () => (withH3 ? ping(rng, rng.pick(['H1', 'H3']), rng.pick(['192.168.1.10', '192.168.1.30']), { proxy: true }) : null)],
    [0.5, () => ping(rng, 'H1', '192.168.2.99', { proxy: true })],
    [2, () => sysctlAction('R', scopeKey(rng, 'proxy_arp', ['eth0', 'eth1'], 0.3), rng.pick([0, 1]))],
    [0.8, () => sysctlAction('R', 'net.ipv4.ip_forward', rng.pick([0, 1]))],
    [0.5, () => sysctlAction('R', scopeKey(rng, 'rp_filter', ['eth0', 'eth1'], 0.5), rng.pick([0, 1, 2]))],
  ];
  return w;
}

// ---------------------------------------------------------------------------------------
// Placing actions on the timeline.

const SETTLES = [0.15, 0.3, 0.45, 0.6, 0.75, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 3.5];

function placeActions(w: World, rng: Rng): ActionV1[] {
  const tl = new Timeline(undefined, w.neigh);
  const ctx = { proxy: w.proxy, allHosts: w.hosts.map((h) => h.name), ...(w.neigh ? { neigh: w.neigh } : {}) };
  const actions: ActionV1[] = [];
  const target = rng.int(10, 22);
  let guard = 0;
  let lastReset = true;
  const place = (a: ActionV1): boolean => {
    const p = profileOf(a, ctx);
    // A wait that does not land clear of the timers is simply not taken.
    const settles = a.type === 'wait' ? [0.15] : SETTLES;
    let fallback: { s: number; next: ReturnType<Timeline['tryAdd']> } | null = null;
    for (const s of settles) {
      const next = tl.tryAdd(p, s);
      if (!next) continue;
      // Prefer a settle after which a frame could be sent at once: the smallest safe settle
      // may leave the next step on a timer and force a flush.
      const probe = new Timeline(next, w.neigh);
      if (p.reset || SETTLES.slice(0, 4).some((s2) => probe.tryAdd(PROBE_NEXT, s2))) {
        fallback = { s, next };
        break;
      }
      fallback ??= { s, next };
    }
    if (!fallback) return false;
    if (fallback.s !== 0.15) a.settle = fallback.s;
    tl.commit(fallback.next!);
    actions.push(a);
    lastReset = p.reset === true;
    return true;
  };
  while (actions.length < target && guard++ < 500) {
    let placed = false;
    for (let attempt = 0; attempt < 6 && !placed; attempt++) {
      // Drawing a maker may change the world (a MAC, an address): only keep what is placed.
      const snapshot = saveWorld(w);
      const a = rng.weighted(w.makers)();
      // Two flushes of every host in a row test nothing new.
      const redundant = a !== null && lastReset && profileOf(a, ctx).reset === true;
      if (a && !redundant && place(a)) placed = true;
      else restoreWorld(w, snapshot);
    }
    if (placed) continue;
    // Nothing fits the clock any more: flush every host (no timer survives), or wait it out.
    if (!place({ type: 'flush', hosts: ctx.allHosts })) {
      for (const s of [0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12]) if (place({ type: 'wait', seconds: s })) break;
    }
  }
  return actions;
}

function saveWorld(w: World): string {
  return JSON.stringify({ h: w.hosts.map((h) => h.nics.map((n) => [n.mac, n.addrs])), m: w.macCounter, s: w.state });
}

function restoreWorld(w: World, s: string): void {
  const o = JSON.parse(s) as { h: [string, string[]][][]; m: number; s: Record<string, number> };
  w.hosts.forEach((h, i) => h.nics.forEach((n, j) => {
    n.mac = o.h[i]![j]![0];
    n.addrs = o.h[i]![j]![1];
  }));
  w.macCounter = o.m;
  w.state = o.s;
}
