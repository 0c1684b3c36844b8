import type { StateCreator } from 'zustand';
import type { HostView } from '../../engine/index.ts';
import type { EngineScenario } from '../../engine/index.ts';
import type { SimResult } from '../../engine/index.ts';
import { compareOutcomes } from '../derive/changes.ts';
import { EMPTY_TIMELINE, stepOfCursor, type Timeline } from '../derive/timeline.ts';
import type { Simulator } from '../simulator.ts';
import type { AppState, ScenarioLoader, SimSlice } from '../types.ts';

const now = () => (typeof performance !== 'undefined' ? performance.now() : 0);

/** Same hosts with the same interfaces, in the same order: what the canvas draws from the input. */
function sameTopology(a: EngineScenario, b: EngineScenario): boolean {
  if (a.hosts.length !== b.hosts.length || a.segments.length !== b.segments.length) return false;
  const ifs = (h: EngineScenario['hosts'][number]) => `${h.name}:${h.interfaces.map((i) => i.name).join(',')}`;
  const ports = (sg: EngineScenario['segments'][number]) => `${sg.name}:${sg.ports.map((p) => `${p.host}.${p.dev}`).join(',')}`;
  return a.hosts.every((h, i) => ifs(h) === ifs(b.hosts[i])) && a.segments.every((sg, i) => ports(sg) === ports(b.segments[i]));
}

/**
 * The simulation slice: derived from the scenario by a Simulator (in process or in a Web
 * Worker). Only plain data is kept here (SimResult, Timeline, host views): no engine objects.
 * A new run supersedes the one under way (its late answers are ignored by generation).
 */
export const createSimSlice =
  (simulator: Simulator | null, load: ScenarioLoader): StateCreator<AppState, [], [], SimSlice> =>
  (set, get) => {
    // hostViews cache: one entry per step, for the current engine input.
    let viewsFor: unknown = null;
    const views = new Map<number, Record<string, HostView> | null>();
    let generation = 0;
    let running: { cancel(): void } | null = null;
    let pendingInput: EngineScenario | null = null;
    let waiting: (() => void)[] = [];

    const flushWaiting = (run: boolean) => {
      const fns = waiting;
      waiting = [];
      if (run) for (const f of fns) f();
    };

    const stop = () => {
      running?.cancel();
      running = null;
      generation++;
    };

    function finished(input: EngineScenario, sim: SimResult, timeline: Timeline, compare: boolean, t0: number, prev: { sim: SimResult | null; cursor: number }) {
      const { sim: prevSim, cursor } = prev;
      const changes = compare && prevSim ? compareOutcomes(prevSim, sim) : null;
      // Re-run from the start up to the end of the step that was on screen.
      const wasAt = prevSim && cursor > 0 ? stepOfCursor(prevSim, cursor) : null;
      const rerunTo = wasAt !== null ? (timeline.stepSpans[Math.min(wasAt, timeline.stepSpans.length - 1)]?.[1] ?? null) : null;
      // Frame ids belong to one simulation: a selected frame of the old one no longer exists.
      const selection = get().selection?.kind === 'frame' ? null : get().selection;
      set({ engineInput: input, sim, timeline, simError: null, simStatus: 'idle', simProgress: null, changes, simMs: now() - t0, cursor: 0, vtime: 0, jumpAcc: 0, playing: false, stopAt: null, selection });
      // A run that is not an edit's (start, a load) is the outcome "what changed" can compare with.
      if (!compare) set({ baseSim: sim });
      if (compare && rerunTo !== null) {
        if (get().animate) set({ playing: true, stopAt: rerunTo });
        else get().seek(rerunTo);
      }
    }

    return {
      engineInput: null,
      sim: null,
      timeline: EMPTY_TIMELINE,
      simError: null,
      simStatus: 'idle',
      simProgress: null,
      viewsVersion: 0,
      simMs: 0,
      changes: null,
      baseSim: null,
      resimulate({ compare = false, loaded } = {}) {
        const t0 = now();
        stop();
        const r = loaded ?? load(get().scenario);
        if (!compare) set({ baseSim: null });
        if (!r.ok) {
          set({ engineInput: null, sim: null, timeline: EMPTY_TIMELINE, simError: r.issues, simStatus: 'idle', simProgress: null, changes: null, cursor: 0, vtime: 0, playing: false });
          return;
        }
        if (!simulator) {
          set({ engineInput: r.engine, sim: null, timeline: EMPTY_TIMELINE, simError: null, simStatus: 'idle', simProgress: null, changes: null });
          return;
        }
        const gen = generation;
        const input = r.engine;
        const prev = { sim: get().sim, cursor: get().cursor };
        pendingInput = input;
        let sync = true;
        set({ simStatus: 'running', simProgress: null });
        const job = simulator.run(input, {
          progress(p) {
            if (gen === generation && !sync) set({ simProgress: p });
          },
          done(sim, timeline) {
            if (gen !== generation) return;
            running = null;
            finished(input, sim, timeline, compare, t0, prev);
            flushWaiting(true);
          },
          fail(f) {
            if (gen !== generation) return;
            running = null;
            set({
              engineInput: input, sim: null, timeline: EMPTY_TIMELINE, simStatus: 'idle', simProgress: null, changes: null,
              simError: f.kind === 'budget' ? f : f.message, cursor: 0, vtime: 0, playing: false, selection: get().selection?.kind === 'frame' ? null : get().selection,
            });
            flushWaiting(false);
          },
        });
        sync = false;
        if (get().simStatus === 'running' && gen === generation) {
          running = job;
          // Another topology (a link, a file, hosts added or removed): draw it now, without the
          // old trace, while it simulates. The same topology keeps the old trace on screen
          // until the new one arrives (an edit of a sysctl re-runs in a few ms).
          const was = get().engineInput;
          if (!was || !sameTopology(was, input)) {
            set({ engineInput: input, sim: null, timeline: EMPTY_TIMELINE, simError: null, changes: null, cursor: 0, vtime: 0, playing: false, stopAt: null, selection: get().selection?.kind === 'frame' ? null : get().selection });
          }
        }
      },
      cancelSim() {
        if (get().simStatus !== 'running') return;
        stop();
        set({ engineInput: pendingInput, sim: null, timeline: EMPTY_TIMELINE, simStatus: 'idle', simProgress: null, simError: { kind: 'cancelled' }, changes: null, cursor: 0, vtime: 0, playing: false });
        flushWaiting(false);
      },
      afterSim(fn) {
        if (get().simStatus === 'running') waiting.push(fn);
        else fn();
      },
      dismissChanges() {
        set({ changes: null });
      },
      hostViews(step: number) {
        const input = get().engineInput;
        if (!simulator || !input) return null;
        if (viewsFor !== input) {
          views.clear();
          viewsFor = input;
        }
        if (views.has(step)) return views.get(step) ?? null;
        // Asked once per step and input; an answer for another input is dropped.
        views.set(step, null);
        let sync = true;
        simulator.inspect(input, step, (v) => {
          if (viewsFor !== input) return;
          views.set(step, v);
          if (!sync && v) set((s) => ({ viewsVersion: s.viewsVersion + 1 }));
        });
        sync = false;
        return views.get(step) ?? null;
      },
    };
  };
