import { describe, expect, it } from 'vitest';
import twoNic from '../examples/twoNic.json';
import type { ScenarioV1 } from '../scenario/types.ts';
import { miniSim } from './__fixtures__/miniTrace.ts';
import { createAppStore } from './createAppStore.ts';
import { heldView } from './heldView.ts';

const store = () => createAppStore({ scenario: twoNic as ScenarioV1, engine: { simulate: () => structuredClone(miniSim) } });

describe('heldView', () => {
  it('passes the store through until held; held, it keeps the state it had and tells no one, while the store itself changes', () => {
    const api = store();
    const v = heldView(api);
    const seen: number[] = [];
    v.store.subscribe((s) => seen.push(s.speed));
    api.getState().setSpeed(2);
    expect(v.store.getState().speed).toBe(2);
    v.hold();
    api.getState().setSpeed(4);
    // Actions taken through the held view act on the store.
    v.store.getState().setSpeed(8);
    expect(api.getState().speed).toBe(8);
    expect(v.store.getState().speed).toBe(2);
    expect(seen).toEqual([2]);
  });

  it('a view made held draws from one state until released, then passes on what changed meanwhile, once', () => {
    const api = store();
    const v = heldView(api, true);
    const seen: [number, number][] = [];
    const off = v.store.subscribe((s, prev) => seen.push([s.speed, prev.speed]));
    const before = api.getState().speed;
    api.getState().setSpeed(4);
    api.getState().setSpeed(8);
    expect(v.store.getState().speed).toBe(before);
    v.release();
    expect(seen).toEqual([[8, before]]);
    expect(v.store.getState()).toBe(api.getState());
    api.getState().setSpeed(2);
    expect(seen).toEqual([[8, before], [2, 8]]);
    off();
    api.getState().setSpeed(1);
    expect(seen).toHaveLength(2);
  });

  it('released with nothing changed, it tells no one', () => {
    const api = store();
    const v = heldView(api, true);
    const seen: unknown[] = [];
    v.store.subscribe((s) => seen.push(s));
    v.release();
    expect(seen).toEqual([]);
  });
});
