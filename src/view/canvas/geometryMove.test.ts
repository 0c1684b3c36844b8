import { describe, expect, it } from 'vitest';
import { dataCentre } from '../../examples/dataCentre.ts';
import twoNic from '../../examples/twoNic.json';
import { loadScenario } from '../../scenario/load.ts';
import lvsFive from './__fixtures__/lvs-five.json';
import { buildGeometry, computeGeometry, placeLabelsUntil, type GeometryState, type Pos } from './geometry.ts';
import { moveGeometry } from './geometryMove.ts';

function loaded(doc: unknown) {
  const r = loadScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)));
  return { engine: r.engine, layout: r.scenario.layout ?? {} };
}

const moved = (layout: Record<string, Pos>, by: Record<string, [number, number]>) => {
  const out = { ...layout };
  for (const [id, [dx, dy]] of Object.entries(by)) out[id] = { x: out[id].x + dx, y: out[id].y + dy };
  return out;
};

describe('moving nodes (moveGeometry)', () => {
  // 300 real servers on 3 switches: fans of 100 cables crossing labels, rows of cards close together.
  const dc = loaded(dataCentre({ realServers: 300, segments: 3 }));

  it('gives what computing the whole geometry gives, move after move (hosts, a group, a switch, the director)', () => {
    let state: GeometryState = buildGeometry(dc.engine, dc.layout);
    let layout = dc.layout;
    const steps: Record<string, [number, number]>[] = [
      { RS5: [37, 12] },
      { RS5: [140, 90] }, // onto its neighbours' labels
      { RS5: [-600, 400] }, // across its switch's fan of cables
      { RS40: [80, -30], RS41: [80, -30], RS42: [80, -30] },
      { lan1: [500, -120] }, // every port on lan1 turns toward it
      { D: [300, 0] },
      { RS150: [-2000, 0] }, // out of the drawing's bounds
    ];
    for (const by of steps) {
      layout = moved(layout, by);
      state = moveGeometry(state, layout);
      expect(state.geometry, JSON.stringify(by)).toEqual(computeGeometry(dc.engine, layout));
    }
  });

  it('gives what computing the whole geometry gives in a crowded drawing, where one move pushes labels that push others', () => {
    // 80 hosts of two interfaces each, every fourth one cabled to one of two switches, dropped at
    // random on a 2,400 × 1,400 area: cards overlap and labels make way for others and for
    // cables, so a move re-places chains of labels.
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const hex = (n: number) => n.toString(16).padStart(2, '0');
    const hosts = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`H${i}`, {
      interfaces: { eth0: { mac: `02:00:00:00:01:${hex(i)}`, addresses: [`10.0.${i}.1/24`] }, eth1: { mac: `02:00:00:00:02:${hex(i)}`, addresses: [] } },
    }]));
    const segments = { sw0: Object.keys(hosts).filter((_, i) => i % 8 === 0).map((h) => `${h}.eth1`), sw1: Object.keys(hosts).filter((_, i) => i % 8 === 4).map((h) => `${h}.eth1`) };
    const crowd = loaded({ version: 2, hosts, segments });
    let layout = Object.fromEntries([...Object.keys(hosts), 'sw0', 'sw1'].map((n) => [n, { x: Math.round(rand() * 2400), y: Math.round(rand() * 1400) }]));
    let state = buildGeometry(crowd.engine, layout);
    let pushed = 0;
    for (let i = 0; i < 30; i++) {
      const n = i % 10 === 9 ? `sw${i % 2}` : `H${Math.floor(rand() * 80)}`;
      const before = state.geometry;
      layout = moved(layout, { [n]: [Math.round(rand() * 300 - 150), Math.round(rand() * 200 - 100)] });
      state = moveGeometry(state, layout);
      const full = computeGeometry(crowd.engine, layout);
      expect(state.geometry, `${i}: ${n}`).toEqual(full);
      // Labels of hosts that did not move, placed elsewhere: pushed by the move (or by labels it pushed).
      pushed += full.hosts.filter((h, k) => h.name !== n && h.ports.some((p, j) => p.label !== before.hosts[k].ports[j].label)).length;
    }
    // The case this test is for happened.
    expect(pushed).toBeGreaterThan(5);
  });

  it('moving a host and moving it back gives the same geometry again', () => {
    const first = buildGeometry(dc.engine, dc.layout);
    const before = structuredClone(first.geometry);
    const away = moveGeometry(first, moved(dc.layout, { RS7: [90, 60] }));
    expect(away.geometry.hosts[away.geometry.hostIndex.RS7].x).toBe(before.hosts[before.hostIndex.RS7].x + 90);
    const back = moveGeometry(away, dc.layout);
    expect(back.geometry).toEqual(before);
    // The geometry handed out first is not changed by the moves after it.
    expect(first.geometry).toEqual(before);
  });

  it('keeps the hosts far from a move as they were, and places again only the labels near it', () => {
    const first = buildGeometry(dc.engine, dc.layout);
    const g0 = first.geometry;
    const next = moveGeometry(first, moved(dc.layout, { RS5: [40, 0] })).geometry;
    const changed = next.hosts.filter((h, i) => h !== g0.hosts[i]).map((h) => h.name);
    expect(changed).toContain('RS5');
    // A label moves only if its card moved or something near it did: a handful, not the 300.
    expect(changed.length).toBeLessThan(10);
    const far = next.hosts[next.hostIndex.RS250];
    expect(far).toBe(g0.hosts[g0.hostIndex.RS250]);
    expect(next.ports['RS250.eth0']).toBe(g0.ports['RS250.eth0']);
    expect(next.segments).toEqual(g0.segments);
  });

  it('returns the same state when nothing moved', () => {
    const s = buildGeometry(dc.engine, dc.layout);
    expect(moveGeometry(s, { ...dc.layout })).toBe(s);
  });

  it.each([['twoNic', twoNic], ['lvs-five', lvsFive]] as const)('gives the whole geometry in %s, with and without layout entries', (_name, doc) => {
    const t = loaded(doc);
    const names = Object.keys(t.layout);
    let state = buildGeometry(t.engine, t.layout);
    let layout = t.layout;
    names.forEach((n, i) => {
      layout = moved(layout, { [n]: [25 * (i + 1), -15 * i] });
      state = moveGeometry(state, layout);
      expect(state.geometry, n).toEqual(computeGeometry(t.engine, layout));
    });
    // Hosts without an entry are placed in free space, which a move can change.
    const partial = Object.fromEntries(names.slice(0, 1).map((n) => [n, { x: layout[n].x + 400, y: layout[n].y }]));
    state = moveGeometry(state, partial);
    expect(state.geometry).toEqual(computeGeometry(t.engine, partial));
  });
});

