/**
 * Administrative commands as engine operations: `sysctl -w`, `ip route`, `ip addr`,
 * `ip link set`, `ip neigh replace/del/flush`. Each returns an error message in the
 * tool's own words, or null.
 */
import { parsePrefix, parseIp, inPrefix, type Ip4 } from '../net/ip.ts';
import { isMac, normMac } from '../net/mac.ts';
import { CONF_KNOBS, INT_MAX, INT_MIN, isKnob, effective } from '../host/conf.ts';
import { NEIGH_SYSCTL } from '../neigh/parms.ts';
import { deleteAddress, insertAddress } from '../host/addr.ts';
import { SCOPE, type Device, type Host, type IfAddr, type ScopeNum } from '../host/model.ts';
import type { World } from '../sim/world.ts';
import type { AddrSpec, NudName, RouteSpec } from '../input.ts';
import type { NeighCause } from '../trace.ts';
import { connectedRoute, mainLookup, type Route } from '../route/route.ts';
import { neighAdminSet, neighRemove } from '../neigh/machine.ts';
import type { NudOrNone } from '../neigh/entry.ts';
import { arpSend } from '../arp/send.ts';
import { LINKWATCH_DELAY } from '../l2/bridge.ts';

/** neigh_rand_reach_time: uniform in [base/2, 3·base/2). */
export function drawReachableTime(w: World, dev: Device): void {
  const base = dev.parms.values.base_reachable_time;
  dev.reachableTime = base ? Math.floor(base / 2) + w.rng.below(base) : 0;
}

export function writeSysctl(w: World, host: Host, key: string, value: number): string | null {
  const bad = () => `sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory`;
  // EINVAL from proc_dointvec (no int), as procps prints it; checked after the key exists, as sysctl stats first.
  const invalid = `sysctl: setting key "${key}": Invalid argument`;
  const notInt = !Number.isInteger(value) || value < INT_MIN || value > INT_MAX;
  if (!Number.isInteger(value)) return invalid;
  const parts = key.split('.');
  if (key === 'net.ipv4.ip_forward') {
    if (notInt) return invalid;
    return writeConf(host, 'all', 'forwarding', value);
  }
  if (parts.length === 5 && parts[0] === 'net' && parts[1] === 'ipv4' && parts[2] === 'conf') {
    const [, , , scope, knob] = parts;
    if (!isKnob(knob)) return bad();
    if (scope !== 'all' && scope !== 'default' && !host.dev(scope)) return bad();
    // proc_dointvec stores any int (do_proc_dointvec_conv refuses only what does not fit).
    if (notInt) return invalid;
    return writeConf(host, scope, knob, value);
  }
  if (parts.length === 5 && parts[0] === 'net' && parts[1] === 'ipv4' && parts[2] === 'neigh') {
    const [, , , scope, name] = parts;
    const p = NEIGH_SYSCTL[name];
    if (!p) return bad();
    if (value < 0) return invalid;
    const [param, mult] = p;
    const v = value * mult;
    if (scope === 'default') {
      host.neighDefault.values[param] = v;
      host.neighDefault.set.add(param);
      for (const d of host.devices) {
        if (!d.parms.set.has(param)) {
          d.parms.values[param] = v;
          if (param === 'base_reachable_time') drawReachableTime(w, d);
        }
      }
      return null;
    }
    const dev = host.dev(scope);
    if (!dev) return bad();
    dev.parms.values[param] = v;
    dev.parms.set.add(param);
    if (param === 'base_reachable_time') drawReachableTime(w, dev);
    return null;
  }
  return bad();
}

