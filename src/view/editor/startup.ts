/**
 * Editor start-up, called by main.tsx before the app store exists: restores the autosaved
 * scenario (or sets an unreadable one aside, with a notice), then, once the store exists,
 * keeps the multi-selection in step and saves after every edit.
 */
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { AppStore } from '../../store/createAppStore.ts';
import { attachAutosave, probeStorage, restoreAutosave, type StorageNotice } from './autosave.ts';
import { createEditorStore, notify, type EditorStore } from './editorStore.ts';
import { watchOtherTabs } from './otherTabs.ts';
import { syncSelection } from './selection.ts';

export interface EditorStart {
  /** The scenario to start with (autosaved work), or null for the default. */
  scenario: ScenarioV1 | null;
  store: EditorStore;
  attach(app: AppStore): void;
}

export function noticeOf(n: StorageNotice) {
  const params: Record<string, string> = {};
  if (n.setAside) params.key = n.setAside;
  if (n.detail) params.detail = n.detail;
  if (n.savedAt) params.time = new Date(n.savedAt).toLocaleString();
  return {
    tone: n.code === 'restored' ? ('info' as const) : ('error' as const),
    key: `storage.${n.code}`,
    params,
    ...(n.setAside ? { setAside: n.setAside } : {}),
    ...(n.leftOut ? { leftOut: n.leftOut } : {}),
    sticky: n.code !== 'restored',
  };
}

/** The page's localStorage, and whether it is full. */
const pageStorage = () => probeStorage(() => window.localStorage);

export function startEditor(opened: { storage: Storage | null; full: boolean } = pageStorage()): EditorStart {
  const { storage, full } = opened;
  const r = restoreAutosave(storage);
  const store = createEditorStore({ restored: r.scenario });
  // Full: what was saved is restored, but new edits cannot be saved until space is freed.
  if (full && (!r.notice || r.notice.code === 'restored')) notify(store, noticeOf({ ...r.notice, code: r.notice ? 'fullRestored' : 'full' }));
  else if (r.notice) notify(store, noticeOf(r.notice));
  if (full && r.notice && r.notice.code !== 'restored') notify(store, noticeOf({ code: 'full' }));
  return {
    scenario: r.scenario,
    store,
    attach(app) {
      syncSelection(app, store);
      if (storage && r.canSave) {
        const tabs = watchOtherTabs(app, store, storage);
        attachAutosave(app, storage, () => {
          if (!full) notify(store, noticeOf({ code: 'saveFailed' }));
        }, tabs.beforeSave);
      }
    },
  };
}
