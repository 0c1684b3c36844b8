/**
 * Finding things in a scenario for an edit. Names come from users (and from files), so a
 * lookup reads own properties only: a host called `toString` or `constructor` is not
 * found on `Object.prototype` — an op on it throws instead of creating a phantom host.
 */
import { parseRouteString } from '../scenario/routeString.ts';
import type { ActionV1, HostV1, InterfaceV1, RouteObjV1, RouteV1, ScenarioV1 } from '../scenario/types.ts';
import { OpError } from './op.ts';

export function hostOf(s: ScenarioV1, name: string): HostV1 {
  if (!Object.hasOwn(s.hosts, name)) throw new OpError(`no host "${name}"`);
  return s.hosts[name];
}

export function withHost(s: ScenarioV1, name: string, patch: (h: HostV1) => HostV1): ScenarioV1 {
  return { ...s, hosts: { ...s.hosts, [name]: patch(hostOf(s, name)) } };
}

export function ifaceOf(s: ScenarioV1, host: string, dev: string): InterfaceV1 {
  const ifs = hostOf(s, host).interfaces ?? {};
  if (!Object.hasOwn(ifs, dev)) throw new OpError(`no interface ${host}.${dev}`);
  return ifs[dev];
}

export function segmentPorts(s: ScenarioV1, segment: string): string[] {
  const segs = s.segments ?? {};
  if (!Object.hasOwn(segs, segment)) throw new OpError(`no segment "${segment}"`);
  return segs[segment];
}

export function checkIndex(i: number, len: number, what: string) {
  if (!Number.isInteger(i) || i < 0 || i >= len) throw new OpError(`no ${what} #${i}`);
}

/** A record with key `from` renamed to `to`, in the same position. */
export function renameKey<T>(rec: Record<string, T>, from: string, to: string): Record<string, T> {
  return Object.fromEntries(Object.entries(rec).map(([k, v]) => [k === from ? to : k, v]));
}

export function withoutKey<T>(rec: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(rec).filter(([k]) => k !== key));
}

/** Routes may be written in `ip route` syntax in a file; edits turn the edited one into an object. */
export function routeObject(r: RouteV1): RouteObjV1 {
  return typeof r === 'string' ? parseRouteString(r) : r;
}

export const portHost = (p: string) => p.slice(0, p.indexOf('.'));
export const portDev = (p: string) => p.slice(p.indexOf('.') + 1);

/** The hosts an action runs on (`host`, or `hosts` for sysctl/flush). */
export function hostsOfAction(a: ActionV1): string[] {
  if (Array.isArray(a.hosts)) return a.hosts as string[];
  return typeof a.host === 'string' ? [a.host] : [];
}
