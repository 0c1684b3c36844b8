/**
 * The format (version 2) → the engine's fully explicit input. Applies the contract's defaults:
 * MACs 02:00:00:00:<host index>:<if index>, `lo` on every host, seed 1, settle 0.15 s,
 * `host`/`hosts`, route strings in `ip route` syntax. Actions are normalised by their
 * descriptors (actions/registry.ts).
 */
import type {
  AddrSpec,
  EngineScenario,
  HostSpec,
  InterfaceSpec,
  IpvsServiceSpec,
  ListenSpec,
  NeighSpec,
  NudName,
  RouteSpec,
} from '../engine/index.ts';
import { normalizeAction } from './actions/registry.ts';
import type { AddressV1, IpvsServiceV2, ListenV2, RouteV1, ScenarioV1 } from './types.ts';
import { parseRouteString } from './routeString.ts';
import { defaultMac } from './net.ts';


export function normalizeAddress(a: AddressV1): AddrSpec {
  if (typeof a === 'string') return { cidr: a, scope: 'global', noprefixroute: false };
  const out: AddrSpec = { cidr: a.cidr, scope: a.scope ?? 'global', noprefixroute: a.noprefixroute ?? false };
  if (a.label !== undefined) out.label = a.label;
  if (a.metric !== undefined) out.metric = a.metric;
  return out;
}

export function normalizeRoute(r: RouteV1): RouteSpec {
  const o = typeof r === 'string' ? parseRouteString(r) : r;
  const out: RouteSpec = { dest: o.dest, metric: o.metric ?? 0 };
  if (o.via !== undefined) out.via = o.via;
  if (o.dev !== undefined) out.dev = o.dev;
  if (o.src !== undefined) out.src = o.src;
  if (o.proto !== undefined) out.proto = o.proto;
  if (o.scope !== undefined) out.scope = o.scope;
  if (o.type !== undefined) out.type = o.type;
  return out;
}

export function normalizeListen(l: ListenV2): ListenSpec {
  return { proto: l.proto ?? 'tcp', port: l.port, ...(l.addr !== undefined ? { addr: l.addr } : {}) };
}

/** ipvsadm's defaults: TCP, wlc, weight 1, DR (-g); a real server's port is the service's. */
export function normalizeIpvsService(v: IpvsServiceV2): IpvsServiceSpec {
  const out: IpvsServiceSpec = {
    proto: v.proto ?? 'tcp',
    vip: v.vip,
    port: v.port,
    scheduler: v.scheduler ?? 'wlc',
    dests: v.dests.map((d) => ({ ip: d.ip, port: d.port ?? v.port, weight: d.weight ?? 1, method: d.method ?? 'dr' })),
  };
  if (v.persistent !== undefined) out.persistent = v.persistent;
  if (v.netmask !== undefined) out.netmask = v.netmask;
  return out;
}

/** Assumes `s` passed validation (schema.ts); only fills in defaults. */
export function normalizeScenario(s: ScenarioV1): EngineScenario {
  const hosts: HostSpec[] = Object.entries(s.hosts).map(([name, h], hi) => {
    const interfaces: InterfaceSpec[] = Object.entries(h.interfaces ?? {}).map(([ifname, i], ii) => ({
      name: ifname,
      mac: (i.mac ?? (ifname === 'lo' ? '00:00:00:00:00:00' : defaultMac(hi + 1, ii))).toLowerCase(),
      addresses: (i.addresses ?? []).map(normalizeAddress),
      up: i.state !== 'down',
    }));
    const neigh: NeighSpec[] = (h.neigh ?? []).map((n) => ({
      ip: n.ip,
      dev: n.dev,
      nud: (n.nud ?? 'permanent').toLowerCase() as NudName,
      ...(n.lladdr !== undefined ? { lladdr: n.lladdr.toLowerCase() } : {}),
    }));
    return {
      name,
      ...(h.kind ? { kind: h.kind } : {}),
      interfaces,
      routes: (h.routes ?? []).map(normalizeRoute),
      sysctls: Object.entries(h.sysctls ?? {}),
      neigh,
      ...(h.listen?.length ? { listen: h.listen.map(normalizeListen) } : {}),
      ...(h.ipvs?.length ? { ipvs: h.ipvs.map(normalizeIpvsService) } : {}),
    };
  });
  const segments = Object.entries(s.segments ?? {}).map(([name, ports]) => ({
    name,
    ports: ports.map((p) => {
      const dot = p.indexOf('.');
      return { host: p.slice(0, dot), dev: p.slice(dot + 1) };
    }),
  }));
  return { seed: s.seed ?? 1, hosts, segments, actions: (s.actions ?? []).map(normalizeAction) };
}

