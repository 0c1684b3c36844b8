/**
 * net-tools 2.10 — `arp`, `ifconfig`, `route` — because the classic LVS real-server scripts
 * use them. Listings read the host at the cursor in net-tools' exact columns; changes become
 * the same actions `ip` makes (an alias `lo:0` is an address labelled lo:0; `route add -host
 * VIP dev lo:0` is the route the kernel's SIOCADDRT makes: scope link, and the alias's
 * address as preferred source, as fib_convert_rtentry does for a "dev:alias" name).
 */
import type { DeviceView, NeighRow } from '../engine/index.ts';
import type { ActionV1, RouteObjV1 } from '../scenario/types.ts';
import { intToIp, ipToInt, maskLen, maskText } from './addr.ts';
import { countersOf, framesSeen } from './counters.ts';
import { mainTable } from './ipShow.ts';
import { err, ok, viewOf, type CommandResult, type ConsoleState } from './state.ts';

const isIp = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((p) => Number(p) <= 255);
const isMac = (s: string) => /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(s);

// ---------------------------------------------------------------- arp

const ARP_HEAD = 'Address                  HWtype  HWaddress           Flags Mask            Iface';

function arpRow(n: NeighRow): string {
  const perm = n.state === 'PERMANENT';
  const complete = n.lladdr !== null;
  const hw = complete ? ['ether', n.lladdr!] : ['', '(incomplete)'];
  const flags = complete ? (perm ? 'CM' : 'C') : '';
  return `${n.ip.padEnd(23)}  ${hw[0].padEnd(8)}${hw[1].padEnd(20)}${flags.padEnd(6)}${''.padEnd(15)} ${n.dev}`;
}

function arpBsd(n: NeighRow): string {
  if (n.lladdr === null) return `? (${n.ip}) at <incomplete> on ${n.dev}`;
  return `? (${n.ip}) at ${n.lladdr} [ether] ${n.state === 'PERMANENT' ? 'PERM ' : ''}on ${n.dev}`;
}

/**
 * The device arp_req_dev / arp_req_set find for an address: ip_route_output(…, RT_SCOPE_LINK),
 * so only a route that reaches it on-link (no gateway) qualifies; null is ENETUNREACH.
 */
function linkDev(st: ConsoleState, ip: string): string | null {
  const r = st.routeGet({ to: ip });
  if (!r.ok || / via /.test(r.lines[0])) return null;
  return / dev (\S+)/.exec(r.lines[0])?.[1] ?? null;
}

export function arpCommand(st: ConsoleState, argv: string[]): CommandResult {
  let bsd = false;
  let del: string | null = null;
  let set: [string, string] | null = null;
  let dev: string | undefined;
  const args: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    if (w === '-i' || w === '--device') {
      dev = argv[++i];
      continue;
    }
    if (w === '-d' || w === '--delete') {
      del = argv[++i] ?? '';
      continue;
    }
    if (w === '-s' || w === '--set') {
      set = [argv[++i] ?? '', argv[++i] ?? ''];
      continue;
    }
    if (w.startsWith('-') && w.length > 1) {
      for (const ch of w.slice(1)) {
        if (ch === 'a') bsd = true;
        else if (ch === 'n' || ch === 'e' || ch === 'v') continue;
        else if (ch === 'd' || ch === 's') return err(255, 'arp: -d and -s take their arguments on their own here (arp -d IP, arp -s IP MAC)');
        else return err(3, `arp: invalid option -- '${ch}'`);
      }
      continue;
    }
    args.push(w);
  }
  const v = viewOf(st);
  // -s/-d name the device to the kernel (arp_req_dev: ENODEV); a listing filters by name only.
  const noDev = dev !== undefined && !v.devices.some((d) => d.name === dev);
  if (del !== null) {
    if (noDev) return err(255, 'SIOCDARP(dontpub): No such device');
    if (!isIp(del)) return err(255, `${del}: Unknown host`);
    // Without -i, arp_req_dev finds the device by a link-scope route lookup (net/ipv4/arp.c).
    const d = dev ?? linkDev(st, del);
    if (d === null) return err(255, 'SIOCDARP(dontpub): Network is unreachable');
    const hit = v.neigh.find((n) => n.ip === del && n.dev === d);
    if (!hit) return err(255, `No ARP entry for ${del}`);
    return { out: [], rc: 0, change: { kind: 'config', actions: [{ type: 'neigh_del', host: st.host, ip: del, dev: hit.dev } as ActionV1] } };
  }
  if (set !== null) {
    if (noDev) return err(255, 'SIOCSARP: No such device');
    const [ip, mac] = set;
    if (!isIp(ip)) return err(255, `${ip}: Unknown host`);
    if (!isMac(mac)) return err(255, 'arp: invalid hardware address');
    // Without -i, arp_req_set finds the device by a link-scope route lookup of the address.
    const d = dev ?? linkDev(st, ip);
    if (d === null) return err(255, 'SIOCSARP: Network is unreachable');
    return { out: [], rc: 0, change: { kind: 'config', actions: [{ type: 'neigh_add', host: st.host, ip, lladdr: mac.toLowerCase(), dev: d, nud: 'permanent' } as ActionV1] } };
  }
  const entries = v.neigh.filter((n) => n.state !== 'FAILED');
  const rows = entries.filter((n) => (dev === undefined || n.dev === dev) && (args.length === 0 || args.includes(n.ip)));
  // arp_show (net-tools arp.c): nothing shown for a host is "-- no entry" (not with -a); for a device filter, a count.
  if (args.length && rows.length === 0 && !bsd) return ok(args.map((a) => `${a} (${a}) -- no entry`));
  if ((args.length || dev !== undefined) && rows.length === 0) return ok([`arp: in ${entries.length} entries no match found.`]);
  if (bsd) return ok(rows.map(arpBsd));
  return ok(rows.length ? [ARP_HEAD, ...rows.map(arpRow)] : []);
}

