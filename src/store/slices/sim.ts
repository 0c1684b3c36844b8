import type { StateCreator } from 'zustand';
import type { HostView } from '../../engine/index.ts';
import { compareOutcomes } from '../derive/changes.ts';
import { buildTimeline, EMPTY_TIMELINE, stepOfCursor } from '../derive/timeline.ts';
import type { AppState, EngineApi, ScenarioLoader, SimSlice } from '../types.ts';

const now = () => (typeof performance !== 'undefined' ? performance.now() : 0);

export const createSimSlice =
  (engine: EngineApi | null, load: ScenarioLoader): StateCreator<AppState, [], [], SimSlice> =>
  (set, get) => {
    // hostViews cache: one entry per step, for the current engine input.
    let viewsFor: unknown = null;
    const views = new Map<number, Record<string, HostView>>();
    return {
      engineInput: null,
      sim: null,
      timeline: EMPTY_TIMELINE,
      simError: null,
      simMs: 0,
      changes: null,
      baseSim: null,
      resimulate({ compare = false, loaded } = {}) {
        const t0 = now();
        const { sim: prevSim, cursor } = get();
        const r = loaded ?? load(get().scenario);
        if (!compare) set({ baseSim: null });
        if (!r.ok) {
          set({ engineInput: null, sim: null, timeline: EMPTY_TIMELINE, simError: r.issues, changes: null, cursor: 0, vtime: 0, playing: false });
          return;
        }
        if (!engine) {
          set({ engineInput: r.engine, sim: null, timeline: EMPTY_TIMELINE, simError: null, changes: null });
          return;
        }
        let sim;
        try {
          sim = engine.simulate(r.engine);
        } catch (e) {
          set({ engineInput: r.engine, sim: null, timeline: EMPTY_TIMELINE, simError: e instanceof Error ? e.message : String(e), changes: null, cursor: 0, vtime: 0, playing: false });
          return;
        }
        const timeline = buildTimeline(sim);
        const changes = compare && prevSim ? compareOutcomes(prevSim, sim) : null;
        // Re-run from the start up to the end of the step that was on screen.
        const wasAt = prevSim && cursor > 0 ? stepOfCursor(prevSim, cursor) : null;
        const rerunTo = wasAt !== null ? (timeline.stepSpans[Math.min(wasAt, timeline.stepSpans.length - 1)]?.[1] ?? null) : null;
        // Frame ids belong to one simulation: a selected frame of the old one no longer exists.
        const selection = get().selection?.kind === 'frame' ? null : get().selection;
        set({ engineInput: r.engine, sim, timeline, simError: null, changes, simMs: now() - t0, cursor: 0, vtime: 0, jumpAcc: 0, playing: false, stopAt: null, selection });
        // A run that is not an edit's (start, a load) is the outcome "what changed" can compare with.
        if (!compare) set({ baseSim: sim });
        if (compare && rerunTo !== null) {
          if (get().animate) set({ playing: true, stopAt: rerunTo });
          else get().seek(rerunTo);
        }
      },
      dismissChanges() {
        set({ changes: null });
      },
      hostViews(step: number) {
        const input = get().engineInput;
        if (!engine?.inspectHosts || !input) return null;
        if (viewsFor !== input) {
          views.clear();
          viewsFor = input;
        }
        let v = views.get(step);
        if (!v) {
          try {
            v = engine.inspectHosts(input, step);
          } catch {
            return null;
          }
          views.set(step, v);
        }
        return v;
      },
    };
  };
