import { describe, expect, it } from 'vitest';
import { miniSim } from '../__fixtures__/miniTrace.ts';
import { simulate, type EngineScenario, type HostSpec, type NeighRow, type SimResult } from '../../engine/index.ts';
import { neighAt, type NeighView } from './neighAt.ts';
import { buildTimeline, cursorAt, flightsInAir, simTimeAt, stepOfCursor, stepsDone, TimelineBuilder, TRAVEL_MS, type Timeline } from './timeline.ts';

describe('timeline', () => {
  const tl = buildTimeline(miniSim);
  it('delivers a broadcast to every port at the same visual time', () => {
    const f = tl.flights[0];
    expect(f.deliveries.map((d) => `${d.host}.${d.dev}`)).toEqual(['A.eth1', 'A.eth0']);
    expect(tl.vt[4]).toBe(f.start + TRAVEL_MS);
    expect(tl.vt[6]).toBe(tl.vt[4]);
  });
  it('keeps visual time non-decreasing and records stops', () => {
    for (let i = 1; i < tl.vt.length; i++) expect(tl.vt[i]).toBeGreaterThanOrEqual(tl.vt[i - 1]);
    expect(tl.stops).toEqual([{ index: 5, frameId: 1, host: 'A', dev: 'eth1', verdict: 'drop', rule: 'rp_filter' }]);
  });
  it('finds cursor, frames in the air and simulated time', () => {
    expect(cursorAt(tl.vt, -1)).toBe(0);
    expect(cursorAt(tl.vt, tl.duration)).toBe(miniSim.events.length);
    const v = tl.flights[0].start + 100;
    expect(flightsInAir(tl, cursorAt(tl.vt, v), v).map((f) => f.frameId)).toEqual([1]);
    expect(simTimeAt(miniSim, tl, tl.vt[4])).toBe(5);
    expect(stepOfCursor(miniSim, 0)).toBe(0);
    expect(stepOfCursor(miniSim, 5)).toBe(1);
  });
});

// Hosts pinging a gateway, then each other, then for a minute: entries appear, change state and settle within steps.
const hex = (i: number) => i.toString(16).padStart(2, '0');
const host = (name: string, i: number, cidr: string): HostSpec => ({
  name, interfaces: [{ name: 'eth0', mac: `02:00:00:00:00:${hex(i)}`, addresses: [{ cidr, scope: 'global', noprefixroute: false }], up: true }], routes: [], sysctls: [], neigh: [],
});
const hosts = [host('gw', 1, '10.0.0.1/24'), ...[2, 3, 4, 5, 6].map((i) => host(`h${i}`, i, `10.0.0.${i}/24`))];
const scn: EngineScenario = {
  seed: 3, hosts, segments: [{ name: 'lan', ports: hosts.map((h) => ({ host: h.name, dev: 'eth0' })) }],
  actions: [
    ...hosts.slice(1).map((h) => ({ type: 'ping' as const, host: h.name, to: '10.0.0.1', count: 2 })),
    { type: 'wait' as const, seconds: 30 },
    { type: 'ping' as const, host: 'h2', to: '10.0.0.3', count: 1 },
    // A minute of pings: gw's entry goes stale, is confirmed again and ends REACHABLE, as it was early in the step (no timer shown there).
    { type: 'ping' as const, host: 'h4', to: '10.0.0.1', count: 60 },
  ],
};
/** That scenario's run (the engine's compact log). */
const engineRun = simulate(scn);