/** devinet_conf_proc / devinet_sysctl_forward semantics of all, default and a device. */
function writeConf(host: Host, scope: string, knob: keyof typeof CONF_KNOBS, value: number): string | null {
  if (knob === 'forwarding' && scope === 'all') {
    // inet_forward_change: ip_forward sets all, default and every device.
    host.conf.all.values.forwarding = value;
    host.conf.dflt.values.forwarding = value;
    // …and a router stops believing redirects (all.accept_redirects = !on).
    host.conf.all.values.accept_redirects = value ? 0 : 1;
    for (const d of host.devices) d.conf.values.forwarding = value;
    return null;
  }
  if (scope === 'all') {
    host.conf.all.values[knob] = value;
    host.conf.all.set.add(knob);
    return null;
  }
  if (scope === 'default') {
    host.conf.dflt.values[knob] = value;
    host.conf.dflt.set.add(knob);
    for (const d of host.devices) {
      if (!d.conf.set.has(knob)) {
        d.conf.values[knob] = value;
        d.conf.fromDefault.add(knob);
      }
    }
    return null;
  }
  const dev = host.dev(scope)!;
  dev.conf.values[knob] = value;
  dev.conf.set.add(knob);
  dev.conf.fromDefault.delete(knob);
  return null;
}


const SCOPES: Record<string, ScopeNum> = { global: SCOPE.global, site: SCOPE.site, link: SCOPE.link, host: SCOPE.host };

export function addAddress(host: Host, dev: Device, a: AddrSpec): string | null {
  const p = parsePrefix(a.cidr);
  if (!p || !a.cidr.includes('/')) {
    if (!p) return `Error: any valid prefix is expected rather than "${a.cidr}".`;
  }
  const local = p.addr;
  // iproute2 default_scope: host for 127/8, else global (unless given).
  const scope = a.scope ? SCOPES[a.scope] : local >>> 24 === 127 ? SCOPE.host : SCOPE.global;
  const res = insertAddress(dev, local, p.len, scope, a.label, a.noprefixroute, a.metric ?? 0);
  if (!res.ok) return res.error;
  addPrefixRoute(host, dev, res.ifa);
  return null;
}

export function delAddress(w: World, host: Host, dev: Device, cidr: string): string | null {
  const p = parsePrefix(cidr);
  if (!p) return `Error: any valid prefix is expected rather than "${cidr}".`;
  const promote = effective(host.conf.all, dev.conf, dev.name, 'promote_secondaries').value === 1;
  const { removed, promoted } = deleteAddress(dev, p.addr, p.len, promote);
  // inet_rtm_deladdr (devinet.c): EADDRNOTAVAIL with the extack message "ipv4: Address not found".
  if (removed.length === 0) return 'Error: ipv4: Address not found.';
  for (const r of removed) {
    // fib_del_ifaddr: the deleted primary's prefix route goes.
    host.routes = host.routes.filter((rt) => !(rt.dev === dev && rt.proto === 'kernel' && rt.prefsrc === r.local));
    // fib_sync_down_addr: once the address is no longer local anywhere on the host, every
    // route that names it as preferred source (`src`) is flushed, whatever its device.
    if (!host.findAddr(r.local)) host.routes = host.routes.filter((rt) => rt.prefsrc !== r.local);
  }
  // __inet_del_ifa → NETDEV_UP → fib_add_ifaddr: the promoted address gets the routes of a
  // primary, among them its subnet's prefix route with itself as source.
  if (promoted) addPrefixRoute(host, dev, promoted);
  if (dev.addrs.length === 0) flushDevice(w, dev, true, 'addr_removed');
  return null;
}

/** fib_add_ifaddr's prefix route: primaries only, not /32, not noprefixroute, device up. */
function addPrefixRoute(host: Host, dev: Device, ifa: IfAddr): void {
  if (!ifa.secondary && !ifa.noprefixroute && ifa.len < 32 && dev.up && !dev.loopback) {
    host.routes.push(connectedRoute(dev, ifa.local, ifa.len, ifa.metric));
  }
}

