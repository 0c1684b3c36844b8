/**
 * One auto-layout in a fresh layout worker (layout.worker.ts): progress as it goes, then the
 * edit. An abort terminates the worker, whatever tick it is in (a synchronous d3-force loop
 * cannot be interrupted any other way), and rejects with the signal's reason.
 */
import type { ScenarioOp } from '../../ops/op.ts';
import type { LayoutProgress } from './forceLayout.ts';
import type { LayoutRequest } from './layoutProtocol.ts';
import { runInWorker } from '../workerRun.ts';

export class LayoutError extends Error {}

export async function layoutInWorker(req: LayoutRequest, opts: { signal: AbortSignal; onProgress: (p: LayoutProgress) => void }): Promise<ScenarioOp | null> {
  const done = await runInWorker<LayoutRequest, LayoutProgress, { op: ScenarioOp | null }>(() => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }), req, {
    ...opts,
    aborted: () => opts.signal.reason,
    failed: (message) => new LayoutError(message ?? 'the layout worker failed'),
  });
  return done.op;
}
