/**
 * The simulation worker: runs the engine off the page's thread, so that no scenario —
 * however heavy, opened from a link or an embed — blocks the page. It posts progress (at
 * most every PROGRESS_MS). A run that ends within its first CHUNK_MS is posted whole, with
 * its timeline; a longer one streams: its completed steps and their events, as the compact
 * trace log's columns, in chunks (chunks.ts), each posted as soon as it is made, so the page plays the start of the trace
 * while the rest computes. Between chunks the worker yields, so host views asked for
 * meanwhile are answered. The page acknowledges each chunk once it has taken it in; with
 * MAX_UNTAKEN chunks unacknowledged the worker waits, so that a page slower than the engine
 * (taking a chunk in costs it little — typed arrays, transferred — but the timeline and the
 * event list read every event) is never
 * flooded: between two chunks it draws and answers input. A failure (the work budget's data) ends the run; the chunks
 * before it stand. Cancel terminates the worker (workerSimulator.ts starts a fresh one).
 *
 * Host views for the inspector are computed here too: one simulation without trace is
 * stepped forward as playback moves forward, and restarted when it moves back.
 */
import { hostViewsOf, partBuffers, Simulation, type EngineScenario, type HostView, type SimProgress } from '../../engine/index.ts';
import { buildTimeline } from '../../store/derive/timeline.ts';
import { failureOf } from '../../store/simulator.ts';
import { simulateInChunks } from './chunks.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const PROGRESS_MS = 100;
/** Work per chunk: the first playable frame comes this soon; the page gets ~10 messages/s. */
const CHUNK_MS = 100;
/** Events per chunk at most (a longer step is cut): one message stays a short task on the page. */
const CHUNK_EVENTS = 5_000;
/** Chunks posted and not yet taken in by the page, at most. */
const MAX_UNTAKEN = 2;

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as { postMessage(m: FromWorker, transfer: Transferable[]): void }).postMessage(m, transfer);

/** Lets queued messages (host views) run between two chunks. */
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });

let inspecting: { key: number; sim: Simulation } | null = null;

function viewsAt(key: number, input: EngineScenario, step: number): Record<string, HostView> | null {
  try {
    if (!inspecting || inspecting.key !== key || inspecting.sim.steps.length - 1 > step) inspecting = { key, sim: new Simulation(input, { trace: false }) };
    const { sim } = inspecting;
    while (sim.steps.length - 1 < step && sim.step());
    return hostViewsOf(sim);
  } catch {
    inspecting = null;
    return null;
  }
}

/** The run under way: chunks the page has not acknowledged, and what waits for an acknowledgement. */
const untaken = { id: 0, count: 0, wake: null as (() => void) | null };

async function run(id: number, input: EngineScenario): Promise<void> {
  untaken.id = id;
  untaken.count = 0;
  let last = 0;
  const progress = (p: SimProgress) => {
    const t = performance.now();
    if (t - last < PROGRESS_MS) return;
    last = t;
    post({ type: 'progress', id, progress: p });
  };
  let streamed = false;
  try {
    for (const c of simulateInChunks(input, { chunkMs: CHUNK_MS, maxEvents: CHUNK_EVENTS, now: () => performance.now(), progress })) {
      if (!streamed && c.result) {
        const sim = c.result;
        post({ type: 'done', id, sim, timeline: buildTimeline(sim) });
        return;
      }
      streamed = true;
      // The log's columns are transferred (no copy, nothing to deserialise on the page).
      post({ type: 'chunk', id, chunk: { steps: c.steps, part: c.part }, last: c.last }, partBuffers(c.part));
      if (c.last) break;
      untaken.count++;
      if (untaken.count >= MAX_UNTAKEN) await new Promise<void>((resolve) => (untaken.wake = resolve));
      else await yieldToMessages();
    }
  } catch (e) {
    post({ type: 'fail', id, failure: failureOf(e) });
  }
}

// Runs one after another (a run yields between chunks; a second one waits for it).
let runs = Promise.resolve();

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  if (m.type === 'run') runs = runs.then(() => run(m.id, m.input));
  else if (m.type === 'ack') {
    if (m.id !== untaken.id) return;
    untaken.count--;
    const wake = untaken.wake;
    untaken.wake = null;
    wake?.();
  } else post({ type: 'views', id: m.id, views: viewsAt(m.key, m.input, m.step) });
};
