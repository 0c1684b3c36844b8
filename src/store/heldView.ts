/**
 * A view of the app store that React draws from, whose updates can be held. Opening a
 * scenario (a link, a file, the Gallery) holds the view the app is drawn from, puts the new
 * scenario into the store, then hands React a fresh view inside a transition: the app is
 * redrawn around the new scenario in slices that leave the page free, as the page's own link
 * is drawn (ShareRoot), while the screen keeps showing the scenario it had until the new
 * drawing is ready. Without it, the store's update re-renders every subscriber at once — a
 * store read with useSyncExternalStore cannot be rendered in a transition — and for the
 * 1,001-host data centre that was one task of 150–250 ms.
 *
 * Only what React renders is held: actions, `setState` and the store's other users act on
 * the store itself (`useAppStoreApi` still returns it), so nothing done meanwhile is lost.
 */
import type { AppStore } from './createAppStore.ts';
import type { AppState } from './types.ts';

export interface HeldView {
  /** The store as React should draw it: the store itself, or its state when it was held. */
  readonly store: AppStore;
  /** Stops passing on updates; the view keeps the state it has now. */
  hold(): void;
  /** Passes on updates again, starting with what changed while it was held. */
  release(): void;
}

/**
 * A view of `api`; `held` starts it held: a view handed to a transition is, so that React
 * renders it from one state from start to end. (Rendered in slices, a store that changed
 * meanwhile — the simulation's progress — makes React render the whole app again at once,
 * which is the long task this avoids.) Release it once the transition is committed.
 */
export function heldView(api: AppStore, held = false): HeldView {
  let kept: AppState | null = held ? api.getState() : null;
  const listeners = new Set<(s: AppState, prev: AppState) => void>();
  const store: AppStore = {
    ...api,
    getState: () => kept ?? api.getState(),
    subscribe(listener) {
      listeners.add(listener);
      const off = api.subscribe((s, prev) => {
        if (kept === null) listener(s, prev);
      });
      return () => {
        listeners.delete(listener);
        off();
      };
    },
  };
  return {
    store,
    hold() {
      kept ??= api.getState();
    },
    release() {
      if (kept === null) return;
      const was = kept;
      kept = null;
      const now = api.getState();
      if (now !== was) for (const l of [...listeners]) l(now, was);
    },
  };
}