describe('the timeline read in slices (TimelineBuilder.read, then show at whole steps)', () => {
  /** The result cut after its first n steps: what a streamed run shows then. */
  const cut = (sim: SimResult, n: number): SimResult => ({ ...sim, steps: sim.steps.slice(0, n), events: sim.events.slice(0, n ? sim.steps[n - 1].events[1] : 0) });
  const json = (tl: Timeline) => JSON.stringify(tl);
  /** A deterministic pseudo-random sequence in [0, 1) (the slices: any cut must do). */
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  /**
   * Reads `sim` in random slices and shows the steps read at random moments: every timeline
   * shown must be buildTimeline's for the result cut there, and the last one buildTimeline's.
   */
  function readInSlices(sim: SimResult, seed: number, maxSlice: number): number {
    const next = random(seed);
    const b = new TimelineBuilder();
    const at = (i: number) => sim.events.at(i)!;
    let shown = 0;
    let shows = 0;
    while (shown < sim.steps.length) {
      const read = b.read(at, Math.min(sim.events.length, b.readCount + Math.floor(next() * maxSlice)));
      let n = shown;
      while (n < sim.steps.length && sim.steps[n].events[1] <= read) n++;
      if (n === shown || next() < 0.3) continue;
      // Some of the steps read (the rest stays read ahead).
      n = shown + 1 + Math.floor(next() * (n - shown));
      b.show(sim.steps.slice(shown, n));
      shown = n;
      shows++;
      expect(json(b.timeline())).toBe(json(buildTimeline(cut(sim, n))));
    }
    expect(json(b.timeline())).toBe(json(buildTimeline(sim)));
    return shows;
  }

  // Every event a step of its own: each delivery comes in a later step than its frame's tx, so
  // a flight already shown gets it (and its end moves) only when that step is shown.
  const perEvent: SimResult = { ...miniSim, steps: Array.from({ length: miniSim.events.length }, (_, i) => ({ ...miniSim.steps[0], i, events: [i, i + 1] as [number, number] })) };

  it('gives, at every showing, buildTimeline of the result cut there, and buildTimeline at the end, whatever the slices', () => {
    for (let seed = 1; seed <= 20; seed++) {
      expect(readInSlices(miniSim, seed, 4)).toBeGreaterThan(0);
      expect(readInSlices(perEvent, seed, 4)).toBeGreaterThan(1);
      expect(readInSlices(engineRun, seed, 200)).toBeGreaterThan(1);
    }
  });

  it('keeps what was read and not shown out of the timeline: a frame sent, its deliveries, a drop', () => {
    const b = new TimelineBuilder();
    const at = (i: number) => perEvent.events.at(i)!;
    // Events 0–2 shown; the ARP request's tx (3), its deliveries (4, 6) and the drop (5) read.
    b.read(at, 7);
    b.show(perEvent.steps.slice(0, 3));
    expect(b.timeline()).toMatchObject({ vt: [0, 0, 0], flights: [], flightIndex: {}, stops: [], stepSpans: [[0, 0], [0, 0], [0, 0]], duration: 0 });
    // The tx shown: a flight without deliveries yet, ending where a frame in the air ends.
    b.show(perEvent.steps.slice(3, 4));
    const tl = b.timeline();
    expect(tl.flights).toHaveLength(1);
    expect(tl.flights[0]).toMatchObject({ txIndex: 3, deliveries: [], end: tl.flights[0].start + TRAVEL_MS });
    expect(tl.stops).toEqual([]);
    // Its first delivery shown: the same flight object, one delivery; then the drop and the second one.
    b.show(perEvent.steps.slice(4, 5));
    expect(tl.flights[0].deliveries.map((d) => d.index)).toEqual([4]);
    expect(tl.stops).toEqual([]);
    b.show(perEvent.steps.slice(5, 7));
    expect(tl.flights[0].deliveries.map((d) => d.index)).toEqual([4, 6]);
    expect(tl.stops.map((s) => s.index)).toEqual([5]);
    expect(tl.vt).toHaveLength(7);
  });

  it('stops reading when told, goes on from there, and refuses to show steps not read', () => {
    const b = new TimelineBuilder();
    const at = (i: number) => engineRun.events.at(i)!;
    const first = b.read(at, engineRun.events.length, () => true);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(engineRun.events.length);
    expect(b.read(at, engineRun.events.length, () => true)).toBe(2 * first);
    const unread = engineRun.steps.findIndex((s) => s.events[1] > b.readCount);
    expect(() => b.show(engineRun.steps.slice(0, unread + 1))).toThrow(/read/);
    expect(b.read(at, engineRun.events.length)).toBe(engineRun.events.length);
    b.show(engineRun.steps);
    expect(json(b.timeline())).toBe(json(buildTimeline(engineRun)));
  });
});

describe('neighAt', () => {
  it('replays neighbour events within a step', () => {
    expect(neighAt(miniSim, 3, 0, 1).B).toEqual([{ ip: '192.168.100.36', dev: 'eth0', lladdr: null, state: 'INCOMPLETE', timer: null, changedAt: 2 }]);
    const end = neighAt(miniSim, miniSim.events.length, 150_000, 1).B[0];
    expect(end).toMatchObject({ state: 'REACHABLE', lladdr: '02:00:00:00:0a:00', timer: 20_000_000, changedAt: 10 });
  });
});

