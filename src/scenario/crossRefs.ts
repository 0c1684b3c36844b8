/**
 * Checks that need the whole scenario: names, references to hosts and interfaces, segment
 * membership, duplicate MACs and addresses, routes as `ip route add` would accept them, and
 * sysctl keys. Runs as the schema's root refinement, after every field has the right shape;
 * a field may still hold a badly formatted string (reported already), so parsing here is
 * defensive and a value that does not parse is skipped.
 */
import { checkAction } from './actions/registry.ts';
import { LIMITS } from './limits.ts';
import { msg } from './messages.ts';
import { formatIPv4, inSubnet, networkOf, parseCidr, parseIPv4, parseRouteDest, type Cidr } from './net.ts';
import { defaultMac } from './net.ts';
import type { MessageId, Problem, RouteClash } from './messages.ts';
import { checkRouteString } from './routeCheck.ts';
import type { ScenarioInput } from './schema.ts';
import { checkSysctlKey, checkSysctlValue } from './sysctlKeys.ts';
import type { RouteObjV1, ScenarioV1 } from './types.ts';

export type Path = (string | number)[];
export type Report = (path: Path, p: Problem) => void;

const NAME_RE = /^[\p{L}_][\p{L}\p{N}_-]{0,31}$/u;
const IFNAME_RE = /^[^\s/:]{1,15}$/u;

export function isValidHostName(n: string): boolean {
  return NAME_RE.test(n) && n !== '__proto__';
}

/** Linux's dev_valid_name, and not all digits (a numeric key would reorder the interfaces). */
export function isValidIfaceName(n: string): boolean {
  return IFNAME_RE.test(n) && n !== '.' && n !== '..' && !/^\d+$/.test(n) && n !== '__proto__';
}

type Host = ScenarioInput['hosts'][string];
type Action = NonNullable<ScenarioInput['actions']>[number];
type AddressIn = NonNullable<NonNullable<Host['interfaces']>[string]['addresses']>[number];

const addrOf = (a: AddressIn) => (typeof a === 'string' ? { cidr: a } : a);

function devsOf(h: Host): string[] {
  const ifaces = Object.keys(h.interfaces ?? {});
  return ifaces.includes('lo') ? ifaces : [...ifaces, 'lo'];
}

interface Ctx {
  s: ScenarioInput;
  report: Report;
  hosts: string[];
  devs: Map<string, string[]>;
}

export function checkCrossReferences(s: ScenarioInput, report: Report): void {
  const hosts = Object.keys(s.hosts);
  const ctx: Ctx = { s, report, hosts, devs: new Map(hosts.map((h) => [h, devsOf(s.hosts[h])])) };
  if (hosts.length > LIMITS.hosts) report(['hosts'], msg('tooMany', 'hosts', LIMITS.hosts));
  hosts.forEach((name) => checkHost(ctx, name));
  checkMacs(ctx);
  checkSegments(ctx);
  (s.actions ?? []).forEach((a, i) => checkActionAt(ctx, a, i));
}

// ---------------------------------------------------------------- dependents

/**
 * The problems that mean "this refers to something the scenario does not have": a host, an
 * interface, a local address (a route's `src`, a listening socket's `addr`) or an on-link
 * subnet (a route's gateway).
 */
const REFERENCE_CODES: ReadonlySet<MessageId> = new Set<MessageId>(['noSuchHost', 'noSuchDev', 'pingIface', 'sysctlNoIface', 'gatewayNotOnLink', 'srcNotLocal', 'listenNotLocal']);

/**
 * Where `s` refers to something it does not have (paths into the scenario, e.g.
 * `['segments', 'lan', 2]`, `['hosts', 'A', 'routes', 1, 'via']`, `['actions', 3, 'hosts', 0]`).
 * After a removal these are exactly what depended on the removed thing — found by the
 * same checks as validation, in one pass (routes are checked in order and a refused route
 * is not in the table, so a gateway reached only through a removed route is found too).
 * Null when `s` does not have the format's shapes (the checks assume them).
 */
