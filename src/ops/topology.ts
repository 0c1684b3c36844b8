/**
 * Topology edits as typed, serialisable operations (the editor's half of `ScenarioOp`):
 * hosts, segments, interfaces, addresses, routes, static neighbours, and `batch` for
 * gestures that are one user action (a link creates interfaces and a segment; duplicate,
 * delete several, auto-layout). Each is applied by the pure `applyTopologyOp`; like
 * `applyOp`, it never mutates its input and returns the input itself for a no-op.
 *
 * Removals take what depends on the removed thing with them (removal.ts).
 *
 * Record order means something in format v1 (default MACs are numbered by host and
 * interface position, the bridge floods by port order), so renames keep positions.
 */
import type { AddressV1, HostV1, InterfaceV1, ScenarioV1 } from '../scenario/types.ts';
import { renameDevInAction, renameHostInAction } from '../scenario/actions/registry.ts';
import { renameDevKey } from '../scenario/actions/common.ts';
import { renameRouteDev } from '../scenario/actions/routeText.ts';
import { checkIndex, hostOf, ifaceOf, portDev, portHost, renameKey, withHost } from './access.ts';
import { nameTaken } from './names.ts';
import { deleteHost, deleteSegment, removeInterface } from './removal.ts';
import { exhaustive, OpError, type TopologyOp, type TopologyOpType } from './op.ts';

const TOPOLOGY_OP_TYPES: ReadonlySet<string> = new Set<TopologyOpType>([
  'addHost', 'addSegment', 'renameHost', 'renameSegment', 'renameInterface', 'setHostKind', 'deleteHost', 'deleteSegment',
  'addInterface', 'removeInterface', 'setInterface', 'updateAddress', 'updateRoute', 'addNeigh', 'updateNeigh', 'deleteNeigh',
  'attachPort', 'detachPort', 'batch',
]);

export function isTopologyOp(op: { type: string }): op is TopologyOp {
  return TOPOLOGY_OP_TYPES.has(op.type);
}

type Host = HostV1;

// ---------------------------------------------------------------- renames

function renameHost(s: ScenarioV1, from: string, to: string): ScenarioV1 {
  hostOf(s, from);
  if (from === to) return s;
  if (nameTaken(s, to)) throw new OpError(`the name "${to}" is already taken`);
  const next: ScenarioV1 = { ...s, hosts: renameKey(s.hosts, from, to) };
  if (s.segments) {
    next.segments = Object.fromEntries(Object.entries(s.segments).map(([n, ports]) => [
      n, ports.map((p) => (portHost(p) === from ? `${to}.${portDev(p)}` : p)),
    ]));
  }
  if (s.layout && Object.hasOwn(s.layout, from)) next.layout = renameKey(s.layout, from, to);
  if (s.actions) {
    next.actions = s.actions.map((a) => renameHostInAction(a, from, to));
  }
  return next;
}

function renameSegment(s: ScenarioV1, from: string, to: string): ScenarioV1 {
  const segs = s.segments ?? {};
  if (!Object.hasOwn(segs, from)) throw new OpError(`no segment "${from}"`);
  if (from === to) return s;
  if (nameTaken(s, to)) throw new OpError(`the name "${to}" is already taken`);
  const next: ScenarioV1 = { ...s, segments: renameKey(segs, from, to) };
  if (s.layout && Object.hasOwn(s.layout, from)) next.layout = renameKey(s.layout, from, to);
  return next;
}

function renameInterface(s: ScenarioV1, host: string, from: string, to: string): ScenarioV1 {
  ifaceOf(s, host, from);
  if (from === to) return s;
  if (from === 'lo' || to === 'lo') throw new OpError('lo cannot be renamed');
  if (Object.hasOwn(s.hosts[host].interfaces ?? {}, to)) throw new OpError(`${host} already has an interface ${to}`);
  const relabel = (a: AddressV1): AddressV1 =>
    typeof a !== 'string' && a.label !== undefined && (a.label === from || a.label.startsWith(`${from}:`)) ? { ...a, label: to + a.label.slice(from.length) } : a;
  let next = withHost(s, host, (h) => {
    const out: Host = {
      ...h,
      interfaces: Object.fromEntries(Object.entries(h.interfaces ?? {}).map(([d, i]) => [
        d === from ? to : d, d === from && i.addresses ? { ...i, addresses: i.addresses.map(relabel) } : i,
      ])),
    };
    if (h.routes) out.routes = h.routes.map((r) => renameRouteDev(r, from, to));
    if (h.neigh) out.neigh = h.neigh.map((n) => (n.dev === from ? { ...n, dev: to } : n));
    if (h.sysctls) out.sysctls = Object.fromEntries(Object.entries(h.sysctls).map(([k, v]) => [renameDevKey(k, from, to), v]));
    return out;
  });
  const oldPort = `${host}.${from}`;
  if (next.segments) {
    next = { ...next, segments: Object.fromEntries(Object.entries(next.segments).map(([n, ports]) => [n, ports.map((p) => (p === oldPort ? `${host}.${to}` : p))])) };
  }
  if (next.actions) {
    next = {
      ...next,
      // each action type knows where it names a device (its descriptor's renameDev)
      actions: next.actions.map((a) => renameDevInAction(a, host, from, to)),
    };
  }
  return next;
}

