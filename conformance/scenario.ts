/**
 * Scenario format v1 as the conformance runner reads it (docs: shared scenario-format.md).
 *
 * The runner keeps its own small copy of the format's rules (default MACs, address and
 * route spellings) instead of importing src/scenario: the harness must judge the engine
 * and the app from the outside, and keep working while those are rewritten.
 */

export type AddressV1 =
  | string
  | { cidr: string; label?: string; scope?: string; noprefixroute?: boolean; metric?: number };

export interface RouteObjV1 {
  dest: string;
  via?: string;
  dev?: string;
  metric?: number;
  src?: string;
  proto?: string;
  scope?: string;
  type?: string;
}
export type RouteV1 = string | RouteObjV1;

export interface InterfaceV1 {
  mac?: string;
  addresses?: AddressV1[];
  state?: 'up' | 'down';
}

export interface NeighV1 {
  ip: string;
  lladdr?: string;
  dev: string;
  nud?: string;
}

export interface HostV1 {
  interfaces?: Record<string, InterfaceV1>;
  routes?: RouteV1[];
  sysctls?: Record<string, number>;
  neigh?: NeighV1[];
  kind?: string;
  notes?: string;
}

/** Actions stay loosely typed: the runner reads the fields its tools need. */
export type ActionV1 = { type: string; settle?: number } & Record<string, unknown>;

export interface ScenarioV1 {
  version?: number;
  title?: string;
  description?: string;
  seed?: number;
  hosts: Record<string, HostV1>;
  segments?: Record<string, string[]>;
  actions?: ActionV1[];
  [annotation: string]: unknown;
}

export const DEFAULT_SETTLE = 0.15;

const hex2 = (n: number) => (n & 0xff).toString(16).padStart(2, '0');

/** The contract's default MAC: host index from 1, interface index from 0. */
export function defaultMac(hostIndex: number, ifIndex: number): string {
  return `02:00:00:00:${hex2(hostIndex)}:${hex2(ifIndex)}`;
}

export interface AddrSpec {
  cidr: string;
  label?: string;
  scope?: string;
  noprefixroute: boolean;
  metric?: number;
}

export function normalizeAddress(a: AddressV1): AddrSpec {
  if (typeof a === 'string') return { cidr: a, noprefixroute: false };
  return {
    cidr: a.cidr,
    noprefixroute: a.noprefixroute === true,
    ...(a.label !== undefined ? { label: a.label } : {}),
    ...(a.scope !== undefined ? { scope: a.scope } : {}),
    ...(a.metric !== undefined ? { metric: a.metric } : {}),
  };
}

/** `ip addr add` arguments after "add"/"del", in the order iproute2 documents them. */
export function addrArgs(a: AddrSpec, dev: string, op: 'add' | 'del'): string[] {
  const out = [a.cidr, 'dev', dev];
  if (op === 'del') return out;
  if (a.label) out.push('label', a.label);
  if (a.scope) out.push('scope', a.scope);
  if (a.metric !== undefined) out.push('metric', String(a.metric));
  if (a.noprefixroute) out.push('noprefixroute');
  return out;
}

/**
 * A route as `ip route` arguments. Strings are passed through token by token (the format
 * allows `ip route` syntax); objects are spelled in the order `ip route show` prints.
 */
export function routeArgs(r: RouteV1): string[] {
  if (typeof r === 'string') return r.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  if (r.type && r.type !== 'unicast') out.push(r.type);
  out.push(r.dest);
  if (r.via !== undefined) out.push('via', r.via);
  if (r.dev !== undefined) out.push('dev', r.dev);
  if (r.proto !== undefined) out.push('proto', r.proto);
  if (r.scope !== undefined) out.push('scope', r.scope);
  if (r.src !== undefined) out.push('src', r.src);
  if (r.metric !== undefined) out.push('metric', String(r.metric));
  return out;
}

export interface IfacePlan {
  host: string;
  name: string;
  mac: string;
  addresses: AddrSpec[];
  up: boolean;
}

export interface HostPlan {
  name: string;
  /** 1-based position in `hosts`: the default MAC and the namespace name use it. */
  index: number;
  /** Interfaces other than lo, in scenario order. */
  ifaces: IfacePlan[];
  /** Addresses the scenario adds to lo (127.0.0.1/8 is always there). */
  loAddresses: AddrSpec[];
  routes: RouteV1[];
  sysctls: [string, number][];
  neigh: NeighV1[];
}

export interface PortPlan {
  /** "Host.iface", as frames name their ports. */
  name: string;
  host: string;
  iface: string;
}

