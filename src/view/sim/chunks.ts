/**
 * A simulation cut into chunks as it runs (the worker posts each one as soon as it is made,
 * so that playback starts before a long run ends). A chunk holds the steps completed since
 * the last one and their trace events: always whole steps, so the page's partial result is
 * the finished result cut after a step (src/store/traceStream.ts). A chunk is closed once
 * `chunkMs` of work has passed or `maxEvents` events have gathered, whichever comes first —
 * small messages, each a short structured clone on the page, never one giant one at the end.
 *
 * Only the engine's exported Simulation API is used (step(), steps, result().events), so the
 * engine's internal trace storage may change freely. Lives with the worker: it imports the
 * engine, which stays out of the page's first load.
 */
import { Simulation, type EngineScenario, type SimProgress, type SimResult, type StepResult, type WorkBudget } from '../../engine/index.ts';
import type { TraceChunk } from '../../store/traceStream.ts';

export interface ChunkOptions {
  /** Close a chunk after this much work (ms of `now()`). */
  chunkMs: number;
  /** …or once it holds this many events. */
  maxEvents: number;
  now: () => number;
  progress?: (p: SimProgress) => void;
  /** The engine's work limits (default: its DEFAULT_BUDGET). */
  budget?: WorkBudget;
}

/**
 * Runs `input` to the end, yielding chunks; the last chunk (possibly empty) is yielded
 * when the run has finished, with `last: true` and the whole result (its events the engine's
 * compact log: what a run that needs no streaming posts). A BudgetError (or any engine error) is
 * thrown from the generator after the chunks completed before it.
 */
export function* simulateInChunks(input: EngineScenario, opts: ChunkOptions): Generator<TraceChunk & { last: boolean; result?: SimResult }> {
  const sim = new Simulation(input, { progress: opts.progress, budget: opts.budget });
  let sentSteps = 0;
  let sentEvents = 0;
  let opened = opts.now();
  const take = (last: boolean): TraceChunk & { last: boolean } => {
    const steps: StepResult[] = sim.steps.slice(sentSteps);
    const end = steps.length ? steps[steps.length - 1].events[1] : sentEvents;
    const events = sim.result().events.slice(sentEvents, end);
    sentSteps += steps.length;
    sentEvents = end;
    return { steps, events, last };
  };
  while (sim.step()) {
    const gathered = sim.steps[sim.steps.length - 1].events[1] - sentEvents;
    if (gathered >= opts.maxEvents || opts.now() - opened >= opts.chunkMs) {
      yield take(false);
      opened = opts.now();
    }
  }
  yield { ...take(true), result: sim.result() };
}
