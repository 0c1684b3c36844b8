/**
 * What the inspector shows about one host at the step on screen: the engine's view of it
 * (devices and addresses in kernel order, routing tables, every knob's effective value),
 * or, without the engine, what the scenario itself says.
 */
import { useMemo } from 'react';
import type { HostView } from '../../engine/index.ts';
import { useApp } from '../../store/StoreContext.tsx';
import { useStep } from './derived.ts';

export interface AddrRow {
  cidr: string;
  label?: string;
  scope: string;
  /** undefined when not known */
  secondary?: boolean;
}

export interface DeviceRow {
  name: string;
  mac: string;
  up: boolean;
  addresses: AddrRow[];
}

export interface KnobValue {
  /** Effective value for the device. */
  value: number;
  /** Which setting decided it: all, the device, both equal. */
  from: string;
  /** The device's own value came from default (never written for this device). */
  viaDefault: boolean;
}

export interface HostViewData {
  devices: DeviceRow[];
  /** `ip route show` and `ip route show table local` lines, when the engine computed them. */
  routes: { main: string[]; local: string[] } | null;
  /** Effective value of a knob on a device, when the engine computed it. */
  effective: ((knob: string, dev: string) => KnobValue | undefined) | null;
}

function fromEngine(v: HostView): HostViewData {
  const conf = new Map(v.conf.map((k) => [k.knob as string, k]));
  return {
    devices: v.devices.map((d) => ({
      name: d.name, mac: d.mac, up: d.up,
      addresses: d.addrs.map((a) => ({ cidr: a.cidr, label: a.label, scope: a.scope, secondary: a.secondary })),
    })),
    routes: { main: v.routes.map((r) => r.text), local: v.localRoutes },
    effective: (knob, dev) => {
      const d = conf.get(knob)?.devices[dev];
      if (!d) return undefined;
      return { value: d.effective.value, from: d.effective.from, viaDefault: !d.set && d.effective.from !== 'all' };
    },
  };
}

export function useHostView(host: string): HostViewData | null {
  const engine = useApp((s) => s.engineInput);
  const sim = useApp((s) => s.sim);
  const step = useStep();
  const hostViews = useApp((s) => s.hostViews);
  // Host views come from the simulator (a worker): asked for here, they arrive later.
  const viewsVersion = useApp((s) => s.viewsVersion);
  return useMemo(() => {
    void sim;
    void viewsVersion;
    const v = hostViews(step)?.[host];
    if (v) return fromEngine(v);
    const h = engine?.hosts.find((x) => x.name === host);
    if (!h) return null;
    const devices: DeviceRow[] = h.interfaces.map((i) => ({
      name: i.name, mac: i.mac, up: i.up,
      addresses: i.addresses.map((a) => ({ cidr: a.cidr, scope: a.scope, ...(a.label ? { label: a.label } : {}) })),
    }));
    if (!devices.some((d) => d.name === 'lo')) devices.unshift({ name: 'lo', mac: '00:00:00:00:00:00', up: true, addresses: [{ cidr: '127.0.0.1/8', scope: 'host' }] });
    return { devices, routes: null, effective: null };
  }, [engine, sim, step, host, hostViews, viewsVersion]);
}
