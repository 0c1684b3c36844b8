/** Messages between the page and the explain worker (plain data). */
import type { ExplainProgress, ExplainTarget, Explanation } from '../../commands/explain.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';

export interface ExplainRequest {
  scenario: ScenarioV1;
  target: ExplainTarget;
}

export type ExplainReply =
  | ({ kind: 'progress' } & ExplainProgress)
  | { kind: 'done'; result: Explanation }
  | { kind: 'error'; message: string };
