/**
 * Generator families that reach past the article (issue 10): links going down and up and
 * MAC changes with arp_notify/arp_accept (`link`); addresses added and deleted while the
 * scenario runs, with promote_secondaries, /32s, VIPs added later and route `src` hints
 * (`addr`); neighbour parameters net.ipv4.neigh.IFACE.* (`neigh`); and topologies of 6–12
 * hosts over 2–3 segments with routers, proxy ARP and LVS-DR real servers configured right,
 * wrong and only on lo (`topo`). Each would have found one of the engine's past
 * disagreements with the kernel (address promotion, flush rounds).
 */
import type { Rng } from './prng.ts';
import type { AddressV1, HostV1 } from './scenario.ts';
import type { NeighTiming } from './timing.ts';
import {
  LAN, arping, commonMakers, distinctOctets, hostW, ip, ping, scopeKey, sysctlAction,
  type HostW, type World,
} from './genkit.ts';

export const NEW_FAMILIES = ['link', 'addr', 'neigh', 'topo'] as const;
export type NewFamily = (typeof NEW_FAMILIES)[number];

export function buildNewFamily(family: NewFamily, rng: Rng): World {
  switch (family) {
    case 'link':
      return linkFamily(rng);
    case 'addr':
      return addrFamily(rng);
    case 'neigh':
      return neighFamily(rng);
    case 'topo':
      return topoFamily(rng);
  }
}

const world = (family: string, hosts: HostW[], segments: Record<string, string[]>, unused: string[], proxy = false): World =>
  ({ family, hosts, segments, proxy, makers: [], unused, macCounter: 0, state: {} });

const others = (w: World, name: string) => w.hosts.filter((h) => h.name !== name);
const firstIp = (h: HostW) => ip(h.nics[0]!.addrs[0]!);
/** One of xs, or undefined when there is none. */
const pickSome = <T>(rng: Rng, xs: readonly T[]): T | undefined => (xs.length ? rng.pick(xs) : undefined);

// --- family: link down/up and MAC changes, arp_notify, arp_accept -----------------------

function linkFamily(rng: Rng): World {
  const oct = distinctOctets(rng, 6);
  const eth1 = rng.chance(0.5);
  const aIfs: HostV1['interfaces'] = { eth0: { addresses: [`${LAN}.${oct[0]}/24`] } };
  if (eth1) aIfs.eth1 = { addresses: [`${LAN}.${oct[1]}/24`] };
  const A: HostV1 = { interfaces: aIfs };
  const aSys: Record<string, number> = {};
  if (rng.chance(0.6)) aSys[scopeKey(rng, 'arp_notify', eth1 ? ['eth0', 'eth1'] : ['eth0'])] = 1;
  if (rng.chance(0.3)) aSys[scopeKey(rng, 'arp_evict_nocarrier', ['eth0'])] = 0;
  if (Object.keys(aSys).length) A.sysctls = aSys;
  const mk = (o: number): HostV1 => {
    const h: HostV1 = { interfaces: { eth0: { addresses: [`${LAN}.${o}/24`] } } };
    if (rng.chance(0.5)) h.sysctls = { [`net.ipv4.conf.${rng.pick(['all', 'eth0'])}.arp_accept`]: rng.pick([1, 2]) };
    return h;
  };
  const hosts = [hostW('A', A, 1, eth1 ? ['lan', 'lan'] : ['lan']), hostW('B', mk(oct[2]!), 2, ['lan']), hostW('C', mk(oct[3]!), 3, ['lan'])];
  const members = rng.sample(['A.eth0', 'B.eth0', 'C.eth0', ...(eth1 ? ['A.eth1'] : [])], eth1 ? 4 : 3);
  const w = world('link', hosts, { lan: members }, [`${LAN}.${oct[4]}`]);
  const a = hosts[0]!;
  const isDown = (h: string, dev: string) => w.state[`down:${h}.${dev}`] === 1;
  const upNics = (h: HostW) => h.nics.filter((n) => !isDown(h.name, n.name));
  w.makers = [
    ...commonMakers(w, rng),
    [2, () => {
      const n = rng.pick(a.nics);
      const down = isDown('A', n.name);
      w.state[`down:A.${n.name}`] = down ? 0 : 1;
      return { type: 'link', host: 'A', dev: n.name, state: down ? 'up' : 'down' };
    }],
    [0.7, () => {
      const h = rng.pick(['B', 'C']);
      const down = isDown(h, 'eth0');
      w.state[`down:${h}.eth0`] = down ? 0 : 1;
      return { type: 'link', host: h, dev: 'eth0', state: down ? 'up' : 'down' };
    }],
    [1.5, () => {
      const n = rng.pick(a.nics);
      w.macCounter++;
      n.mac = `02:00:00:00:aa:${w.macCounter.toString(16).padStart(2, '0')}`;
      return { type: 'link', host: 'A', dev: n.name, mac: n.mac };
    }],
    [3, () => {
      const h = pickSome(rng, ['B', 'C'].filter((x) => !isDown(x, 'eth0')));
      return h ? ping(rng, h, rng.pick(a.nics.flatMap((n) => n.addrs.map(ip)))) : null;
    }],
    [1.5, () => (upNics(a).length ? ping(rng, 'A', firstIp(rng.pick(others(w, 'A')))) : null)],
    [1.5, () => {
      const n = upNics(a);
      if (!n.length) return null;
      const nic = rng.pick(n);
      return arping(rng, 'A', nic.name, ip(nic.addrs[0]!), rng.chance(0.5) ? { U: true } : { A: true });
    }],
    [1, () => {
      const h = pickSome(rng, ['B', 'C'].filter((x) => !isDown(x, 'eth0')));
      return h ? arping(rng, h, 'eth0', rng.pick(a.nics.flatMap((n) => n.addrs.map(ip)))) : null;
    }],
    [1, () => sysctlAction('A', scopeKey(rng, 'arp_notify', a.nics.map((n) => n.name)), rng.pick([0, 1]))],
    [1, () => sysctlAction(rng.pick(['B', 'C']), scopeKey(rng, 'arp_accept', ['eth0'], 0.5), rng.pick([0, 1, 2]))],
  ];
  return w;
}

