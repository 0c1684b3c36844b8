/**
 * The browser's Simulator: the engine in a Web Worker (sim.worker.ts). Runs are answered in
 * order by one worker; Cancel terminates it (a synchronous engine loop cannot be interrupted
 * any other way) and the next request starts a fresh one. A streamed run's chunks are taken
 * in and read into the timeline (store/traceStream.ts) in animation frames, for about
 * APPEND_MS a frame — a step of thousands of events over several frames — and a chunk is
 * taken in (and acknowledged: the worker waits when the page falls behind) once the ones
 * before it are read; the store gets the result at most every SHOW_MS, and only when whole
 * steps were added, so a fast stream never re-renders the page more often than that.
 */
import type { EngineScenario } from '../../engine/index.ts';
import type { HostView } from '../../engine/index.ts';
import { reviveTraceLog } from '../../engine/tables.ts';
import type { SimFailure, SimRunHandlers, Simulator } from '../../store/simulator.ts';
import { TraceStream, type TraceChunk } from '../../store/traceStream.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

type Pending = { kind: 'run'; on: SimRunHandlers; seed: number; stream?: Streaming } | { kind: 'views'; done: (v: Record<string, HostView> | null) => void };

/**
 * A streamed run's result so far, the chunks that arrived and are not taken in yet, and the
 * animation frame that will take them in and show them. Taking in only when showing keeps what the
 * store holds consistent: its arrays grow only when it gets a new snapshot.
 */
interface Streaming {
  trace: TraceStream;
  arrived: { chunk: TraceChunk; last: boolean }[];
  /** The last chunk was taken in: the run is complete once the trace is built. */
  lastIn: boolean;
  /** The worker's failure, reported once what arrived before it is built and shown. */
  failure: SimFailure | null;
  /** Cancels the frame asked for. */
  frame: (() => void) | null;
  /** When the store last got a snapshot, and whether steps were appended since. */
  shown: number;
  unshown: boolean;
}

/**
 * The store gets a streamed run's snapshot at most this often (the first one at once): each
 * one re-renders what shows the trace (timeline marks, action list, canvas, event list), which
 * on a loaded machine costs more than appending the chunks did.
 */
const SHOW_MS = 100;

/**
 * Taking chunks in and reading them into the timeline stops after this much time in an
 * animation frame: the rest waits for the next frame, and the worker with it (a chunk is
 * acknowledged once taken in, and taken in once the ones before it are read), so a frame's
 * work stays bounded on a slow or loaded machine.
 */
const APPEND_MS = 12;

/** The next animation frame (a timer while the page is hidden: a run goes on in a background tab). */
function nextFrame(fn: () => void): () => void {
  if (typeof document !== 'undefined' && document.hidden) {
    const t = setTimeout(fn, 16);
    return () => clearTimeout(t);
  }
  const f = requestAnimationFrame(fn);
  return () => cancelAnimationFrame(f);
}

/**
 * Takes arrived chunks in and reads them into the timeline for about APPEND_MS, acknowledging
 * each chunk taken in; says whether whole steps were added (a chunk inside a long step, or a
 * step read in part, adds nothing to show).
 */
function takeIn(s: Streaming, ack: () => void): boolean {
  const t0 = performance.now();
  const stop = () => performance.now() - t0 >= APPEND_MS;
  let grew = false;
  for (;;) {
    if (s.trace.build(stop)) grew = true;
    // Out of time inside a chunk, or nothing more arrived.
    if (!s.trace.built || !s.arrived.length || stop()) break;
    const { chunk, last } = s.arrived.shift()!;
    s.trace.receive(chunk);
    if (last) s.lastIn = true;
    else ack();
  }
  return grew;
}

/** Drops the animation frame a streamed run had asked for (it ends, or is cancelled). */
function dropFrame(p: Pending | undefined): void {
  const s = p?.kind === 'run' ? p.stream : undefined;
  s?.frame?.();
  if (s) s.frame = null;
}

