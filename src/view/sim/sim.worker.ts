/**
 * The simulation worker: runs the engine off the page's thread, so that no scenario —
 * however heavy, opened from a link or an embed — blocks the page. It posts progress (at
 * most every PROGRESS_MS), then the result and its timeline as plain data, or the failure
 * (the work budget's data). Cancel terminates it (workerSimulator.ts starts a fresh one).
 *
 * Host views for the inspector are computed here too: one simulation without trace is
 * stepped forward as playback moves forward, and restarted when it moves back.
 */
import { hostViewsOf, simulate, Simulation, type HostView } from '../../engine/index.ts';
import { simulateToData } from '../../store/simulator.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const PROGRESS_MS = 100;

const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);

let inspecting: { key: number; sim: Simulation } | null = null;

function viewsAt(key: number, input: ToWorker['input'], step: number): Record<string, HostView> | null {
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

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  if (m.type === 'run') {
    let last = 0;
    const r = simulateToData(simulate, m.input, (progress) => {
      const t = performance.now();
      if (t - last < PROGRESS_MS) return;
      last = t;
      post({ type: 'progress', id: m.id, progress });
    });
    post(r.ok ? { type: 'done', id: m.id, sim: r.sim, timeline: r.timeline } : { type: 'fail', id: m.id, failure: r.failure });
  } else {
    post({ type: 'views', id: m.id, views: viewsAt(m.key, m.input, m.step) });
  }
};
