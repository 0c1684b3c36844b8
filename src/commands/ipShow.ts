/**
 * `ip addr`, `ip link`, `ip route` and `ip neigh` listings as iproute2 6.1 prints them
 * (print_linkinfo, print_addrinfo, print_route, print_neigh), trailing spaces included
 * where iproute2 leaves them. Devices print like a veth's end without its `@ifN` peer
 * (`qdisc noqueue`, `qlen 1000`): that is what the lab's hosts are. IPv6 is not modelled, so
 * no `inet6` lines.
 */
import type { AddrView, DeviceView, HostView, NeighRow } from '../engine/index.ts';
import { ipToInt, intToIp } from './addr.ts';
import type { Counters } from './counters.ts';

/** `<FLAGS> mtu N qdisc noqueue state S` (print_link_flags, print_operstate). */
export function linkHead(d: DeviceView): string {
  const tunnel = d.name === 'tunl0';
  const carrier = d.loopback || tunnel || d.segment !== null;
  const flags = d.loopback ? ['LOOPBACK'] : tunnel ? ['NOARP'] : ['BROADCAST', 'MULTICAST'];
  if (d.up) flags.push('UP');
  if (d.up && carrier) flags.push('LOWER_UP');
  if (d.up && !carrier) flags.unshift('NO-CARRIER');
  const state = !d.up ? 'DOWN' : d.loopback || tunnel ? 'UNKNOWN' : carrier ? 'UP' : 'DOWN';
  const mtu = d.loopback ? 65536 : tunnel ? 1480 : 1500;
  return `${d.ifindex}: ${d.name}${tunnel ? '@NONE' : ''}: <${flags.join(',')}> mtu ${mtu} qdisc noqueue state ${state}`;
}

export function linkLine(d: DeviceView): string {
  if (d.loopback) return '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00';
  if (d.name === 'tunl0') return '    link/ipip 0.0.0.0 brd 0.0.0.0';
  return `    link/ether ${d.mac} brd ff:ff:ff:ff:ff:ff`;
}

/** `inet 10.0.0.1/24 scope global secondary noprefixroute eth0` and its lifetime line. */
export function addrLines(a: AddrView): string[] {
  const t = ['inet', a.cidr, 'scope', a.scope];
  if (a.secondary) t.push('secondary');
  if (a.noprefixroute) t.push('noprefixroute');
  t.push(a.label);
  return [`    ${t.join(' ')}`, '       valid_lft forever preferred_lft forever'];
}

/** `ip [-4] addr show`: every device (or one), with its IPv4 addresses. */
export function ipAddrShow(v: HostView, opts: { four: boolean; dev?: string }): string[] {
  const out: string[] = [];
  for (const d of v.devices) {
    if (opts.dev !== undefined && d.name !== opts.dev) continue;
    if (opts.four && d.addrs.length === 0) continue;
    out.push(`${linkHead(d)} group default qlen 1000`);
    if (!opts.four) out.push(linkLine(d));
    for (const a of d.addrs) out.push(...addrLines(a));
  }
  return out;
}

/**
 * `ip -s link`'s counters as print_stats64 (ip/ipaddress.c) lays them out: each column as
 * wide as its header or its widest value (size_columns counts digits with `powi < val`),
 * right-aligned, each followed by a space; the headers padded to the same widths.
 */
function statsLines(c: Counters): string[] {
  const rx = [c.rxBytes, c.rxPackets, 0, 0, 0, 0];
  const tx = [c.txBytes, c.txPackets, 0, 0, 0, 0];
  // strlen("*X errors:"), "packets", "errors", "dropped", "heartbt", "overrun", "compressed"
  const cols = [10, 7, 6, 7, 7, 7, 10];
  const digits = (v: number) => {
    let len = 1;
    for (let p = 10; p < v; p *= 10) len++;
    return len;
  };
  for (const v of [rx, tx]) v.forEach((x, i) => (cols[i] = Math.max(cols[i], digits(x))));
  const head = (what: string, names: string[]) =>
    `    ${what}: ${names.map((n, i) => n.padStart(i === 0 ? cols[0] - 4 : cols[i])).join(' ')} ${''.padStart(cols[6])}`;
  const row = (vals: number[]) => `    ${vals.map((n, i) => `${String(n).padStart(cols[i])} `).join('')}`;
  return [
    head('RX', ['bytes', 'packets', 'errors', 'dropped', 'missed', 'mcast']), row(rx),
    head('TX', ['bytes', 'packets', 'errors', 'dropped', 'carrier', 'collsns']), row(tx),
  ];
}

