/**
 * How the store gets a simulation: through a Simulator, which may run the engine in this
 * thread (tests, the CLI) or in a Web Worker (the browser: src/view/sim/). Results come back
 * as plain data — the SimResult and its Timeline, or a failure — through callbacks; an
 * in-process simulator calls them before `run` returns, so a store built on one is as
 * synchronous as before, while the worker calls them later and the page never blocks.
 */
import type { HostView } from '../engine/index.ts';
import { BudgetError, type BudgetExceeded, type SimProgress } from '../engine/tables.ts';
import type { EngineScenario } from '../engine/index.ts';
import type { SimResult } from '../engine/index.ts';
import { buildTimeline, type Timeline } from './derive/timeline.ts';
import type { EngineApi } from './types.ts';

export type SimFailure = { kind: 'budget'; budget: BudgetExceeded } | { kind: 'error'; message: string };

export type SimOutcome = { ok: true; sim: SimResult; timeline: Timeline } | { ok: false; failure: SimFailure };

export interface SimRunHandlers {
  progress(p: SimProgress): void;
  /**
   * A long run streams: the result so far (its first steps, whole) and its timeline, as it
   * grows, at most once per animation frame. Each call passes new objects over the same
   * growing arrays (store/traceStream.ts); done (or fail) follows.
   */
  partial?(sim: SimResult, timeline: Timeline): void;
  done(sim: SimResult, timeline: Timeline): void;
  fail(f: SimFailure): void;
}

export interface Simulator {
  /** Simulates `input`; exactly one of done/fail is called, unless cancelled first. */
  run(input: EngineScenario, on: SimRunHandlers): { cancel(): void };
  /** Every host after setup and the first `step` actions, or null (budget, error, cancelled). */
  inspect(input: EngineScenario, step: number, done: (views: Record<string, HostView> | null) => void): void;
}

/** Runs a simulation to plain data: the result and its timeline, or the failure. */
export function simulateToData(simulate: EngineApi['simulate'], input: EngineScenario, progress?: (p: SimProgress) => void): SimOutcome {
  try {
    const sim = progress ? simulate(input, { progress }) : simulate(input);
    return { ok: true, sim, timeline: buildTimeline(sim) };
  } catch (e) {
    return { ok: false, failure: failureOf(e) };
  }
}

/** What stopped a run, as plain data: the work budget's limit, or an error's message. */
export function failureOf(e: unknown): SimFailure {
  if (e instanceof BudgetError) return { kind: 'budget', budget: e.budget };
  return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
}

/** The engine in this thread: callbacks run before `run`/`inspect` return. */
export function inProcessSimulator(engine: EngineApi): Simulator {
  return {
    run(input, on) {
      // No progress: the caller cannot draw before this returns anyway.
      const r = simulateToData(engine.simulate, input);
      if (r.ok) on.done(r.sim, r.timeline);
      else on.fail(r.failure);
      return { cancel() {} };
    },
    inspect(input, step, done) {
      if (!engine.inspectHosts) return done(null);
      let v: Record<string, HostView> | null = null;
      try {
        v = engine.inspectHosts(input, step);
      } catch {
        v = null;
      }
      done(v);
    },
  };
}
