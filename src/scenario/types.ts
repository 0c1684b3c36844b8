/**
 * Scenario interchange format, version 1, as users write and share it
 * (docs/scenario-format.md is the contract). Optional fields have the defaults the
 * contract states; normalize.ts fills them in for the engine.
 */
import type { Action as EngineAction, AddrScope, HostKind, NudName } from '../engine/index.ts';

export type AddressV1 =
  | string
  | { cidr: string; label?: string; scope?: AddrScope; noprefixroute?: boolean; metric?: number };

export interface InterfaceV1 {
  mac?: string;
  addresses?: AddressV1[];
  state?: 'up' | 'down';
}

export interface RouteObjV1 {
  dest: string;
  via?: string;
  dev?: string;
  metric?: number;
  src?: string;
  proto?: string;
  scope?: 'global' | 'link' | 'host';
  type?: 'unicast' | 'blackhole' | 'unreachable' | 'prohibit';
}
export type RouteV1 = string | RouteObjV1;

export interface NeighV1 {
  ip: string;
  lladdr?: string;
  dev: string;
  /** Either case, as `ip neigh` prints it (PERMANENT) or takes it (permanent). */
  nud?: NudName | Uppercase<NudName>;
}

/**
 * Annotations of the oracle recordings: accepted on the document, its hosts and its
 * actions, and ignored (the engine never sees them).
 */
export interface AnnotationsV1 {
  id?: unknown;
  article?: unknown;
  note?: unknown;
  expect?: unknown;
  rp_filter_values?: unknown;
  rp_filter_fixed?: unknown;
}

export interface HostV1 extends AnnotationsV1 {
  interfaces?: Record<string, InterfaceV1>;
  routes?: RouteV1[];
  sysctls?: Record<string, number>;
  neigh?: NeighV1[];
  kind?: HostKind;
  notes?: string;
}

/** Actions as written in a file: `host` or `hosts`, routes as objects or strings. */
export type ActionV1 = Record<string, unknown> & { type: EngineAction['type'] };

export interface ScenarioV1 extends AnnotationsV1 {
  version?: 1;
  title?: string;
  description?: string;
  seed?: number;
  hosts: Record<string, HostV1>;
  segments?: Record<string, string[]>;
  actions?: ActionV1[];
  layout?: Record<string, { x: number; y: number }>;
  notes?: string;
}
