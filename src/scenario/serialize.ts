/**
 * Canonical JSON of a scenario, for storage, files and share links: the current `version`
 * first, fields in the contract's order, records (hosts, interfaces, segments, sysctls) in
 * their own order (which means something: default MACs, bridge flood order). Not for
 * comparison: two scenarios that mean the same can serialise differently (a string route vs
 * an object, an explicit default). Use compare.ts for that.
 */
import { ANNOTATION_FIELDS, FORMAT_VERSION, type ScenarioV1 } from './types.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const ANN = ANNOTATION_FIELDS as readonly string[];
const TOP = ['version', 'title', 'description', 'seed', 'hosts', 'segments', 'actions', 'layout', 'notes', ...ANN];
const HOST = ['kind', 'interfaces', 'routes', 'sysctls', 'neigh', 'listen', 'ipvs', 'notes', ...ANN];
const LISTEN = ['proto', 'addr', 'port'];
const SERVICE = ['proto', 'vip', 'port', 'scheduler', 'persistent', 'netmask', 'dests'];
const DEST = ['ip', 'port', 'weight', 'method'];
const IFACE = ['mac', 'addresses', 'state'];
const ADDR = ['cidr', 'label', 'scope', 'noprefixroute', 'metric'];
const ROUTE = ['type', 'dest', 'via', 'dev', 'proto', 'scope', 'src', 'metric'];
const NEIGH = ['ip', 'lladdr', 'dev', 'nud'];
const ACTION = [
  'type', 'host', 'hosts', 'op', 'to', 'target', 'iface', 'spa', 'sha', 'tpa', 'tha', 'ethSrc', 'ethDst', 'src', 'ip', 'cidr', 'dev', 'route', 'lladdr', 'nud', 'mac', 'state',
  'label', 'scope', 'noprefixroute', 'metric', 'set', 'proto', 'count', 'W', 'w', 'interval', 'timeout', 'D', 'U', 'A', 'b', 'f', 'seconds',
  'settle', ...ANN,
];

/** Known keys in `order` first, then the rest in their own order; undefined values dropped. */
function ordered(o: Obj, order: readonly string[], map: (k: string, v: unknown) => unknown = (_k, v) => v): Obj {
  const out: Obj = {};
  for (const k of order) if (Object.hasOwn(o, k) && o[k] !== undefined) out[k] = map(k, o[k]);
  for (const k of Object.keys(o)) if (!Object.hasOwn(out, k) && o[k] !== undefined) out[k] = map(k, o[k]);
  return out;
}

const mapValues = (o: unknown, f: (v: unknown) => unknown): unknown =>
  isObj(o) ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)])) : o;
const mapList = (a: unknown, f: (v: unknown) => unknown): unknown => (Array.isArray(a) ? a.map(f) : a);

const route = (r: unknown) => (isObj(r) ? ordered(r, ROUTE) : r);
const address = (a: unknown) => (isObj(a) ? ordered(a, ADDR) : a);
const iface = (i: unknown) => (isObj(i) ? ordered(i, IFACE, (k, v) => (k === 'addresses' ? mapList(v, address) : v)) : i);
const service = (v: unknown) => (isObj(v) ? ordered(v, SERVICE, (k, x) => (k === 'dests' ? mapList(x, (d) => (isObj(d) ? ordered(d, DEST) : d)) : x)) : v);
const host = (h: unknown) => isObj(h)
  ? ordered(h, HOST, (k, v) => {
    if (k === 'interfaces') return mapValues(v, iface);
    if (k === 'routes') return mapList(v, route);
    if (k === 'neigh') return mapList(v, (n) => (isObj(n) ? ordered(n, NEIGH) : n));
    if (k === 'listen') return mapList(v, (l) => (isObj(l) ? ordered(l, LISTEN) : l));
    if (k === 'ipvs') return mapList(v, service);
    return v;
  })
  : h;
const action = (a: unknown) => (isObj(a) ? ordered(a, ACTION, (k, v) => (k === 'route' ? route(v) : v)) : a);

/** A copy of `s` in canonical field order, stamped with the current format version. */
export function canonicalScenario(s: ScenarioV1): ScenarioV1 {
  const o = ordered({ ...(s as unknown as Obj), version: FORMAT_VERSION }, TOP, (k, v) => {
    if (k === 'hosts') return mapValues(v, host);
    if (k === 'actions') return mapList(v, action);
    if (k === 'layout') return mapValues(v, (p) => (isObj(p) ? ordered(p, ['x', 'y']) : p));
    return v;
  });
  return JSON.parse(JSON.stringify(o)) as ScenarioV1;
}

/** Compact canonical JSON (share links, storage). */
export function serializeScenario(s: ScenarioV1): string {
  return JSON.stringify(canonicalScenario(s));
}

/**
 * The scenario without the oracle recordings' annotations (id, article, note, expect,
 * rp_filter_values, rp_filter_fixed) on the document, its hosts and its actions.
 */
export function withoutAnnotations(s: ScenarioV1): ScenarioV1 {
  const strip = (o: unknown) => (isObj(o) ? Object.fromEntries(Object.entries(o).filter(([k]) => !ANN.includes(k))) : o);
  const out = strip(s) as Obj;
  if (isObj(out.hosts)) out.hosts = mapValues(out.hosts, strip);
  if (Array.isArray(out.actions)) out.actions = out.actions.map(strip);
  return out as unknown as ScenarioV1;
}
