import { describe, expect, it } from 'vitest';
import twoNic from '../../examples/twoNic.json';
import { loadScenario } from '../../scenario/load.ts';
import { computeGeometry, switchAnchor } from './geometry.ts';
import { eachTokenPoint, PathResolver, tokenCount, tokenPositions } from './tokenPath.ts';
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

describe('flight routes (PathResolver)', () => {
  const flight = (frameId: number, deliveries: Flight['deliveries'], start = 0): Flight => ({
    frameId, txIndex: 0, host: 'B', dev: 'eth0', segment: 'lan', kind: 'arp-request', frame: {} as Flight['frame'], start, end: start + 900, deliveries,
  });
  const both = () => [{ host: 'A', dev: 'eth1', index: 1 }, { host: 'A', dev: 'eth0', index: 2 }];
  it('shares one path between flights over the same route, not between different receivers', () => {
    const routes = new PathResolver(g);
    const a = routes.of(flight(1, both()));
    expect(routes.of(flight(2, both(), 300))).toBe(a);
    expect(routes.of(flight(3, [{ host: 'A', dev: 'eth1', index: 1 }]))).not.toBe(a);
    expect(a).toEqual(new PathResolver(g).resolve(flight(1, both())));
  });
  it('resolves a flight again when a later chunk of a streamed run adds deliveries to it', () => {
    const routes = new PathResolver(g);
    const f = flight(1, [{ host: 'A', dev: 'eth1', index: 1 }]);
    expect(routes.of(f)!.legs).toHaveLength(4);
    f.deliveries.push({ host: 'A', dev: 'eth0', index: 2 });
    expect(routes.of(f)!.legs).toHaveLength(8);
  });
  it('boxes every token the route can have, and counts them as eachTokenPoint gives them', () => {
    const f = flight(1, both());
    const path = new PathResolver(g).of(f)!;
    for (let v = 0; v <= 900; v += 25) {
      let n = 0;
      eachTokenPoint(path, f, v, 900, (x, y) => {
        n++;
        expect(x).toBeGreaterThanOrEqual(path.x0);
        expect(x).toBeLessThanOrEqual(path.x1);
        expect(y).toBeGreaterThanOrEqual(path.y0);
        expect(y).toBeLessThanOrEqual(path.y1);
      });
      expect(tokenCount(path, f, v, 900)).toBe(n);
    }
  });
  it('resolves a trace\'s routes in slices until a deadline', () => {
    const routes = new PathResolver(g);
    const flights = Array.from({ length: 200 }, (_, i) => flight(i, both(), i));
    expect(routes.prepare(flights, 0, -1)).toBe(64);
    expect(routes.prepare(flights, 64, Infinity)).toBe(200);
  });
});

describe('hosts without a layout entry', () => {
  const cards = (gg: ReturnType<typeof computeGeometry>) => gg.hosts.map((h) => ({ n: h.name, x0: h.x - h.w / 2, x1: h.x + h.w / 2, y0: h.y - h.h / 2, y1: h.y + h.h / 2 }));
  it('are placed in free space, never on top of a host that has one', () => {
    // B's automatic spot is where this layout puts A; C has no entry either.
    const auto = computeGeometry(r.engine, {});
    const b = auto.hosts[auto.hostIndex.B];
    const three = loadScenario({ ...twoNic, hosts: { ...twoNic.hosts, C: { interfaces: { eth0: { addresses: ['192.168.100.50/24'] } } } }, segments: { ...twoNic.segments, lan: [...twoNic.segments.lan, 'C.eth0'] } });
    if (!three.ok) throw new Error('does not load');
    const gg = computeGeometry(three.engine, { A: { x: b.x, y: b.y } });
    expect(gg.hosts[gg.hostIndex.A]).toMatchObject({ x: b.x, y: b.y });
    const cs = cards(gg);
    for (const a of cs) for (const c of cs) if (a.n < c.n) expect(a.x0 < c.x1 && c.x0 < a.x1 && a.y0 < c.y1 && c.y0 < a.y1, `${a.n} overlaps ${c.n}`).toBe(false);
  });
});
