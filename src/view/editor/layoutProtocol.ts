/** Messages between the page and the layout worker (layout.worker.ts): plain data only. */
import type { ScenarioOp } from '../../ops/op.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { LayoutProgress, Positions, Sizes } from './forceLayout.ts';

/** forceLayout's input: the scenario, where its nodes are drawn, their cards' sizes. */
export interface LayoutRequest {
  scenario: ScenarioV1;
  pos: Positions;
  size: Sizes;
}

export type LayoutReply =
  | ({ kind: 'progress' } & LayoutProgress)
  /** The edit (a batch of moveNode ops), or null when there is nothing to lay out. */
  | { kind: 'done'; op: ScenarioOp | null }
  | { kind: 'error'; message: string };
