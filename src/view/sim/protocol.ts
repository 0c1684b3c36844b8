/** Messages between the page and the simulation worker (sim.worker.ts): plain data only. */
import type { HostView, SimProgress } from '../../engine/index.ts';
import type { EngineScenario } from '../../engine/index.ts';
import type { SimResult } from '../../engine/index.ts';
import type { Timeline } from '../../store/derive/timeline.ts';
import type { SimFailure } from '../../store/simulator.ts';
import type { TraceChunk } from '../../store/traceStream.ts';

export type ToWorker =
  | { type: 'run'; id: number; input: EngineScenario }
  /** `key` names the input: the worker keeps stepping one simulation forward for one key. */
  | { type: 'inspect'; id: number; key: number; input: EngineScenario; step: number }
  /** A chunk of run `id` has been taken in: the worker keeps at most MAX_UNTAKEN chunks unacknowledged. */
  | { type: 'ack'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; progress: SimProgress }
  /** A run that finished within its first chunk's time: the whole result at once. */
  | { type: 'done'; id: number; sim: SimResult; timeline: Timeline }
  /**
   * A longer run, streamed: the steps completed since the last chunk and their events;
   * `last` ends the run (the page assembles the result: store/traceStream.ts).
   */
  | { type: 'chunk'; id: number; chunk: TraceChunk; last: boolean }
  /** The run stopped (the work budget, an error); chunks posted before it stand. */
  | { type: 'fail'; id: number; failure: SimFailure }
  | { type: 'views'; id: number; views: Record<string, HostView> | null };
