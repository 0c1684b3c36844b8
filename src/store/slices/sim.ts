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
    // Has the run under way shown its first chunk (a long run streams: simulator.ts, partial)?
    let streaming = false;
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
      set({ engineInput: input, sim, timeline, simPartial: false, simError: null, simStatus: 'idle', simProgress: null, changes, simMs: now() - t0, cursor: 0, vtime: 0, jumpAcc: 0, playing: false, stopAt: null, selection });
      // A run that is not an edit's (start, a load) is the outcome "what changed" can compare with.
      if (!compare) set({ baseSim: sim });
      if (compare && rerunTo !== null) {
        if (get().animate) set({ playing: true, stopAt: rerunTo });
        else get().seek(rerunTo);
      }
    }

    /**
     * The end of a streamed run: its steps have been on screen (and maybe playing) since its
     * first chunk, so the playback position stays where the user has it; only "what changed"
     * waits for the whole outcome.
     */
    function streamFinished(sim: SimResult, timeline: Timeline, compare: boolean, t0: number, prevSim: SimResult | null) {
      const changes = compare && prevSim ? compareOutcomes(prevSim, sim) : null;
      set({ sim, timeline, simPartial: false, simError: null, simStatus: 'idle', simProgress: null, changes, simMs: now() - t0 });
      if (!compare) set({ baseSim: sim });
    }

    return {
      engineInput: null,
      sim: null,
      simPartial: false,
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
          set({ engineInput: null, sim: null, timeline: EMPTY_TIMELINE, simPartial: false, simError: r.issues, simStatus: 'idle', simProgress: null, changes: null, cursor: 0, vtime: 0, playing: false });
          return;
        }
        if (!simulator) {
          set({ engineInput: r.engine, sim: null, timeline: EMPTY_TIMELINE, simPartial: false, simError: null, simStatus: 'idle', simProgress: null, changes: null });
          return;
        }
        const gen = generation;
        const input = r.engine;
        const prev = { sim: get().sim, cursor: get().cursor };
        pendingInput = input;
        let sync = true;
        streaming = false;
        set({ simStatus: 'running', simProgress: null });
        const job = simulator.run(input, {
          progress(p) {
            if (gen === generation && !sync) set({ simProgress: p });
          },
          partial(sim, timeline) {
            if (gen !== generation) return;
            if (streaming) {
              // More steps: the same arrays, grown; the playback position is the user's.
              set({ sim, timeline });
              return;
            }
            // The first steps of the new outcome replace the old one (its frame ids are gone).
            streaming = true;
            set({
              engineInput: input, sim, timeline, simPartial: true, simError: null, changes: null, cursor: 0, vtime: 0, jumpAcc: 0, playing: false, stopAt: null,
              selection: get().selection?.kind === 'frame' ? null : get().selection,
            });
          },
          done(sim, timeline) {
            if (gen !== generation) return;
            running = null;
            if (streaming) streamFinished(sim, timeline, compare, t0, prev.sim);
            else finished(input, sim, timeline, compare, t0, prev);
            flushWaiting(true);
          },
          fail(f) {
            if (gen !== generation) return;
            running = null;
            const simError = f.kind === 'budget' ? f : f.message;
            // A streamed run keeps the steps computed before it stopped (simPartial says so).
            if (streaming) set({ simStatus: 'idle', simProgress: null, simError });
            else {
              set({
                engineInput: input, sim: null, timeline: EMPTY_TIMELINE, simPartial: false, simStatus: 'idle', simProgress: null, changes: null,
                simError, cursor: 0, vtime: 0, playing: false, selection: get().selection?.kind === 'frame' ? null : get().selection,
              });
            }
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
            set({ engineInput: input, sim: null, timeline: EMPTY_TIMELINE, simPartial: false, simError: null, changes: null, cursor: 0, vtime: 0, playing: false, stopAt: null, selection: get().selection?.kind === 'frame' ? null : get().selection });
          }
        }
      },
      cancelSim() {
        if (get().simStatus !== 'running') return;
        stop();
        // The steps a streamed run has shown stay, playable (simPartial: the banner says how many).
        if (streaming) set({ simStatus: 'idle', simProgress: null, simError: { kind: 'cancelled' } });
        else set({ engineInput: pendingInput, sim: null, timeline: EMPTY_TIMELINE, simStatus: 'idle', simProgress: null, simError: { kind: 'cancelled' }, changes: null, cursor: 0, vtime: 0, playing: false });
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
