/**
 * Duplicating a host: the copy (RS1 → RS2) has the same interfaces, routes, sysctls and
 * static neighbours, fresh MACs, the next free address in each subnet (so it can join the
 * same network), the same addresses on lo (a real server's VIP is shared on purpose), its
 * listening sockets (one bound to a moved address follows it), and its interfaces on the
 * same segments as the original's. One `batch` op.
 */
import type { AddressV1, HostV1, InterfaceV1, RouteObjV1, ScenarioV1 } from '../scenario/types.ts';
import { routeObject } from './access.ts';
import type { ScenarioOp } from './op.ts';
import { cidrOf, copyName, freshMac, nextInSubnet, usedAddresses, usedMacs } from './names.ts';
import { segmentOf } from './link.ts';
import { ANNOTATION_FIELDS } from '../scenario/types.ts';

export function duplicateHost(s: ScenarioV1, name: string, at?: { x: number; y: number }): { op: ScenarioOp; name: string } | null {
  if (!Object.hasOwn(s.hosts, name)) return null;
  const src = s.hosts[name];
  const copy = copyName(s, name);
  const macs = usedMacs(s);
  const addrs = usedAddresses(s);
  const hostIndex = Object.keys(s.hosts).length;
  /** old address → new address, for routes' `src`. */
  const moved = new Map<string, string>();
  const interfaces: Record<string, InterfaceV1> = {};
  Object.entries(src.interfaces ?? {}).forEach(([dev, i], ii) => {
    const out: InterfaceV1 = { ...i };
    if (dev !== 'lo') out.mac = freshMac(macs, hostIndex, ii);
    if (i.addresses) {
      out.addresses = i.addresses.map((a): AddressV1 => {
        if (dev === 'lo') return a;
        const next = nextInSubnet(addrs, cidrOf(a));
        moved.set(cidrOf(a).split('/')[0], next.split('/')[0]);
        return typeof a === 'string' ? next : { ...a, cidr: next };
      });
    }
    interfaces[dev] = out;
  });
  const host: HostV1 = { ...src };
  for (const k of ANNOTATION_FIELDS) delete (host as Record<string, unknown>)[k];
  if (src.interfaces) host.interfaces = interfaces;
  if (src.routes) {
    host.routes = src.routes.map((r) => {
      if (typeof r !== 'string' && r.src === undefined) return r;
      let o: RouteObjV1;
      try {
        o = routeObject(r);
      } catch {
        return r;
      }
      return o.src !== undefined && moved.has(o.src) ? { ...o, src: moved.get(o.src) as string } : r;
    });
  }
  if (src.listen) host.listen = src.listen.map((l) => (l.addr !== undefined && moved.has(l.addr) ? { ...l, addr: moved.get(l.addr) as string } : l));
  const ops: ScenarioOp[] = [{ type: 'addHost', name: copy, host, ...(at ? { at: { x: Math.round(at.x), y: Math.round(at.y) } } : {}) }];
  for (const dev of Object.keys(src.interfaces ?? {})) {
    const seg = segmentOf(s, `${name}.${dev}`);
    if (seg !== null) ops.push({ type: 'attachPort', segment: seg, port: `${copy}.${dev}` });
  }
  return { op: { type: 'batch', ops, label: 'duplicate' }, name: copy };
}