export function routeFromSpec(host: Host, s: RouteSpec): Route | string {
  const p = parsePrefix(s.dest);
  if (!p) return `Error: any valid prefix is expected rather than "${s.dest}".`;
  let dev: Device | null = null;
  if (s.dev) {
    dev = host.dev(s.dev) ?? null;
    if (!dev) return `Cannot find device "${s.dev}"`;
  }
  let gw: Ip4 = 0;
  let nhScope: ScopeNum = SCOPE.host;
  if (s.via) {
    const g = parseIp(s.via);
    if (g === null) return `Error: inet address is expected rather than "${s.via}".`;
    gw = g;
    // fib_check_nh_v4_gw: a full lookup of the gateway (local table, then main) among
    // routes of scope link or narrower, through the device if one is given. A local
    // route is accepted like a unicast one: the nexthop then takes its host scope.
    const own = host.findAddr(gw);
    if (own && (!dev || own.dev === dev)) {
      nhScope = SCOPE.host;
      if (!dev) dev = own.dev;
    } else {
      const r = mainLookup(host, gw, dev, SCOPE.link);
      if (!r || r.gw || r.type !== 'unicast') return 'Error: Nexthop has invalid gateway.';
      nhScope = r.scope;
      if (!dev) dev = r.dev;
    }
  }
  const type = s.type ?? 'unicast';
  if (type === 'unicast' && !dev) return 'Error: Device for nexthop is not up.';
  let prefsrc: Ip4 = 0;
  if (s.src) {
    const a = parseIp(s.src);
    if (a === null || !host.isLocal(a)) return 'Error: Invalid prefsrc address.';
    prefsrc = a;
  }
  const scope = s.scope ? SCOPES[s.scope] : gw || type !== 'unicast' ? SCOPE.global : SCOPE.link;
  return { dst: p.addr & (p.len ? (0xffffffff << (32 - p.len)) >>> 0 : 0), len: p.len, type, dev, gw, metric: s.metric, prefsrc, scope, proto: s.proto ?? 'boot', nhScope };
}

function sameKey(a: Route, b: Route): boolean {
  return a.dst >>> 0 === b.dst >>> 0 && a.len === b.len && a.metric === b.metric;
}

export function routeCmd(host: Host, op: 'add' | 'del' | 'replace', s: RouteSpec): string | null {
  const r = routeFromSpec(host, s);
  if (op === 'del') {
    const p = parsePrefix(s.dest);
    if (!p) return `Error: any valid prefix is expected rather than "${s.dest}".`;
    const i = host.routes.findIndex((x) =>
      x.dst >>> 0 === (typeof r === 'string' ? x.dst : r.dst) >>> 0 && x.len === p.len &&
      inPrefix(x.dst, p.addr, p.len) &&
      (!s.metric || x.metric === s.metric) &&
      (!s.dev || x.dev?.name === s.dev) &&
      (!s.via || x.gw === parseIp(s.via)));
    if (i < 0) return 'RTNETLINK answers: No such process';
    host.routes.splice(i, 1);
    return null;
  }
  if (typeof r === 'string') return r;
  const i = host.routes.findIndex((x) => sameKey(x, r));
  if (op === 'add') {
    if (i >= 0) return 'RTNETLINK answers: File exists';
    host.routes.push(r);
  } else if (i >= 0) host.routes[i] = r;
  else host.routes.push(r);
  return null;
}

/** Removes neighbour entries of a device (ip link down, MAC change, last address gone). */
export function flushDevice(w: World, dev: Device, includePermanent: boolean, cause: NeighCause): void {
  for (const n of [...dev.neigh.values()]) {
    if (!includePermanent && (n.state === 'PERMANENT' || n.state === 'NOARP')) continue;
    neighRemove(w, n, cause);
  }
}

/** iproute2 ip/ipneigh.c MAX_ROUNDS: a flush gives up after this many dump-and-delete rounds. */
export const FLUSH_MAX_ROUNDS = 10;

/**
 * `ip neigh flush all|dev X` (iproute2 do_show_or_flush): dump, delete every entry that is
 * neither PERMANENT nor NOARP (FAILED included), and dump again until a dump finds nothing
 * to delete, at most FLUSH_MAX_ROUNDS times. Rounds matter because deleting an entry can
 * create another: an INCOMPLETE entry's queued packets are reported (neigh_delete →
 * __neigh_update(NUD_FAILED, ADMIN) → neigh_invalidate → arp_error_report), and a
 * forwarding host's ICMP error to their sender may need a new resolution.
 */
