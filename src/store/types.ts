/**
 * The app's state, in four slices:
 *  - scenario: the durable, undoable, shareable document (format v1) and its history;
 *  - sim: derived from the scenario (engine input, SimResult, visual timeline); never in history;
 *  - playback: the cursor over the trace, speed, play/pause (only usePlayback drives it in real time);
 *  - ui: selection, filters, language, theme, canvas viewport (ephemeral).
 */
import type { BudgetExceeded, EngineScenario, HostView, SimProgress, SimResult, SimulateOptions } from '../engine/index.ts';
import type { LoadResult, ScenarioIssue } from '../scenario/load.ts';
import type { ScenarioV1 } from '../scenario/types.ts';
import type { OutcomeChange } from './derive/changes.ts';
import type { Timeline } from './derive/timeline.ts';
import type { ScenarioOp } from '../ops/op.ts';
import type { Simulator } from './simulator.ts';

/** The engine functions the store needs; injected so tests and the app choose the implementation. */
export interface EngineApi {
  simulate(s: EngineScenario, opts?: SimulateOptions): SimResult;
  /** Every host as it is after setup and the first `afterStep` actions (plain data). */
  inspectHosts?(s: EngineScenario, afterStep: number): Record<string, HostView>;
}

export interface ScenarioSlice {
  scenario: ScenarioV1;
  past: ScenarioV1[];
  future: ScenarioV1[];
  /** Scenario before the gesture in progress (drag), committed as one history entry at its end. */
  gestureBase: ScenarioV1 | null;
  /** Last refused op (bad reference, invalid value, a new validation problem), for the UI to show. */
  opError: string | null;
  /**
   * Edited since the scenario was last loaded (`loadScenario` or a `replaceScenario` op):
   * any other op, undo or redo sets it. Autosave writes only then, so opening a link never
   * overwrites the saved work before the user edits.
   */
  dirty: boolean;
  /**
   * Settings no edit may change (sysctl knob names, ops/locks.ts): a lesson step's own and
   * those a trainer adds. Empty outside the lessons.
   */
  locks: readonly string[];
  setLocks(locks: readonly string[]): void;
  /**
   * The one way to edit: checks `op` (ops/check.ts: applied once, the result loaded once),
   * commits exactly the checked result and simulates the input that check loaded; an op that
   * changes a locked setting (`locks`) is refused like an invalid one. A refused
   * op changes nothing and returns its problems (also in `opError`, unless `quiet`: the
   * caller shows them itself). An empty list means it was applied.
   */
  dispatch(op: ScenarioOp, opts?: { quiet?: boolean }): ScenarioIssue[];
  undo(): void;
  redo(): void;
  /** The edits that changed what the engine sees since the scenario was loaded, in order (undo and redo keep it in step). */
  edits(): readonly ScenarioOp[];
  beginGesture(): void;
  endGesture(): void;
  /** Validates and loads a scenario (JSON value); on failure nothing changes. */
  loadScenario(json: unknown): LoadResult;
}

/** Why there is no simulation: invalid scenario (issues), an engine error, the work budget, or Cancel. */
export type SimError = ScenarioIssue[] | string | { kind: 'budget'; budget: BudgetExceeded } | { kind: 'cancelled' };

export interface SimSlice {
  /** The input of `sim` (kept with it: while a new run is under way both stay the previous pair). */
  engineInput: EngineScenario | null;
  sim: SimResult | null;
  timeline: Timeline;
  /**
   * `sim` holds only the first steps of its run: while a long run streams in (simStatus
   * 'running'; playback plays and scrubs what has arrived), or after it was cancelled or
   * stopped by the work budget (what was computed before stays playable).
   */
  simPartial: boolean;
  simError: SimError | null;
  /** 'running' while a simulation is under way (in the worker); the page stays usable. */
  simStatus: 'idle' | 'running';
  /** Progress of the running simulation (null before the first report). */
  simProgress: SimProgress | null;
  /** Bumped when host views arrive from the simulator (hostViews() then returns them). */
  viewsVersion: number;
  /** Milliseconds the last simulation took (load + simulate + timeline). */
  simMs: number;
  /** Differences from the previous simulation after an edit, or null. */
  changes: OutcomeChange[] | null;
  /** The outcome of the scenario as loaded (or as the app started), for "what changed since loaded". */
  baseSim: SimResult | null;
  /**
   * Re-derives sim from the scenario; `compare` lists what changed since the previous
   * simulation. `loaded`: the scenario's load result when the caller has just validated it
   * (a checked edit, a load), so it is not loaded again.
   */
  resimulate(opts?: { compare?: boolean; loaded?: LoadResult }): void;
  /**
   * Runs `fn` once the simulation under way has arrived (now if none is running): "add and
   * run", a link's position. Dropped if that run fails or is cancelled.
   */
  afterSim(fn: () => void): void;
  /** Stops the running simulation; the scenario stays as it is (editable), simError says cancelled. */
  cancelSim(): void;
  dismissChanges(): void;
  /**
   * The hosts as they are after step `step` (cached per simulation), or null: without an
   * engine, or while the simulator computes them (viewsVersion changes when they arrive).
   */
  hostViews(step: number): Record<string, HostView> | null;
}

