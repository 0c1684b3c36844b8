/**
 * A small LVS cluster for engine tests: client C — router R — LAN with director D and
 * real servers RS1, RS2 (for NAT, the real servers sit on a private LAN behind D).
 * VIP 10.0.0.100:80, written as a format-version-2 document (the director's `ipvs`, the
 * real servers' `listen`) and normalised; the actions are engine actions.
 */
import { normalizeScenario } from '../../scenario/normalize.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { AnyAction, EngineScenario, IpvsServiceSpec } from '../input.ts';

export const VIP = '10.0.0.100';

export interface ClusterOptions {
  method: 'dr' | 'tun' | 'nat';
  scheduler?: IpvsServiceSpec['scheduler'];
  proto?: 'tcp' | 'udp';
  /** The real servers' ARP fix: VIP on lo with arp_ignore=1, arp_announce=2 (DR/TUN). */
  arpFix?: boolean;
  /** TUN: rp_filter on tunl0 (and all) of the real servers. */
  rpFilterTunl?: number;
  /** NAT: ip_forward on the director (default on). */
  forward?: boolean;
  /** NAT: the real servers' default gateway is the director (default) or the router. */
  natGatewayDirector?: boolean;
  weights?: [number, number];
  persistent?: number;
  actions?: AnyAction[];
  seed?: number;
}

type HostV1 = ScenarioV1['hosts'][string];

export function cluster(o: ClusterOptions): EngineScenario {
  const nat = o.method === 'nat';
  const fix = o.arpFix ?? true;
  const rsNet = nat ? '192.168.10' : '10.0.0';
  const rs = (n: number): HostV1 => {
    const lo: NonNullable<HostV1['interfaces']> = !nat && o.method === 'dr' ? { lo: { addresses: [{ cidr: `${VIP}/32`, label: 'lo:0' }] } } : {};
    const tunl: NonNullable<HostV1['interfaces']> = o.method === 'tun' ? { tunl0: { addresses: [`${VIP}/32`] } } : {};
    const sysctls: Record<string, number> = {};
    if (!nat && fix) Object.assign(sysctls, { 'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 });
    if (o.method === 'tun') Object.assign(sysctls, { 'net.ipv4.conf.all.rp_filter': o.rpFilterTunl ?? 0, 'net.ipv4.conf.tunl0.rp_filter': o.rpFilterTunl ?? 0 });
    const gw = nat ? (o.natGatewayDirector ?? true ? `${rsNet}.1` : `${rsNet}.254`) : '10.0.0.1';
    return {
      kind: 'real-server',
      interfaces: { eth0: { addresses: [`${rsNet}.${10 + n}/24`] }, ...lo, ...tunl },
      routes: [`default via ${gw}`],
      sysctls,
    };
  };
  const proto = o.proto ?? 'tcp';
  const w = o.weights ?? [1, 1];
  const rsListen = (h: HostV1): HostV1 => ({ ...h, listen: [{ proto, port: 80 }] });
  const director: HostV1 = {
    kind: 'director',
    ipvs: [{
      proto, vip: VIP, port: 80, scheduler: o.scheduler ?? 'wlc', ...(o.persistent !== undefined ? { persistent: o.persistent } : {}),
      dests: [1, 2].map((n) => ({ ip: `${rsNet}.${10 + n}`, weight: w[n - 1], method: o.method })),
    }],
    interfaces: nat
      ? { eth0: { addresses: ['10.0.0.2/24', { cidr: `${VIP}/24`, label: 'eth0:0' }] }, eth1: { addresses: [`${rsNet}.1/24`] } }
      : { eth0: { addresses: ['10.0.0.2/24', { cidr: `${VIP}/24`, label: 'eth0:0' }] } },
    routes: ['default via 10.0.0.1'],
    sysctls: nat ? { 'net.ipv4.ip_forward': o.forward ?? true ? 1 : 0 } : {},
  };
  const s: ScenarioV1 = {
    version: 2,
    hosts: {
      C: { kind: 'client', interfaces: { eth0: { addresses: ['10.0.1.2/24'] } }, routes: ['default via 10.0.1.1'] },
      R: { kind: 'router', interfaces: { eth0: { addresses: ['10.0.1.1/24'] }, eth1: { addresses: ['10.0.0.1/24'] } }, sysctls: { 'net.ipv4.ip_forward': 1 } },
      D: director,
      RS1: rsListen(rs(1)),
      RS2: rsListen(rs(2)),
      ...(nat ? { GW: { kind: 'router', interfaces: { eth0: { addresses: [`${rsNet}.254/24`] }, eth1: { addresses: ['10.0.0.254/24'] } }, sysctls: { 'net.ipv4.ip_forward': 1 }, routes: ['default via 10.0.0.1'] } } : {}),
    },
    segments: nat
      ? { wan: ['C.eth0', 'R.eth0'], lan: ['R.eth1', 'D.eth0', 'GW.eth1'], priv: ['D.eth1', 'RS1.eth0', 'RS2.eth0', 'GW.eth0'] }
      : { wan: ['C.eth0', 'R.eth0'], lan: ['R.eth1', 'D.eth0', 'RS1.eth0', 'RS2.eth0'] },
    actions: [],
  };
  const scn = normalizeScenario(s);
  scn.seed = o.seed ?? 1;
  scn.actions = o.actions ?? [{ type: 'connect', host: 'C', to: `${VIP}:80`, proto, count: 4, interval: 0.5 }];
  return scn;
}