export function neighFlush(w: World, host: Host, devName?: string): string | null {
  const devs = devName ? [host.dev(devName)].filter((d): d is Device => !!d) : host.devices;
  if (devName && devs.length === 0) return `Cannot find device "${devName}"`;
  for (let round = 0; round < FLUSH_MAX_ROUNDS; round++) {
    const doomed = devs.flatMap((d) => [...d.neigh.values()].filter((n) => n.state !== 'PERMANENT' && n.state !== 'NOARP'));
    if (doomed.length === 0) return null;
    for (const n of doomed) if (!n.dead) neighRemove(w, n, 'ip_neigh_flush');
  }
  return `*** Flush not complete bailing out after ${FLUSH_MAX_ROUNDS} rounds`;
}

const NUD: Record<NudName, NudOrNone> = {
  permanent: 'PERMANENT', reachable: 'REACHABLE', stale: 'STALE', delay: 'DELAY', probe: 'PROBE',
  noarp: 'NOARP', failed: 'FAILED', incomplete: 'INCOMPLETE',
};

export function neighAdd(w: World, host: Host, ipText: string, devName: string, lladdr: string | undefined, nud: NudName): string | null {
  const dev = host.dev(devName);
  if (!dev) return `Cannot find device "${devName}"`;
  const a = parseIp(ipText);
  if (a === null) return `Error: inet address is expected rather than "${ipText}".`;
  if (lladdr !== undefined && !isMac(lladdr)) return `"${lladdr}" is invalid lladdr.`;
  const st = NUD[nud];
  const ll = lladdr !== undefined ? normMac(lladdr) : null;
  if (ll === null && st !== 'INCOMPLETE' && st !== 'FAILED' && st !== 'NOARP') return 'Error: No link layer address given.';
  neighAdminSet(w, dev, a, ll, st, 'ip_neigh_replace');
  return null;
}

export function neighDel(w: World, host: Host, ipText: string, devName: string): string | null {
  const dev = host.dev(devName);
  if (!dev) return `Cannot find device "${devName}"`;
  const a = parseIp(ipText);
  const n = a === null ? undefined : dev.neigh.get(a);
  if (!n) return 'RTNETLINK answers: No such file or directory';
  neighRemove(w, n, 'ip_neigh_del');
  return null;
}

/** Gratuitous requests for every address of the device (inetdev_send_gratuitous_arp). */
function sendGratuitous(w: World, dev: Device): void {
  for (const ifa of dev.addrs) arpSend(w, dev, 1, null, ifa.local, ifa.local, null, 'garp');
}

export function linkSet(w: World, host: Host, dev: Device, mac: string | undefined, state: 'up' | 'down' | undefined): string | null {
  if (mac !== undefined) {
    if (!isMac(mac)) return `"${mac}" is invalid lladdr.`;
    const m = normMac(mac);
    if (m !== dev.mac) {
      dev.mac = m;
      // NETDEV_CHANGEADDR: neigh_changeaddr flushes the device's entries; with arp_notify
      // the kernel announces every address with a gratuitous request.
      flushDevice(w, dev, true, 'mac_changed');
      const notify = effective(host.conf.all, dev.conf, dev.name, 'arp_notify');
      if (notify.value && dev.up) {
        w.decision(null, host, dev, 'arp_announce', 'info', 'notify_mac', [notify], { mac: m });
        sendGratuitous(w, dev);
      }
    }
  }
  if (state === 'down' && dev.up) {
    dev.up = false;
    flushDevice(w, dev, true, 'link_down');
    host.routes = host.routes.filter((r) => r.dev !== dev);
  } else if (state === 'up' && !dev.up) {
    dev.up = true;
    for (const ifa of dev.addrs) addPrefixRoute(host, dev, ifa);
    if (dev.port) dev.port.disabledUntil = w.now + LINKWATCH_DELAY;
    const notify = effective(host.conf.all, dev.conf, dev.name, 'arp_notify');
    if (notify.value) {
      w.decision(null, host, dev, 'arp_announce', 'info', 'notify_up', [notify], {});
      sendGratuitous(w, dev);
    }
  }
  return null;
}

