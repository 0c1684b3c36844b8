/**
 * Field checks for routes, shared by route objects (via the schema) and route strings
 * (parsed with routeString.ts, then checked here).
 */
import { inField, inRoute, msg, type Problem } from './messages.ts';
import { isIPv4, parseRouteDest } from './net.ts';
import { parseRouteString, RouteSyntaxError } from './routeString.ts';
import type { RouteObjV1 } from './types.ts';

export const UINT32_MAX = 4294967295;
export const ROUTE_SCOPES = ['global', 'link', 'host'] as const;
export const ROUTE_TYPES = ['unicast', 'blackhole', 'unreachable', 'prohibit'] as const;
/** /etc/iproute2/rt_protos names; a number 0–255 is accepted too. */
export const ROUTE_PROTOS = [
  'unspec', 'redirect', 'kernel', 'boot', 'static', 'gated', 'ra', 'mrt', 'zebra', 'bird', 'dnrouted',
  'xorp', 'ntk', 'dhcp', 'keepalived', 'babel', 'openr', 'bgp', 'isis', 'ospf', 'rip', 'eigrp',
] as const;

export function protoProblem(p: string): Problem | null {
  if ((ROUTE_PROTOS as readonly string[]).includes(p)) return null;
  if (/^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255) return null;
  return msg('notOneOf', p, [...ROUTE_PROTOS, '0–255']);
}

/** Checks the fields of a route written as a string, once parsed. */
export function routeFieldProblem(o: RouteObjV1): Problem | null {
  if (!parseRouteDest(o.dest)) return msg('notRouteDest', o.dest);
  if (o.via !== undefined && !isIPv4(o.via)) return inField(msg('notIPv4', o.via), 'via');
  if (o.src !== undefined && !isIPv4(o.src)) return inField(msg('notIPv4', o.src), 'src');
  if (o.metric !== undefined && o.metric > UINT32_MAX) {
    return inField(msg('outOfRange', o.metric, `0–${UINT32_MAX}`), 'metric');
  }
  if (o.scope !== undefined && !(ROUTE_SCOPES as readonly string[]).includes(o.scope)) {
    return inField(msg('notOneOf', o.scope, ROUTE_SCOPES), 'scope');
  }
  if (o.proto !== undefined) {
    const p = protoProblem(o.proto);
    if (p) return inField(p, 'proto');
  }
  return null;
}

/** Parses a route string and checks its fields; returns the route or the problem. */
export function checkRouteString(s: string): { route: RouteObjV1 } | { problem: Problem } {
  let route: RouteObjV1;
  try {
    route = parseRouteString(s);
  } catch (e) {
    const detail = e instanceof RouteSyntaxError ? e.message : String(e);
    return { problem: msg('routeSyntax', s, detail) };
  }
  const p = routeFieldProblem(route);
  return p ? { problem: inRoute(p, s) } : { route };
}