export function unresolvedReferences(s: ScenarioV1): Path[] | null {
  const out: Path[] = [];
  try {
    checkCrossReferences(s as ScenarioInput, (path, p) => {
      if (REFERENCE_CODES.has(p.code)) out.push(path);
    });
  } catch {
    return null;
  }
  return out;
}

// ---------------------------------------------------------------- hosts

function checkHost(ctx: Ctx, name: string): void {
  const { report } = ctx;
  const h = ctx.s.hosts[name];
  const at = (...p: Path): Path => ['hosts', name, ...p];
  if (!isValidHostName(name)) report(at(), msg('badHostName', name));
  const ifaces = Object.entries(h.interfaces ?? {});
  if (ifaces.length > LIMITS.interfacesPerHost) {
    report(at('interfaces'), msg('tooMany', 'interfaces', LIMITS.interfacesPerHost));
  }
  for (const [ifname, iface] of ifaces) {
    const ip = (...p: Path) => at('interfaces', ifname, ...p);
    if (!isValidIfaceName(ifname)) report(ip(), msg('badIfaceName', ifname));
    if (ifname === 'lo' && iface.mac !== undefined) report(ip('mac'), msg('loHasNoMac'));
    const seen = new Set<string>();
    (iface.addresses ?? []).forEach((a, k) => {
      const o = addrOf(a);
      const c = parseCidr(o.cidr);
      const where = typeof a === 'string' ? ip('addresses', k) : ip('addresses', k, 'cidr');
      if (c) {
        const key = `${formatIPv4(c.addr)}/${c.prefix}`;
        if (ifname === 'lo' && key === '127.0.0.1/8') {
          report(where, msg('loopbackImplicit'));
        } else if (seen.has(key)) {
          report(where, msg('duplicateAddress', key, ifname));
        }
        seen.add(key);
      }
      if (typeof a !== 'string' && a.label !== undefined && !a.label.startsWith(ifname)) {
        report(ip('addresses', k, 'label'), msg('labelPrefix', a.label, ifname));
      }
    });
  }
  checkRoutes(ctx, name);
  checkSysctls(ctx, name, h.sysctls ?? {}, at('sysctls'));
  (h.neigh ?? []).forEach((n, k) => checkDev(ctx, name, n.dev, at('neigh', k, 'dev')));
  checkListen(ctx, name);
  checkIpvs(ctx, name);
}

// ---------------------------------------------------------------- sockets, IPVS (v2)

/**
 * Whether bind() accepts `ip` on the host: inet_bind wants an address the local table
 * holds (RTN_LOCAL) — every address of the host, all of 127.0.0.0/8, and the whole
 * prefix of an address on lo (its prefix route goes to the local table) — unless
 * ip_nonlocal_bind is set, which ARP Lab does not model.
 */
function bindable(h: Host, ip: number): boolean {
  if (ip >>> 24 === 127) return true;
  for (const [ifname, iface] of Object.entries(h.interfaces ?? {})) {
    for (const a of iface.addresses ?? []) {
      const c = parseCidr(addrOf(a).cidr);
      if (!c) continue;
      if (c.addr === ip || (ifname === 'lo' && inSubnet(ip, { addr: networkOf(c.addr, c.prefix), prefix: c.prefix }))) return true;
    }
  }
  return false;
}

/** A server's sockets as bind() takes them: a local address, each port once per protocol. */
function checkListen(ctx: Ctx, name: string): void {
  const h = ctx.s.hosts[name];
  const taken: { proto: string; port: number; addr: number | null; k: number }[] = [];
  (h.listen ?? []).forEach((l, k) => {
    const path: Path = ['hosts', name, 'listen', k];
    const proto = l.proto ?? 'tcp';
    const addr = l.addr === undefined ? null : parseIPv4(l.addr);
    if (l.addr !== undefined && addr === null) return; // reported by the schema
    if (addr !== null && !bindable(h, addr)) {
      ctx.report([...path, 'addr'], msg('listenNotLocal', l.addr ?? '', name));
      return;
    }
    // inet_csk_get_port: a wildcard bind clashes with every address on the port, and back.
    const clash = taken.find((t) => t.proto === proto && t.port === l.port && (t.addr === null || addr === null || t.addr === addr));
    if (clash) {
      ctx.report(path, msg('listenInUse', proto, l.port, `listen[${clash.k}]`));
      return;
    }
    taken.push({ proto, port: l.port, addr, k });
  });
}

