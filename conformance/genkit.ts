/**
 * The generator's toolkit, shared by every family (generate.ts, genFamilies.ts): the world
 * a family builds (hosts as written plus what the makers must know), and makers of common
 * actions.
 */
import type { Rng } from './prng.ts';
import type { ActionV1, AddressV1, HostV1 } from './scenario.ts';
import { defaultMac } from './scenario.ts';
import type { NeighTiming } from './timing.ts';

// ---------------------------------------------------------------------------------------
// The world: hosts as built, plus what the generator must know to write sensible actions.

export interface Nic {
  name: string;
  mac: string;
  /** Current IPv4 addresses (cidr), updated by addr actions. */
  addrs: string[];
  segment: string | null;
}

export interface HostW {
  name: string;
  spec: HostV1;
  nics: Nic[];
  lo: string[];
}

export interface World {
  family: string;
  hosts: HostW[];
  segments: Record<string, string[]>;
  proxy: boolean;
  /** Action makers with weights; a maker may return null when it does not apply now. */
  makers: [number, () => ActionV1 | null][];
  /** Addresses in use nowhere, for DAD and unanswered pings. */
  unused: string[];
  macCounter: number;
  /** Counters the makers keep (saved and restored with the world). */
  state: Record<string, number>;
  /** Neighbour parameters the scenario may use (timing.ts); the kernel's when absent. */
  neigh?: NeighTiming;
}

export const ip = (cidr: string) => cidr.split('/')[0]!;

export function hostW(name: string, spec: HostV1, index: number, segs: (string | null)[]): HostW {
  const ifs = Object.entries(spec.interfaces ?? {});
  const nics: Nic[] = [];
  let lo: string[] = [];
  ifs.forEach(([ifname, i], ii) => {
    const addrs = (i.addresses ?? []).map((a: AddressV1) => (typeof a === 'string' ? a : a.cidr));
    if (ifname === 'lo') {
      lo = addrs;
      return;
    }
    nics.push({ name: ifname, mac: (i.mac ?? defaultMac(index, ii)).toLowerCase(), addrs, segment: segs[nics.length] ?? null });
  });
  return { name, spec, nics, lo };
}

/** One random sysctl key scope: `all`, or one of the given interfaces. */
export function scopeKey(rng: Rng, knob: string, ifaces: string[], pAll = 0.4): string {
  const where = rng.chance(pAll) ? 'all' : rng.pick(ifaces);
  return `net.ipv4.conf.${where}.${knob}`;
}

export function allAddrs(h: HostW): string[] {
  return [...h.nics.flatMap((n) => n.addrs.map(ip)), ...h.lo.map(ip)];
}

export const LAN = '192.168.100';

export function distinctOctets(rng: Rng, k: number): number[] {
  return rng.sample(Array.from({ length: 240 }, (_, i) => i + 10), k);
}

/** Common makers: flushes, waits, snapshots. */
export function commonMakers(w: World, rng: Rng): [number, () => ActionV1 | null][] {
  const names = () => w.hosts.map((h) => h.name);
  return [
    [1.5, () => ({ type: 'flush', hosts: names() })],
    [1, () => {
      const hs = rng.sample(names(), rng.int(1, Math.max(1, names().length - 1)));
      return hs.length === 1 && rng.chance(0.5) ? { type: 'flush', host: hs[0]! } : { type: 'flush', hosts: hs };
    }],
    [0.8, () => ({ type: 'wait', seconds: rng.pick([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 6, 8, 9, 10]) })],
    [0.2, () => ({ type: 'snapshot' })],
  ];
}

export function ping(rng: Rng, host: string, to: string, opts: { iface?: string; proxy?: boolean } = {}): ActionV1 {
  const a: ActionV1 = { type: 'ping', host, to };
  // (count-1)+W stays <= 2: a failing ping returns before the 3 s FAILED timer.
  const shape = opts.proxy ? rng.pick([[1, 2], [2, 1], [1, 1]]) : rng.weighted([[6, [1, 1]], [1, [2, 1]], [1, [1, 2]]] as const);
  if (shape[0] !== 1) a.count = shape[0];
  if (shape[1] !== 1 || rng.chance(0.3)) a.W = shape[1];
  if (opts.iface) a.iface = opts.iface;
  return a;
}

export function arping(rng: Rng, host: string, iface: string, target: string, extra: Partial<Record<'src' | 'D' | 'U' | 'A', string | boolean>> = {}): ActionV1 {
  const a: ActionV1 = { type: 'arping', host, iface, target, count: 1, ...extra };
  if (extra.U || extra.A) return a;
  // -w 1 with -c 1 returns at the first reply: -c 2 with -w could miss the second reply.
  if (rng.chance(0.75) || extra.D) a.w = 1;
  else a.count = rng.pick([1, 2]);
  return a;
}

export function sysctlAction(host: string, key: string, value: number): ActionV1 {
  return { type: 'sysctl', hosts: [host], set: { [key]: value } };
}

