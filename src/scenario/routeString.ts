/**
 * Parses a route in `ip route` syntax, as the contract allows in scenario files:
 * `[type] DEST [via GW] [dev DEV] [proto P] [scope S] [src A] [metric N]`.
 */
import type { RouteObjV1 } from './types.ts';

const TYPES = new Set(['unicast', 'blackhole', 'unreachable', 'prohibit']);

export class RouteSyntaxError extends Error {}

export function parseRouteString(text: string): RouteObjV1 {
  const tok = text.trim().split(/\s+/).filter(Boolean);
  if (tok.length === 0) throw new RouteSyntaxError('it is empty');
  let i = 0;
  let type: RouteObjV1['type'];
  if (TYPES.has(tok[0])) type = tok[i++] as RouteObjV1['type'];
  const dest = tok[i++];
  if (!dest) throw new RouteSyntaxError('it has no destination');
  const out: RouteObjV1 = { dest: dest === '0.0.0.0/0' ? 'default' : dest };
  if (type) out.type = type;
  while (i < tok.length) {
    const k = tok[i++];
    const v = tok[i++];
    if (v === undefined) throw new RouteSyntaxError(`"${k}" needs a value`);
    switch (k) {
      case 'via': out.via = v; break;
      case 'dev': out.dev = v; break;
      case 'proto': out.proto = v; break;
      case 'scope': out.scope = v as RouteObjV1['scope']; break;
      case 'src': out.src = v; break;
      case 'metric': case 'preference': {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new RouteSyntaxError(`metric "${v}" is not a whole number 0 or more`);
        out.metric = n;
        break;
      }
      default: throw new RouteSyntaxError(`unknown keyword "${k}" (known: via, dev, proto, scope, src, metric)`);
    }
  }
  return out;
}

/**
 * A route in `ip route` syntax, in the order `ip route show` prints its fields; the inverse
 * of parseRouteString. Fields that are not set are left out (a metric of 0 is written when set).
 */
export function formatRoute(r: RouteObjV1): string {
  const parts: string[] = [];
  if (r.type) parts.push(r.type);
  parts.push(r.dest);
  if (r.via !== undefined) parts.push('via', r.via);
  if (r.dev !== undefined) parts.push('dev', r.dev);
  if (r.proto !== undefined) parts.push('proto', r.proto);
  if (r.scope !== undefined) parts.push('scope', r.scope);
  if (r.src !== undefined) parts.push('src', r.src);
  if (r.metric !== undefined) parts.push('metric', String(r.metric));
  return parts.join(' ');
}