export function workerSimulator(): Simulator {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const keys = new WeakMap<EngineScenario, number>();
  let nextKey = 1;

  const settleAll = (message: string) => {
    for (const p of pending.values()) {
      if (p.kind === 'run') p.on.fail({ kind: 'error', message });
      else p.done(null);
    }
    pending.clear();
  };

  /**
   * Takes a streamed run's chunks in (and acknowledges them: the worker may post the next
   * ones) in animation frames, showing what was added at most every SHOW_MS, until the run is
   * complete or its failure is reported; asks for the next frame if none is asked for yet.
   */
  const streamInFrames = (w: Worker, id: number, p: Pending & { kind: 'run' }, s: Streaming) => {
    const frame = () => {
      s.frame = null;
      if (pending.get(id) !== p) return;
      if (s.lastIn && s.trace.built) {
        pending.delete(id);
        const { sim, timeline } = s.trace.snapshot();
        p.on.done(sim, timeline);
        return;
      }
      if (s.failure && !s.arrived.length && s.trace.built) {
        pending.delete(id);
        const { sim, timeline } = s.trace.snapshot();
        p.on.partial?.(sim, timeline);
        p.on.fail(s.failure);
        return;
      }
      // A frame either shows what was added (the store's subscribers render it: on a loaded
      // machine the larger part of a frame's work) or reads more, never both in one task.
      const t = performance.now();
      if (s.unshown && t - s.shown >= SHOW_MS) {
        s.unshown = false;
        s.shown = t;
        const { sim, timeline } = s.trace.snapshot();
        p.on.partial?.(sim, timeline);
      } else if (takeIn(s, () => w.postMessage({ type: 'ack', id } satisfies ToWorker))) s.unshown = true;
      // Frames go on while chunks wait, rows wait to be read, steps wait to be shown, or the end or a failure to be reported.
      if (s.arrived.length || !s.trace.built || s.unshown || s.lastIn || s.failure) s.frame = nextFrame(frame);
    };
    s.frame ??= nextFrame(frame);
  };

  const start = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<FromWorker>) => {
      const m = ev.data;
      const p = pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') {
        if (p.kind === 'run') p.on.progress(m.progress);
        return;
      }
      if (m.type === 'chunk') {
        if (p.kind !== 'run') return;
        const s = (p.stream ??= { trace: new TraceStream(p.seed), arrived: [], lastIn: false, failure: null, frame: null, shown: -Infinity, unshown: false });
        s.arrived.push({ chunk: m.chunk, last: m.last });
        streamInFrames(w, m.id, p, s);
        return;
      }
      // What arrived before a failure is shown with it (the store keeps it), once read.
      if (m.type === 'fail' && p.kind === 'run' && p.stream) {
        p.stream.failure = m.failure;
        streamInFrames(w, m.id, p, p.stream);
        return;
      }
      pending.delete(m.id);
      if (m.type === 'views') {
        if (p.kind === 'views') p.done(m.views);
      } else if (p.kind === 'run') {
        // The trace arrives as the engine's compact log's data: its reading methods again.
        if (m.type === 'done') p.on.done({ ...m.sim, events: reviveTraceLog(m.sim.events) }, m.timeline);
        else p.on.fail(m.failure);
      }
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      w.terminate();
      if (worker === w) worker = null;
      settleAll(ev.message || 'the simulation worker failed');
    };
    worker = w;
    return w;
  };

  const send = (m: ToWorker, p: Pending) => {
    pending.set(m.id, p);
    start().postMessage(m);
  };

  return {
    run(input, on) {
      const id = nextId++;
      send({ type: 'run', id, input }, { kind: 'run', on, seed: input.seed });
      return {
        cancel() {
          if (!pending.has(id)) return;
          dropFrame(pending.get(id));
          pending.delete(id);
          // Terminate only while this run is what the worker is busy with.
          worker?.terminate();
          worker = null;
          // Inspections queued behind it died with the worker.
          for (const [k, p] of pending) {
            if (p.kind === 'views') p.done(null);
            pending.delete(k);
          }
        },
      };
    },
    inspect(input, step, done) {
      let key = keys.get(input);
      if (key === undefined) keys.set(input, (key = nextKey++));
      send({ type: 'inspect', id: nextId++, key, input, step }, { kind: 'views', done });
    },
  };
}
