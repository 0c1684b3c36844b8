/**
 * One explanation in a fresh explain worker (explain.worker.ts): progress before each run,
 * then the result. The inspector's "What does this change?" and the console's `explain`
 * both go through here. An abort terminates the worker, whatever run it is in.
 */
import { ExplainError, type ExplainProgress, type ExplainTarget, type Explanation } from '../../commands/explain.ts';
import { Interrupted } from '../../commands/session.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { ExplainRequest } from './protocol.ts';
import { runInWorker } from '../workerRun.ts';

/** Resolves with the explanation; rejects with ExplainError (what cannot be explained, the worker's words) or Interrupted (aborted). */
export async function explainInWorker(scenario: ScenarioV1, target: ExplainTarget, opts: { signal?: AbortSignal; onProgress?: (p: ExplainProgress) => void } = {}): Promise<Explanation> {
  const req: ExplainRequest = { scenario, target };
  const done = await runInWorker<ExplainRequest, ExplainProgress, { result: Explanation }>(() => new Worker(new URL('./explain.worker.ts', import.meta.url), { type: 'module' }), req, {
    ...opts,
    aborted: () => new Interrupted(),
    failed: (message) => new ExplainError(`explain: ${message ?? 'the worker failed'}`),
  });
  return done.result;
}
