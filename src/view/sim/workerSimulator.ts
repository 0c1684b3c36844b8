/**
 * The browser's Simulator: the engine in a Web Worker (sim.worker.ts). Runs are answered in
 * order by one worker; Cancel terminates it (a synchronous engine loop cannot be interrupted
 * any other way) and the next request starts a fresh one. A streamed run's chunks are
 * appended (store/traceStream.ts: time proportional to the chunk) in animation frames, for
 * about APPEND_MS a frame, and acknowledged once appended (the worker waits when the page
 * falls behind); the store gets the result at most every SHOW_MS, and only when whole steps
 * were added, so a fast stream never re-renders the page more often than that.
 */
import type { EngineScenario } from '../../engine/index.ts';
import type { HostView } from '../../engine/index.ts';
import { reviveTraceLog } from '../../engine/tables.ts';
import type { SimRunHandlers, Simulator } from '../../store/simulator.ts';
import { TraceStream, type TraceChunk } from '../../store/traceStream.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

type Pending = { kind: 'run'; on: SimRunHandlers; seed: number; stream?: Streaming } | { kind: 'views'; done: (v: Record<string, HostView> | null) => void };

/**
 * A streamed run's result so far, the chunks that arrived and are not appended yet, and the
 * animation frame that will append and show them. Appending only when showing keeps what the
 * store holds consistent: its arrays grow only when it gets a new snapshot.
 */
interface Streaming {
  trace: TraceStream;
  arrived: { chunk: TraceChunk; last: boolean }[];
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
 * Appending chunks in one animation frame stops after this much time (after the first one):
 * what arrives faster waits for the next frame, and the worker with it (a chunk is
 * acknowledged once appended), so a frame's work stays bounded on a slow or loaded machine.
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
 * Appends arrived chunks, acknowledging each (all of them if `all`, else for about
 * APPEND_MS); says whether whole steps were added and whether the last chunk was.
 */
function takeIn(s: Streaming, ack: () => void, all = false): { grew: boolean; ended: boolean } {
  const before = s.trace.stepCount;
  const t0 = performance.now();
  let ended = false;
  while (s.arrived.length && (all || ended === false) && (all || s.trace.stepCount === before || performance.now() - t0 < APPEND_MS)) {
    const { chunk, last } = s.arrived.shift()!;
    s.trace.append(chunk);
    if (last) ended = true;
    else ack();
  }
  return { grew: s.trace.stepCount > before, ended };
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
        const s = (p.stream ??= { trace: new TraceStream(p.seed), arrived: [], frame: null, shown: -Infinity, unshown: false });
        s.arrived.push({ chunk: m.chunk, last: m.last });
        const id = m.id;
        // Appended (and acknowledged: the worker may post the next one) in animation frames.
        const frame = () => {
          s.frame = null;
          if (pending.get(id) !== p) return;
          const { grew, ended } = takeIn(s, () => w.postMessage({ type: 'ack', id } satisfies ToWorker));
          if (ended) {
            pending.delete(id);
            const { sim, timeline } = s.trace.snapshot();
            p.on.done(sim, timeline);
            return;
          }
          // A chunk inside a long step adds nothing to show.
          if (grew) s.unshown = true;
          const t = performance.now();
          if (s.unshown && t - s.shown >= SHOW_MS) {
            s.unshown = false;
            s.shown = t;
            const { sim, timeline } = s.trace.snapshot();
            p.on.partial?.(sim, timeline);
          }
          // Frames go on while chunks wait, or steps wait to be shown.
          if (s.arrived.length || s.unshown) s.frame = nextFrame(frame);
        };
        s.frame ??= nextFrame(frame);
        return;
      }
      pending.delete(m.id);
      if (m.type === 'views') {
        if (p.kind === 'views') p.done(m.views);
      } else if (p.kind === 'run') {
        // The trace arrives as the engine's compact log's data: its reading methods again.
        if (m.type === 'done') p.on.done({ ...m.sim, events: reviveTraceLog(m.sim.events) }, m.timeline);
        else {
          // What arrived before the failure is shown with it (the store keeps it).
          if (p.stream) {
            dropFrame(p);
            takeIn(p.stream, () => {}, true);
            const { sim, timeline } = p.stream.trace.snapshot();
            p.on.partial?.(sim, timeline);
          }
          p.on.fail(m.failure);
        }
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