/** `ip [-s] link show`. */
export function ipLinkShow(v: HostView, opts: { stats: boolean; dev?: string; counters?: (dev: string) => Counters }): string[] {
  const out: string[] = [];
  for (const d of v.devices) {
    if (opts.dev !== undefined && d.name !== opts.dev) continue;
    out.push(`${linkHead(d)} mode DEFAULT group default qlen 1000`, linkLine(d));
    if (opts.stats) out.push(...statsLines(opts.counters?.(d.name) ?? { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 }));
  }
  return out;
}

/** `ip route show [table main|local] [dev X]` (main: the engine's lines; local: fib_add_ifaddr's routes). */
export function ipRouteShow(v: HostView, opts: { table: 'main' | 'local'; dev?: string }): string[] {
  if (opts.table === 'main') {
    return mainTable(v).filter((r) => opts.dev === undefined || r.dev === opts.dev).map((r) => {
      // `dev X` given: iproute2 leaves the device out of each line.
      const text = opts.dev !== undefined ? r.text.replace(` dev ${opts.dev}`, '') : r.text;
      return `${text} `;
    });
  }
  return localTable(v).filter((r) => opts.dev === undefined || r.dev === opts.dev).map((r) => `${opts.dev !== undefined ? r.text.replace(` dev ${opts.dev}`, '') : r.text} `);
}

/**
 * The main table in the order the kernel dumps it: its trie by destination, a shorter
 * prefix before a longer one with the same key, then by metric (fib_insert_alias keeps a
 * leaf's aliases so), insertion order among equals.
 */
export function mainTable(v: HostView): HostView['routes'] {
  const key = (d: string) => {
    if (d === 'default') return [0, 0];
    const [ip, len] = d.split('/');
    return [ipToInt(ip), len === undefined ? 32 : Number(len)];
  };
  return [...v.routes].sort((a, b) => {
    const [ka, la] = key(a.dest);
    const [kb, lb] = key(b.dest);
    return ka - kb || la - lb || a.metric - b.metric;
  });
}

interface LocalRoute {
  key: number;
  len: number;
  dev: string;
  text: string;
}

/**
 * The local table as fib_add_ifaddr (net/ipv4/fib_frontend.c) fills it: a `local` route for
 * every address; for a primary address, its prefix as `local` on a loopback device, and the
 * subnet's broadcast address when the prefix is shorter than /31. Listed in the trie's
 * order: by address, shorter prefix first.
 */
export function localTable(v: HostView): LocalRoute[] {
  const out: LocalRoute[] = [];
  const seen = new Set<string>();
  const add = (type: string, key: number, len: number, dev: string, src: string, scope: string) => {
    const dest = len === 32 ? intToIp(key) : `${intToIp(key)}/${len}`;
    if (seen.has(`${type} ${dest} ${dev}`)) return;
    seen.add(`${type} ${dest} ${dev}`);
    out.push({ key, len, dev, text: `${type} ${dest} dev ${dev} proto kernel scope ${scope} src ${src}` });
  };
  for (const d of v.devices) {
    if (!d.up) continue;
    for (const a of d.addrs) {
      const ip = ipToInt(a.local);
      const mask = a.len === 0 ? 0 : (0xffffffff << (32 - a.len)) >>> 0;
      const net = (ip & mask) >>> 0;
      // A secondary's local route has its primary's address as source (fib_add_ifaddr: prim = inet_ifa_byprefix).
      const prim = a.secondary ? (d.addrs.find((x) => !x.secondary && x.len === a.len && ((ipToInt(x.local) & mask) >>> 0) === net) ?? a) : a;
      add('local', ip, 32, d.name, prim.local, 'host');
      if (a.secondary) continue;
      if (d.loopback && a.len < 32 && !a.noprefixroute) add('local', net, a.len, d.name, a.local, 'host');
      if (a.len < 31) add('broadcast', (net | ~mask) >>> 0, 32, d.name, a.local, 'link');
    }
  }
  return out.sort((x, y) => x.key - y.key || x.len - y.len);
}

/** `ip [-s] neigh show [dev X]` (print_neigh: `used`/`probes` with -s, no `ref`: the lab counts no references). */
export function ipNeighLine(n: NeighRow, opts: { stats: boolean; dev?: string }): string {
  let s = n.ip;
  if (opts.dev === undefined) s += ` dev ${n.dev}`;
  if (n.lladdr) s += ` lladdr ${n.lladdr}`;
  if (opts.stats) s += `  used ${n.used}/${n.confirmed}/${n.updated}probes ${n.probes}`;
  return `${s} ${n.state} `;
}