// --- family: addresses added and deleted, promote_secondaries, /32s, VIPs, src hints ----

function addrFamily(rng: Rng): World {
  const wide = rng.chance(0.5);
  const len = wide ? 16 : 24;
  const oct = distinctOctets(rng, 8);
  const net = wide ? '10.23' : LAN;
  const addr = (k: number) => (wide ? `${net}.${11 + (k % 3)}.${oct[k]}/${len}` : `${net}.${oct[k]}/${len}`);
  const nSec = rng.int(1, 3);
  const eth0: AddressV1[] = [addr(0)];
  for (let k = 1; k <= nSec; k++) eth0.push(rng.chance(0.3) ? { cidr: addr(k), label: `eth0:${k}` } : addr(k));
  const otherNet = rng.chance(0.4);
  if (otherNet) eth0.push('10.50.0.1/24', '10.50.0.2/24');
  const A: HostV1 = { interfaces: { eth0: { addresses: eth0 } } };
  const promote = rng.pick([0, 1, 1]);
  const promoteKey = rng.chance(0.5) ? 'net.ipv4.conf.all.promote_secondaries' : 'net.ipv4.conf.eth0.promote_secondaries';
  const aSys: Record<string, number> = {};
  if (promote) aSys[promoteKey] = 1;
  if (rng.chance(0.3)) aSys[scopeKey(rng, 'arp_announce', ['eth0'], 0.5)] = rng.pick([1, 2]);
  if (Object.keys(aSys).length) A.sysctls = aSys;
  // B owns an address off every subnet on lo: reached on-link through A's `src` routes.
  const B: HostV1 = { interfaces: { eth0: { addresses: [addr(5)] }, lo: { addresses: ['10.77.0.5/32'] } } };
  const C: HostV1 = { interfaces: { eth0: { addresses: otherNet ? [addr(6), '10.50.0.9/24'] : [addr(6)] } } };
  const hosts = [hostW('A', A, 1, ['lan']), hostW('B', B, 2, ['lan']), hostW('C', C, 3, ['lan'])];
  const w = world('addr', hosts, { lan: rng.sample(['A.eth0', 'B.eth0', 'C.eth0'], 3) }, [ip(addr(7))]);
  w.state.promote = promote;
  const a = hosts[0]!;
  const aNic = a.nics[0]!;
  const deleted: string[] = [];
  const subnetOf = (cidr: string) => {
    const [x, l] = cidr.split('/');
    const n = Number(l);
    const v = x!.split('.').reduce((s, o) => s * 256 + Number(o), 0);
    return `${Math.floor(v / 2 ** (32 - n))}/${n}`;
  };
  const aAddrs = () => [...aNic.addrs, ...a.lo];
  w.makers = [
    ...commonMakers(w, rng),
    [2.5, () => {
      if (aNic.addrs.length === 0) return null;
      const cidr = rng.chance(0.6) ? aNic.addrs[0]! : rng.pick(aNic.addrs);
      // The first address of a subnet in the list is its primary: without promotion its
      // secondaries go with it.
      const same = aNic.addrs.filter((x) => subnetOf(x) === subnetOf(cidr));
      const primary = same[0] === cidr;
      const gone = primary && !w.state.promote ? same : [cidr];
      aNic.addrs = aNic.addrs.filter((x) => !gone.includes(x));
      deleted.push(...gone.map(ip));
      return { type: 'addr', host: 'A', op: 'del', cidr, dev: 'eth0' };
    }],
    [1.5, () => {
      const k = (w.state.added ?? 0) + 1;
      if (k > 4) return null;
      w.state.added = k;
      const kind = rng.pick(['sec', 'host32', 'vip-lo', 'vip-eth'] as const);
      if (kind === 'vip-lo') {
        const cidr = `10.10.10.${k}/32`;
        a.lo.push(cidr);
        return { type: 'addr', host: 'A', op: 'add', cidr, dev: 'lo', label: `lo:${k}` };
      }
      const cidr = kind === 'sec' ? (wide ? `${net}.14.${200 + k}/${len}` : `${net}.${240 + k}/${len}`)
        : kind === 'host32' ? `10.9.9.${k}/32` : `${LAN}.${230 + k}/32`;
      aNic.addrs.push(cidr);
      return kind === 'sec' && rng.chance(0.5)
        ? { type: 'addr', host: 'A', op: 'add', cidr, dev: 'eth0', label: `eth0:${10 + k}` }
        : { type: 'addr', host: 'A', op: 'add', cidr, dev: 'eth0' };
    }],
    [1.2, () => {
      const src = pickSome(rng, aAddrs().map(ip));
      if (src === undefined) return null;
      const op = w.state.srcRoute ? rng.pick(['replace', 'del'] as const) : 'add';
      w.state.srcRoute = op === 'del' ? 0 : 1;
      if (op === 'del') return { type: 'route', host: 'A', op, route: '10.77.0.0/16 dev eth0' };
      return { type: 'route', host: 'A', op, route: `10.77.0.0/16 dev eth0 src ${src}` };
    }],
    [1.5, () => (w.state.srcRoute ? ping(rng, 'A', '10.77.0.5') : null)],
    [3, () => ping(rng, rng.pick(['B', 'C']), rng.pick([...aAddrs().map(ip), ...deleted.slice(-2)]))],
    [2, () => {
      const srcs = aNic.addrs.map(ip);
      const via = srcs.length && rng.chance(0.3) ? { iface: rng.pick(srcs) } : {};
      return ping(rng, 'A', firstIp(rng.pick(others(w, 'A'))), via);
    }],
    [1.2, () => arping(rng, rng.pick(['B', 'C']), 'eth0', rng.pick([...aAddrs().map(ip), ...deleted.slice(-2)]))],
    [0.8, () => {
      w.state.promote = rng.pick([0, 1]);
      return sysctlAction('A', promoteKey, w.state.promote);
    }],
    [0.6, () => sysctlAction('A', scopeKey(rng, 'arp_announce', ['eth0'], 0.5), rng.pick([0, 1, 2]))],
  ];
  return w;
}

