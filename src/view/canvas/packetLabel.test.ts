import { describe, expect, it } from 'vitest';
import { simulate, type TxEvent } from '../../engine/index.ts';
import { cluster } from '../../engine/test/lvsCluster.ts';
import { LabelCache, packetLabel, tcpFlagNames } from './packetLabel.ts';

const txs = (method: 'dr' | 'tun' | 'nat') =>
  simulate(cluster({ method, scheduler: 'rr', actions: [{ type: 'connect', host: 'C', to: '10.0.0.100:80', count: 1 }] })).events.filter((e): e is TxEvent => e.kind === 'tx');
const labelsFrom = (ev: TxEvent[], host: string) => ev.filter((e) => e.host === host && e.frame.ip).map((e) => packetLabel(e.frame, e.frameKind).long);

describe('packet labels', () => {
  it('names tcpdump flag letters', () => {
    expect(['S', 'S.', '.', 'P.', 'F.', 'R', 'R.'].map(tcpFlagNames)).toEqual(['SYN', 'SYN-ACK', 'ACK', 'PSH-ACK', 'FIN-ACK', 'RST', 'RST-ACK']);
  });

  it('DR: the director passes the SYN on unchanged; the real server answers from the VIP straight to the router', () => {
    const ev = txs('dr');
    const client = labelsFrom(ev, 'C')[0];
    expect(client).toMatch(/^SYN 10\.0\.1\.2:\d+ → 10\.0\.0\.100:80$/);
    expect(labelsFrom(ev, 'D')[0]).toBe(client);
    expect(labelsFrom(ev, 'RS2')[0]).toMatch(/^SYN-ACK 10\.0\.0\.100:80 → 10\.0\.1\.2:\d+$/);
  });

  it('TUN: the outer addresses, then the packet inside', () => {
    const d = txs('tun').find((e) => e.host === 'D' && e.frame.ip?.ipip)!;
    expect(packetLabel(d.frame, d.frameKind).long).toMatch(/^IPIP 10\.0\.0\.2 → 10\.0\.0\.12 \[SYN 10\.0\.1\.2:\d+ → 10\.0\.0\.100:80\]$/);
    expect(packetLabel(d.frame, d.frameKind).short).toBe('IPIP[SYN]');
  });

  it('NAT: the director’s frame to the real server carries the rewritten destination, the reply the VIP again', () => {
    const ev = txs('nat');
    expect(labelsFrom(ev, 'D')[0]).toMatch(/^SYN 10\.0\.1\.2:\d+ → 192\.168\.10\.12:80$/);
    expect(labelsFrom(ev, 'D').find((l) => l.startsWith('SYN-ACK'))).toMatch(/^SYN-ACK 10\.0\.0\.100:80 → 10\.0\.1\.2:\d+$/);
  });

  it('ARP frames keep their kind label; a cache makes each label once per timeline', () => {
    const ev = txs('dr');
    const arp = ev.find((e) => e.frame.arp)!;
    expect(packetLabel(arp.frame, arp.frameKind)).toEqual({ short: 'REQ', long: 'REQ' });
    const c = new LabelCache();
    const owner = {};
    const a = c.get(owner, ev[0].frame, ev[0].frameKind);
    expect(c.get(owner, ev[0].frame, ev[0].frameKind)).toBe(a);
    expect(c.get({}, ev[0].frame, ev[0].frameKind)).not.toBe(a);
  });
});