describe('labels placed later, in slices (buildGeometry with later, placeLabelsUntil)', () => {
  const dc = loaded(dataCentre({ realServers: 300, segments: 3 }));

  it('gives the whole geometry once every slice is placed, whatever the slices', () => {
    const draft = buildGeometry(dc.engine, dc.layout, true);
    expect(draft.geometry.labelsPending).toBe(true);
    // Cards and ports are where they will be; only the labels are missing.
    const whole = computeGeometry(dc.engine, dc.layout);
    expect(draft.geometry.hosts.map((h) => [h.x, h.y, h.w, h.h, h.ports.map((p) => [p.x, p.y, p.side])])).toEqual(whole.hosts.map((h) => [h.x, h.y, h.w, h.h, h.ports.map((p) => [p.x, p.y, p.side])]));
    // A deadline already past: one clock check's worth (16 labels) per slice.
    let done: GeometryState | null = null;
    let slices = 0;
    while (!(done = placeLabelsUntil(draft, 0))) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(done.geometry).toEqual(whole);
    expect(done.geometry.labelsPending).toBeUndefined();
    // Then moves update it as any other.
    const layout = moved(dc.layout, { RS9: [50, 30] });
    expect(moveGeometry(done, layout).geometry).toEqual(computeGeometry(dc.engine, layout));
  });

  it('a move before the labels are placed starts them again at the new layout', () => {
    const draft = buildGeometry(dc.engine, dc.layout, true);
    placeLabelsUntil(draft, 0);
    const layout = moved(dc.layout, { RS9: [50, 30] });
    const next = moveGeometry(draft, layout);
    expect(next.geometry.labelsPending).toBe(true);
    expect(moveGeometry(draft, { ...dc.layout })).toBe(draft);
    expect(placeLabelsUntil(next, Infinity)!.geometry).toEqual(computeGeometry(dc.engine, layout));
  });
});
