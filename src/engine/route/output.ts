/**
 * Output route lookup and source address selection (route.c ip_route_output_key_hash_rcu,
 * fib_semantics.c fib_result_prefsrc): the source is the bound address, else the route's
 * prefsrc, else inet_select_addr(nexthop device, gateway, route scope).
 */
import { fmtIp, isZeronet, isMulticast, isLimitedBroadcast, type Ip4 } from '../net/ip.ts';
import { selectAddr } from '../host/addr.ts';
import { SCOPE, type Device, type Host } from '../host/model.ts';
import { fibLookup, nexthopAddr, type Route } from './route.ts';

export type OutputRoute =
  | { ok: true; local: true; src: Ip4; dev: Device }
  | { ok: true; local: false; src: Ip4; dev: Device; nexthop: Ip4; route: Route | null }
  | { ok: false; errno: 'ENETUNREACH' | 'EINVAL' | 'EHOSTUNREACH' | 'EACCES'; message: string; reason: 'net_unreachable' | 'bad_source' | 'route_type_to'; rtype?: string };

export function routeOutput(host: Host, dst: Ip4, saddr: Ip4 = 0, oif: Device | null = null): OutputRoute {
  if (saddr) {
    if (isMulticast(saddr) || isLimitedBroadcast(saddr) || isZeronet(saddr)) return { ok: false, errno: 'EINVAL', message: 'Invalid argument', reason: 'bad_source' };
    if (!host.isLocal(saddr)) return { ok: false, errno: 'EINVAL', message: `bind: Cannot assign requested address (${fmtIp(saddr)} is not local)`, reason: 'bad_source' };
  }
  if (oif && !oif.up) return { ok: false, errno: 'ENETUNREACH', message: 'Network is unreachable', reason: 'net_unreachable' };
  const res = fibLookup(host, dst, oif);
  if (!res) {
    if (oif) {
      // "Apparently, routing tables are wrong. Assume that the destination is on link."
      return { ok: true, local: false, src: saddr || selectAddr(oif, 0, SCOPE.link), dev: oif, nexthop: dst, route: null };
    }
    return { ok: false, errno: 'ENETUNREACH', message: 'Network is unreachable', reason: 'net_unreachable' };
  }
  if (res.type === 'local') {
    return { ok: true, local: true, src: saddr || res.route.prefsrc || dst, dev: host.devices[0] };
  }
  if (res.type === 'unreachable' || res.type === 'blackhole' || res.type === 'prohibit' || !res.dev) {
    return { ok: false, errno: res.type === 'prohibit' ? 'EACCES' : res.type === 'blackhole' ? 'EINVAL' : 'EHOSTUNREACH', message: `route of type ${res.type}`, reason: 'route_type_to', rtype: res.type };
  }
  const r = res.route;
  const src = saddr || r.prefsrc || selectAddr(res.dev, r.gw, r.scope);
  return { ok: true, local: false, src, dev: res.dev, nexthop: nexthopAddr(r, dst), route: r };
}