describe('neighAt over an engine run', () => {
  const sim = simulate(scn);
  const all = [...sim.events];
  /** The tables by replaying every event of the step (what neighAt computed before it kept an index). */
  function replay(cursor: number, now: number, step: number): Record<string, NeighView[]> {
    const st = sim.steps[step];
    const [first, last] = st.events;
    const k = (dev: string, ip: string) => `${dev} ${ip}`;
    const view = (r: NeighRow, timer: number | null): NeighView => ({ ip: r.ip, dev: r.dev, lladdr: r.lladdr, state: r.state, timer, changedAt: -1 });
    const out: Record<string, NeighView[]> = {};
    if (cursor >= last) {
      for (const [h, rows] of Object.entries(st.neigh)) out[h] = rows.map((r) => view(r, r.timer));
      for (let i = first; i < last; i++) {
        const e = all[i];
        if (e.kind !== 'neigh') continue;
        const row = out[e.host]?.find((r) => r.ip === e.ip && r.dev === e.dev);
        if (row) row.changedAt = i;
      }
      return out;
    }
    const prev = step > 0 ? sim.steps[step - 1].neigh : {};
    const tables = new Map<string, Map<string, NeighView>>();
    for (const h of new Set([...Object.keys(prev), ...Object.keys(st.neigh)])) tables.set(h, new Map((prev[h] ?? []).map((r) => [k(r.dev, r.ip), view(r, null)])));
    const later = new Set<string>();
    for (let i = Math.max(first, cursor); i < last; i++) {
      const e = all[i];
      if (e.kind === 'neigh') later.add(`${e.host} ${k(e.dev, e.ip)}`);
    }
    for (let i = first; i < Math.min(cursor, last); i++) {
      const e = all[i];
      if (e.kind !== 'neigh') continue;
      let tb = tables.get(e.host);
      if (!tb) tables.set(e.host, (tb = new Map()));
      if (e.to === null) tb.delete(k(e.dev, e.ip));
      else tb.set(k(e.dev, e.ip), { ip: e.ip, dev: e.dev, lladdr: e.lladdr, state: e.to, timer: null, changedAt: i });
    }
    const tEnd = Math.round(st.t_end * 1e6);
    for (const [h, tb] of tables) {
      const ends = new Map((st.neigh[h] ?? []).map((r) => [k(r.dev, r.ip), r]));
      out[h] = [...tb.entries()].map(([key, row]) => {
        const end = ends.get(key);
        return end && !later.has(`${h} ${key}`) && end.state === row.state && end.timer !== null ? { ...row, timer: Math.max(0, end.timer + tEnd - now) } : row;
      });
    }
    return out;
  }

  it('gives, from the compact log and from a plain array, every host’s table as a replay of the whole step does, at every event', () => {
    const asArray = { ...sim, events: all };
    let changes = 0;
    for (let c = 0; c <= all.length; c++) {
      const step = stepOfCursor(sim, c);
      const now = 1_000_000 * sim.steps[step].t + 5_000;
      const want = replay(c, now, step);
      expect(neighAt(sim, c, now, step)).toEqual(want);
      expect(neighAt(asArray, c, now, step)).toEqual(want);
      // One host alone: its table, nothing else.
      for (const h of hosts) expect(neighAt(sim, c, now, step, h.name)).toEqual(h.name in want ? { [h.name]: want[h.name] } : {});
      if (c < all.length && all[c].kind === 'neigh') changes++;
    }
    expect(changes).toBeGreaterThan(10);
  });

  it('finds the step of every cursor and how many steps are done, as a scan over the steps does', () => {
    for (let c = 0; c <= all.length; c++) {
      let step = 0;
      for (let i = sim.steps.length - 1; i >= 0; i--)
        if (c > 0 && sim.steps[i].events[0] <= c - 1) {
          step = i;
          break;
        }
      expect(stepOfCursor(sim, c)).toBe(step);
      expect(stepsDone(sim, c)).toBe(sim.steps.filter((st) => c >= st.events[1]).length);
    }
  });
});
