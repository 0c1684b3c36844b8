/**
 * One auto-layout in a fresh layout worker (layout.worker.ts): progress as it goes, then the
 * edit. An abort terminates the worker, whatever tick it is in (a synchronous d3-force loop
 * cannot be interrupted any other way), and rejects with the signal's reason.
 */
import type { ScenarioOp } from '../../ops/op.ts';
import type { LayoutProgress } from './forceLayout.ts';
import type { LayoutReply, LayoutRequest } from './layoutProtocol.ts';

export class LayoutError extends Error {}

export function layoutInWorker(req: LayoutRequest, opts: { signal: AbortSignal; onProgress: (p: LayoutProgress) => void }): Promise<ScenarioOp | null> {
  const { signal, onProgress } = opts;
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const w = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    const end = () => {
      w.terminate();
      signal.removeEventListener('abort', stop);
    };
    const stop = () => {
      end();
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
    w.onmessage = (ev: MessageEvent<LayoutReply>) => {
      const m = ev.data;
      if (m.kind === 'progress') {
        onProgress(m);
        return;
      }
      end();
      if (m.kind === 'done') resolve(m.op);
      else reject(new LayoutError(m.message));
    };
    w.onerror = (e) => {
      e.preventDefault();
      end();
      reject(new LayoutError(e.message || 'the layout worker failed'));
    };
    w.postMessage(req);
  });
}
