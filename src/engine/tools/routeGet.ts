/**
 * `ip route get ADDR [from ADDR] [iif DEV] [oif DEV]`: the kernel's routing decision for one
 * packet, as inet_rtm_getroute (net/ipv4/route.c) makes it — an output lookup
 * (ip_route_output_key: the route and the source ARP would use) or, with `iif`, an input
 * lookup (ip_route_input: local delivery, forwarding, or the rp_filter/martian refusal) —
 * printed as iproute2 6.1 prints the answer (print_route in iproute2's iproute.c, with its
 * trailing spaces). Errors are the errno's strerror after "RTNETLINK answers: ", exit 2.
 */
import { fmtIp, parseIp, type Ip4 } from '../net/ip.ts';
import type { Host } from '../host/model.ts';
import { routeOutput } from '../route/output.ts';
import { routeInput } from '../route/input.ts';
import type { Simulation } from '../sim/run.ts';

export interface RouteGetQuery {
  to: string;
  from?: string;
  iif?: string;
  oif?: string;
}

export type RouteGetAnswer = { ok: true; lines: string[] } | { ok: false; error: string; rc: number };

const STRERROR: Record<string, string> = {
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  EINVAL: 'Invalid argument',
  EACCES: 'Permission denied',
  EXDEV: 'Invalid cross-device link',
  ENODEV: 'No such device',
};

const rtnl = (errno: keyof typeof STRERROR): RouteGetAnswer => ({ ok: false, error: `RTNETLINK answers: ${STRERROR[errno]}`, rc: 2 });

/** The routing decision on `host` (a host of `sim`'s world) as `ip route get` prints it. */
export function routeGet(sim: Simulation, hostName: string, q: RouteGetQuery): RouteGetAnswer {
  const host = sim.world.hosts.get(hostName);
  if (!host) return { ok: false, error: `Cannot find host "${hostName}"`, rc: 1 };
  const dst = parseIp(q.to);
  if (dst === null) return { ok: false, error: `Error: any valid prefix is expected rather than "${q.to}".`, rc: 1 };
  let src: Ip4 = 0;
  if (q.from !== undefined) {
    const s = parseIp(q.from);
    if (s === null) return { ok: false, error: `Error: any valid prefix is expected rather than "${q.from}".`, rc: 1 };
    src = s;
  }
  for (const d of [q.iif, q.oif]) {
    if (d !== undefined && !host.dev(d)) return { ok: false, error: `Cannot find device "${d}"`, rc: 1 };
  }
  return q.iif !== undefined ? input(host, dst, src, q) : output(host, dst, src, q);
}

function output(host: Host, dst: Ip4, src: Ip4, q: RouteGetQuery): RouteGetAnswer {
  const oif = q.oif !== undefined ? host.dev(q.oif)! : null;
  const r = routeOutput(host, dst, src, oif);
  if (!r.ok) return rtnl(r.errno);
  const t: string[] = [];
  if (r.local) t.push('local');
  t.push(fmtIp(dst));
  if (src) t.push('from', fmtIp(src));
  if (!r.local && r.nexthop !== dst) t.push('via', fmtIp(r.nexthop));
  // A local destination leaves through lo (rt_dst_alloc's dev_out = loopback).
  t.push('dev', r.local ? host.devices[0].name : r.dev.name);
  // RTA_PREFSRC is reported only when the caller gave no source (rt_fill_info).
  if (!src) t.push('src', fmtIp(r.src));
  t.push('uid', '0');
  return { ok: true, lines: [`${t.join(' ')} `, `    cache ${r.local ? '<local> ' : ''}`] };
}

/** ip_route_input's errors as errnos (route.c: martians EINVAL, rp_filter EXDEV, no route ENETUNREACH). */
const INPUT_ERRNO: Record<string, keyof typeof STRERROR> = {
  no_route_to: 'ENETUNREACH',
  not_local_no_forward: 'EHOSTUNREACH',
  broadcast: 'EHOSTUNREACH',
};

function input(host: Host, dst: Ip4, src: Ip4, q: RouteGetQuery): RouteGetAnswer {
  const dev = host.dev(q.iif!)!;
  if (!dev.up) return rtnl('ENETUNREACH');
  const r = routeInput(dev, dst, src, false);
  if (r.kind === 'unreachable') return rtnl(INPUT_ERRNO[r.code] ?? 'EHOSTUNREACH');
  if (r.kind === 'error') {
    // __fib_validate_source refuses with -EXDEV (rp_filter); martians and bad types with -EINVAL.
    const rp = r.validation && !r.validation.ok && r.code !== 'martian_local';
    return rtnl(rp ? 'EXDEV' : 'EINVAL');
  }
  const from = `from ${fmtIp(src)}`;
  if (r.kind === 'local') return { ok: true, lines: [`local ${fmtIp(dst)} ${from} dev ${host.devices[0].name} `, `    cache <local> iif ${dev.name} `] };
  const gw = r.route.gw && r.route.gw !== dst ? ` via ${fmtIp(r.route.gw)}` : '';
  return { ok: true, lines: [`${fmtIp(dst)} ${from}${gw} dev ${r.out.name} `, `    cache iif ${dev.name} `] };
}
