import { describe, expect, it, vi } from 'vitest';
import twoNic from '../examples/twoNic.json';
import type { ScenarioV1 } from '../scenario/types.ts';
import { miniSim } from './__fixtures__/miniTrace.ts';
import { createAppStore } from './createAppStore.ts';

const scenario = twoNic as ScenarioV1;
const engine = () => ({ simulate: vi.fn(() => structuredClone(miniSim)) });

describe('createAppStore', () => {
  it('derives the simulation from the scenario at creation', () => {
    const e = engine();
    const store = createAppStore({ scenario, engine: e });
    expect(e.simulate).toHaveBeenCalledTimes(1);
    const input = e.simulate.mock.calls[0] as unknown[];
    expect(input[0]).toMatchObject({ hosts: [{ name: 'A' }, { name: 'B' }] });
    expect(store.getState().sim?.steps).toHaveLength(2);
    expect(store.getState().timeline.flights).toHaveLength(2);
  });

  it('gives each store its own state', () => {
    const a = createAppStore({ scenario, engine: engine() });
    const b = createAppStore({ scenario, engine: engine() });
    a.getState().dispatch({ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.eth0.arp_ignore', value: 1 });
    expect(b.getState().scenario).toBe(scenario);
  });

  it('undoes and redoes edits, skipping no-ops, and re-simulates', () => {
    const e = engine();
    const store = createAppStore({ scenario, engine: e });
    const { dispatch } = store.getState();
    dispatch({ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.eth0.arp_ignore', value: 1 });
    dispatch({ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.eth0.arp_ignore', value: 1 });
    dispatch({ type: 'setRouteMetric', host: 'A', index: 1, metric: 7 });
    expect(store.getState().past).toHaveLength(2);
    expect(e.simulate).toHaveBeenCalledTimes(3);
    store.getState().undo();
    expect(store.getState().scenario.hosts.A.routes?.[1]).toMatchObject({ metric: 101 });
    store.getState().undo();
    expect(store.getState().scenario).toBe(scenario);
    store.getState().undo();
    expect(store.getState().scenario).toBe(scenario);
    store.getState().redo();
    expect(store.getState().scenario.hosts.A.sysctls?.['net.ipv4.conf.eth0.arp_ignore']).toBe(1);
    expect(store.getState().future).toHaveLength(1);
    dispatch({ type: 'deleteAction', index: 1 });
    expect(store.getState().future).toHaveLength(0);
  });

  it('records an op error without changing the scenario', () => {
    const store = createAppStore({ scenario, engine: engine() });
    store.getState().dispatch({ type: 'deleteRoute', host: 'A', index: 42 });
    expect(store.getState().opError).toMatch(/no route/);
    expect(store.getState().scenario).toBe(scenario);
  });

  it('commits a drag as one history entry and does not re-simulate for layout', () => {
    const e = engine();
    const store = createAppStore({ scenario, engine: e });
    const s = store.getState();
    s.beginGesture();
    for (let x = 0; x < 5; x++) store.getState().dispatch({ type: 'moveNode', id: 'A', x, y: 1 });
    store.getState().endGesture();
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().scenario.layout?.A).toEqual({ x: 4, y: 1 });
    expect(e.simulate).toHaveBeenCalledTimes(1);
    store.getState().undo();
    expect(store.getState().scenario.layout?.A).toEqual(scenario.layout?.A);
  });

  it('steps through events and plays in visual time', () => {
    const store = createAppStore({ scenario, engine: engine() });
    const st = () => store.getState();
    st().stepForward();
    st().stepForward();
    expect(st().cursor).toBe(2);
    st().stepBack();
    expect(st().cursor).toBe(1);
    st().runStep(1);
    expect(st().playing).toBe(true);
    for (let i = 0; i < 1000 && st().playing; i++) st().advance(16);
    expect(st().playing).toBe(false);
    expect(st().cursor).toBe(miniSim.events.length);
    st().seek(0);
    expect(st().cursor).toBe(4); // everything at visual time 0: both steps, INCOMPLETE, the request sent
    st().finish();
    expect(st().cursor).toBe(miniSim.events.length);
    st().reset();
    expect(st().cursor).toBe(0);
  });

  it('jumps event to event in reduced-motion mode', () => {
    const store = createAppStore({ scenario, engine: engine(), animate: false });
    const st = () => store.getState();
    st().play();
    st().advance(100);
    expect(st().cursor).toBe(0);
    st().advance(400);
    expect(st().cursor).toBeGreaterThan(0);
    const c = st().cursor;
    expect(st().vtime).toBe(st().timeline.vt[c - 1]);
  });

  it('re-runs from the start after an edit and reports what changed', () => {
    let call = 0;
    const store = createAppStore({
      scenario,
      engine: {
        simulate: () => {
          const s = structuredClone(miniSim);
          if (call++ > 0) s.steps[1].neigh.B[0].lladdr = '02:00:00:00:0a:01';
          return s;
        },
      },
    });
    store.getState().finish();
    store.getState().dispatch({ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.all.rp_filter', value: 0 });
    const st = store.getState();
    expect(st.cursor).toBe(0);
    expect(st.playing).toBe(true);
    expect(st.stopAt).toBe(st.timeline.stepSpans[1][1]);
    expect(st.changes).toEqual([
      {
        kind: 'cache', step: 1, host: 'B', dev: 'eth0', ip: '192.168.100.36',
        before: { lladdr: '02:00:00:00:0a:00', state: 'REACHABLE' }, after: { lladdr: '02:00:00:00:0a:01', state: 'REACHABLE' },
      },
    ]);
  });

  it('loads a valid scenario and refuses an invalid one', () => {
    const store = createAppStore({ scenario, engine: engine() });
    store.getState().dispatch({ type: 'deleteAction', index: 0 });
    expect(store.getState().loadScenario(42).ok).toBe(false);
    expect(store.getState().past).toHaveLength(1);
    const r = store.getState().loadScenario({ hosts: { X: {} } });
    expect(r.ok).toBe(true);
    expect(Object.keys(store.getState().scenario.hosts)).toEqual(['X']);
    expect(store.getState().past).toHaveLength(0);
  });

  it('works without an engine (no simulation yet)', () => {
    const store = createAppStore({ scenario, engine: null });
    expect(store.getState().sim).toBeNull();
    expect(store.getState().engineInput?.hosts).toHaveLength(2);
  });
});
