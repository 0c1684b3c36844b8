import { describe, expect, it } from 'vitest';
import twoNic from '../../examples/twoNic.json';
import { loadScenario } from '../../scenario/load.ts';
import { computeGeometry, switchAnchor } from './geometry.ts';
import { tokenPositions } from './tokenPath.ts';
import type { Flight } from '../../store/derive/timeline.ts';

const r = loadScenario(twoNic);
if (!r.ok) throw new Error('twoNic does not load');
const g = computeGeometry(r.engine, r.scenario.layout);

describe('geometry', () => {
  it('puts each attached interface on the side of the host that faces its segment', () => {
    expect(g.ports['A.eth0'].side).toBe('bottom');
    expect(g.ports['A.eth1'].side).toBe('bottom');
    expect(g.ports['A.eth2'].side).toBe('right');
    expect(g.ports['B.eth0'].side).toBe('top');
    expect(g.ports['A.eth0'].x).toBeLessThan(g.ports['A.eth1'].x);
    expect(Object.keys(g.ports)).not.toContain('A.lo');
  });
  it('anchors links on the switch edge facing the port', () => {
    const lan = g.segments[g.segmentIndex.lan];
    expect(switchAnchor(lan, g.ports['B.eth0']).y).toBe(lan.y + lan.h / 2);
    expect(switchAnchor(lan, g.ports['A.eth0']).y).toBe(lan.y - lan.h / 2);
  });
  it('lays out hosts without a position deterministically', () => {
    const a = computeGeometry(r.engine, {});
    const b = computeGeometry(r.engine, {});
    expect(a.hosts.map((h) => [h.x, h.y])).toEqual(b.hosts.map((h) => [h.x, h.y]));
    expect(a.bounds.x1).toBeGreaterThan(a.bounds.x0);
  });
  it('moves a broadcast to the switch, then to every receiver at once', () => {
    const f: Flight = {
      frameId: 1, txIndex: 0, host: 'B', dev: 'eth0', segment: 'lan', kind: 'arp-request', frame: {} as Flight['frame'], start: 0, end: 900,
      deliveries: [{ host: 'A', dev: 'eth1', index: 1 }, { host: 'A', dev: 'eth0', index: 2 }],
    };
    expect(tokenPositions(g, f, 0, 900)).toEqual({ outbound: true, pts: [{ x: g.ports['B.eth0'].x, y: g.ports['B.eth0'].y }] });
    const end = tokenPositions(g, f, 900, 900);
    expect(end.outbound).toBe(false);
    expect(end.pts).toEqual([{ x: g.ports['A.eth1'].x, y: g.ports['A.eth1'].y }, { x: g.ports['A.eth0'].x, y: g.ports['A.eth0'].y }]);
  });
});
