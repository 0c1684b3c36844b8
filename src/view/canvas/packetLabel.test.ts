import { describe, expect, it } from 'vitest';
import { simulate, type TxEvent } from '../../engine/index.ts';
import { cluster } from '../../engine/test/lvsCluster.ts';
import { LabelCache, packetLabel, tokenLabelAt, tcpFlagNames } from './packetLabel.ts';

const txs = (method: 'dr' | 'tun' | 'nat') =>
  simulate(cluster({ method, scheduler: 'rr', actions: [{ type: 'connect', host: 'C', to: '10.0.0.100:80', count: 1 }] })).events.slice().filter((e): e is TxEvent => e.kind === 'tx');
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

describe('a token’s label stays inside the view', () => {
  const W = 800;
  const H = 600;
  const inside = (p: { x: number; y: number }, width: number, ascent: number) => p.x >= 0 && p.x + width <= W && p.y - ascent >= 0 && p.y <= H;
  it('right of the token and above it where there is room', () => {
    expect(tokenLabelAt(100, 100, 200, 10, W, H, 1)).toEqual({ x: 112, y: 92 });
  });
  it('on the token’s left near the right edge, below it near the top, pushed in from the edges', () => {
    expect(tokenLabelAt(700, 100, 250, 10, W, H, 1)).toEqual({ x: 438, y: 92 });
    expect(tokenLabelAt(100, 5, 200, 10, W, H, 1)).toEqual({ x: 112, y: 23 });
    // Left of a token near the left edge too: pushed in from the left.
    expect(tokenLabelAt(780, 300, 790, 10, W, H, 1).x).toBe(4);
    expect(tokenLabelAt(100, 599, 100, 10, W, H, 1).y).toBeLessThanOrEqual(H - 4);
  });
  it('anywhere in the view, any label narrower than it is wholly inside', () => {
    for (let x = 0; x <= W; x += 50) for (let y = 0; y <= H; y += 50) for (const width of [20, 300, 700]) for (const z of [0.8, 1, 2]) {
      expect(inside(tokenLabelAt(x, y, width, 11, W, H, z), width, 11)).toBe(true);
    }
  });
});