// ---------------------------------------------------------------- apply

/** Applies one topology op (see the file comment); throws OpError on a bad reference. */
export function applyTopologyOp(s: ScenarioV1, op: Exclude<TopologyOp, { type: 'batch' }>): ScenarioV1 {
  switch (op.type) {
    case 'addHost': {
      if (nameTaken(s, op.name)) throw new OpError(`the name "${op.name}" is already taken`);
      const next: ScenarioV1 = { ...s, hosts: { ...s.hosts, [op.name]: op.host } };
      if (op.at) next.layout = { ...(s.layout ?? {}), [op.name]: { x: op.at.x, y: op.at.y } };
      return next;
    }
    case 'addSegment': {
      if (nameTaken(s, op.name)) throw new OpError(`the name "${op.name}" is already taken`);
      const next: ScenarioV1 = { ...s, segments: { ...(s.segments ?? {}), [op.name]: [...(op.ports ?? [])] } };
      if (op.at) next.layout = { ...(s.layout ?? {}), [op.name]: { x: op.at.x, y: op.at.y } };
      return next;
    }
    case 'renameHost':
      return renameHost(s, op.from, op.to);
    case 'renameSegment':
      return renameSegment(s, op.from, op.to);
    case 'renameInterface':
      return renameInterface(s, op.host, op.from, op.to);
    case 'setHostKind': {
      const h = hostOf(s, op.host);
      if ((h.kind ?? null) === op.kind) return s;
      return withHost(s, op.host, (x) => {
        const { kind: _old, ...rest } = x;
        return op.kind === null ? rest : { ...rest, kind: op.kind };
      });
    }
    case 'deleteHost':
      return deleteHost(s, op.host);
    case 'deleteSegment':
      return deleteSegment(s, op.segment);
    case 'addInterface': {
      const ifs = hostOf(s, op.host).interfaces ?? {};
      if (Object.hasOwn(ifs, op.dev)) throw new OpError(`${op.host} already has an interface ${op.dev}`);
      return withHost(s, op.host, (h) => ({ ...h, interfaces: { ...ifs, [op.dev]: op.iface ?? {} } }));
    }
    case 'removeInterface':
      return removeInterface(s, op.host, op.dev);
    case 'setInterface': {
      const i = ifaceOf(s, op.host, op.dev);
      const next: InterfaceV1 = { ...i };
      if (op.mac !== undefined) {
        if (op.mac === null) delete next.mac;
        else next.mac = op.mac;
      }
      if (op.state !== undefined) {
        if (op.state === 'up') delete next.state;
        else next.state = 'down';
      }
      if (next.mac === i.mac && next.state === i.state) return s;
      return withHost(s, op.host, (h) => ({ ...h, interfaces: { ...h.interfaces, [op.dev]: next } }));
    }
    case 'updateAddress': {
      const i = ifaceOf(s, op.host, op.dev);
      const addrs = i.addresses ?? [];
      checkIndex(op.index, addrs.length, 'address');
      return withHost(s, op.host, (h) => ({
        ...h,
        interfaces: { ...h.interfaces, [op.dev]: { ...i, addresses: addrs.map((a, k) => (k === op.index ? op.address : a)) } },
      }));
    }
    case 'updateRoute': {
      const routes = hostOf(s, op.host).routes ?? [];
      checkIndex(op.index, routes.length, 'route');
      return withHost(s, op.host, (h) => ({ ...h, routes: routes.map((r, k) => (k === op.index ? op.route : r)) }));
    }
    case 'addNeigh':
      return withHost(s, op.host, (h) => ({ ...h, neigh: [...(h.neigh ?? []), op.entry] }));
    case 'updateNeigh': {
      const neigh = hostOf(s, op.host).neigh ?? [];
      checkIndex(op.index, neigh.length, 'neighbour entry');
      return withHost(s, op.host, (h) => ({ ...h, neigh: neigh.map((n, k) => (k === op.index ? op.entry : n)) }));
    }
    case 'deleteNeigh': {
      const neigh = hostOf(s, op.host).neigh ?? [];
      checkIndex(op.index, neigh.length, 'neighbour entry');
      return withHost(s, op.host, (h) => ({ ...h, neigh: neigh.filter((_, k) => k !== op.index) }));
    }
    case 'attachPort': {
      const segs = s.segments ?? {};
      if (!Object.hasOwn(segs, op.segment)) throw new OpError(`no segment "${op.segment}"`);
      ifaceOf(s, portHost(op.port), portDev(op.port));
      if (segs[op.segment].includes(op.port)) return s;
      return { ...s, segments: { ...segs, [op.segment]: [...segs[op.segment], op.port] } };
    }
    case 'detachPort': {
      const segs = s.segments ?? {};
      if (!Object.hasOwn(segs, op.segment)) throw new OpError(`no segment "${op.segment}"`);
      if (!segs[op.segment].includes(op.port)) return s;
      return { ...s, segments: { ...segs, [op.segment]: segs[op.segment].filter((p) => p !== op.port) } };
    }
    default:
      return exhaustive(op);
  }
}
