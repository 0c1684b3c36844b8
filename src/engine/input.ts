/**
 * The engine's input: a scenario (format version 1, docs/scenario-format.md) after
 * validation and normalisation by src/scenario. Every default is already filled in,
 * so the engine never guesses. Plain JSON-serialisable data.
 */

export type AddrScope = 'global' | 'site' | 'link' | 'host';

export interface AddrSpec {
  /** "a.b.c.d/len" */
  cidr: string;
  /** Address label, e.g. "eth0:0"; defaults to the device name. */
  label?: string;
  scope: AddrScope;
  noprefixroute: boolean;
  /** Metric of the connected route (`ip addr add … metric N`). */
  metric?: number;
}

export interface InterfaceSpec {
  name: string;
  mac: string;
  addresses: AddrSpec[];
  /** Administrative state; interfaces start up. */
  up: boolean;
}

export type RouteType = 'unicast' | 'blackhole' | 'unreachable' | 'prohibit';

export interface RouteSpec {
  /** "default" or "a.b.c.d/len" (a bare address means /32). */
  dest: string;
  via?: string;
  dev?: string;
  metric: number;
  src?: string;
  proto?: string;
  scope?: 'global' | 'link' | 'host';
  type?: RouteType;
}

export type NudName = 'permanent' | 'reachable' | 'stale' | 'delay' | 'probe' | 'noarp' | 'failed' | 'incomplete';

export interface NeighSpec {
  ip: string;
  lladdr?: string;
  dev: string;
  nud: NudName;
}

export type HostKind = 'host' | 'router' | 'director' | 'real-server' | 'client';

/** A server socket: `proto` on `port`, on one address or (no addr) all of them. */
export interface ListenSpec {
  proto: 'tcp' | 'udp';
  port: number;
  addr?: string;
}

/** A real server of a virtual service (`ipvsadm -a -r IP[:PORT] -w WEIGHT -g|-i|-m`). */
export interface IpvsDestSpec {
  ip: string;
  /** Defaults to the service's port. */
  port?: number;
  weight: number;
  method: 'dr' | 'tun' | 'nat';
}

/** A virtual service (`ipvsadm -A -t|-u VIP:PORT -s SCHED [-p SECONDS [-M MASK]]`). */
export interface IpvsServiceSpec {
  proto: 'tcp' | 'udp';
  vip: string;
  port: number;
  scheduler: 'rr' | 'wrr' | 'lc' | 'wlc' | 'sh' | 'dh' | 'sed' | 'nq' | 'mh';
  /** Persistence timeout in seconds (-p), absent = not persistent. */
  persistent?: number;
  /** Persistence granularity (-M), default 255.255.255.255. */
  netmask?: string;
  /** In the order `ipvsadm -a` added them. */
  dests: IpvsDestSpec[];
}

export interface HostSpec {
  name: string;
  kind?: HostKind;
  /** Server sockets (a real server's web server). */
  listen?: ListenSpec[];
  /** IPVS virtual services (a director). */
  ipvs?: IpvsServiceSpec[];
  /** In scenario order; `lo` is added by the engine when absent. */
  interfaces: InterfaceSpec[];
  routes: RouteSpec[];
  /** sysctl assignments in order, keys as `sysctl` spells them. */
  sysctls: [string, number][];
  neigh: NeighSpec[];
}

export interface SegmentSpec {
  name: string;
  /** Ports in attachment order ("host.dev"). */
  ports: { host: string; dev: string }[];
}

interface ActionBase {
  /** Seconds the clock runs after the action before the state is recorded (default 0.15). */
  settle?: number;
}

export interface PingAction extends ActionBase {
  type: 'ping';
  host: string;
  to: string;
  count?: number;
  W?: number;
  /** `-I`: an interface name or a source address. */
  iface?: string;
  interval?: number;
}

export interface ArpingAction extends ActionBase {
  type: 'arping';
  host: string;
  iface?: string;
  target: string;
  src?: string;
  count?: number;
  w?: number;
  D?: boolean;
  U?: boolean;
  A?: boolean;
  b?: boolean;
  f?: boolean;
}

/**
 * packit 1.8's ARP injection (`packit -t ARP`): `count` frames written as given, one per
 * second. Unset fields are what packit writes: sha/tha 00:00:00:00:00:00, the device's MAC
 * as Ethernet source, broadcast as Ethernet destination.
 */
export interface PackitArpAction extends ActionBase {
  type: 'packit_arp';
  host: string;
  iface: string;
  /** -A: 1 request, 2 reply (any 16-bit value is written as given). */
  op: number;
  /** -x, -X, -y, -Y: sender and target protocol and hardware addresses. */
  spa: string;
  sha?: string;
  tpa: string;
  tha?: string;
  /** -e, -E: Ethernet source and destination. */
  ethSrc?: string;
  ethDst?: string;
  count?: number;
}

export interface FlushAction extends ActionBase {
  type: 'flush';
  hosts: string[];
  /** Restrict to one device (`ip neigh flush dev X`). */
  dev?: string;
}

export interface NeighDelAction extends ActionBase {
  type: 'neigh_del';
  host: string;
  ip: string;
  dev: string;
}

export interface NeighAddAction extends ActionBase {
  type: 'neigh_add';
  host: string;
  ip: string;
  dev: string;
  lladdr?: string;
  nud: NudName;
}

export interface SysctlAction extends ActionBase {
  type: 'sysctl';
  hosts: string[];
  set: [string, number][];
}

export interface RouteAction extends ActionBase {
  type: 'route';
  host: string;
  op: 'add' | 'del' | 'replace';
  route: RouteSpec;
}

export interface AddrAction extends ActionBase {
  type: 'addr';
  host: string;
  op: 'add' | 'del';
  dev: string;
  addr: AddrSpec;
}

export interface LinkAction extends ActionBase {
  type: 'link';
  host: string;
  dev: string;
  mac?: string;
  state?: 'up' | 'down';
}

export interface WaitAction extends ActionBase {
  type: 'wait';
  seconds: number;
}

export interface SnapshotAction extends ActionBase {
  type: 'snapshot';
}

/**
 * A curl-like client: `count` connections to `to` ("a.b.c.d:port"), one every
 * `interval` seconds, each given up after `timeout` seconds.
 */
export interface ConnectAction extends ActionBase {
  type: 'connect';
  host: string;
  to: string;
  proto?: 'tcp' | 'udp';
  count?: number;
  interval?: number;
  timeout?: number;
}

export type Action =
  | PingAction
  | ArpingAction
  | PackitArpAction
  | FlushAction
  | NeighDelAction
  | NeighAddAction
  | SysctlAction
  | RouteAction
  | AddrAction
  | LinkAction
  | WaitAction
  | SnapshotAction
  | ConnectAction;

/** Action types of the scenario format (each has a descriptor in src/scenario/actions). */
export type ActionType = Action['type'];

/** Every action the engine runs (all of them are in the scenario format since version 2). */
export type AnyAction = Action;

export interface EngineScenario {
  seed: number;
  hosts: HostSpec[];
  segments: SegmentSpec[];
  actions: AnyAction[];
}
