import { describe, expect, it } from 'vitest';
import { miniSim } from '../__fixtures__/miniTrace.ts';
import { neighAt } from './neighAt.ts';
import { buildTimeline, cursorAt, flightsInAir, simTimeAt, stepOfCursor, TRAVEL_MS } from './timeline.ts';

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

describe('neighAt', () => {
  it('replays neighbour events within a step', () => {
    expect(neighAt(miniSim, 3, 0, 1).B).toEqual([{ ip: '192.168.100.36', dev: 'eth0', lladdr: null, state: 'INCOMPLETE', timer: null, changedAt: 2 }]);
    const end = neighAt(miniSim, miniSim.events.length, 150_000, 1).B[0];
    expect(end).toMatchObject({ state: 'REACHABLE', lladdr: '02:00:00:00:0a:00', timer: 20_000_000, changedAt: 10 });
  });
});
