/**
 * `window.__arplab`: a typed handle for end-to-end tests and benchmarks (tldraw's fixtures
 * pattern). Everything goes through the store's own actions.
 */
import type { LoadResult, ScenarioIssue } from '../scenario/load.ts';
import type { AppStore } from '../store/createAppStore.ts';
import type { ScenarioOp } from '../ops/op.ts';
import type { AppState } from '../store/types.ts';

export interface ArpLabBridge {
  store: AppStore;
  getState(): AppState;
  loadScenario(json: unknown): LoadResult;
  /** The store's checked dispatch: the problems of a refused op, [] when applied. */
  dispatch(op: ScenarioOp): ScenarioIssue[];
  /** Jumps to the end of the trace (or of step i) without animating, once the simulation is there. */
  finish(step?: number): void;
  /** Resolves when no simulation is running (the worker has answered). */
  settled(): Promise<void>;
}

declare global {
  interface Window {
    __arplab?: ArpLabBridge;
  }
}

export function installBridge(store: AppStore): ArpLabBridge {
  const bridge: ArpLabBridge = {
    store,
    getState: () => store.getState(),
    loadScenario: (json) => store.getState().loadScenario(json),
    dispatch: (op) => store.getState().dispatch(op),
    finish: (step) => store.getState().afterSim(() => store.getState().finish(step)),
    settled: () => new Promise((resolve) => {
      if (store.getState().simStatus !== 'running') return resolve();
      const unsub = store.subscribe((s) => {
        if (s.simStatus === 'running') return;
        unsub();
        resolve();
      });
    }),
  };
  window.__arplab = bridge;
  return bridge;
}
