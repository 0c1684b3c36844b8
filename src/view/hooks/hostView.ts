/**
 * What the inspector shows about one host. Until the engine's `hostView` is available this
 * is read from the (normalised) engine input: devices, addresses, configured values only.
 */
import { useMemo } from 'react';
import { useApp } from '../../store/StoreContext.tsx';

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
  /** Which setting decided it. */
  from: 'all' | 'dev' | 'both' | 'default' | string;
}

export interface HostViewData {
  devices: DeviceRow[];
  /** `ip route show` and `ip route show table local` lines, when the engine computed them. */
  routes: { main: string[]; local: string[] } | null;
  /** Effective value of a knob on a device, when the engine computed it. */
  effective: ((knob: string, dev: string) => KnobValue | undefined) | null;
}

export function useHostView(host: string): HostViewData | null {
  const engine = useApp((s) => s.engineInput);
  return useMemo(() => {
    const h = engine?.hosts.find((x) => x.name === host);
    if (!h) return null;
    const devices: DeviceRow[] = h.interfaces.map((i) => ({
      name: i.name, mac: i.mac, up: i.up,
      addresses: i.addresses.map((a) => ({ cidr: a.cidr, scope: a.scope, ...(a.label ? { label: a.label } : {}) })),
    }));
    if (!devices.some((d) => d.name === 'lo')) devices.unshift({ name: 'lo', mac: '00:00:00:00:00:00', up: true, addresses: [] });
    const lo = devices.find((d) => d.name === 'lo')!;
    if (!lo.addresses.some((a) => a.cidr === '127.0.0.1/8')) lo.addresses.unshift({ cidr: '127.0.0.1/8', scope: 'host' });
    return { devices, routes: null, effective: null };
  }, [engine, host]);
}
