/**
 * What an edit removes, found by comparing the scenario before and after it: for the
 * "delete" confirmation ("this also removes: A.eth1 from lan, route … dev eth1, action 2"),
 * so what the user is shown is exactly what the op does.
 */
import type { ActionV1, ListenV2, NeighV1, RouteObjV1, ScenarioV1 } from '../scenario/types.ts';
import { routeObject } from './access.ts';
import { cidrOf } from './names.ts';

export type Removed =
  | { what: 'host'; host: string }
  | { what: 'segment'; segment: string }
  | { what: 'iface'; host: string; dev: string; addresses: string[] }
  | { what: 'port'; segment: string; port: string }
  | { what: 'route'; host: string; route: RouteObjV1 }
  | { what: 'neigh'; host: string; entry: NeighV1 }
  | { what: 'listen'; host: string; entry: ListenV2 }
  | { what: 'sysctl'; host: string; key: string }
  | { what: 'action'; index: number; action: ActionV1 };

const json = (v: unknown) => JSON.stringify(v);

/** Items of `a` not in `b`, counting duplicates (multiset difference), with their index in `a`. */
function missing<T>(a: readonly T[], b: readonly T[]): { item: T; index: number }[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(json(x), (left.get(json(x)) ?? 0) + 1);
  const out: { item: T; index: number }[] = [];
  a.forEach((item, index) => {
    const n = left.get(json(item)) ?? 0;
    if (n > 0) left.set(json(item), n - 1);
    else out.push({ item, index });
  });
  return out;
}

const safeRoute = (r: Parameters<typeof routeObject>[0]): RouteObjV1 => {
  try {
    return routeObject(r);
  } catch {
    return { dest: String(r) };
  }
};

export function describeRemoval(before: ScenarioV1, after: ScenarioV1): Removed[] {
  const out: Removed[] = [];
  const hostsAfter = after.hosts;
  for (const host of Object.keys(before.hosts)) {
    if (!Object.hasOwn(hostsAfter, host)) {
      out.push({ what: 'host', host });
      continue;
    }
    const hb = before.hosts[host];
    const ha = hostsAfter[host];
    for (const [dev, i] of Object.entries(hb.interfaces ?? {})) {
      if (!Object.hasOwn(ha.interfaces ?? {}, dev)) out.push({ what: 'iface', host, dev, addresses: (i.addresses ?? []).map(cidrOf) });
    }
    for (const { item } of missing((hb.routes ?? []).map(safeRoute), (ha.routes ?? []).map(safeRoute))) out.push({ what: 'route', host, route: item });
    for (const { item } of missing(hb.neigh ?? [], ha.neigh ?? [])) out.push({ what: 'neigh', host, entry: item });
    for (const { item } of missing(hb.listen ?? [], ha.listen ?? [])) out.push({ what: 'listen', host, entry: item });
    for (const key of Object.keys(hb.sysctls ?? {})) if (!Object.hasOwn(ha.sysctls ?? {}, key)) out.push({ what: 'sysctl', host, key });
  }
  const segsAfter = after.segments ?? {};
  for (const [seg, ports] of Object.entries(before.segments ?? {})) {
    if (!Object.hasOwn(segsAfter, seg)) {
      out.push({ what: 'segment', segment: seg });
      continue;
    }
    for (const port of ports) if (!segsAfter[seg].includes(port)) out.push({ what: 'port', segment: seg, port });
  }
  for (const { item, index } of missing(before.actions ?? [], after.actions ?? [])) out.push({ what: 'action', index, action: item });
  return out;
}

/** The removed things other than the ones the user picked (for "this also removes…"). */
export function sideEffects(items: Removed[], picked: { hosts?: string[]; segments?: string[]; iface?: { host: string; dev: string } }): Removed[] {
  const hosts = new Set(picked.hosts ?? []);
  const segs = new Set(picked.segments ?? []);
  return items.filter((r) => {
    if (r.what === 'host') return !hosts.has(r.host);
    if (r.what === 'segment') return !segs.has(r.segment);
    if (r.what === 'iface') return !(picked.iface && picked.iface.host === r.host && picked.iface.dev === r.dev);
    if (r.what === 'port') return !segs.has(r.segment);
    return true;
  });
}
