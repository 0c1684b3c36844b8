/**
 * Routes in actions: the string or object a file holds, `ip route`'s words for one, and
 * reading those words back with iproute2's errors.
 */
import { ROUTE_PROTOS, ROUTE_SCOPES, ROUTE_TYPES, UINT32_MAX } from '../routeCheck.ts';
import { parseRouteString } from '../routeString.ts';
import { isIPv4, parseRouteDest } from '../net.ts';
import type { RouteObjV1, RouteV1 } from '../types.ts';
import { ipErr } from './cmdline.ts';

/** A route as an object (a string is parsed; throws RouteSyntaxError on a bad one). */
export function routeObject(r: RouteV1): RouteObjV1 {
  return typeof r === 'string' ? parseRouteString(r) : r;
}

/** The device a route names, or undefined (also for a string that does not parse). */
export function routeDev(r: RouteV1): string | undefined {
  try {
    return routeObject(r).dev;
  } catch {
    return undefined;
  }
}

const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A route (string or object) with `dev FROM` renamed; a string stays a string. */
export function renameRouteDev(r: RouteV1, from: string, to: string): RouteV1 {
  if (typeof r === 'string') return r.replace(new RegExp(`(^|\\s)dev(\\s+)${escapeRe(from)}(?=\\s|$)`), `$1dev$2${to}`);
  return r.dev === from ? { ...r, dev: to } : r;
}

/**
 * `ip route` words (after add/del/replace) back into a route, as iproute2's iproute_modify
 * reads them: an optional type, the destination, then keyword/value pairs.
 */
export function parseRouteWords(argv: string[]): { route: RouteObjV1 } | { error: string } {
  const out: Partial<RouteObjV1> = {};
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const isKey = ['via', 'dev', 'proto', 'protocol', 'scope', 'src', 'metric', 'preference', 'priority', 'to'].includes(k);
    if (!isKey) {
      if (out.dest !== undefined) return { error: ipErr.garbage(k) };
      if (!out.type && (ROUTE_TYPES as readonly string[]).includes(k)) {
        out.type = k as RouteObjV1['type'];
        continue;
      }
      if (!parseRouteDest(k)) return { error: ipErr.prefix(k) };
      out.dest = k === '0.0.0.0/0' ? 'default' : k;
      continue;
    }
    const v = argv[++i];
    if (v === undefined) return { error: ipErr.missing(k) };
    switch (k) {
      case 'to':
        if (out.dest !== undefined) return { error: ipErr.garbage(k) };
        if (!parseRouteDest(v)) return { error: ipErr.prefix(v) };
        out.dest = v === '0.0.0.0/0' ? 'default' : v;
        break;
      case 'via':
      case 'src':
        if (!isIPv4(v)) return { error: ipErr.inet(v) };
        out[k] = v;
        break;
      case 'dev':
        out.dev = v;
        break;
      case 'proto':
      case 'protocol':
        if (!(ROUTE_PROTOS as readonly string[]).includes(v) && !(/^(?:0|[1-9]\d{0,2})$/.test(v) && Number(v) <= 255)) {
          return { error: ipErr.arg(v, '"protocol" value is invalid') };
        }
        out.proto = v;
        break;
      case 'scope':
        if (!(ROUTE_SCOPES as readonly string[]).includes(v)) return { error: ipErr.arg(v, 'invalid "scope" value') };
        out.scope = v as RouteObjV1['scope'];
        break;
      default: {
        // metric, preference, priority: one field in the kernel (RTA_PRIORITY)
        if (!/^\d+$/.test(v) || Number(v) > UINT32_MAX) return { error: ipErr.arg(v, '"metric" value is invalid') };
        out.metric = Number(v);
      }
    }
  }
  if (out.dest === undefined) return { error: ipErr.need('an inet prefix is expected') };
  return { route: out as RouteObjV1 };
}
