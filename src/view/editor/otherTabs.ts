/**
 * Two tabs of ARP Lab save to the same localStorage key: without this, the tab that saves
 * last silently overwrites the other's edits. The browser tells every other tab of the same
 * origin when a value changes (the `storage` event, never the tab that wrote it), so when
 * another tab saves, this tab says so and offers:
 *  - "Load that version": the other tab's scenario replaces this one (one undo step away);
 *  - "Keep both": the other tab's save is kept under `arplab.scenario.copy.<time>` (with a
 *    Download button), and this tab's scenario becomes the save.
 * If this tab saves before the user chose, the other tab's save is kept aside first — never
 * overwritten unseen — and the notice says where.
 */
import type { AppStore } from '../../store/createAppStore.ts';
import { AUTOSAVE_KEY, copyAside, COPY_PREFIX, saveScenario, scenarioOfSave } from './autosave.ts';
import { dismissNotice, notify, type EditorStore } from './editorStore.ts';

export interface OtherTabs {
  /** Call before this tab writes its save: keeps an unanswered other tab's save aside. */
  beforeSave(): void;
  detach(): void;
}

export function watchOtherTabs(app: AppStore, ed: EditorStore, storage: Storage, target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window, now: () => number = Date.now): OtherTabs {
  /** The other tab's save not yet answered, and its notice. */
  let pending: { raw: string; notice: number } | null = null;

  const keepAside = (raw: string): string | null => copyAside(storage, raw, now(), COPY_PREFIX);

  const kept = (key: string | null) => {
    if (key) notify(ed, { tone: 'info', key: 'storage.otherTabKept', params: { key }, setAside: key, sticky: true });
    else notify(ed, { tone: 'error', key: 'storage.otherTabLost', sticky: true });
  };

  const onStorage = (e: StorageEvent) => {
    if (e.key !== AUTOSAVE_KEY || e.newValue === null || (e.storageArea !== null && e.storageArea !== storage)) return;
    const raw = e.newValue;
    const theirs = scenarioOfSave(raw);
    if (pending) dismissNotice(ed, pending.notice);
    const time = theirs?.savedAt ? new Date(theirs.savedAt).toLocaleTimeString() : '';
    const notice = notify(ed, {
      tone: 'error',
      key: 'storage.otherTab',
      params: { time },
      sticky: true,
      choices: [
        ...(theirs
          ? [{
              label: 'storage.loadOther',
              run: () => {
                pending = null;
                // Undo brings this tab's version back.
                app.getState().dispatch({ type: 'replaceScenario', scenario: theirs.scenario });
              },
            }]
          : []),
        {
          label: 'storage.keepBoth',
          run: () => {
            pending = null;
            kept(keepAside(raw));
            saveScenario(storage, app.getState().scenario, now());
          },
        },
      ],
    });
    pending = { raw, notice };
  };

  target.addEventListener('storage', onStorage as EventListener);
  return {
    beforeSave() {
      if (!pending) return;
      const { raw, notice } = pending;
      pending = null;
      dismissNotice(ed, notice);
      kept(keepAside(raw));
    },
    detach() {
      target.removeEventListener('storage', onStorage as EventListener);
    },
  };
}
