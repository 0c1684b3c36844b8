/**
 * `ip route` and `ip neigh` lines (iproute2 6.1 token order, spec §7.1, §7.3), without the
 * trailing space iproute2 prints.
 */
import type { RouteObjV1 } from '../../scenario/types.ts';

export function ipRouteLine(r: RouteObjV1): string {
  const t: string[] = [];
  if (r.type && r.type !== 'unicast') t.push(r.type);
  t.push(r.dest.endsWith('/32') ? r.dest.slice(0, -3) : r.dest === '0.0.0.0/0' ? 'default' : r.dest);
  if (r.via) t.push('via', r.via);
  if (r.dev) t.push('dev', r.dev);
  if (r.proto && r.proto !== 'boot') t.push('proto', r.proto);
  if (r.scope && r.scope !== 'global') t.push('scope', r.scope);
  if (r.src) t.push('src', r.src);
  if (r.metric) t.push('metric', String(r.metric));
  return t.join(' ');
}

export interface NeighLineInput {
  ip: string;
  dev: string;
  lladdr: string | null;
  state: string;
}

export function ipNeighLine(n: NeighLineInput): string {
  return `${n.ip} dev ${n.dev}${n.lladdr ? ` lladdr ${n.lladdr}` : ''} ${n.state}`;
}
