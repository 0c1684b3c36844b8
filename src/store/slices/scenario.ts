import type { StateCreator } from 'zustand';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { LoadResult } from '../../scenario/load.ts';
import { formatIssue } from '../../scenario/issues.ts';
import { model } from '../lazyModel.ts';
import { opAffectsSimulation, type ScenarioOp } from '../../ops/op.ts';
import type { AppState, ScenarioLoader, ScenarioSlice } from '../types.ts';

/** Undo depth; scenarios are small, so whole snapshots are cheap. */
export const HISTORY_LIMIT = 200;

/** Is the difference between two scenarios only presentation (layout), i.e. no new simulation? */
function sameForEngine(a: ScenarioV1, b: ScenarioV1): boolean {
  return a.hosts === b.hosts && a.segments === b.segments && a.actions === b.actions && a.seed === b.seed;
}

export const createScenarioSlice =
  (initial: ScenarioV1, load: ScenarioLoader): StateCreator<AppState, [], [], ScenarioSlice> =>
  (set, get) => {
    /**
     * The edits that changed what the engine sees, in order, since the scenario was loaded
     * (undo takes the last one back, redo puts it again): what a lesson author's reference
     * solution is made of (view/lessons/AuthorPanel.tsx).
     */
    let edits: ScenarioOp[] = [];
    let undone: ScenarioOp[] = [];
    /**
     * Replaces the scenario with `next` exactly as the check computed it, recording `prev` in
     * history unless a gesture is in progress; `loaded` is the check's load of `next`, so
     * the simulation does not validate it again.
     */
    const commit = (next: ScenarioV1, loaded: LoadResult | null, dirty: boolean) => {
      const { scenario: prev, past, gestureBase } = get();
      if (next === prev) {
        if (get().opError !== null) set({ opError: null });
        return;
      }
      const history = gestureBase === null ? { past: [...past, prev].slice(-HISTORY_LIMIT), future: [] } : {};
      set({ scenario: next, opError: null, dirty, ...history });
      if (!sameForEngine(prev, next)) get().resimulate({ compare: true, loaded: loaded ?? undefined });
    };
    return {
      scenario: initial,
      past: [],
      future: [],
      gestureBase: null,
      opError: null,
      dirty: false,
      locks: [],
      setLocks(locks) {
        set({ locks });
      },
      dispatch(op: ScenarioOp, opts) {
        const r = model().checkOp(get().scenario, op, load, get().locks);
        if (!r.ok) {
          if (!opts?.quiet) set({ opError: r.issues.map(formatIssue).join('; ') });
          return r.issues;
        }
        const before = get().scenario;
        commit(r.next, r.loaded, op.type !== 'replaceScenario');
        if (get().scenario !== before && opAffectsSimulation(op)) {
          edits = [...edits, op];
          undone = [];
        }
        return [];
      },
      undo() {
        const { past, scenario, future } = get();
        if (past.length === 0) return;
        const prev = past[past.length - 1];
        set({ scenario: prev, past: past.slice(0, -1), future: [scenario, ...future], dirty: true });
        if (!sameForEngine(scenario, prev)) {
          if (edits.length) undone = [edits[edits.length - 1], ...undone];
          edits = edits.slice(0, -1);
          get().resimulate({ compare: true });
        }
      },
      redo() {
        const { past, scenario, future } = get();
        if (future.length === 0) return;
        const next = future[0];
        set({ scenario: next, past: [...past, scenario], future: future.slice(1), dirty: true });
        if (!sameForEngine(scenario, next)) {
          if (undone.length) edits = [...edits, undone[0]];
          undone = undone.slice(1);
          get().resimulate({ compare: true });
        }
      },
      beginGesture() {
        if (get().gestureBase === null) set({ gestureBase: get().scenario });
      },
      endGesture() {
        const { gestureBase, scenario, past } = get();
        if (gestureBase === null) return;
        set(gestureBase === scenario ? { gestureBase: null } : { gestureBase: null, past: [...past, gestureBase].slice(-HISTORY_LIMIT), future: [] });
      },
      edits: () => edits,
      loadScenario(json: unknown) {
        const r = load(json);
        if (!r.ok) return r;
        edits = [];
        undone = [];
        set({ scenario: r.scenario, past: [], future: [], gestureBase: null, opError: null, dirty: false, selection: null, changes: null });
        get().resimulate({ compare: false, loaded: r });
        get().reset();
        return r;
      },
    };
  };
