/**
 * What a command line reads: one host's world at the playback cursor. Queries read the
 * hosts as they are at the end of the cursor's step (the engine's own views: devices and
 * addresses in kernel order, routes, every knob, neighbour tables with their timers), the
 * trace up to there (tcpdump, interface counters, ping/arping output), and the engine's
 * routing decision (`ip route get`).
 */
import type { ExplainTarget } from './explain.ts';
import {
  hostViewsOf, routeGet, Simulation, type EngineScenario, type HostView, type RouteGetAnswer, type RouteGetQuery, type SimResult,
} from '../engine/index.ts';
import type { ActionV1, ScenarioV1 } from '../scenario/types.ts';

export interface ConsoleState {
  /** The host whose terminal this is. */
  host: string;
  /** Steps done at the cursor (0 = after setup): a change is inserted as action `step`. */
  step: number;
  scenario: ScenarioV1;
  /** The simulation (with its trace) the cursor is on. */
  sim: SimResult;
  /** Every host after step `step`. */
  views: Record<string, HostView>;
  routeGet(q: RouteGetQuery): RouteGetAnswer;
}

export type Change =
  /** Actions typed at the cursor (or applied to the setup when the console says so). */
  { actions: ActionV1[]; kind: 'tool' | 'config' };

/** One command's result: what it printed (stdout and stderr, in order), its exit status, its change. */
export interface CommandResult {
  out: string[];
  rc: number;
  change?: Change;
  /** Clear the screen (Ctrl+L, `clear`). */
  clear?: boolean;
  /**
   * A re-simulation to run before anything is printed (`explain`): the session hands it to
   * the backend — a worker in the page, so that the terminal stays responsive and Ctrl+C
   * stops it — and prints the explanation.
   */
  explain?: ExplainTarget;
}

export const ok = (out: string[] = []): CommandResult => ({ out, rc: 0 });
export const err = (rc: number, ...out: string[]): CommandResult => ({ out, rc });

/**
 * A state built by stepping a trace-less simulation of `input` to `step` (the same views the
 * inspector's worker computes). `sim` is the traced result the scenario's playback shows.
 */
export function stateAt(input: EngineScenario, scenario: ScenarioV1, sim: SimResult, host: string, step: number): ConsoleState {
  const s = new Simulation(input, { trace: false });
  for (let i = 0; i < step && s.step(); i++);
  const views = hostViewsOf(s);
  return { host, step, scenario, sim, views, routeGet: (q) => routeGet(s, host, q) };
}

export const viewOf = (st: ConsoleState): HostView => st.views[st.host];