// ---------------------------------------------------------------- ifconfig

/** ifconfig's interfaces: a device, and each labelled alias (lo:0) as its own entry. */
interface IfEntry {
  name: string;
  dev: DeviceView;
  addr: DeviceView['addrs'][number] | null;
  alias: boolean;
}

function ifEntries(v: ReturnType<typeof viewOf>): IfEntry[] {
  const out: IfEntry[] = [];
  for (const d of v.devices) {
    out.push({ name: d.name, dev: d, addr: d.addrs.find((a) => a.label === d.name) ?? null, alias: false });
    const labels = [...new Set(d.addrs.map((a) => a.label).filter((l) => l !== d.name))];
    for (const l of labels) out.push({ name: l, dev: d, addr: d.addrs.find((a) => a.label === l)!, alias: true });
  }
  // net-tools lists interfaces by name (its if_list is kept sorted).
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** print_bytes_scaled (net-tools lib/interface.c): B, KiB, MiB… with one decimal. */
function scaled(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${(Math.floor(v * 10) / 10).toFixed(1)} ${units[u]}`;
}

function ifconfigEntry(st: ConsoleState, e: IfEntry): string[] {
  const d = e.dev;
  const carrier = d.loopback || d.segment !== null || d.name === 'tunl0';
  const bits: [number, string][] = [[1, 'UP'], [2, 'BROADCAST'], [8, 'LOOPBACK'], [64, 'RUNNING'], [128, 'NOARP'], [4096, 'MULTICAST']];
  const on = new Set<number>();
  if (d.up) on.add(1);
  if (d.loopback) on.add(8);
  else if (d.name === 'tunl0') on.add(128);
  else on.add(2).add(4096);
  if (d.up && carrier) on.add(64);
  const flags = bits.filter(([b]) => on.has(b));
  const sum = flags.reduce((s, [b]) => s + b, 0);
  const mtu = d.loopback ? 65536 : d.name === 'tunl0' ? 1480 : 1500;
  const out = [`${e.name}: flags=${sum}<${flags.map(([, n]) => n).join(',')}>  mtu ${mtu}`];
  if (e.addr) {
    const mask = maskText(e.addr.len);
    // The lab's addresses carry no broadcast address (ip addr add without brd): 0.0.0.0.
    out.push(`        inet ${e.addr.local}  netmask ${mask}${on.has(2) ? '  broadcast 0.0.0.0' : ''}`);
  }
  if (d.loopback) out.push('        loop  txqueuelen 1000  (Local Loopback)');
  else if (d.name === 'tunl0') out.push('        tunnel   txqueuelen 1000  (IPIP Tunnel)');
  else out.push(`        ether ${d.mac}  txqueuelen 1000  (Ethernet)`);
  if (!e.alias) {
    const c = countersOf(framesSeen(st.sim, st.host, st.step), d.name);
    out.push(
      `        RX packets ${c.rxPackets}  bytes ${c.rxBytes} (${scaled(c.rxBytes)})`,
      '        RX errors 0  dropped 0  overruns 0  frame 0',
      `        TX packets ${c.txPackets}  bytes ${c.txBytes} (${scaled(c.txBytes)})`,
      '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
    );
  }
  out.push('');
  return out;
}

export function ifconfigCommand(st: ConsoleState, argv: string[]): CommandResult {
  const v = viewOf(st);
  const all = argv[1] === '-a';
  const args = argv.slice(all ? 2 : 1);
  const entries = ifEntries(v);
  if (args.length === 0) return ok(entries.filter((e) => all || e.dev.up).flatMap((e) => ifconfigEntry(st, e)));
  const name = args[0];
  const [base, alias] = name.split(':', 2);
  const d = v.devices.find((x) => x.name === base);
  if (!d) return err(1, `${name}: error fetching interface information: Device not found`);
  if (args.length === 1) {
    const e = entries.find((x) => x.name === name);
    if (!e) return err(1, `${name}: error fetching interface information: Device not found`);
    return ok(ifconfigEntry(st, e));
  }
  // Changes: [ADDR] [netmask MASK] [broadcast B] [up|down]
  let addr: string | undefined;
  let mask: string | undefined;
  let state: 'up' | 'down' | undefined;
  for (let i = 1; i < args.length; i++) {
    const w = args[i];
    if (w === 'up' || w === 'down') state = w;
    else if (w === 'netmask') mask = args[++i];
    else if (w === 'broadcast') {
      // The lab's addresses carry no broadcast address; on lo (the LVS case) it has no effect that ARP sees.
      i++;
    } else if (w === '-arp' || w === 'arp') return err(1, `arplab: ifconfig ${w} (IFF_NOARP) is not modelled`);
    else if (addr === undefined && isIp(w)) addr = w;
    else return err(1, `${w}: Unknown host`, `ifconfig: \`--help' gives usage information.`);
  }
  if (mask !== undefined && (!isIp(mask) || maskLen(mask) === null)) return err(1, `${mask}: Unknown host`, `ifconfig: \`--help' gives usage information.`);
  const actions: ActionV1[] = [];
  const label = alias !== undefined ? name : base;
  const current = d.addrs.find((a) => a.label === label);
  if (addr !== undefined || mask !== undefined) {
    // SIOCSIFADDR / SIOCSIFNETMASK (devinet_ioctl): the labelled address is deleted and the new one inserted.
    const local = addr ?? current?.local;
    if (local === undefined) return err(1, 'SIOCSIFNETMASK: Cannot assign requested address');
    const len = mask !== undefined ? maskLen(mask)! : current && addr === undefined ? current.len : classfulLen(local);
    const cidr = `${local}/${len}`;
    if (current && current.cidr !== cidr) actions.push({ type: 'addr', host: st.host, op: 'del', cidr: current.cidr, dev: base } as ActionV1);
    if (!current || current.cidr !== cidr) {
      actions.push({ type: 'addr', host: st.host, op: 'add', cidr, dev: base, ...(alias !== undefined ? { label: name } : {}) } as ActionV1);
    }
  }
  if (state === 'down' && alias !== undefined) {
    // An alias taken down loses its address (devinet_ioctl SIOCSIFFLAGS on a label: inet_del_ifa).
    if (current) actions.push({ type: 'addr', host: st.host, op: 'del', cidr: current.cidr, dev: base } as ActionV1);
  } else if (state !== undefined && (state === 'down') === d.up) {
    actions.push({ type: 'link', host: st.host, dev: base, state } as ActionV1);
  }
  return actions.length ? { out: [], rc: 0, change: { kind: 'config', actions } } : ok();
}

