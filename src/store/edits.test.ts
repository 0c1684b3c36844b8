/** The store's record of edits (what a lesson author's solution is made of) and its locks. */
import { describe, expect, it } from 'vitest';
import twoNic from '../examples/twoNic.json';
import type { ScenarioOp } from '../ops/op.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import { miniSim } from './__fixtures__/miniTrace.ts';
import { createAppStore } from './createAppStore.ts';

const store = () => createAppStore({ scenario: twoNic as ScenarioV1, engine: { simulate: () => structuredClone(miniSim) } });
const a: ScenarioOp = { type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.all.arp_ignore', value: 1 };
const b: ScenarioOp = { type: 'setSysctl', host: 'A', key: 'net.ipv4.conf.all.arp_announce', value: 2 };

describe('the edit record', () => {
  it('lists the edits that changed what the engine sees, follows undo and redo, and starts again on load', () => {
    const s = store();
    s.getState().dispatch(a);
    s.getState().dispatch({ type: 'moveNode', id: 'A', x: 1, y: 2 });
    s.getState().dispatch(b);
    s.getState().dispatch({ ...a, value: 2 ** 31 }); // refused: beyond an int, which the kernel cannot store
    expect(s.getState().edits()).toEqual([a, b]);
    s.getState().undo();
    expect(s.getState().edits()).toEqual([a]);
    s.getState().redo();
    expect(s.getState().edits()).toEqual([a, b]);
    s.getState().loadScenario(twoNic);
    expect(s.getState().edits()).toEqual([]);
  });
  it('refuses an edit of a locked knob, with the reason in opError', () => {
    const s = store();
    s.getState().setLocks(['arp_ignore']);
    expect(s.getState().dispatch(a)).toMatchObject([{ code: 'locked' }]);
    expect(s.getState().opError).toMatch(/arp_ignore is locked in this lesson/);
    expect(s.getState().edits()).toEqual([]);
    s.getState().setLocks([]);
    expect(s.getState().dispatch(a)).toEqual([]);
  });
});
