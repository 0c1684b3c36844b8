/**
 * Fresh names, MACs and addresses for new things: the next free host or segment name
 * (H1, H2…), interface name (eth0, eth1…), a MAC no interface has (explicit or default),
 * and the next IPv4 address no interface holds. Deterministic: the same scenario gives the
 * same answer (no clock, no randomness), so tests and replays agree.
 */
import { defaultMac } from '../scenario/net.ts';
import { formatIPv4, maskOf, parseCidr, parseIPv4 } from '../scenario/net.ts';
import type { AddressV1, HostV1, ScenarioV1 } from '../scenario/types.ts';

const hex2 = (n: number) => (n & 0xff).toString(16).padStart(2, '0');

export const cidrOf = (a: AddressV1) => (typeof a === 'string' ? a : a.cidr);

/** Host and segment names share one namespace (the layout's keys). */
export function nameTaken(s: ScenarioV1, name: string): boolean {
  return Object.hasOwn(s.hosts, name) || Object.hasOwn(s.segments ?? {}, name);
}

/** `prefix` + the smallest number ≥ `from` that makes a free name: H1, H2… */
export function nextName(s: ScenarioV1, prefix: string, from = 1, taken: ReadonlySet<string> = new Set()): string {
  for (let n = from; ; n++) {
    const name = `${prefix}${n}`;
    if (!nameTaken(s, name) && !taken.has(name)) return name;
  }
}

/** The name for a copy of `name`: RS1 → RS2, A → A2 (the first free one). */
export function copyName(s: ScenarioV1, name: string): string {
  const m = /^(.*?)(\d+)$/.exec(name);
  return m ? nextName(s, m[1], Number(m[2]) + 1) : nextName(s, name, 2);
}

/** eth0, eth1…: the first ethN the host does not have (`taken` adds names about to be created). */
export function nextIfName(h: HostV1 | undefined, taken: readonly string[] = []): string {
  const have = new Set([...Object.keys(h?.interfaces ?? {}), ...taken]);
  for (let n = 0; ; n++) if (!have.has(`eth${n}`)) return `eth${n}`;
}

/** Every MAC in use: explicit ones and the defaults of interfaces without one (lower case). */
export function usedMacs(s: ScenarioV1): Set<string> {
  const out = new Set<string>();
  Object.values(s.hosts).forEach((h, hi) => {
    Object.entries(h.interfaces ?? {}).forEach(([dev, i], ii) => {
      if (dev === 'lo') return;
      out.add((i.mac ?? defaultMac(hi + 1, ii)).toLowerCase());
    });
  });
  return out;
}

/**
 * A MAC for a new interface at position `ifIndex` of host position `hostIndex`: the
 * format's default for that position (02:00:00:00:HH:II) when free, else the first free
 * one of 02:00:00:01:00:00, 02:00:00:01:00:01…
 */
export function freshMac(taken: Set<string>, hostIndex: number, ifIndex: number): string {
  const first = defaultMac(hostIndex + 1, ifIndex);
  if (!taken.has(first)) {
    taken.add(first);
    return first;
  }
  for (let k = 0; k < 0xffffff; k++) {
    const mac = `02:00:00:${hex2(1 + (k >> 16))}:${hex2(k >> 8)}:${hex2(k)}`;
    if (!taken.has(mac)) {
      taken.add(mac);
      return mac;
    }
  }
  throw new Error('no free MAC address');
}

/** Every IPv4 address configured on any interface (as numbers). */
export function usedAddresses(s: ScenarioV1): Set<number> {
  const out = new Set<number>();
  for (const h of Object.values(s.hosts)) {
    for (const i of Object.values(h.interfaces ?? {})) {
      for (const a of i.addresses ?? []) {
        const c = parseCidr(cidrOf(a));
        if (c) out.add(c.addr);
      }
    }
  }
  return out;
}

/** `start` or the next address after it that no interface holds. */
export function nextFreeAddress(taken: Set<number>, start: string): string {
  let n = parseIPv4(start) ?? 0;
  while (taken.has(n)) n = (n + 1) >>> 0;
  taken.add(n);
  return formatIPv4(n);
}

/**
 * The next free host address in the subnet of `cidr` after its address (skipping the
 * network and broadcast addresses of prefixes up to /30), with the same prefix; `cidr`
 * itself when the subnet is full.
 */
export function nextInSubnet(taken: Set<number>, cidr: string): string {
  const c = parseCidr(cidr);
  if (!c) return cidr;
  const mask = maskOf(c.prefix);
  const net = (c.addr & mask) >>> 0;
  const size = 2 ** (32 - c.prefix);
  if (size <= 1) return cidr;
  const host = (n: number) => (c.prefix <= 30 ? n !== net && n !== ((net + size - 1) >>> 0) : true);
  for (let k = 1; k < Math.min(size, 1 << 16); k++) {
    const n = (net + ((c.addr - net + k) % size)) >>> 0;
    if (host(n) && !taken.has(n)) {
      taken.add(n);
      return `${formatIPv4(n)}/${c.prefix}`;
    }
  }
  return cidr;
}

/** The LVS virtual address: 192.168.100.200 by default. */
export const DEFAULT_VIP = '192.168.100.200';

/**
 * The VIP a new director or real server gets: the one the scenario's directors and real
 * servers already share (LVS-DR needs the same VIP everywhere), else 192.168.100.200 or
 * the next address after it that nothing uses.
 */
export function vipFor(s: ScenarioV1): string {
  for (const h of Object.values(s.hosts)) {
    if (h.kind !== 'director' && h.kind !== 'real-server') continue;
    for (const [dev, i] of Object.entries(h.interfaces ?? {})) {
      for (const a of i.addresses ?? []) {
        const label = typeof a === 'string' ? undefined : a.label;
        const c = parseCidr(cidrOf(a));
        if (c && c.prefix === 32 && (dev === 'lo' || (label !== undefined && label !== dev))) return formatIPv4(c.addr);
      }
    }
  }
  return nextFreeAddress(usedAddresses(s), DEFAULT_VIP);
}