// --- family: neighbour parameters (net.ipv4.neigh.IFACE.*) ------------------------------

/**
 * The timers (retrans_time, delay_first_probe_time) get one value per scenario, set on every
 * host at the start: a mix of timer values on one link leaves hardly a moment clear of all
 * of them. Counts, locktime and base_reachable_time vary per host and change mid-scenario
 * among the values drawn, so the timing (the union, NeighTiming) holds throughout.
 */
function neighFamily(rng: Rng): World {
  const oct = distinctOctets(rng, 5);
  const retrans = rng.pick([500, 1000, 1500]);
  const delay = rng.pick([2, 3, 5]);
  const mcast = rng.sample([1, 2, 3], rng.int(1, 2));
  const ucast = rng.sample([1, 2, 3], rng.int(1, 2));
  const app = rng.chance(0.3) ? [0, 1] : [0];
  const locktime = rng.sample([0, 50, 100, 200], rng.int(1, 2));
  // REACHABLE lasts at least base/2: with 20 s that still outlasts the slowest failing
  // resolution here (4 × 1.5 s), so a flush can always come before an entry could expire.
  const reach = rng.sample([20000, 30000], rng.int(1, 2));
  const choices: [string, number[]][] = [
    ['mcast_solicit', mcast], ['ucast_solicit', ucast], ['app_solicit', app],
    ['locktime', locktime], ['base_reachable_time_ms', reach],
  ];
  const nt: NeighTiming = {
    retrans: [retrans / 1000],
    resolveProbes: Math.max(3, ...mcast) + Math.max(...app),
    reprobes: Math.max(3, ...ucast) + Math.max(...app),
    delay: [delay],
    locktime: [...new Set([100, ...locktime])].map((x) => x / 100),
    baseReachableMin: Math.min(30000, ...reach) / 1000,
  };
  const mk = (o: number): HostV1 => {
    const h: HostV1 = { interfaces: { eth0: { addresses: [`${LAN}.${o}/24`] } } };
    const s: Record<string, number> = {};
    if (retrans !== 1000) s['net.ipv4.neigh.eth0.retrans_time_ms'] = retrans;
    if (delay !== 5) s['net.ipv4.neigh.eth0.delay_first_probe_time'] = delay;
    for (const [k, vs] of rng.sample(choices, rng.int(0, 3))) s[`net.ipv4.neigh.eth0.${k}`] = rng.pick(vs);
    if (rng.chance(0.3)) s[`net.ipv4.conf.${rng.pick(['all', 'eth0'])}.arp_accept`] = 1;
    if (Object.keys(s).length) h.sysctls = s;
    return h;
  };
  const hosts = [hostW('A', mk(oct[0]!), 1, ['lan']), hostW('B', mk(oct[1]!), 2, ['lan']), hostW('C', mk(oct[2]!), 3, ['lan'])];
  const w = world('neigh', hosts, { lan: rng.sample(['A.eth0', 'B.eth0', 'C.eth0'], 3) }, [`${LAN}.${oct[3]}`]);
  w.neigh = nt;
  const names = hosts.map((h) => h.name);
  w.makers = [
    ...commonMakers(w, rng),
    [4, () => {
      const from = rng.pick(names);
      return ping(rng, from, firstIp(rng.pick(others(w, from))));
    }],
    [1, () => ping(rng, rng.pick(names), w.unused[0]!)],
    [1, () => {
      const from = rng.pick(names);
      return arping(rng, from, 'eth0', firstIp(rng.pick(others(w, from))));
    }],
    [0.6, () => arping(rng, rng.pick(names), 'eth0', firstIp(rng.pick(hosts)), { U: true })],
    [2, () => {
      const [k, vs] = rng.pick(choices);
      return sysctlAction(rng.pick(names), `net.ipv4.neigh.eth0.${k}`, rng.pick(vs));
    }],
    [0.8, () => {
      const h = rng.pick(names);
      const o = rng.pick(others(w, h));
      return { type: 'neigh_add', host: h, ip: firstIp(o), dev: 'eth0', lladdr: o.nics[0]!.mac, nud: 'stale' };
    }],
  ];
  return w;
}

