/**
 * A simulation cut into chunks as it runs (the worker posts each one as soon as it is made,
 * so that playback starts before a long run ends). A chunk holds rows of the engine's compact
 * trace log — typed arrays, transferred, plus the few objects and table entries they need
 * (engine/sim/traceLog.ts: TraceLogPart) — and the steps completed with them. A chunk is
 * closed once `chunkMs` of work has passed or `maxEvents` rows have gathered, whichever comes
 * first; a step longer than `maxEvents` (one `ping -c 1000 -i 0` is 6,005 events) is cut
 * into several chunks, the last of which carries the step — small messages, each cheap to
 * take in on the page, never one giant one. The page shows only whole steps
 * (src/store/traceStream.ts).
 *
 * Lives with the worker: it imports the engine, which stays out of the page's first load.
 */
import { newPartCursor, Simulation, traceLogPart, type EngineScenario, type SimProgress, type SimResult, type StepResult, type WorkBudget } from '../../engine/index.ts';
import type { TraceChunk } from '../../store/traceStream.ts';

export interface ChunkOptions {
  /** Close a chunk after this much work (ms of `now()`). */
  chunkMs: number;
  /** …or once it holds this many events (a longer step is cut into chunks of this many). */
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
  const sent = newPartCursor();
  let sentSteps = 0;
  let sentEvents = 0;
  let opened = opts.now();
  /** Rows up to `end` (at most maxEvents of them), with the steps that end within them. */
  const take = (end: number, last: boolean): TraceChunk & { last: boolean } => {
    const to = Math.min(end, sentEvents + opts.maxEvents);
    const steps: StepResult[] = [];
    while (sentSteps < sim.steps.length && sim.steps[sentSteps].events[1] <= to) steps.push(sim.steps[sentSteps++]);
    const part = traceLogPart(sim.result().events, sentEvents, to, sent);
    sentEvents = to;
    return { steps, part, last };
  };
  while (sim.step()) {
    const end = sim.steps[sim.steps.length - 1].events[1];
    while (end - sentEvents >= opts.maxEvents) {
      yield take(end, false);
      opened = opts.now();
    }
    if (end > sentEvents && opts.now() - opened >= opts.chunkMs) {
      yield take(end, false);
      opened = opts.now();
    }
  }
  const end = sim.steps[sim.steps.length - 1].events[1];
  // Whatever is left in chunks of at most maxEvents; the last one closes the run.
  while (end - sentEvents > opts.maxEvents) yield take(end, false);
  yield { ...take(end, true), result: sim.result() };
}
