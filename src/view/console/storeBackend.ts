/**
 * The console on the app's store: the state at the playback cursor (the step it is in, as
 * the inspector shows it), edits through the store's one checked `dispatch` (so undo, the
 * autosave and "what changed" see a typed command like any other edit), and the cursor moved
 * to the end of the new step once the simulation has arrived.
 */
import { ExplainError, type ExplainTarget, type Explanation } from '../../commands/explain.ts';
import { Interrupted, type ConsoleBackend, type RunHooks } from '../../commands/session.ts';
import { stateAt, type ConsoleState } from '../../commands/state.ts';
import { issuesText } from '../../ops/check.ts';
import type { ScenarioOp } from '../../ops/op.ts';
import type { AppStore } from '../../store/createAppStore.ts';
import { stepOfCursor } from '../../store/derive/timeline.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { ExplainReply, ExplainRequest } from '../explain/protocol.ts';

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

/**
 * `explain` in the inspector's worker (explain/explain.worker.ts): its re-simulations can
 * take seconds, which on the page's thread would freeze the terminal and the page; Ctrl+C
 * terminates the worker, whatever run it is in.
 */
function explainInWorker(scenario: ScenarioV1, target: ExplainTarget, hooks: RunHooks): Promise<Explanation> {
  return new Promise((resolve, reject) => {
    if (hooks.signal?.aborted) {
      reject(new Interrupted());
      return;
    }
    const w = new Worker(new URL('../explain/explain.worker.ts', import.meta.url), { type: 'module' });
    const end = () => {
      w.terminate();
      hooks.signal?.removeEventListener('abort', stop);
    };
    const stop = () => {
      end();
      reject(new Interrupted());
    };
    hooks.signal?.addEventListener('abort', stop, { once: true });
    w.onmessage = (ev: MessageEvent<ExplainReply>) => {
      const m = ev.data;
      if (m.kind === 'progress') {
        hooks.progress?.(`re-simulating ${m.done + 1}/${m.total}: ${m.label}…`);
        return;
      }
      end();
      if (m.kind === 'done') resolve(m.result);
      else reject(new ExplainError(`explain: ${m.message}`));
    };
    w.onerror = (e) => {
      end();
      reject(new Error(`explain: ${e.message || 'the worker failed'}`));
    };
    const req: ExplainRequest = { scenario, target };
    w.postMessage(req);
  });
}

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
    explain: explainInWorker,
    async revert(cursorStep: number) {
      api.getState().undo();
      await simulated(api);
      api.getState().finish(cursorStep);
    },
  };
}
