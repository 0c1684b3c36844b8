import { describe, expect, it } from 'vitest';
import twoNic from '../examples/twoNic.json';
import { addFromPalette } from '../ops/templates.ts';
import type { ScenarioOp } from '../ops/op.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import { createAppStore } from './createAppStore.ts';
import { dispatchChecked } from './dispatchChecked.ts';

const base = twoNic as ScenarioV1;
const empty: ScenarioV1 = { version: 1, hosts: {} };

describe('checked dispatch', () => {
  it('dispatchChecked applies a valid edit and leaves the store alone otherwise', () => {
    const store = createAppStore({ scenario: base });
    expect(dispatchChecked(store, { type: 'setInterface', host: 'B', dev: 'eth0', mac: 'zz' }).map((i) => i.code)).toEqual(['notMac']);
    expect(store.getState().scenario).toBe(base);
    expect(store.getState().past).toHaveLength(0);
    expect(dispatchChecked(store, { type: 'setInterface', host: 'B', dev: 'eth0', mac: '02:00:00:00:0b:07' })).toEqual([]);
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
    for (const op of ops) expect(dispatchChecked(store, op)).toEqual([]);
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
