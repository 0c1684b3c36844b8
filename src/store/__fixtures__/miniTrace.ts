/**
 * Test fixture only: a hand-written, minimal trace in the engine's format (one ARP exchange),
 * so the store and formatting tests do not depend on the engine's progress.
 */
import type { Frame, SimResult, TraceEvent } from '../../engine/index.ts';

export const request: Frame = {
  id: 1, src: '02:00:00:00:0b:00', dst: 'ff:ff:ff:ff:ff:ff', ethertype: 0x0806, length: 42,
  arp: { op: 1, sha: '02:00:00:00:0b:00', spa: '192.168.100.39', tha: '00:00:00:00:00:00', tpa: '192.168.100.36' },
};
export const reply: Frame = {
  id: 2, src: '02:00:00:00:0a:00', dst: '02:00:00:00:0b:00', ethertype: 0x0806, length: 42,
  arp: { op: 2, sha: '02:00:00:00:0a:00', spa: '192.168.100.36', tha: '02:00:00:00:0b:00', tpa: '192.168.100.39' },
};

const ping = { type: 'ping', host: 'B', to: '192.168.100.36' } as const;

export const events: TraceEvent[] = [
  { kind: 'step', t: 0, i: 0, action: null },
  { kind: 'step', t: 0, i: 1, action: ping },
  { kind: 'neigh', t: 0, host: 'B', dev: 'eth0', ip: '192.168.100.36', from: null, to: 'INCOMPLETE', lladdr: null, cause: 'neigh_event_send', frameId: null },
  { kind: 'tx', t: 0, host: 'B', dev: 'eth0', segment: 'lan', frameKind: 'arp-request', frame: request },
  { kind: 'rx', t: 5, frameId: 1, host: 'A', dev: 'eth1', segment: 'lan' },
  {
    kind: 'decision', t: 5, frameId: 1, host: 'A', dev: 'eth1', rule: 'rp_filter', verdict: 'drop', reason: 'strict_other_dev',
    settings: [{ name: 'rp_filter', dev: 'eth1', value: 1, combine: 'max', all: 1, devValue: 1, from: 'both' }],
    params: { sip: '192.168.100.39', tip: '192.168.100.36', via: 'eth0' },
  },
  { kind: 'rx', t: 5, frameId: 1, host: 'A', dev: 'eth0', segment: 'lan' },
  {
    kind: 'decision', t: 5, frameId: 1, host: 'A', dev: 'eth0', rule: 'arp_reply', verdict: 'reply', reason: 'any_local', also: 'dev_match',
    settings: [
      { name: 'rp_filter', dev: 'eth0', value: 1, combine: 'max', all: 1, devValue: 1, from: 'both' },
      { name: 'arp_ignore', dev: 'eth0', value: 0, combine: 'max', all: 0, devValue: 0, from: 'both' },
    ],
    params: { tip: '192.168.100.36', sip: '192.168.100.39', mac: '02:00:00:00:0a:00' },
  },
  { kind: 'tx', t: 5, host: 'A', dev: 'eth0', segment: 'lan', frameKind: 'arp-reply', frame: reply },
  { kind: 'rx', t: 10, frameId: 2, host: 'B', dev: 'eth0', segment: 'lan' },
  { kind: 'neigh', t: 10, host: 'B', dev: 'eth0', ip: '192.168.100.36', from: 'INCOMPLETE', to: 'REACHABLE', lladdr: '02:00:00:00:0a:00', cause: 'arp_reply_to_us', frameId: 2 },
  { kind: 'output', t: 10, host: 'B', tool: 'ping', line: '64 bytes from 192.168.100.36: icmp_seq=1 ttl=64 time=0.010 ms' },
];

export const miniSim: SimResult = {
  version: 1,
  seed: 1,
  steps: [
    { i: 0, type: null, t: 0, t_end: 0, ok: null, frames: [], neigh: { A: [], B: [] }, events: [0, 1] },
    {
      i: 1, type: 'ping', t: 0, t_end: 0.15, ok: true, frames: [],
      neigh: { A: [], B: [{ ip: '192.168.100.36', dev: 'eth0', lladdr: '02:00:00:00:0a:00', state: 'REACHABLE', used: 0, confirmed: 0, updated: 0, probes: 0, timer: 20_000_000 }] },
      events: [1, events.length],
    },
  ],
  events,
};
