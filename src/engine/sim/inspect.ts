/**
 * Read-only views of hosts for the inspector and the console: devices and addresses in
 * kernel list order, the routing tables as `ip route` prints them, and every conf knob
 * with its all/default/device values and the effective value the kernel would use.
 */
import { fmtIp, fmtPrefix } from '../net/ip.ts';
import { KNOB_NAMES, effective, type Knob } from '../host/conf.ts';
import { scopeName, type Host } from '../host/model.ts';
import { describeRoute } from '../route/route.ts';
import type { EngineScenario } from '../input.ts';
import type { NeighRow, SettingUse } from '../trace.ts';
import { Simulation, type SimulateOptions } from './run.ts';
import { neighTables } from './snapshot.ts';
import { neighSysctlValues } from '../neigh/parms.ts';

export interface AddrView {
  cidr: string;
  local: string;
  len: number;
  label: string;
  scope: string;
  secondary: boolean;
  noprefixroute: boolean;
}

export interface DeviceView {
  name: string;
  ifindex: number;
  mac: string;
  up: boolean;
  loopback: boolean;
  segment: string | null;
  addrs: AddrView[];
  reachableTimeMs: number;
  /** net.ipv4.neigh.<dev>.* as sysctl prints them (neigh/parms.ts neighSysctlValues). */
  neighSysctls: Record<string, number>;
}

export interface RouteView {
  dest: string;
  via: string | null;
  dev: string | null;
  metric: number;
  src: string | null;
  proto: string;
  scope: string;
  type: string;
  /** The line `ip route show` prints. */
  text: string;
}

export interface KnobView {
  knob: Knob;
  all: number;
  default: number;
  /** Per device: its own value, whether it was set explicitly, and the effective value. */
  devices: Record<string, { value: number; set: boolean; effective: SettingUse }>;
}

export interface HostView {
  name: string;
  devices: DeviceView[];
  routes: RouteView[];
  /** `ip route show table local` lines. */
  localRoutes: string[];
  conf: KnobView[];
  ipForward: number;
  neigh: NeighRow[];
}

export function viewHost(h: Host, neigh: NeighRow[]): HostView {
  const devices: DeviceView[] = h.devices.map((d) => ({
    name: d.name,
    ifindex: d.ifindex,
    mac: d.mac,
    up: d.up,
    loopback: d.loopback,
    segment: d.port ? d.port.bridge.name : null,
    addrs: d.addrs.map((a) => ({
      cidr: `${fmtIp(a.local)}/${a.len}`,
      local: fmtIp(a.local),
      len: a.len,
      label: a.label,
      scope: scopeName(a.scope),
      secondary: a.secondary,
      noprefixroute: a.noprefixroute,
    })),
    reachableTimeMs: Math.round(d.reachableTime / 1000),
    neighSysctls: neighSysctlValues(d.parms),
  }));
  const routes: RouteView[] = h.routes.map((r) => ({
    dest: fmtPrefix(r.dst, r.len),
    via: r.gw ? fmtIp(r.gw) : null,
    dev: r.dev ? r.dev.name : null,
    metric: r.metric,
    src: r.prefsrc ? fmtIp(r.prefsrc) : null,
    proto: r.proto,
    scope: scopeName(r.scope),
    type: r.type,
    text: describeRoute(r),
  }));
  const localRoutes: string[] = [];
  for (const d of h.devices) {
    for (const a of d.addrs) {
      if (d.loopback && a.local === 0x7f000001) localRoutes.push('local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1');
      localRoutes.push(`local ${fmtIp(a.local)} dev ${d.name} proto kernel scope host src ${fmtIp(a.local)}`);
    }
  }
  const conf: KnobView[] = KNOB_NAMES.map((k) => ({
    knob: k,
    all: h.conf.all.values[k],
    default: h.conf.dflt.values[k],
    devices: Object.fromEntries(
      h.devices.map((d) => [d.name, { value: d.conf.values[k], set: d.conf.set.has(k), effective: effective(h.conf.all, d.conf, d.name, k) }]),
    ),
  }));
  return { name: h.name, devices, routes, localRoutes, conf, ipForward: h.conf.all.values.forwarding, neigh };
}

/** Every host as it is after setup and the first `afterStep` actions (0 = after setup). */
export function inspectHosts(scn: EngineScenario, afterStep = 0, opts: SimulateOptions = {}): Record<string, HostView> {
  const sim = new Simulation(scn, { ...opts, trace: false });
  for (let i = 0; i < afterStep && sim.step(); i++);
  return hostViewsOf(sim);
}

/** Every host of a simulation as it is now (a worker steps one simulation forward with playback). */
export function hostViewsOf(sim: Simulation): Record<string, HostView> {
  const tables = neighTables(sim.world);
  const out: Record<string, HostView> = {};
  for (const h of sim.world.hostList) out[h.name] = viewHost(h, tables[h.name] ?? []);
  return out;
}
