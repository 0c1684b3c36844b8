/**
 * Small builders for the course's scenarios and solutions, so a lesson reads as the
 * topology and the commands it is about. What they return is plain format data (version 2:
 * version 1 plus listening sockets, IPVS services and `connect`).
 */
import type { ScenarioOp } from '../ops/op.ts';
import type { ActionV1, AddressV1, HostV1, ScenarioV1 } from '../scenario/types.ts';

export const NET = '192.168.100';

/** A host with these interfaces ({ eth0: ['192.168.100.10/24'] }), sysctls and extra fields. */
export function host(interfaces: Record<string, AddressV1[] | { mac: string; addresses: AddressV1[] }>, extra: Omit<HostV1, 'interfaces'> = {}): HostV1 {
  return {
    ...extra,
    interfaces: Object.fromEntries(Object.entries(interfaces).map(([dev, a]) => [dev, Array.isArray(a) ? { addresses: a } : a])),
  };
}

/** A VIP on lo, as LVS real servers configure it (`ip addr add VIP/32 dev lo label lo:0`). */
export const loVip = (ip: string): AddressV1 => ({ cidr: `${ip}/32`, label: 'lo:0' });

export function scenario(
  title: string,
  hosts: Record<string, HostV1>,
  segments: Record<string, string[]>,
  actions: ActionV1[],
  layout: Record<string, [number, number]>,
): ScenarioV1 {
  return {
    version: 2,
    title,
    hosts,
    segments,
    actions,
    layout: Object.fromEntries(Object.entries(layout).map(([id, [x, y]]) => [id, { x, y }])),
  };
}

/** The same scenario with other actions. */
export const withActions = (s: ScenarioV1, actions: ActionV1[]): ScenarioV1 => ({ ...s, actions });

/** The same scenario with these sysctls added to a host's configuration. */
export function withSysctls(s: ScenarioV1, hostName: string, sysctls: Record<string, number>): ScenarioV1 {
  const h = s.hosts[hostName];
  return { ...s, hosts: { ...s.hosts, [hostName]: { ...h, sysctls: { ...h.sysctls, ...sysctls } } } };
}

export const ping = (h: string, to: string, extra: Record<string, unknown> = {}): ActionV1 => ({ type: 'ping', host: h, to, ...extra });
export const arping = (h: string, target: string, extra: Record<string, unknown> = {}): ActionV1 => ({
  type: 'arping',
  host: h,
  iface: 'eth0',
  target,
  count: 1,
  w: 1,
  ...extra,
});
export const wait = (seconds: number): ActionV1 => ({ type: 'wait', seconds });
export const flush = (...hosts: string[]): ActionV1 => ({ type: 'flush', hosts });

/** Solution edits. */
export const setSysctl = (h: string, key: string, value: number): ScenarioOp => ({ type: 'setSysctl', host: h, key: `net.ipv4.${key}`, value });
export const addAction = (action: ActionV1, index?: number): ScenarioOp => (index === undefined ? { type: 'addAction', action } : { type: 'addAction', action, index });
export const connect = (h: string, to: string, extra: Record<string, unknown> = {}): ActionV1 => ({ type: 'connect', host: h, to, ...extra });
export const deleteAction = (index: number): ScenarioOp => ({ type: 'deleteAction', index });
