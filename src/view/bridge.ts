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
  /** Jumps to the end of the trace (or of step i) without animating. */
  finish(step?: number): void;
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
    finish: (step) => store.getState().finish(step),
  };
  window.__arplab = bridge;
  return bridge;
}
