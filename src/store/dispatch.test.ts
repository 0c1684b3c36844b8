import { describe, expect, it, vi } from 'vitest';
import twoNic from '../examples/twoNic.json';
import { addFromPalette } from '../ops/templates.ts';
import type { ScenarioOp } from '../ops/op.ts';
import { loadScenario as realLoadScenario } from '../scenario/load.ts';

// Every call of loadScenario, from any module (the store, the ops, the removal cascade): the
// store's loader is the one every check goes through. (The scenario model was loaded by the
// tests' setup before a vi.mock here could replace its loadScenario, so the spy is given.)
const loadScenario = vi.fn(realLoadScenario);
import type { ScenarioV1 } from '../scenario/types.ts';
import { miniSim } from './__fixtures__/miniTrace.ts';
import { createAppStore } from './createAppStore.ts';

const base = twoNic as ScenarioV1;
const empty: ScenarioV1 = { version: 2, hosts: {} };

describe('checked dispatch', () => {
  /** A store whose loader and engine are spies: how often is a scenario validated, what is simulated? */
  const spied = (scenario: ScenarioV1) => {
    const load = vi.mocked(loadScenario);
    const engine = { simulate: vi.fn(() => structuredClone(miniSim)) };
    const store = createAppStore({ scenario, engine, load });
    load.mockClear();
    engine.simulate.mockClear();
    return { store, load, engine };
  };

  it('validates an edit once and simulates exactly the input that check loaded', () => {
    const { store, load, engine } = spied(base);
    expect(store.getState().dispatch({ type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.eth0.arp_ignore', value: 1 })).toEqual([]);
    expect(load).toHaveBeenCalledTimes(1);
    const loaded = load.mock.results[0].value;
    expect(load.mock.calls[0][0]).toBe(store.getState().scenario);
    expect(engine.simulate).toHaveBeenCalledTimes(1);
    expect(engine.simulate.mock.calls[0]).toEqual([loaded.engine]);
    expect((engine.simulate.mock.calls[0] as unknown[])[0]).toBe(loaded.engine);
    expect(store.getState().engineInput).toBe(loaded.engine);
  });

  it('a topology batch, a removal and a load each validate once', () => {
    const { store, load } = spied(base);
    const batch: ScenarioOp = { type: 'batch', ops: [{ type: 'addSegment', name: 'sw9' }, { type: 'detachPort', segment: 'net172', port: 'A.eth2' }, { type: 'attachPort', segment: 'sw9', port: 'A.eth2' }] };
    for (const op of [batch, { type: 'removeInterface', host: 'A', dev: 'eth1' }, { type: 'deleteHost', host: 'B' }] as ScenarioOp[]) {
      load.mockClear();
      expect(store.getState().dispatch(op)).toEqual([]);
      expect(load, op.type).toHaveBeenCalledTimes(1);
    }
    expect(Object.keys(store.getState().scenario.hosts)).toEqual(['A']);
    load.mockClear();
    load.mockClear();
    store.getState().loadScenario(base);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a refused edit is loaded once, commits nothing and simulates nothing', () => {
    const { store, load, engine } = spied(base);
    const issues = store.getState().dispatch({ type: 'setInterface', host: 'B', dev: 'eth0', mac: '02:00:00:00:0a:00' });
    expect(issues.map((i) => i.code)).toEqual(['duplicateMac']);
    // The refused result, and once the (cached afterwards) scenario before it, to tell new problems from old.
    expect(load.mock.calls.filter(([s]) => s !== base)).toHaveLength(1);
    expect(engine.simulate).not.toHaveBeenCalled();
    expect(store.getState().scenario).toBe(base);
    expect(store.getState().opError).toMatch(/hosts\.B\.interfaces\.eth0\.mac/);
  });

  it('moving a node validates nothing and simulates nothing', () => {
    const { store, load, engine } = spied(base);
    expect(store.getState().dispatch({ type: 'moveNode', id: 'A', x: 3, y: 4 })).toEqual([]);
    expect(load).not.toHaveBeenCalled();
    expect(engine.simulate).not.toHaveBeenCalled();
    expect(store.getState().dispatch({ type: 'moveNode', id: 'toString', x: 3, y: 4 })).toHaveLength(1);
  });

  it('dispatch applies a valid edit and leaves the store alone otherwise', () => {
    const store = createAppStore({ scenario: base });
    expect(store.getState().dispatch({ type: 'setInterface', host: 'B', dev: 'eth0', mac: 'zz' }).map((i) => i.code)).toEqual(['notMac']);
    expect(store.getState().scenario).toBe(base);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().dispatch({ type: 'setInterface', host: 'B', dev: 'eth0', mac: '02:00:00:00:0b:07' })).toEqual([]);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().dirty).toBe(true);
  });
});

describe('history', () => {
  it('a batch is one history entry; undo and redo restore both ends exactly', () => {
    const store = createAppStore({ scenario: empty });
    const ops: ScenarioOp[] = [
      addFromPalette(empty, 'host', { x: 0, y: 0 }).op,
      { type: 'batch', ops: [{ type: 'addSegment', name: 'sw1' }, { type: 'addInterface', host: 'H1', dev: 'eth0', iface: { mac: '02:00:00:00:01:00' } }, { type: 'attachPort', segment: 'sw1', port: 'H1.eth0' }] },
    ];
    for (const op of ops) expect(store.getState().dispatch(op)).toEqual([]);
    expect(store.getState().past).toHaveLength(2);
    const end = store.getState().scenario;
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().scenario).toBe(empty);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().scenario).toBe(end);
  });

  it('loading (replaceScenario) is not an edit: dirty stays false until the user edits', () => {
    const store = createAppStore({ scenario: empty });
    store.getState().dispatch({ type: 'replaceScenario', scenario: base });
    expect(store.getState().dirty).toBe(false);
    store.getState().dispatch({ type: 'moveNode', id: 'A', x: 1, y: 2 });
    expect(store.getState().dirty).toBe(true);
    store.getState().loadScenario(base);
    expect(store.getState().dirty).toBe(false);
    store.getState().undo();
    expect(store.getState().dirty).toBe(false);
  });
});
