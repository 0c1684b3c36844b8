/**
 * A simulation's result as it streams in (the worker posts it in chunks while it computes:
 * src/view/sim/chunks.ts): the steps completed so far, their trace events and the timeline
 * over them. Appending costs time proportional to the chunk, never to the whole trace, so
 * the page stays free while a long run arrives; `snapshot()` is what the store shows, at most
 * once per animation frame.
 *
 * Every chunk ends at a step boundary: a snapshot is a SimResult of the first steps, the
 * same as the finished one cut after them, so everything that reads a SimResult (playback,
 * neighbour tables at the cursor, the event list, Why) works on it unchanged.
 */
import type { SimResult, StepResult, TraceEvent } from '../engine/index.ts';
import { TimelineBuilder, type Timeline } from './derive/timeline.ts';

/** One piece of a streamed run: the steps it completes and the events since the last piece. */
export interface TraceChunk {
  steps: StepResult[];
  events: TraceEvent[];
}

export class TraceStream {
  private readonly steps: StepResult[] = [];
  private readonly events: TraceEvent[] = [];
  private readonly builder = new TimelineBuilder();
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed;
  }

  append(chunk: TraceChunk): void {
    const { events, steps } = this;
    // push(...chunk) would overflow the stack for a large chunk.
    for (const e of chunk.events) events.push(e);
    for (const s of chunk.steps) steps.push(s);
    this.builder.append(chunk.events, chunk.steps);
  }

  /** Steps completed so far (step 0, the setup, included). */
  get stepCount(): number {
    return this.steps.length;
  }

  /**
   * The result and timeline so far. Each snapshot is a new object (the store's subscribers
   * see a change) over the same growing arrays: appending never copies the trace.
   */
  snapshot(): { sim: SimResult; timeline: Timeline } {
    return { sim: { version: 1, seed: this.seed, steps: this.steps, events: this.events }, timeline: this.builder.timeline() };
  }
}
