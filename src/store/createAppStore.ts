/**
 * `createAppStore(init)`: one store per app (and per test), provided through context
 * (StoreContext.tsx). The slices are combined here and nowhere else. The scenario model must
 * be loaded first (lazyModel.ts: main.tsx and the tests' setup do it).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { model } from './lazyModel.ts';
import { createPlaybackSlice } from './slices/playback.ts';
import { createScenarioSlice } from './slices/scenario.ts';
import { createSimSlice } from './slices/sim.ts';
import { createUiSlice } from './slices/ui.ts';
import { inProcessSimulator } from './simulator.ts';
import type { AppInit, AppState } from './types.ts';

export type AppStore = StoreApi<AppState>;

export function createAppStore(init: AppInit): AppStore {
  const load = init.load ?? model().loadScenario;
  const simulator = init.simulator ?? (init.engine ? inProcessSimulator(init.engine) : null);
  const store = createStore<AppState>()((...a) => ({
    ...createScenarioSlice(init.scenario, load)(...a),
    ...createSimSlice(simulator, load)(...a),
    ...createPlaybackSlice(init.animate ?? true, init.speed ?? 1)(...a),
    ...createUiSlice(init.lang ?? 'en', init.theme ?? 'light')(...a),
  }));
  store.getState().resimulate();
  return store;
}
