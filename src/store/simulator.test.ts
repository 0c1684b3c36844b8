/**
 * The store with an asynchronous simulator (as the browser's Web Worker is): the real
 * engine runs, but its answers are delivered when the test says so. Proves that the store
 * keeps the previous simulation until the new one arrives, ignores superseded answers,
 * shows the work budget and Cancel while keeping the scenario editable, and receives
 * host views later.
 */
import { describe, expect, it } from 'vitest';
import { inspectHosts, simulate } from '../engine/index.ts';
import twoNic from '../examples/twoNic.json';
import type { ScenarioV1 } from '../scenario/types.ts';
import { createAppStore } from './createAppStore.ts';
import { inProcessSimulator, type Simulator } from './simulator.ts';

const scenario = twoNic as ScenarioV1;

/** The in-process simulator, with every answer held back until flush(). */
function deferred(budget?: Parameters<typeof simulate>[1]) {
  const held: (() => void)[] = [];
  const inner = inProcessSimulator({ simulate: (s, o) => simulate(s, { ...o, ...budget }), inspectHosts });
  const sim: Simulator = {
    run(input, on) {
      let cancelled = false;
      held.push(() => {
        if (!cancelled) inner.run(input, on);
      });
      return { cancel: () => void (cancelled = true) };
    },
    inspect(input, step, done) {
      held.push(() => inner.inspect(input, step, done));
    },
  };
  return { sim, flush: () => held.splice(0).forEach((f) => f()), held };
}

describe('store with an asynchronous simulator', () => {
  it('is running until the answer arrives, then shows it', () => {
    const d = deferred();
    const store = createAppStore({ scenario, simulator: d.sim });
    expect(store.getState()).toMatchObject({ simStatus: 'running', sim: null });
    d.flush();
    expect(store.getState().simStatus).toBe('idle');
    expect(store.getState().sim?.steps.length).toBe(scenario.actions!.length + 1);
    expect(store.getState().timeline.flights.length).toBeGreaterThan(0);
  });

  it('keeps the previous simulation and input while a new one runs; a superseded answer is ignored', () => {
    const d = deferred();
    const store = createAppStore({ scenario, simulator: d.sim });
    d.flush();
    const first = store.getState().sim;
    const firstInput = store.getState().engineInput;
    store.getState().dispatch({ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.eth1.arp_ignore', value: 1 });
    store.getState().dispatch({ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.eth1.arp_ignore', value: 2 });
    expect(store.getState()).toMatchObject({ simStatus: 'running' });
    expect(store.getState().sim).toBe(first);
    expect(store.getState().engineInput).toBe(firstInput);
    expect(d.held).toHaveLength(2);
    d.flush();
    // Only the last edit's answer is taken, and compared with the previous outcome.
    const s = store.getState();
    expect(s.simStatus).toBe('idle');
    expect(s.engineInput?.hosts.find((h) => h.name === 'A')?.sysctls).toContainEqual(['net.ipv4.conf.eth1.arp_ignore', 2]);
    expect(s.changes).not.toBeNull();
  });

  it('Cancel stops the run, keeps the scenario and says so; an edit runs again', () => {
    const d = deferred();
    const store = createAppStore({ scenario, simulator: d.sim });
    store.getState().cancelSim();
    d.flush();
    expect(store.getState()).toMatchObject({ simStatus: 'idle', sim: null, simError: { kind: 'cancelled' } });
    expect(store.getState().scenario).toBe(scenario);
    store.getState().dispatch({ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.eth1.arp_ignore', value: 1 });
    d.flush();
    expect(store.getState().simError).toBeNull();
    expect(store.getState().sim).not.toBeNull();
  });

  it('a scenario beyond the work budget: simError names the limit, the scenario stays editable', () => {
    const d = deferred({ budget: { deliveries: 3, events: Infinity, neighRows: Infinity } });
    const store = createAppStore({ scenario, simulator: d.sim });
    d.flush();
    expect(store.getState()).toMatchObject({ sim: null, simStatus: 'idle', simError: { kind: 'budget', budget: { limit: 'deliveries', max: 3 } } });
    store.getState().dispatch({ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.eth1.arp_ignore', value: 1 });
    expect(store.getState().scenario).not.toBe(scenario);
  });

  it('host views arrive later and bump viewsVersion', () => {
    const d = deferred();
    const store = createAppStore({ scenario, simulator: d.sim });
    d.flush();
    expect(store.getState().hostViews(1)).toBeNull();
    const v0 = store.getState().viewsVersion;
    d.flush();
    expect(store.getState().viewsVersion).toBe(v0 + 1);
    expect(store.getState().hostViews(1)?.A.devices.map((x) => x.name)).toContain('eth1');
    expect(d.held).toHaveLength(0);
  });
});
