import { describe, expect, it } from 'vitest';
import twoNic from '../../../examples/twoNic.json';
import { dataCentre } from '../../../examples/dataCentre.ts';
import { loadScenario } from '../../../scenario/load.ts';
import { buildGeometry, computeGeometry, type Geometry } from '../geometry.ts';
import { moveGeometry } from '../geometryMove.ts';
import { buildPickIndex, nextPickIndex, pickAt, PORT_HALF } from './pick.ts';

function geometryOf(doc: unknown): Geometry {
  const r = loadScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return computeGeometry(r.engine, r.scenario.layout);
}

describe('raster picking', () => {
  const g = geometryOf(twoNic);
  const idx = buildPickIndex(g);

  it('names the port, the switch or the host under a point, a port before the card it sits on', () => {
    const p = g.ports['A.eth1'];
    expect(pickAt(idx, p.x, p.y)).toEqual({ kind: 'port', host: 'A', dev: 'eth1' });
    expect(pickAt(idx, p.x + PORT_HALF - 0.5, p.y)).toEqual({ kind: 'port', host: 'A', dev: 'eth1' });
    const a = g.hosts[g.hostIndex.A];
    expect(pickAt(idx, a.x, a.y)).toEqual({ kind: 'host', host: 'A' });
    // A card's corner is the card; just outside it, nothing.
    expect(pickAt(idx, a.x - a.w / 2 + 1, a.y - a.h / 2 + 1)).toEqual({ kind: 'host', host: 'A' });
    expect(pickAt(idx, a.x - a.w / 2 - 1, a.y - a.h / 2 - 1)).toBeNull();
    const lan = g.segments[g.segmentIndex.lan];
    expect(pickAt(idx, lan.x, lan.y)).toEqual({ kind: 'segment', segment: 'lan' });
    expect(pickAt(idx, g.bounds.x1 + 500, g.bounds.y1 + 500)).toBeNull();
  });

  it('between two ports, the nearer one; zoomed far out, a port keeps a few pixels of room', () => {
    const e0 = g.ports['A.eth0'];
    const e1 = g.ports['A.eth1'];
    const mid = (e0.x + e1.x) / 2;
    // Far from both at zoom 1: the card.
    expect(pickAt(idx, mid, e0.y)).toEqual({ kind: 'host', host: 'A' });
    expect(pickAt(idx, e0.x + 5, e0.y, 1)).toEqual({ kind: 'port', host: 'A', dev: 'eth0' });
    // At zoom 0.05, 3 screen pixels are 60 canvas units.
    expect(pickAt(idx, e0.x + 40, e0.y, 0.05)).toEqual({ kind: 'port', host: 'A', dev: 'eth0' });
    expect(pickAt(idx, e0.x + 40, e0.y, 1)).toEqual({ kind: 'host', host: 'A' });
  });

  it('is exact on 1,001 hosts: the centre of every card picks that host, every port its interface', () => {
    const big = geometryOf(dataCentre({ realServers: 1000, segments: 4 }));
    expect(big.hosts.length).toBe(1001);
    const bigIdx = buildPickIndex(big);
    for (const h of big.hosts) {
      // The centre of the card, a little above it (ports are on the edges).
      expect(pickAt(bigIdx, h.x, h.y - 10), h.name).toEqual({ kind: 'host', host: h.name });
      for (const p of h.ports) expect(pickAt(bigIdx, p.x + 2, p.y - 2, 0.1), p.id).toEqual({ kind: 'port', host: h.name, dev: p.dev });
    }
    for (const s of big.segments) expect(pickAt(bigIdx, s.x, s.y)).toEqual({ kind: 'segment', segment: s.name });
    // Between two cards of a row: nothing.
    const [a, b] = [big.hosts[big.hostIndex.RS1], big.hosts[big.hostIndex.RS2]];
    expect(pickAt(bigIdx, (a.x + a.w / 2 + b.x - b.w / 2) / 2, a.y - 10)).toBeNull();
  });

  it('after moves, picks what an index built from scratch picks, and the index before still picks the geometry before', () => {
    const r = loadScenario(dataCentre({ realServers: 200, segments: 2 }));
    if (!r.ok) throw new Error('does not load');
    let layout = r.scenario.layout ?? {};
    let state = buildGeometry(r.engine, layout);
    let idx = nextPickIndex(null, state.geometry);
    const moves: [string, number, number][] = [['RS3', 60, 40], ['RS3', 700, -300], ['lan1', 200, 100], ['RS150', -5000, 3000], ['RS150', 5000, -3000]];
    for (const [id, dx, dy] of moves) {
      const before = idx;
      const g0 = state.geometry;
      // Points on and around the moved node, where it was and where it goes, and on a grid over the drawing.
      const was = id in g0.hostIndex ? g0.hosts[g0.hostIndex[id]] : g0.segments[g0.segmentIndex[id]];
      layout = { ...layout, [id]: { x: layout[id].x + dx, y: layout[id].y + dy } };
      state = moveGeometry(state, layout);
      idx = nextPickIndex(idx, state.geometry);
      expect(idx).not.toBe(before);
      const g = state.geometry;
      const now = id in g.hostIndex ? g.hosts[g.hostIndex[id]] : g.segments[g.segmentIndex[id]];
      const pts: [number, number][] = [];
      for (const c of [was, now]) for (let ox = -200; ox <= 200; ox += 8) for (let oy = -80; oy <= 80; oy += 8) pts.push([c.x + ox, c.y + oy]);
      for (const p of Object.values(g.ports)) pts.push([p.x + 1, p.y - 1]);
      for (let x = g.bounds.x0; x <= g.bounds.x1; x += 97) for (let y = g.bounds.y0; y <= g.bounds.y1; y += 89) pts.push([x, y]);
      const fresh = buildPickIndex(g);
      const freshBefore = buildPickIndex(g0);
      const differ = pts.filter(([x, y]) => JSON.stringify(pickAt(idx, x, y, 0.3)) !== JSON.stringify(pickAt(fresh, x, y, 0.3)));
      expect(differ, `${id} moved`).toEqual([]);
      const stale = pts.filter(([x, y]) => JSON.stringify(pickAt(before, x, y, 0.3)) !== JSON.stringify(pickAt(freshBefore, x, y, 0.3)));
      expect(stale, `before ${id} moved`).toEqual([]);
      expect(pickAt(idx, now.x, now.y - 10)).toEqual(id in g.hostIndex ? { kind: 'host', host: id } : { kind: 'segment', segment: id });
    }
  });
});
