/**
 * The browser's Simulator: the engine in a Web Worker (sim.worker.ts). Runs are answered in
 * order by one worker; Cancel terminates it (a synchronous engine loop cannot be interrupted
 * any other way) and the next request starts a fresh one. A streamed run's chunks are
 * acknowledged as they come (the worker waits when the page falls behind), and appended
 * (store/traceStream.ts: time proportional to the chunk) and handed to the store at most once
 * per animation frame, so a fast stream never re-renders the page
 * more often than it paints.
 */
import type { EngineScenario } from '../../engine/index.ts';
import type { HostView } from '../../engine/index.ts';
import { reviveTraceLog } from '../../engine/tables.ts';
import type { SimRunHandlers, Simulator } from '../../store/simulator.ts';
import { TraceStream, type TraceChunk } from '../../store/traceStream.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

type Pending = { kind: 'run'; on: SimRunHandlers; seed: number; stream?: Streaming } | { kind: 'views'; done: (v: Record<string, HostView> | null) => void };

/**
 * A streamed run's result so far, the chunks that arrived since it was last shown, and the
 * animation frame that will append and show them. Appending only when showing keeps what the
 * store holds consistent: its arrays grow only when it gets a new snapshot.
 */
interface Streaming {
  trace: TraceStream;
  arrived: TraceChunk[];
  frame: number | null;
}

/** The result with every chunk that has arrived. */
function catchUp(s: Streaming) {
  for (const c of s.arrived.splice(0)) s.trace.append(c);
  return s.trace.snapshot();
}

/** Drops the animation frame a streamed run had asked for (it ends, or is cancelled). */
function dropFrame(p: Pending | undefined): void {
  const s = p?.kind === 'run' ? p.stream : undefined;
  if (s?.frame != null) cancelAnimationFrame(s.frame);
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
        const s = (p.stream ??= { trace: new TraceStream(p.seed), arrived: [], frame: null });
        s.arrived.push(m.chunk);
        // Taken in: the worker may post the next one (it keeps only a couple unacknowledged).
        if (!m.last) w.postMessage({ type: 'ack', id: m.id } satisfies ToWorker);
        if (!m.last) {
          s.frame ??= requestAnimationFrame(() => {
            s.frame = null;
            if (pending.get(m.id) === p) {
              const { sim, timeline } = catchUp(s);
              p.on.partial?.(sim, timeline);
            }
          });
          return;
        }
        pending.delete(m.id);
        dropFrame(p);
        const { sim, timeline } = catchUp(s);
        p.on.done(sim, timeline);
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
            const { sim, timeline } = catchUp(p.stream);
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
