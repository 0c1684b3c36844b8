/**
 * The console on the app's store: the state at the playback cursor (the step it is in, as
 * the inspector shows it), edits through the store's one checked `dispatch` (so undo, the
 * autosave and "what changed" see a typed command like any other edit), and the cursor moved
 * to the end of the new step once the simulation has arrived.
 */
import type { ConsoleBackend } from '../../commands/session.ts';
import { stateAt, type ConsoleState } from '../../commands/state.ts';
import { issuesText } from '../../ops/check.ts';
import type { ScenarioOp } from '../../ops/op.ts';
import type { AppStore } from '../../store/createAppStore.ts';
import { stepOfCursor } from '../../store/derive/timeline.ts';
import { explainInWorker } from '../explain/runExplain.ts';

/** Resolves once the simulation under way has arrived (null) or failed (its reason). */
function simulated(api: AppStore): Promise<string | null> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: string | null) => {
      if (done) return;
      done = true;
      unsub();
      resolve(v);
    };
    const unsub = api.subscribe((s) => {
      if (s.simStatus === 'idle' && s.simError) finish(typeof s.simError === 'string' ? s.simError : 'the scenario could not run');
    });
    api.getState().afterSim(() => finish(null));
  });
}

export class NoSimulation extends Error {}

export function storeBackend(api: AppStore, host: string): ConsoleBackend {
  let cache: { key: unknown[]; st: ConsoleState } | null = null;
  return {
    state() {
      const s = api.getState();
      if (!s.sim || !s.engineInput) throw new NoSimulation();
      const step = stepOfCursor(s.sim, s.cursor);
      const key = [s.engineInput, s.sim, s.scenario, step];
      if (!cache || cache.key.some((k, i) => k !== key[i])) cache = { key, st: stateAt(s.engineInput, s.scenario, s.sim, host, step) };
      return cache.st;
    },
    async commit(op: ScenarioOp, cursorStep: number, signal?: AbortSignal) {
      const issues = api.getState().dispatch(op, { quiet: true });
      if (issues.length) return issuesText(issues);
      // Ctrl+C during the re-simulation: the app's Cancel (what has run is kept).
      const cancel = () => api.getState().cancelSim();
      signal?.addEventListener('abort', cancel, { once: true });
      const failed = await simulated(api);
      signal?.removeEventListener('abort', cancel);
      if (signal?.aborted) return null;
      if (failed) return failed;
      api.getState().finish(cursorStep);
      return null;
    },
    // In the explain worker: its runs take seconds, which on the page's thread would freeze the terminal.
    explain: (scenario, target, hooks) => explainInWorker(scenario, target, { signal: hooks.signal, onProgress: (p) => hooks.progress?.(`re-simulating ${p.done + 1}/${p.total}: ${p.label}…`) }),
    async revert(cursorStep: number) {
      api.getState().undo();
      await simulated(api);
      api.getState().finish(cursorStep);
    },
  };
}
