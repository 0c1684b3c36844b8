/**
 * A data-centre-like topology of any size, for trying (and testing) the canvas with a
 * thousand hosts: one LVS-DR director D with one NIC on each of a few segments, and the real
 * servers spread over those segments, each with the VIP on lo and the ARP fix
 * (arp_ignore=1, arp_announce=2), laid out in rows above and below their segment's switch.
 * The director then pings the last real server of every segment: one broadcast request
 * flooded to every port of that segment, one reply.
 */
import type { ScenarioV1 } from '../scenario/types.ts';

export interface DataCentreOptions {
  /** Real servers (default 1,000). */
  realServers?: number;
  /** Segments they are spread over, one director NIC each (default 4). */
  segments?: number;
}

export const VIP = '10.0.0.100';
const COLS = 25;
const DX = 340;
const DY = 175;

const hex = (n: number) => n.toString(16).padStart(2, '0');

export function dataCentre({ realServers = 1000, segments = 4 }: DataCentreOptions = {}): ScenarioV1 {
  const hosts: ScenarioV1['hosts'] = {};
  const segs: Record<string, string[]> = {};
  const layout: Record<string, { x: number; y: number }> = {};
  const per = Math.ceil(realServers / segments);
  const rowsPerSide = Math.ceil(Math.ceil(per / COLS) / 2);
  const blockH = (2 * rowsPerSide + 1) * DY + 200;
  const director: NonNullable<ScenarioV1['hosts']>[string] = { kind: 'director', interfaces: {} };
  const actions: ScenarioV1['actions'] = [];
  for (let s = 0; s < segments; s++) {
    const seg = `lan${s}`;
    const net = `10.${s + 1}`;
    director.interfaces![`eth${s}`] = { mac: `02:00:00:0d:00:${hex(s)}`, addresses: [`${net}.0.1/16`] };
    segs[seg] = [`D.eth${s}`];
    const sy = s * blockH;
    layout[seg] = { x: ((COLS - 1) * DX) / 2, y: sy };
    const count = Math.min(per, realServers - s * per);
    let last = '';
    for (let i = 0; i < count; i++) {
      const n = s * per + i + 1;
      const name = `RS${n}`;
      const ip = `${net}.${(i + 2) >> 8}.${(i + 2) & 255}`;
      hosts[name] = {
        kind: 'real-server',
        interfaces: { eth0: { mac: `02:00:${hex(s)}:00:${hex((i + 2) >> 8)}:${hex((i + 2) & 255)}`, addresses: [`${ip}/16`] }, lo: { addresses: [`${VIP}/32`] } },
        sysctls: { 'net.ipv4.conf.all.arp_ignore': 1, 'net.ipv4.conf.all.arp_announce': 2 },
      };
      segs[seg].push(`${name}.eth0`);
      const row = Math.floor(i / COLS);
      const above = row % 2 === 0;
      const ring = Math.floor(row / 2);
      layout[name] = { x: (i % COLS) * DX, y: sy + (above ? -1 : 1) * (210 + ring * DY) };
      last = ip;
    }
    if (last) actions.push({ type: 'ping', host: 'D', to: last, count: 1 });
  }
  hosts.D = director;
  layout.D = { x: -700, y: ((segments - 1) * blockH) / 2 };
  return {
    version: 2,
    title: `Data centre: a director and ${realServers.toLocaleString('en')} real servers on ${segments} segments`,
    hosts,
    segments: segs,
    actions,
    layout,
  };
}