export interface SegmentPlan {
  name: string;
  /** Attachment order: the bridge floods to the most recently attached port first. */
  ports: PortPlan[];
}

export interface TopologyPlan {
  hosts: HostPlan[];
  segments: SegmentPlan[];
  /** Interfaces in no segment: cabled to nothing (a veth whose peer is on no bridge). */
  loose: PortPlan[];
}

/** Resolves every default of the format into an explicit plan the lab can build. */
export function planTopology(sc: ScenarioV1): TopologyPlan {
  const hosts: HostPlan[] = Object.entries(sc.hosts).map(([name, h], hi) => {
    const ifaces: IfacePlan[] = [];
    let loAddresses: AddrSpec[] = [];
    Object.entries(h.interfaces ?? {}).forEach(([ifname, i], ii) => {
      const addresses = (i.addresses ?? []).map(normalizeAddress);
      if (ifname === 'lo') {
        loAddresses = addresses;
        return;
      }
      ifaces.push({
        host: name,
        name: ifname,
        mac: (i.mac ?? defaultMac(hi + 1, ii)).toLowerCase(),
        addresses,
        up: i.state !== 'down',
      });
    });
    return {
      name,
      index: hi + 1,
      ifaces,
      loAddresses,
      routes: h.routes ?? [],
      sysctls: Object.entries(h.sysctls ?? {}),
      neigh: h.neigh ?? [],
    };
  });
  const attached = new Set<string>();
  const segments: SegmentPlan[] = Object.entries(sc.segments ?? {}).map(([name, members]) => ({
    name,
    ports: members.map((m) => {
      const dot = m.indexOf('.');
      attached.add(m);
      return { name: m, host: m.slice(0, dot), iface: m.slice(dot + 1) };
    }),
  }));
  const loose: PortPlan[] = [];
  for (const h of hosts) {
    for (const i of h.ifaces) {
      const name = `${h.name}.${i.name}`;
      if (!attached.has(name)) loose.push({ name, host: h.name, iface: i.name });
    }
  }
  return { hosts, segments, loose };
}

/** MAC → "Host.iface", the names frames and neighbour entries are shown with. */
export function macMap(plan: TopologyPlan): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of plan.hosts) for (const i of h.ifaces) out[i.mac] = `${h.name}.${i.name}`;
  return out;
}

const ANNOTATIONS = ['id', 'article', 'rp_filter_values', 'rp_filter_fixed'];

/**
 * The scenario as a simulator gets it: the recording's annotations are left out (id,
 * article, rp_filter_values, rp_filter_fixed; expect and note on actions), so only
 * fields of the contract reach it. Same rule as the oracle's conform.js.
 */
export function stripAnnotations(sc: ScenarioV1): ScenarioV1 {
  const v = JSON.parse(JSON.stringify(sc)) as ScenarioV1;
  for (const k of ANNOTATIONS) delete v[k];
  if (v.actions) {
    v.actions = v.actions.map((a) => {
      const { expect: _e, note: _n, ...rest } = a;
      return rest as ActionV1;
    });
  }
  return v;
}

/**
 * How the oracle's recorded runs applied rp_filter (oracle README, "How a run applied
 * rp_filter"): unless the scenario says rp_filter_fixed, the run's value is set on all,
 * default, lo and every interface of every host, and rp_filter keys of the scenario's
 * host sysctls are dropped. The result carries no annotations.
 */
export function applyRecordedRpFilter(sc: ScenarioV1, rp: number): ScenarioV1 {
  const fixed = sc.rp_filter_fixed === true;
  const v = stripAnnotations(sc);
  if (fixed) return v;
  for (const hc of Object.values(v.hosts)) {
    const own: Record<string, number> = {};
    for (const [k, val] of Object.entries(hc.sysctls ?? {})) if (!/\.rp_filter$/.test(k)) own[k] = val;
    const ifs = ['all', 'default', 'lo', ...Object.keys(hc.interfaces ?? {}).filter((n) => n !== 'lo')];
    const out: Record<string, number> = {};
    for (const n of ifs) out[`net.ipv4.conf.${n}.rp_filter`] = rp;
    hc.sysctls = { ...out, ...own };
  }
  return v;
}

/** rp_filter values a scenario is run with in --ci: its annotation, else 1, 0, 2 as the oracle. */
export function rpValuesOf(sc: ScenarioV1): number[] {
  if (sc.rp_filter_fixed === true) return [-1];
  const v = sc.rp_filter_values;
  if (Array.isArray(v) && v.every((x) => typeof x === 'number')) return v as number[];
  return [1, 0, 2];
}
