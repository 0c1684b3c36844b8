/**
 * Routes of the main table, and the local table the kernel derives from addresses
 * (fib_frontend.c fib_add_ifaddr). Lookup: local table first, then main; longest prefix,
 * then lowest metric, then the route added first (fib_table_lookup walks aliases in
 * priority order; equal ones keep insertion order).
 */
import { fmtIp, fmtPrefix, inPrefix, maskOf, type Ip4 } from '../net/ip.ts';
import { SCOPE, type Device, type Host, type ScopeNum } from '../host/model.ts';

export type RtType = 'unicast' | 'local' | 'broadcast' | 'blackhole' | 'unreachable' | 'prohibit';

export interface Route {
  dst: Ip4;
  len: number;
  type: RtType;
  dev: Device | null;
  gw: Ip4;
  metric: number;
  prefsrc: Ip4;
  scope: ScopeNum;
  proto: string;
  /**
   * Scope of the nexthop (fib_check_nh_v4_gw: the scope of the route the gateway was
   * found by): link for a gateway on a connected subnet, host for routes without a
   * gateway and for a gateway that is one of the host's own addresses.
   */
  nhScope: ScopeNum;
}

export interface FibResult {
  route: Route;
  type: RtType;
  dev: Device | null;
  /** Scope of the nexthop: host for directly connected routes, link for gatewayed ones. */
  nhScope: ScopeNum;
}

/** The connected route `ip addr add` creates (unless /32 or noprefixroute). */
export function connectedRoute(dev: Device, local: Ip4, len: number, metric: number): Route {
  return {
    dst: (local & maskOf(len)) >>> 0,
    len,
    type: 'unicast',
    dev,
    gw: 0,
    metric,
    prefsrc: local,
    scope: SCOPE.link,
    proto: 'kernel',
    nhScope: SCOPE.host,
  };
}

function routeUsable(r: Route, oif: Device | null): boolean {
  if (r.dev && !r.dev.up) return false;
  if (oif && r.dev !== oif) return false;
  return true;
}

/** Local table: one `local` route per address (any device, even down), and 127/8 on lo. */
function localLookup(host: Host, a: Ip4): FibResult | null {
  const hit = host.findAddr(a);
  if (hit) {
    // fib_add_ifaddr: a secondary's local route has its subnet's primary as source.
    const prim = hit.ifa.secondary
      ? hit.dev.addrs.find((x) => !x.secondary && x.mask === hit.ifa.mask && ((x.local ^ a) & x.mask) === 0)
      : undefined;
    const route: Route = { dst: a, len: 32, type: 'local', dev: hit.dev, gw: 0, metric: 0, prefsrc: prim?.local ?? a, scope: SCOPE.host, proto: 'kernel', nhScope: SCOPE.host };
    return { route, type: 'local', dev: hit.dev, nhScope: SCOPE.host };
  }
  const lo = host.devices[0];
  if (a >>> 24 === 127 && lo) {
    const route: Route = { dst: 0x7f000000, len: 8, type: 'local', dev: lo, gw: 0, metric: 0, prefsrc: 0x7f000001, scope: SCOPE.host, proto: 'kernel', nhScope: SCOPE.host };
    return { route, type: 'local', dev: lo, nhScope: SCOPE.host };
  }
  return null;
}

/** Best main-table route to `a` (optionally only through `oif`). */
export function mainLookup(host: Host, a: Ip4, oif: Device | null = null, minScope?: ScopeNum): Route | null {
  let best: Route | null = null;
  for (const r of host.routes) {
    if (!inPrefix(a, r.dst, r.len)) continue;
    if (!routeUsable(r, oif)) continue;
    if (minScope !== undefined && r.scope < minScope) continue;
    if (!best || r.len > best.len || (r.len === best.len && r.metric < best.metric)) best = r;
  }
  return best;
}

/** fib_lookup: local table, then main. */
export function fibLookup(host: Host, a: Ip4, oif: Device | null = null): FibResult | null {
  const loc = localLookup(host, a);
  if (loc && (!oif || oif === loc.dev || oif.loopback)) return loc;
  if (loc && oif) {
    // A lookup bound to a device still finds local addresses (local table routes carry
    // no oif restriction for delivery to ourselves).
    return loc;
  }
  const r = mainLookup(host, a, oif);
  if (!r) return null;
  return { route: r, type: r.type, dev: r.dev, nhScope: r.nhScope };
}

/**
 * The address whose neighbour entry carries a packet along `r` (route.c rt_set_nexthop):
 * the gateway only for a link-scope nexthop; a gateway that is our own address makes a
 * host-scope nexthop, used like `dev X` alone, so the destination itself is resolved.
 */
export function nexthopAddr(r: Route, dst: Ip4): Ip4 {
  return r.gw && r.nhScope === SCOPE.link ? r.gw : dst;
}

export function describeRoute(r: Route): string {
  const parts: string[] = [];
  if (r.type !== 'unicast') parts.push(r.type);
  parts.push(fmtPrefix(r.dst, r.len));
  if (r.gw) parts.push(`via ${fmtIp(r.gw)}`);
  if (r.dev) parts.push(`dev ${r.dev.name}`);
  if (r.proto && r.proto !== 'boot') parts.push(`proto ${r.proto}`);
  if (r.scope === SCOPE.link) parts.push('scope link');
  else if (r.scope === SCOPE.host) parts.push('scope host');
  if (r.prefsrc) parts.push(`src ${fmtIp(r.prefsrc)}`);
  if (r.metric) parts.push(`metric ${r.metric}`);
  return parts.join(' ');
}