export interface PlaybackSlice {
  /** Visual time in ms at 1× (see derive/timeline.ts). */
  vtime: number;
  /** Number of trace events applied. */
  cursor: number;
  playing: boolean;
  speed: number;
  /** false: reduced motion, jump from event to event. */
  animate: boolean;
  /** Visual time where play stops by itself (end of a step), or null for the end. */
  stopAt: number | null;
  /** Real time accumulated towards the next jump in reduced-motion mode. */
  jumpAcc: number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): void;
  stepBack(): void;
  seek(v: number): void;
  reset(): void;
  setSpeed(speed: number): void;
  setAnimate(animate: boolean): void;
  /** Plays step i of the scenario (action i) from its start to its end. */
  runStep(i: number): void;
  /** Jumps to the end of the trace (or of step i). */
  finish(step?: number): void;
  /** Advances by `dtMs` of real time; called by usePlayback on every animation frame. */
  advance(dtMs: number): void;
}

export type Selection =
  | { kind: 'host'; host: string }
  | { kind: 'iface'; host: string; dev: string }
  | { kind: 'segment'; segment: string }
  | { kind: 'frame'; frameId: number; at?: { host: string; dev: string } }
  | null;

export type Lang = 'en' | 'zh';
export type Theme = 'light' | 'dark';

export interface EventFilter {
  arpOnly: boolean;
  dropsOnly: boolean;
  host: string | null;
}

export interface Viewport {
  x: number;
  y: number;
  k: number;
}

/**
 * A lesson being taken (src/lessons): which one (null: the course list), which step, and
 * whether the trainer's presenter view is on. While it is set, autosave keeps the user's
 * own saved scenario untouched (the lesson's scenarios are not their work).
 */
export interface LessonRef {
  id: string | null;
  step: number;
  trainer: boolean;
  /** Settings a trainer locks on top of the step's own (sysctl knob names; in the class link as `lock=`). */
  locks?: readonly string[];
}

export interface UiSlice {
  selection: Selection;
  lang: Lang;
  theme: Theme;
  filter: EventFilter;
  viewport: Viewport;
  /** Pad ARP frames to 60 bytes in the frame inspector (as a physical NIC would). */
  padFrames: boolean;
  /** Index of the scenario action being edited in the command form, or null for a new one. */
  editingAction: number | null;
  /** Hosts with an open console (tabs, in the order opened) and the one shown. */
  consoles: string[];
  activeConsole: string | null;
  /** Opens (or shows) the console on `host`. */
  openConsole(host: string): void;
  closeConsole(host: string): void;
  lesson: LessonRef | null;
  select(sel: Selection): void;
  setLesson(lesson: LessonRef | null): void;
  setEditingAction(i: number | null): void;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  setFilter(patch: Partial<EventFilter>): void;
  setViewport(v: Viewport): void;
  setPadFrames(pad: boolean): void;
}

export type AppState = ScenarioSlice & SimSlice & PlaybackSlice & UiSlice;

/** Validates a scenario and derives the engine input (default: scenario/load.ts's loadScenario). */
export type ScenarioLoader = (json: unknown) => LoadResult;

export interface AppInit {
  scenario: ScenarioV1;
  /** The engine in this thread (tests); `simulator` takes precedence. */
  engine?: EngineApi | null;
  /** How simulations run (the browser: a Web Worker); default: `engine` in process. */
  simulator?: Simulator | null;
  load?: ScenarioLoader;
  animate?: boolean;
  speed?: number;
  lang?: Lang;
  theme?: Theme;
}
