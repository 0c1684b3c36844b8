/**
 * `applyOp`: one pure function for every edit (op.ts). Host configuration and the action
 * list are edited here; topology edits (hosts, segments, interfaces, renames, removals)
 * in topology.ts; a `batch` applies its ops in order.
 */
import type { ScenarioV1 } from '../scenario/types.ts';
import { checkIndex, hostOf, ifaceOf, routeObject, withHost, withoutKey } from './access.ts';
import { exhaustive, OpError, type ScenarioOp } from './op.ts';
import { applyTopologyOp, isTopologyOp } from './topology.ts';
import { applyLvsOp, isLvsOp } from './lvs.ts';

type MoveNode = Extract<ScenarioOp, { type: 'moveNode' }>;

/**
 * A batch's ops in order; a run of moveNode ops is applied as one (an auto-layout moves every
 * node: one copy of the layout instead of one per node, which on a 1,001-host topology made
 * the edit a quarter-second task).
 */
function applyBatch(s: ScenarioV1, ops: readonly ScenarioOp[]): ScenarioV1 {
  let out = s;
  for (let i = 0; i < ops.length; ) {
    let j = i;
    while (j < ops.length && ops[j].type === 'moveNode') j++;
    if (j === i) out = applyOp(out, ops[i++]);
    else {
      out = moveNodes(out, ops.slice(i, j) as MoveNode[]);
      i = j;
    }
  }
  return out;
}

/** Moves nodes in order, as many moveNode ops one after another would; `s` itself if none moves. */
function moveNodes(s: ScenarioV1, ops: readonly MoveNode[]): ScenarioV1 {
  let layout: Record<string, { x: number; y: number }> | null = null;
  for (const op of ops) {
    if (!Object.hasOwn(s.hosts, op.id) && !Object.hasOwn(s.segments ?? {}, op.id)) throw new OpError(`no host or segment "${op.id}"`);
    const from = layout ?? s.layout;
    const cur = from && Object.hasOwn(from, op.id) ? from[op.id] : undefined;
    if (cur && cur.x === op.x && cur.y === op.y) continue;
    layout ??= { ...(s.layout ?? {}) };
    // An own property, as a spread with a computed key makes (no `__proto__` setter), in place.
    Object.defineProperty(layout, op.id, { value: { x: op.x, y: op.y }, enumerable: true, writable: true, configurable: true });
  }
  return layout ? { ...s, layout } : s;
}

/**
 * Applies one operation. Pure: returns a new scenario and never mutates `s`; returns `s`
 * itself when the op changes nothing (the store uses that to skip history entries).
 */
export function applyOp(s: ScenarioV1, op: ScenarioOp): ScenarioV1 {
  if (op.type === 'batch') return applyBatch(s, op.ops);
  if (isTopologyOp(op)) return applyTopologyOp(s, op);
  if (isLvsOp(op)) return applyLvsOp(s, op);
  switch (op.type) {
    case 'setSysctl': {
      const cur = hostOf(s, op.host).sysctls ?? {};
      const has = Object.hasOwn(cur, op.key);
      if (op.value === null ? !has : has && cur[op.key] === op.value) return s;
      if (op.value !== null && (!Number.isInteger(op.value) || op.value < 0)) throw new OpError(`sysctl ${op.key}: ${op.value} is not a non-negative integer`);
      // Spread and computed keys define own properties (no `__proto__` setter), in place.
      const value = op.value;
      return withHost(s, op.host, (h) => ({ ...h, sysctls: value === null ? withoutKey(cur, op.key) : { ...cur, [op.key]: value } }));
    }
    case 'addRoute':
      return withHost(s, op.host, (h) => ({ ...h, routes: [...(h.routes ?? []), op.route] }));
    case 'deleteRoute': {
      const routes = hostOf(s, op.host).routes ?? [];
      checkIndex(op.index, routes.length, 'route');
      return withHost(s, op.host, (h) => ({ ...h, routes: routes.filter((_, i) => i !== op.index) }));
    }
    case 'setRouteMetric': {
      const routes = hostOf(s, op.host).routes ?? [];
      checkIndex(op.index, routes.length, 'route');
      if (!Number.isInteger(op.metric) || op.metric < 0) throw new OpError(`metric ${op.metric} is not a non-negative integer`);
      const r = routeObject(routes[op.index]);
      if ((r.metric ?? 0) === op.metric) return s;
      return withHost(s, op.host, (h) => ({ ...h, routes: routes.map((x, i) => (i === op.index ? { ...r, metric: op.metric } : x)) }));
    }
    case 'addAddress': {
      const ifs = hostOf(s, op.host).interfaces ?? {};
      // lo exists on every host even when the scenario does not list it.
      const i = Object.hasOwn(ifs, op.dev) ? ifs[op.dev] : undefined;
      if (!i && op.dev !== 'lo') throw new OpError(`no interface ${op.host}.${op.dev}`);
      return withHost(s, op.host, (h) => ({
        ...h,
        interfaces: { ...ifs, [op.dev]: { ...(i ?? {}), addresses: [...(i?.addresses ?? []), op.address] } },
      }));
    }
    case 'deleteAddress': {
      const i = ifaceOf(s, op.host, op.dev);
      const ifs = hostOf(s, op.host).interfaces ?? {};
      const addrs = i.addresses ?? [];
      checkIndex(op.index, addrs.length, 'address');
      return withHost(s, op.host, (h) => ({
        ...h,
        interfaces: { ...ifs, [op.dev]: { ...i, addresses: addrs.filter((_, k) => k !== op.index) } },
      }));
    }
    case 'moveNode':
      return moveNodes(s, [op]);
    case 'addAction': {
      const actions = [...(s.actions ?? [])];
      const at = op.index ?? actions.length;
      if (!Number.isInteger(at) || at < 0 || at > actions.length) throw new OpError(`cannot insert an action at #${at}`);
      actions.splice(at, 0, op.action);
      return { ...s, actions };
    }
    case 'updateAction': {
      const actions = s.actions ?? [];
      checkIndex(op.index, actions.length, 'action');
      return { ...s, actions: actions.map((a, i) => (i === op.index ? op.action : a)) };
    }
    case 'deleteAction': {
      const actions = s.actions ?? [];
      checkIndex(op.index, actions.length, 'action');
      return { ...s, actions: actions.filter((_, i) => i !== op.index) };
    }
    case 'moveAction': {
      const actions = [...(s.actions ?? [])];
      checkIndex(op.from, actions.length, 'action');
      checkIndex(op.to, actions.length, 'action');
      if (op.from === op.to) return s;
      const [a] = actions.splice(op.from, 1);
      actions.splice(op.to, 0, a);
      return { ...s, actions };
    }
    case 'replaceScenario':
      return op.scenario === s ? s : op.scenario;
    default:
      return exhaustive(op);
  }
}
