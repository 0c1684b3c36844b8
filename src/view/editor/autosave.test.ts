// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import twoNic from '../../examples/twoNic.json';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { createAppStore } from '../../store/createAppStore.ts';
import { LVS_TRAINER } from '../../scenario/fixtures/lvsTrainer.ts';
import { attachAutosave, AUTOSAVE_KEY, CORRUPT_PREFIX, probeStorage, restoreAutosave, saveScenario } from './autosave.ts';
import { startEditor } from './startup.ts';
import { memoryStorage } from './__fixtures__/memoryStorage.ts';

const base = twoNic as ScenarioV1;


const corruptKeys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i) as string).filter((k) => k.startsWith(CORRUPT_PREFIX));

describe('autosave', () => {
  it('round-trips a saved scenario', () => {
    const s = memoryStorage();
    expect(saveScenario(s, base, 1000)).toBe(true);
    const r = restoreAutosave(s);
    expect(r.notice?.code).toBe('restored');
    expect(r.notice?.savedAt).toBe(new Date(1000).toISOString());
    expect(r.scenario?.hosts).toEqual(base.hosts);
    expect(r.canSave).toBe(true);
  });

  it('nothing stored: no scenario, no notice', () => {
    expect(restoreAutosave(memoryStorage())).toEqual({ scenario: null, notice: null, canSave: true });
  });

  for (const [name, raw, code] of [
    ['not JSON', '{"app":"arplab-autosave", "scen', 'corrupt'],
    ['foreign JSON', '{"theme":"dark"}', 'foreign'],
    ['a bare scenario (not our envelope)', JSON.stringify(base), 'foreign'],
    // (A scenario with a bad part loads without it: see "a save with one bad part" below.)
    ['a scenario without a usable shape', JSON.stringify({ app: 'arplab-autosave', format: 1, scenario: { hosts: ['A'] } }), 'invalid'],
    ['a newer save format', JSON.stringify({ app: 'arplab-autosave', format: 9, scenario: base }), 'newer'],
    ['a newer scenario version', JSON.stringify({ app: 'arplab-autosave', format: 1, scenario: { ...base, version: 7 } }), 'newer'],
  ] as const) {
    it(`sets ${name} aside, never deletes it`, () => {
      const s = memoryStorage();
      s.setItem(AUTOSAVE_KEY, raw);
      const r = restoreAutosave(s, 1234);
      expect(r.scenario).toBeNull();
      expect(r.notice?.code).toBe(code);
      expect(r.notice?.setAside).toBe(`${CORRUPT_PREFIX}1234`);
      expect(s.getItem(`${CORRUPT_PREFIX}1234`)).toBe(raw);
      expect(s.getItem(AUTOSAVE_KEY)).toBeNull();
      expect(r.canSave).toBe(true);
    });
  }

  it('keeps earlier set-aside values (a second key at the same time)', () => {
    const s = memoryStorage();
    s.setItem(AUTOSAVE_KEY, 'x');
    restoreAutosave(s, 5);
    s.setItem(AUTOSAVE_KEY, 'y');
    restoreAutosave(s, 5);
    expect(corruptKeys(s).sort()).toEqual([`${CORRUPT_PREFIX}5`, `${CORRUPT_PREFIX}5-2`]);
  });

  it('when the value cannot be set aside, autosave stays off so it is not overwritten', () => {
    const s = memoryStorage({ failPrefix: CORRUPT_PREFIX });
    s.setItem(AUTOSAVE_KEY, 'garbage');
    const r = restoreAutosave(s);
    expect(r.notice?.code).toBe('setAsideFailed');
    expect(r.canSave).toBe(false);
    expect(s.getItem(AUTOSAVE_KEY)).toBe('garbage');
  });

  it('no storage: says so, never throws', () => {
    expect(restoreAutosave(null).notice?.code).toBe('unavailable');
    const broken = { getItem: () => { throw new Error('denied'); } } as unknown as Storage;
    expect(restoreAutosave(broken).notice?.code).toBe('unavailable');
  });

  it('saves edits only: loading (a link, an example) does not overwrite the saved work until the user edits', () => {
    const s = memoryStorage();
    saveScenario(s, base, 1);
    const before = s.getItem(AUTOSAVE_KEY);
    const store = createAppStore({ scenario: base });
    attachAutosave(store, s);
    const other: ScenarioV1 = { version: 2, hosts: { X: {} } };
    store.getState().dispatch({ type: 'replaceScenario', scenario: other });
    expect(s.getItem(AUTOSAVE_KEY)).toBe(before);
    store.getState().dispatch({ type: 'addHost', name: 'Y', host: {} });
    expect(JSON.parse(s.getItem(AUTOSAVE_KEY) as string).scenario.hosts).toEqual({ X: {}, Y: {} });
    // Undo back to the loaded scenario is an edit too (the saved copy follows it).
    store.getState().undo();
    expect(JSON.parse(s.getItem(AUTOSAVE_KEY) as string).scenario.hosts).toEqual({ X: {} });
  });

  it('a drag is saved once, when it ends', () => {
    const s = memoryStorage();
    let writes = 0;
    const counting: Storage = { ...s, get length() { return s.length; }, setItem: (k, v) => { writes++; s.setItem(k, v); } };
    const store = createAppStore({ scenario: base });
    attachAutosave(store, counting);
    store.getState().beginGesture();
    for (let i = 0; i < 20; i++) store.getState().dispatch({ type: 'moveNode', id: 'A', x: i, y: i });
    expect(writes).toBe(0);
    store.getState().endGesture();
    expect(writes).toBe(1);
    expect(JSON.parse(s.getItem(AUTOSAVE_KEY) as string).scenario.layout.A).toEqual({ x: 19, y: 19 });
  });

  it('reports once when the browser refuses to save', () => {
    let failed = 0;
    const store = createAppStore({ scenario: base });
    attachAutosave(store, memoryStorage({ full: true }), () => failed++);
    store.getState().dispatch({ type: 'moveNode', id: 'A', x: 1, y: 1 });
    store.getState().dispatch({ type: 'moveNode', id: 'A', x: 2, y: 1 });
    expect(failed).toBe(1);
  });

  it('a save with one bad part (the issue\'s -I eth1 case): the rest is restored, the part listed, the original kept aside', () => {
    const s = memoryStorage();
    const raw = JSON.stringify({ app: 'arplab-autosave', format: 1, savedAt: new Date(5).toISOString(), scenario: LVS_TRAINER });
    s.setItem(AUTOSAVE_KEY, raw);
    const r = restoreAutosave(s, 77);
    expect(Object.keys(r.scenario?.hosts ?? {})).toEqual(['C1', 'R1', 'D', 'RS1', 'RS2']);
    expect(r.scenario?.actions).toHaveLength(2);
    expect(r.notice).toMatchObject({ code: 'partial', setAside: `${CORRUPT_PREFIX}77`, leftOut: [{ path: 'actions[1]', reason: { path: 'actions[1].iface', code: 'pingIface' } }] });
    expect(r.notice?.leftOut?.[0].reason.message).toMatch(/^"eth1" is neither an interface of host C1/);
    expect(s.getItem(`${CORRUPT_PREFIX}77`)).toBe(raw);
    expect(r.canSave).toBe(true);
    // What was restored is the save now: the next visit restores it without a notice of loss.
    expect(restoreAutosave(s).notice?.code).toBe('restored');
    s.setItem(AUTOSAVE_KEY, raw);
    const ed = startEditor({ storage: s, full: false });
    const [n] = ed.store.getState().notices;
    expect(n).toMatchObject({ tone: 'error', key: 'storage.partial', sticky: true, leftOut: [{ path: 'actions[1]' }] });
    expect(n.setAside).toMatch(/^arplab\.scenario\.corrupt\./);
  });

  it('storage full: the saved work is restored and the notice says storage is full; no second notice when a save fails', () => {
    const backing = memoryStorage();
    saveScenario(backing, base, 1000);
    const full: Storage = { ...backing, get length() { return backing.length; }, getItem: backing.getItem, key: backing.key, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    const opened = probeStorage(() => full);
    expect(opened).toEqual({ storage: full, full: true });
    const ed = startEditor(opened);
    expect(ed.scenario?.hosts).toEqual(base.hosts);
    expect(ed.store.getState().notices.map((n) => n.key)).toEqual(['storage.fullRestored']);
    const app = createAppStore({ scenario: ed.scenario! });
    ed.attach(app);
    app.getState().dispatch({ type: 'moveNode', id: 'A', x: 1, y: 1 });
    expect(ed.store.getState().notices.map((n) => n.key)).toEqual(['storage.fullRestored']);
    // Nothing saved and full: says so too. Storage that cannot even be read: none.
    expect(startEditor(probeStorage(() => ({ ...full, getItem: () => null }))).store.getState().notices.map((n) => n.key)).toEqual(['storage.full']);
    expect(probeStorage(() => { throw new DOMException('denied', 'SecurityError'); })).toEqual({ storage: null, full: false });
  });

  it('startEditor: restored work is the start scenario; a poisoned value becomes a sticky notice naming its key', () => {
    const s = memoryStorage();
    saveScenario(s, base);
    expect(startEditor({ storage: s, full: false }).scenario?.hosts).toEqual(base.hosts);
    s.setItem(AUTOSAVE_KEY, 'poison');
    const ed = startEditor({ storage: s, full: false });
    expect(ed.scenario).toBeNull();
    const [n] = ed.store.getState().notices;
    expect(n).toMatchObject({ tone: 'error', key: 'storage.corrupt', sticky: true });
    expect(n.params?.key).toMatch(/^arplab\.scenario\.corrupt\./);
    expect(s.getItem(n.params?.key as string)).toBe('poison');
  });
});