// --- family: 6–12 hosts, 2–3 segments, routers, proxy ARP, LVS-DR real servers ----------

type RsConfig = 'right' | 'wrong' | 'lo-only';

function topoFamily(rng: Rng): World {
  const three = rng.chance(0.5);
  const nClients = rng.int(1, three ? 2 : 3);
  const nReals = rng.int(three ? 2 : 3, 4);
  const nBack = three ? rng.int(1, 2) : 0;
  const proxy = rng.chance(0.4);
  const VIP = '10.2.0.200';
  const spec: [string, HostV1, (string | null)[]][] = [];
  const r1Sys: Record<string, number> = { 'net.ipv4.ip_forward': 1 };
  if (proxy) r1Sys['net.ipv4.conf.eth0.proxy_arp'] = 1;
  if (rng.chance(0.3)) r1Sys[scopeKey(rng, 'rp_filter', ['eth0', 'eth1'], 0.5)] = rng.pick([1, 2]);
  const R1: HostV1 = {
    kind: 'router',
    interfaces: { eth0: { addresses: ['10.1.0.1/24'] }, eth1: { addresses: ['10.2.0.1/24'] } },
    sysctls: r1Sys,
    ...(three ? { routes: ['10.3.0.0/24 via 10.2.0.2 dev eth1'] } : {}),
  };
  spec.push(['R1', R1, ['s1', 's2']]);
  if (three) {
    spec.push(['R2', {
      kind: 'router',
      interfaces: { eth0: { addresses: ['10.2.0.2/24'] }, eth1: { addresses: ['10.3.0.1/24'] } },
      sysctls: { 'net.ipv4.ip_forward': 1 },
      routes: ['default via 10.2.0.1 dev eth0'],
    }, ['s2', 's3']]);
  }
  for (let k = 0; k < nClients; k++) {
    // With proxy ARP on R1 a client may believe everything in 10/8 is on its link.
    const wide = proxy && rng.chance(0.6);
    spec.push([`C${k + 1}`, {
      kind: 'client',
      interfaces: { eth0: { addresses: [wide ? `10.1.0.${10 + k}/8` : `10.1.0.${10 + k}/24`] } },
      ...(wide ? {} : { routes: ['default via 10.1.0.1 dev eth0'] }),
    }, ['s1']]);
  }
  spec.push(['D', {
    kind: 'director',
    interfaces: { eth0: { addresses: ['10.2.0.5/24', { cidr: `${VIP}/32`, label: 'eth0:0' }] } },
    routes: ['default via 10.2.0.1 dev eth0'],
  }, ['s2']]);
  const configs: RsConfig[] = [];
  for (let k = 0; k < nReals; k++) {
    const cfg = rng.pick(['right', 'right', 'wrong', 'lo-only'] as const);
    configs.push(cfg);
    const sys: Record<string, number> = cfg === 'right'
      ? { 'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 }
      : cfg === 'lo-only' ? { 'net.ipv4.conf.lo.arp_ignore': 1, 'net.ipv4.conf.lo.arp_announce': 2 } : {};
    spec.push([`RS${k + 1}`, {
      kind: 'real-server',
      interfaces: { eth0: { addresses: [`10.2.0.${20 + k}/24`] }, lo: { addresses: [{ cidr: `${VIP}/32`, label: 'lo:0' }] } },
      routes: ['default via 10.2.0.1 dev eth0'],
      ...(Object.keys(sys).length ? { sysctls: sys } : {}),
    }, ['s2']]);
  }
  for (let k = 0; k < nBack; k++) {
    spec.push([`B${k + 1}`, {
      interfaces: { eth0: { addresses: [`10.3.0.${10 + k}/24`] } },
      routes: ['default via 10.3.0.1 dev eth0'],
    }, ['s3']]);
  }
  const hosts = spec.map(([n, h, s], i) => hostW(n, h, i + 1, s));
  const ports = (seg: string) => hosts.flatMap((h) => h.nics.filter((n) => n.segment === seg).map((n) => `${h.name}.${n.name}`));
  const segments: Record<string, string[]> = { s1: rng.sample(ports('s1'), ports('s1').length), s2: rng.sample(ports('s2'), ports('s2').length) };
  if (three) segments.s3 = rng.sample(ports('s3'), ports('s3').length);
  // proxy_arp may be switched on mid-scenario: every reply may come late.
  const w = world('topo', hosts, segments, ['10.2.0.99', '10.1.0.99'], true);
  const clients = hosts.filter((h) => h.name.startsWith('C'));
  const reals = hosts.filter((h) => h.name.startsWith('RS'));
  const backs = hosts.filter((h) => h.name.startsWith('B'));
  w.makers = [
    ...commonMakers(w, rng),
    [3, () => ping(rng, rng.pick(clients).name, VIP, { proxy: true })],
    [2, () => ping(rng, rng.pick(clients).name, firstIp(rng.pick([...reals, hosts.find((h) => h.name === 'D')!])), { proxy: true })],
    [2, () => {
      const r = rng.pick(reals);
      return ping(rng, r.name, firstIp(rng.pick(clients)), { iface: VIP, proxy: true });
    }],
    [1.5, () => arping(rng, 'R1', 'eth1', VIP)],
    [1, () => arping(rng, rng.pick(clients).name, 'eth0', rng.pick(['10.2.0.5', VIP, '10.1.0.1', '10.2.0.99']))],
    [1, () => (backs.length ? ping(rng, rng.pick(backs).name, rng.pick([VIP, firstIp(rng.pick(clients))]), { proxy: true }) : null)],
    [0.5, () => ping(rng, rng.pick(clients).name, '10.2.0.99', { proxy: true })],
    [1.5, () => {
      // Fix or break one real server's ARP settings.
      const k = rng.int(0, reals.length - 1);
      const fix = configs[k] !== 'right';
      configs[k] = fix ? 'right' : 'wrong';
      return { type: 'sysctl', hosts: [reals[k]!.name], set: { 'net.ipv4.conf.all.arp_ignore': fix ? 1 : 0, 'net.ipv4.conf.all.arp_announce': fix ? 2 : 0 } };
    }],
    [0.8, () => sysctlAction('R1', scopeKey(rng, 'proxy_arp', ['eth0', 'eth1'], 0.3), rng.pick([0, 1]))],
  ];
  return w;
}