/**
 * Virtual services as ipvsadm sets them up: each (proto, VIP, port) once, each real server
 * (IP, port) once per service, a real server's own port only with NAT (ipvsadm replaces it
 * with the service's port for DR and TUN). The VIP need not be local: `ipvsadm -A` does not
 * ask, and a service on an address the director does not hold simply sees no packets.
 */
function checkIpvs(ctx: Ctx, name: string): void {
  const services = ctx.s.hosts[name].ipvs ?? [];
  services.forEach((svc, k) => {
    const path: Path = ['hosts', name, 'ipvs', k];
    const proto = svc.proto ?? 'tcp';
    const other = services.findIndex((o, j) => j < k && (o.proto ?? 'tcp') === proto && o.vip === svc.vip && o.port === svc.port);
    if (other >= 0) ctx.report(path, msg('ipvsServiceExists', proto, svc.vip, svc.port, `ipvs[${other}]`));
    const seen = new Map<string, number>();
    svc.dests.forEach((d, j) => {
      const method = d.method ?? 'dr';
      if (method !== 'nat' && d.port !== undefined && d.port !== svc.port) {
        ctx.report([...path, 'dests', j, 'port'], msg('ipvsDestPort', method, d.port, svc.port));
        return;
      }
      const port = d.port ?? svc.port;
      const key = `${d.ip}:${port}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.report([...path, 'dests', j], msg('ipvsDestExists', d.ip, port, `dests[${first}]`));
        return;
      }
      seen.set(key, j);
    });
  });
}

function checkDev(ctx: Ctx, host: string, dev: string, path: Path): boolean {
  const devs = ctx.devs.get(host);
  if (!devs || devs.includes(dev)) return true;
  ctx.report(path, msg('noSuchDev', host, dev, devs));
  return false;
}

function checkHostRef(ctx: Ctx, host: string, path: Path): boolean {
  if (Object.hasOwn(ctx.s.hosts, host)) return true;
  ctx.report(path, msg('noSuchHost', host, ctx.hosts));
  return false;
}

function checkSysctls(ctx: Ctx, host: string, set: Record<string, number>, path: Path): void {
  const entries = Object.entries(set);
  if (entries.length > LIMITS.sysctlsPerHost) {
    ctx.report(path, msg('tooMany', 'sysctls', LIMITS.sysctlsPerHost));
  }
  const devs = ctx.devs.get(host) ?? ['lo'];
  for (const [key, v] of entries) {
    const k = checkSysctlKey(key, host, devs);
    if (!k.ok) {
      ctx.report([...path, key], k.problem);
      continue;
    }
    const p = checkSysctlValue(k.name, v, k.range);
    if (p) ctx.report([...path, key], p);
  }
}

// ---------------------------------------------------------------- routes

interface KnownRoute { net: Cidr; metric: number; what: RouteClash }

/** Checks the host's `routes` in order, as `ip route add` would run them after the addresses. */
function checkRoutes(ctx: Ctx, name: string): void {
  const h = ctx.s.hosts[name];
  const devs = ctx.devs.get(name) ?? ['lo'];
  const local = new Set<number>([parseIPv4('127.0.0.1') as number]);
  /** The device each local address is on (the first one holding it). */
  const localDev = new Map<number, string>();
  /** Main-table routes so far (the connected ones first), for "File exists". */
  const known: KnownRoute[] = [];
  /** Directly reachable subnets per device, for gateways. */
  const onLink = new Map<string, Cidr[]>();
  const addOnLink = (dev: string, c: Cidr) => onLink.set(dev, [...(onLink.get(dev) ?? []), c]);
  for (const [ifname, iface] of Object.entries(h.interfaces ?? {})) {
    const primaries: Cidr[] = [];
    for (const a of iface.addresses ?? []) {
      const o = addrOf(a);
      const c = parseCidr(o.cidr);
      if (!c) continue;
      local.add(c.addr);
      if (!localDev.has(c.addr)) localDev.set(c.addr, ifname);
      if (ifname === 'lo') continue; // lo's prefix routes go to the local table
      const secondary = primaries.some((p) => p.prefix === c.prefix && inSubnet(c.addr, p));
      if (secondary) continue;
      primaries.push(c);
      if (o.noprefixroute === true || c.prefix === 32) continue;
      const net = { addr: networkOf(c.addr, c.prefix), prefix: c.prefix };
      known.push({ net, metric: o.metric ?? 0, what: { cidr: o.cidr, dev: ifname } });
      addOnLink(ifname, net);
    }
  }
  (h.routes ?? []).forEach((r, i) => {
    const path: Path = ['hosts', name, 'routes', i];
    let route: RouteObjV1;
    if (typeof r === 'string') {
      const parsed = checkRouteString(r);
      if ('problem' in parsed) return; // reported by the schema
      route = parsed.route;
    } else {
      route = r;
    }
    const field = (f: string): Path => (typeof r === 'string' ? path : [...path, f]);
    const dest = checkRouteCommon(ctx, name, route, field, true);
    if (route.dev !== undefined && !devs.includes(route.dev)) return;
    // `ip route add` refuses the route: it is not in the table, so later routes cannot use it.
    let refused = false;
    if (route.via !== undefined) {
      const via = parseIPv4(route.via);
      const nets = route.dev !== undefined ? (onLink.get(route.dev) ?? []) : [...onLink.values()].flat();
      // fib_check_nh_v4_gw looks the gateway up in the local table too: one of the host's
      // own addresses (on the route's device, if it names one) is accepted, and the
      // nexthop then takes host scope, used like `dev X` alone.
      const ownGateway = via !== null && localDev.has(via) && (route.dev === undefined || localDev.get(via) === route.dev);
      if (via !== null && !ownGateway && !nets.some((n) => inSubnet(via, n))) {
        ctx.report(field('via'), route.dev !== undefined ? msg('gatewayNotOnLink', route.via, route.dev) : msg('gatewayNotOnLink', route.via));
        refused = true;
      }
    }
    if (route.src !== undefined) {
      const src = parseIPv4(route.src);
      if (src !== null && !local.has(src)) {
        ctx.report(field('src'), msg('srcNotLocal', route.src, name));
        refused = true;
      }
    }
    if (!dest || refused) return;
    const metric = route.metric ?? 0;
    const clash = known.find((k) => k.metric === metric && k.net.prefix === dest.prefix && k.net.addr === dest.addr);
    const destText = route.dest === 'default' ? 'default' : `${formatIPv4(dest.addr)}/${dest.prefix}`;
    if (clash) {
      ctx.report(path, msg('routeExists', destText, metric, clash.what));
    } else {
      known.push({ net: dest, metric, what: { index: i } });
    }
    const unicast = route.type === undefined || route.type === 'unicast';
    if (unicast && route.via === undefined && route.dev !== undefined) addOnLink(route.dev, dest);
  });
}

/**
 * Checks shared by topology routes and route actions: destination prefix, device, dev or via.
 * Returns the destination network when it parses and is clean.
 */
function checkRouteCommon(ctx: Ctx, host: string, route: RouteObjV1, field: (f: string) => Path, adding: boolean): Cidr | null {
  let dest = parseRouteDest(route.dest);
  if (dest && networkOf(dest.addr, dest.prefix) !== dest.addr) {
    const network = `${formatIPv4(networkOf(dest.addr, dest.prefix))}/${dest.prefix}`;
    ctx.report(field('dest'), msg('routeHostBits', route.dest, network));
    dest = null;
  }
  if (route.dev !== undefined) checkDev(ctx, host, route.dev, field('dev'));
  const unicast = route.type === undefined || route.type === 'unicast';
  if (adding && unicast && route.dev === undefined && route.via === undefined) {
    ctx.report(field('dev'), msg('routeNeedsDevOrVia'));
  }
  return dest;
}

// ---------------------------------------------------------------- MACs, segments

function checkMacs(ctx: Ctx): void {
  const owner = new Map<string, string>();
  ctx.hosts.forEach((name, hi) => {
    Object.entries(ctx.s.hosts[name].interfaces ?? {}).forEach(([ifname, iface], ii) => {
      if (ifname === 'lo') return;
      const explicit = iface.mac !== undefined;
      const mac = (iface.mac ?? defaultMac(hi + 1, ii)).toLowerCase();
      const me = `${name}.${ifname}${explicit ? '' : ' (its default MAC)'}`;
      const other = owner.get(mac);
      if (other !== undefined) {
        const path: Path = explicit ? ['hosts', name, 'interfaces', ifname, 'mac'] : ['hosts', name, 'interfaces', ifname];
        ctx.report(path, msg('duplicateMac', mac, other));
      } else {
        owner.set(mac, me);
      }
    });
  });
}

function checkSegments(ctx: Ctx): void {
  const segs = Object.entries(ctx.s.segments ?? {});
  if (segs.length > LIMITS.segments) {
    ctx.report(['segments'], msg('tooMany', 'segments', LIMITS.segments));
  }
  const attached = new Map<string, string>();
  for (const [seg, members] of segs) {
    if (!isValidHostName(seg)) ctx.report(['segments', seg], msg('badSegmentName', seg));
    const here = new Set<string>();
    members.forEach((m, k) => {
      const path: Path = ['segments', seg, k];
      const dot = m.indexOf('.');
      if (dot <= 0 || dot === m.length - 1) {
        ctx.report(path, msg('segmentMember', m));
        return;
      }
      const host = m.slice(0, dot);
      const dev = m.slice(dot + 1);
      if (!checkHostRef(ctx, host, path) || !checkDev(ctx, host, dev, path)) return;
      if (dev === 'lo') {
        ctx.report(path, msg('segmentLo', m));
        return;
      }
      if (here.has(m)) {
        ctx.report(path, msg('ifaceTwiceInSegment', m));
        return;
      }
      here.add(m);
      const other = attached.get(m);
      if (other !== undefined) {
        ctx.report(path, msg('ifaceOnTwoSegments', m, other));
        return;
      }
      attached.set(m, seg);
    });
  }
}

// ---------------------------------------------------------------- actions

/** `host` or `hosts`: the existing hosts the action runs on. */
function targetHosts(ctx: Ctx, a: { host?: string; hosts?: string[] }, at: (...p: Path) => Path): string[] {
  if (a.host !== undefined && a.hosts !== undefined) {
    ctx.report(at('hosts'), msg('bothHostAndHosts'));
    return [];
  }
  if (a.host !== undefined) return checkHostRef(ctx, a.host, at('host')) ? [a.host] : [];
  if (a.hosts === undefined) {
    ctx.report(at(), msg('noHost'));
    return [];
  }
  if (a.hosts.length === 0) ctx.report(at('hosts'), msg('emptyHosts'));
  return a.hosts.filter((h, j) => checkHostRef(ctx, h, at('hosts', j)));
}

/** Each action checks its own references (its descriptor's `check`) through this context. */
function checkActionAt(ctx: Ctx, a: Action, i: number): void {
  const at = (...p: Path): Path => ['actions', i, ...p];
  checkAction(a, {
    report: (path, p) => ctx.report(at(...path), p),
    targets: (x) => targetHosts(ctx, x, at),
    hostRef: (host) => checkHostRef(ctx, host, at('host')),
    dev: (host, dev, path) => checkDev(ctx, host, dev, at(...path)),
    devs: (host) => ctx.devs.get(host) ?? [],
    sysctls: (host, set, path) => checkSysctls(ctx, host, set, at(...path)),
    route(host, r, adding, path) {
      let route: RouteObjV1;
      if (typeof r === 'string') {
        const parsed = checkRouteString(r);
        if ('problem' in parsed) return; // reported by the schema
        route = parsed.route;
      } else {
        route = r;
      }
      const field = (f: string): Path => (typeof r === 'string' ? at(...path) : at(...path, f));
      checkRouteCommon(ctx, host, route, field, adding);
    },
  });
}
