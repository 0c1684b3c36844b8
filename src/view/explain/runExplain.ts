/**
 * One explanation in a fresh explain worker (explain.worker.ts): progress before each run,
 * then the result. The inspector's "What does this change?" and the console's `explain`
 * both go through here. An abort terminates the worker, whatever run it is in.
 */
import { ExplainError, type ExplainProgress, type ExplainTarget, type Explanation } from '../../commands/explain.ts';
import { Interrupted } from '../../commands/session.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { ExplainReply, ExplainRequest } from './protocol.ts';

/** Resolves with the explanation; rejects with ExplainError (what cannot be explained, the worker's words) or Interrupted (aborted). */
export function explainInWorker(scenario: ScenarioV1, target: ExplainTarget, opts: { signal?: AbortSignal; onProgress?: (p: ExplainProgress) => void } = {}): Promise<Explanation> {
  const { signal, onProgress } = opts;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Interrupted());
      return;
    }
    const w = new Worker(new URL('./explain.worker.ts', import.meta.url), { type: 'module' });
    const end = () => {
      w.terminate();
      signal?.removeEventListener('abort', stop);
    };
    const stop = () => {
      end();
      reject(new Interrupted());
    };
    signal?.addEventListener('abort', stop, { once: true });
    w.onmessage = (ev: MessageEvent<ExplainReply>) => {
      const m = ev.data;
      if (m.kind === 'progress') {
        onProgress?.(m);
        return;
      }
      end();
      if (m.kind === 'done') resolve(m.result);
      else reject(new ExplainError(`explain: ${m.message}`));
    };
    w.onerror = (e) => {
      end();
      reject(new ExplainError(`explain: ${e.message || 'the worker failed'}`));
    };
    const req: ExplainRequest = { scenario, target };
    w.postMessage(req);
  });
}
