/**
 * A simulation's result as it streams in (the worker posts it in chunks while it computes:
 * src/view/sim/chunks.ts): the steps completed so far, their trace events and the timeline
 * over them. Taking a chunk in costs time proportional to the chunk, never to the whole
 * trace, and the timeline reads the rows received in slices, within a time budget, so the
 * page stays free while a long run arrives, even when one step is thousands of events;
 * `snapshot()` is what the store shows, at most once per animation frame.
 *
 * A chunk may end inside a long step, and reading may stop anywhere (the rows are kept, read
 * ahead or not), but the trace's length moves only to the end of a whole step read: a snapshot is a SimResult of the first steps, the
 * same as the finished one cut after them, so everything that reads a SimResult (playback,
 * neighbour tables at the cursor, the event list, Why) works on it unchanged.
 */
import { ReceivedTraceLog, writeTraceLogPart, type TraceLogPart } from '../engine/tables.ts';
import type { SimResult, StepResult } from '../engine/index.ts';
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

export class TraceStream {
  /** The steps shown (the snapshot's). */
  private readonly steps: StepResult[] = [];
  /** Steps received whose events the timeline has not all read yet. */
  private readonly waiting: StepResult[] = [];
  /** The trace so far: rows arrive as they are posted, and are readable (its length) up to the last step shown. */
  private readonly events = new ReceivedTraceLog();
  // Its flights read their frames from the trace (which keeps them as text), when asked.
  private readonly builder = new TimelineBuilder(undefined, this.events);
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed;
  }

  /** Takes a chunk in and builds the timeline over it, whatever that costs (see receive and build). */
  append(chunk: TraceChunk): void {
    this.receive(chunk);
    this.build();
  }

  /**
   * Takes a chunk's rows and steps in: cheap (typed arrays copied into place); nothing shows
   * until `build` has read the rows.
   */
  receive(chunk: TraceChunk): void {
    writeTraceLogPart(this.events, chunk.part);
    for (const s of chunk.steps) this.waiting.push(s);
  }

  /**
   * Reads the rows received into the timeline — all of them, or until `stop()` says so
   * (asked every few dozen rows: a long step is read over several animation frames) — and
   * shows the steps whose events have all been read. Says whether steps were shown.
   */
  build(stop?: () => boolean): boolean {
    const { events, waiting } = this;
    const read = this.builder.read((i) => events.receivedAt(i)!, events.received, stop);
    let n = 0;
    while (n < waiting.length && waiting[n].events[1] <= read) n++;
    if (n === 0) return false;
    const shown = waiting.splice(0, n);
    for (const s of shown) this.steps.push(s);
    events.length = shown[n - 1].events[1];
    this.builder.show(shown);
    return true;
  }

  /** Whether every row received has been read into the timeline (its steps shown). */
  get built(): boolean {
    return this.builder.readCount === this.events.received;
  }

  /**
   * The result and timeline so far. Each snapshot is a new object (the store's subscribers
   * see a change) over the same growing log and arrays: appending never copies the trace.
   */
  snapshot(): { sim: SimResult; timeline: Timeline } {
    return { sim: { version: 1, seed: this.seed, steps: this.steps, events: this.events }, timeline: this.builder.timeline() };
  }
}
