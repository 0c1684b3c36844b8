// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import twoNic from '../../examples/twoNic.json';
import type { ScenarioV1 } from '../../scenario/types.ts';
import { createAppStore } from '../../store/createAppStore.ts';
import { attachAutosave, AUTOSAVE_KEY, COPY_PREFIX } from './autosave.ts';
import { createEditorStore } from './editorStore.ts';
import { watchOtherTabs } from './otherTabs.ts';
import { memoryStorage } from './__fixtures__/memoryStorage.ts';

const base = twoNic as ScenarioV1;


const otherSave = JSON.stringify({ app: 'arplab-autosave', format: 1, savedAt: new Date(0).toISOString(), scenario: { ...base, title: 'theirs' } });

function setup(storage: Storage) {
  const app = createAppStore({ scenario: base });
  const ed = createEditorStore();
  const target = new EventTarget();
  const tabs = watchOtherTabs(app, ed, storage, target as unknown as Window, () => 42);
  attachAutosave(app, storage, () => {}, tabs.beforeSave);
  const heard = () => {
    storage.setItem(AUTOSAVE_KEY, otherSave);
    target.dispatchEvent(Object.assign(new Event('storage'), { key: AUTOSAVE_KEY, newValue: otherSave, storageArea: null }));
  };
  return { app, ed, heard };
}

describe('two tabs', () => {
  it('another tab\'s save is announced; saving here first keeps it aside under a copy key', () => {
    const s = memoryStorage();
    const { app, ed, heard } = setup(s);
    heard();
    expect(ed.getState().notices.map((n) => n.key)).toEqual(['storage.otherTab']);
    app.getState().dispatch({ type: 'moveNode', id: 'A', x: 1, y: 1 });
    expect(s.getItem(`${COPY_PREFIX}42`)).toBe(otherSave);
    expect(ed.getState().notices.map((n) => n.key)).toEqual(['storage.otherTabKept']);
    expect(JSON.parse(s.getItem(AUTOSAVE_KEY) as string).scenario.title).toBe(base.title);
  });
  it('load that version replaces this tab\'s scenario (undo brings it back)', () => {
    const { app, ed, heard } = setup(memoryStorage());
    heard();
    ed.getState().notices[0].choices?.find((c) => c.label === 'storage.loadOther')?.run();
    expect(app.getState().scenario.title).toBe('theirs');
    app.getState().undo();
    expect(app.getState().scenario.title).toBe(base.title);
  });
  it('when the copy cannot be written, says so (never silent)', () => {
    const { app, ed, heard } = setup(memoryStorage({ failPrefix: COPY_PREFIX }));
    heard();
    app.getState().dispatch({ type: 'moveNode', id: 'A', x: 1, y: 1 });
    expect(ed.getState().notices.map((n) => n.key)).toEqual(['storage.otherTabLost']);
  });
});
