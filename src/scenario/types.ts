/**
 * Scenario interchange format, version 2, as users write and share it (README "The scenario
 * format" is the contract). Version 2 is version 1 plus a host's `listen` and `ipvs` and the
 * `connect` action. The `…V1` names are the parts as version 1 introduced them (unchanged
 * since); `ScenarioV1`/`HostV1` are the names the code base has always used for the
 * document, and denote the current version. Optional fields have the defaults the contract
 * states; normalize.ts fills them in for the engine.
 */
import type { Action as EngineAction, AddrScope, HostKind, IpvsDestSpec, IpvsServiceSpec, NudName } from '../engine/index.ts';

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

/** A server socket (v2): `proto` (tcp) on `port`, on `addr` or every address. */
export interface ListenV2 {
  proto?: 'tcp' | 'udp';
  port: number;
  addr?: string;
}

export const IPVS_SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'sh', 'dh', 'sed', 'nq', 'mh'] as const satisfies readonly IpvsServiceSpec['scheduler'][];
export const IPVS_METHODS = ['dr', 'tun', 'nat'] as const satisfies readonly IpvsDestSpec['method'][];

/** A real server of a virtual service (v2): `ipvsadm -a -r IP[:PORT] -w WEIGHT -g|-i|-m`. */
export interface IpvsDestV2 {
  ip: string;
  /** Defaults to the service's port. */
  port?: number;
  /** Defaults to 1. */
  weight?: number;
  /** Defaults to dr. */
  method?: IpvsDestSpec['method'];
}

/** A virtual service (v2): `ipvsadm -A -t|-u VIP:PORT -s SCHED [-p SECONDS [-M NETMASK]]`. */
export interface IpvsServiceV2 {
  proto?: 'tcp' | 'udp';
  vip: string;
  port: number;
  /** Defaults to wlc (ipvsadm's default). */
  scheduler?: IpvsServiceSpec['scheduler'];
  persistent?: number;
  netmask?: string;
  dests: IpvsDestV2[];
}

export interface HostV1 extends AnnotationsV1 {
  interfaces?: Record<string, InterfaceV1>;
  routes?: RouteV1[];
  sysctls?: Record<string, number>;
  neigh?: NeighV1[];
  kind?: HostKind;
  notes?: string;
  listen?: ListenV2[];
  ipvs?: IpvsServiceV2[];
}
/** A host of the current format (the name new code uses). */
export type ScenarioHost = HostV1;

/** Actions as written in a file: `host` or `hosts`, routes as objects or strings. */
export type ActionV1 = Record<string, unknown> & { type: EngineAction['type'] };

export interface ScenarioV1 extends AnnotationsV1 {
  /**
   * 2 once loaded (loadScenario migrates); a document built in code may still say 1, which
   * means the same (the v1 → v2 migration adds nothing) and is written as 2 when saved.
   */
  version?: 1 | 2;
  title?: string;
  description?: string;
  seed?: number;
  hosts: Record<string, HostV1>;
  segments?: Record<string, string[]>;
  actions?: ActionV1[];
  layout?: Record<string, { x: number; y: number }>;
  notes?: string;
}

/** The scenario document of the current format (the name new code uses). */
export type Scenario = ScenarioV1;

/**
 * Annotations of the oracle recordings (and comments): accepted anywhere a person might
 * write them, never interpreted.
 */
export const ANNOTATION_FIELDS = ['id', 'article', 'note', 'expect', 'rp_filter_values', 'rp_filter_fixed'] as const;

/**
 * The format version this app writes. migrations/index.ts's CURRENT_VERSION (the version its
 * migrations lead to) and schema.ts's SCHEMA_VERSION are this one (migrate.test.ts checks);
 * here so that writing a scenario (serialize.ts) does not load the migrations and their
 * messages on the first screen (README "First load").
 */
export const FORMAT_VERSION = 2;
