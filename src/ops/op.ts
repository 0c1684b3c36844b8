/**
 * Every edit of the scenario is one of these serialisable operations, applied by the pure
 * `applyOp` (apply.ts). The inspector, the editor, the test bridge and anything that edits
 * without a store (a console, lessons) produce these, so undo, re-simulation and "what
 * changed" behave the same everywhere.
 */
import type { HostKind } from '../engine/index.ts';
import type { LvsOp } from './lvs.ts';
import type { ActionV1, AddressV1, HostV1, InterfaceV1, NeighV1, RouteObjV1, ScenarioV1 } from '../scenario/types.ts';

type Pos = { x: number; y: number };

/** Hosts, segments, interfaces, addresses, routes, static neighbours, and batches (topology.ts). */
export type TopologyOp =
  /** A new host (from the palette, or a duplicate), drawn at `at`. */
  | { type: 'addHost'; name: string; host: HostV1; at?: Pos }
  /** A new segment (switch), optionally with ports ("host.dev"), drawn at `at`. */
  | { type: 'addSegment'; name: string; ports?: string[]; at?: Pos }
  /** Renames a host everywhere: segments, actions, layout. */
  | { type: 'renameHost'; from: string; to: string }
  | { type: 'renameSegment'; from: string; to: string }
  /** Renames an interface everywhere: segments, routes, neighbours, sysctls, labels, actions. */
  | { type: 'renameInterface'; host: string; from: string; to: string }
  | { type: 'setHostKind'; host: string; kind: HostKind | null }
  /** Removes a host and what depends on it (removal.ts). */
  | { type: 'deleteHost'; host: string }
  /** Removes a segment; its interfaces stay, unattached. */
  | { type: 'deleteSegment'; segment: string }
  | { type: 'addInterface'; host: string; dev: string; iface?: InterfaceV1 }
  /** Removes an interface and what depends on it (removal.ts). */
  | { type: 'removeInterface'; host: string; dev: string }
  /** `ip link set DEV address MAC` / `up` / `down`; `mac: null` goes back to the default MAC. */
  | { type: 'setInterface'; host: string; dev: string; mac?: string | null; state?: 'up' | 'down' }
  | { type: 'updateAddress'; host: string; dev: string; index: number; address: AddressV1 }
  | { type: 'updateRoute'; host: string; index: number; route: RouteObjV1 }
  | { type: 'addNeigh'; host: string; entry: NeighV1 }
  | { type: 'updateNeigh'; host: string; index: number; entry: NeighV1 }
  | { type: 'deleteNeigh'; host: string; index: number }
  /** Attaches "host.dev" to a segment (at the end: the bridge's newest port). */
  | { type: 'attachPort'; segment: string; port: string }
  | { type: 'detachPort'; segment: string; port: string }
  /** Several ops as one edit (one history entry). `label` says what it was, for people. */
  | { type: 'batch'; ops: ScenarioOp[]; label?: string };

export type TopologyOpType = TopologyOp['type'];

export type ScenarioOp =
  /** `sysctl -w key=value` in the host's start-up configuration; `value: null` removes the key. */
  | { type: 'setSysctl'; host: string; key: string; value: number | null }
  | { type: 'addRoute'; host: string; route: RouteObjV1 }
  | { type: 'deleteRoute'; host: string; index: number }
  | { type: 'setRouteMetric'; host: string; index: number; metric: number }
  | { type: 'addAddress'; host: string; dev: string; address: AddressV1 }
  | { type: 'deleteAddress'; host: string; dev: string; index: number }
  /** Presentation only: position of a host or segment on the canvas. */
  | { type: 'moveNode'; id: string; x: number; y: number }
  | { type: 'addAction'; action: ActionV1; index?: number }
  | { type: 'updateAction'; index: number; action: ActionV1 }
  | { type: 'deleteAction'; index: number }
  | { type: 'moveAction'; from: number; to: number }
  | { type: 'replaceScenario'; scenario: ScenarioV1 }
  | TopologyOp
  | LvsOp;

export type OpType = ScenarioOp['type'];

/** An op that names something the scenario does not have, or a value it cannot hold. */
export class OpError extends Error {}

export function exhaustive(x: never): never {
  throw new OpError(`unknown operation ${JSON.stringify(x)}`);
}

/** Does this op change what the engine sees (and so need a new simulation)? */
export function opAffectsSimulation(op: ScenarioOp): boolean {
  if (op.type === 'batch') return op.ops.some(opAffectsSimulation);
  return op.type !== 'moveNode';
}
