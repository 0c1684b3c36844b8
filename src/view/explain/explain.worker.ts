/**
 * "What does this change?" off the page's thread: one run of the scenario per value tried
 * (src/commands/explain.ts), a progress message before each, then the explanation. Cancel
 * terminates the worker between or during runs; each request gets a fresh worker.
 */
import { explainRuns, ExplainError } from '../../commands/explain.ts';
import type { ExplainReply, ExplainRequest } from './protocol.ts';

const post = (m: ExplainReply) => (self as unknown as { postMessage(m: ExplainReply): void }).postMessage(m);

self.onmessage = (ev: MessageEvent<ExplainRequest>) => {
  const { scenario, target } = ev.data;
  try {
    const it = explainRuns(scenario, target);
    for (let n = it.next(); ; n = it.next()) {
      if (n.done) {
        post({ kind: 'done', result: n.value });
        return;
      }
      post({ kind: 'progress', ...n.value });
    }
  } catch (e) {
    post({ kind: 'error', message: e instanceof ExplainError ? e.message.replace(/^explain: /, '') : e instanceof Error ? e.message : String(e) });
  }
};
