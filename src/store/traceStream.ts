/**
 * A simulation's result as it streams in (the worker posts it in chunks while it computes:
 * src/view/sim/chunks.ts): the steps completed so far, their trace events and the timeline
 * over them. Appending costs time proportional to the chunk, never to the whole trace, so
 * the page stays free while a long run arrives; `snapshot()` is what the store shows, at most
 * once per animation frame.
 *
 * A chunk may end inside a long step (its rows are kept, unread), but the trace's length
 * moves only to the end of a whole step: a snapshot is a SimResult of the first steps, the
 * same as the finished one cut after them, so everything that reads a SimResult (playback,
 * neighbour tables at the cursor, the event list, Why) works on it unchanged.
 */
import { ReceivedTraceLog, type TraceLog, writeTraceLogPart, type TraceLogPart } from '../engine/tables.ts';
import type { SimResult, StepResult, TraceEvent, TraceEvents } from '../engine/index.ts';
import { TimelineBuilder, type Timeline } from './derive/timeline.ts';

/**
 * One piece of a streamed run: rows of the engine's compact trace log (typed arrays and the
 * few objects and table entries they need: engine/sim/traceLog.ts) and the steps completed
 * with them. A long step comes in several pieces, the last of which carries it.
 */
export interface TraceChunk {
  steps: StepResult[];
  part: TraceLogPart;
}

/** Events [from, to) of `log` as a TraceEvents (what TimelineBuilder appends). */
function range(log: TraceLog, from: number, to: number): TraceEvents {
  return {
    length: to - from,
    at: (k: number) => (k >= 0 && k < to - from ? log.at(from + k) : undefined),
    slice: (a = 0, b = to - from) => log.slice(from + a, from + Math.min(b, to - from)),
    *[Symbol.iterator]() {
      for (let i = from; i < to; i++) yield log.at(i) as TraceEvent;
    },
  };
}

export class TraceStream {
  private readonly steps: StepResult[] = [];
  /** The trace so far: rows arrive as they are posted, and are readable (its length) up to the last whole step. */
  private readonly events = new ReceivedTraceLog();
  // Its flights read their frames from the trace (which keeps them as text), when asked.
  private readonly builder = new TimelineBuilder(undefined, this.events);
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed;
  }

  append(chunk: TraceChunk): void {
    const { events, steps } = this;
    writeTraceLogPart(events, chunk.part);
    if (!chunk.steps.length) return;
    for (const s of chunk.steps) steps.push(s);
    const from = events.length;
    events.length = chunk.steps[chunk.steps.length - 1].events[1];
    this.builder.append(range(events, from, events.length), chunk.steps);
  }

  /** Steps completed so far (step 0, the setup, included). */
  get stepCount(): number {
    return this.steps.length;
  }

  /**
   * The result and timeline so far. Each snapshot is a new object (the store's subscribers
   * see a change) over the same growing log and arrays: appending never copies the trace.
   */
  snapshot(): { sim: SimResult; timeline: Timeline } {
    return { sim: { version: 1, seed: this.seed, steps: this.steps, events: this.events }, timeline: this.builder.timeline() };
  }
}