/** ifconfig without netmask: the address's class (net-tools sets no mask; the kernel's inet_abc_len). */
function classfulLen(ip: string): number {
  const a = Number(ip.split('.')[0]);
  return a < 128 ? 8 : a < 192 ? 16 : a < 224 ? 24 : 32;
}

// ---------------------------------------------------------------- route

const ROUTE_HEAD = ['Kernel IP routing table', 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface'];

export function routeCommand(st: ConsoleState, argv: string[]): CommandResult {
  const args = argv.slice(1).filter((w) => w !== '-n' && w !== '-e');
  const verb = args[0];
  if (verb === undefined) return ok(routeTable(st, argv.includes('-n')));
  if (verb === 'add' || verb === 'del') return routeChange(st, verb, args.slice(1));
  return err(4, `route: invalid option -- '${verb.replace(/^-+/, '')}'`);
}

/** `route [-n]`: without -n the destination 0.0.0.0 is `default` (INET_rresolve); the lab's addresses have no names. */
function routeTable(st: ConsoleState, numeric: boolean): string[] {
  const rows = mainTable(viewOf(st)).map((r) => {
    const [net, lenText] = r.dest === 'default' ? ['0.0.0.0', '0'] : r.dest.includes('/') ? r.dest.split('/') : [r.dest, '32'];
    const len = Number(lenText);
    let flags = 'U';
    if (r.via) flags += 'G';
    if (len === 32) flags += 'H';
    if (r.type === 'unreachable' || r.type === 'prohibit') flags += '!';
    const iface = r.dev ?? '*';
    return `${(net === '0.0.0.0' && !numeric ? 'default' : net).padEnd(15)} ${(r.via ?? '0.0.0.0').padEnd(15)} ${maskText(len).padEnd(15)} ${flags.padEnd(5)} ${String(r.metric).padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${iface}`;
  });
  return [...ROUTE_HEAD, ...rows];
}

function routeChange(st: ConsoleState, verb: 'add' | 'del', args: string[]): CommandResult {
  let host = false;
  let target: string | undefined;
  let mask: string | undefined;
  let gw: string | undefined;
  let dev: string | undefined;
  let metric: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    if (w === '-host') host = true;
    else if (w === '-net') host = false;
    else if (w === 'netmask') mask = args[++i];
    else if (w === 'gw') gw = args[++i];
    else if (w === 'dev') dev = args[++i];
    else if (w === 'metric') metric = Number(args[++i]);
    else if (target === undefined) target = w;
    else if (dev === undefined) dev = w;
    else return err(4, 'route: bogus argument', `Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables`);
  }
  if (target === undefined) return err(4, 'Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]');
  let dest: string;
  if (target === 'default') dest = '0.0.0.0/0';
  else {
    const [ip, pre] = target.split('/');
    if (!isIp(ip)) return err(4, `${ip}: Unknown host`);
    const len = host ? 32 : pre !== undefined ? Number(pre) : mask !== undefined ? maskLen(mask) : classfulLen(ip);
    if (len === null || !(len >= 0 && len <= 32)) return err(4, 'route: netmask doesn\'t match route address');
    dest = `${intToIp((ipToInt(ip) & ipToInt(maskText(len))) >>> 0)}/${len}`;
  }
  if (gw !== undefined && !isIp(gw)) return err(4, `${gw}: Unknown host`);
  const v = viewOf(st);
  let src: string | undefined;
  let devName = dev;
  if (dev !== undefined) {
    const [base, alias] = dev.split(':', 2);
    const d = v.devices.find((x) => x.name === base);
    if (!d) return err(7, 'SIOCADDRT: No such device');
    devName = base;
    // fib_convert_rtentry: "dev:alias" takes the alias's address as preferred source.
    if (alias !== undefined) {
      const a = d.addrs.find((x) => x.label === dev);
      if (!a) return err(7, 'SIOCADDRT: No such device');
      src = a.local;
    }
  }
  const route: RouteObjV1 = { dest, ...(gw !== undefined ? { via: gw } : {}), ...(devName !== undefined ? { dev: devName } : {}) };
  if (verb === 'del') {
    const match = v.routes.find((r) => routeKey(r.dest) === dest && (gw === undefined || r.via === gw) && (devName === undefined || r.dev === devName));
    if (!match) return err(7, 'SIOCDELRT: No such process');
    return { out: [], rc: 0, change: { kind: 'config', actions: [{ type: 'route', host: st.host, op: 'del', route: { dest, ...(match.via ? { via: match.via } : {}), ...(match.dev ? { dev: match.dev } : {}), ...(match.metric ? { metric: match.metric } : {}) } } as ActionV1] } };
  }
  if (gw === undefined && devName === undefined) return err(7, 'SIOCADDRT: No such device');
  // Without a gateway the kernel makes the route scope link (fib_convert_rtentry) (net-tools passes metric+1 and the kernel takes 1 off).
  const full: RouteObjV1 = { ...route, ...(gw === undefined ? { scope: 'link' } : {}), ...(src !== undefined ? { src } : {}), ...(metric ? { metric } : {}) };
  return { out: [], rc: 0, change: { kind: 'config', actions: [{ type: 'route', host: st.host, op: 'add', route: full } as ActionV1] } };
}

const routeKey = (d: string) => (d === 'default' ? '0.0.0.0/0' : d.includes('/') ? d : `${d}/32`);
