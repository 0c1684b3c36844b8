import type { ScenarioIssue } from '../scenario/load.ts';
import { checkOp } from '../ops/check.ts';
import type { ScenarioOp } from '../ops/op.ts';
import type { AppStore } from './createAppStore.ts';

/**
 * Dispatches `op` through the store if it passes `checkOp`; returns the problems
 * otherwise (and changes nothing). An empty list means it was applied.
 */
export function dispatchChecked(api: AppStore, op: ScenarioOp): ScenarioIssue[] {
  const r = checkOp(api.getState().scenario, op);
  if (!r.ok) return r.issues;
  api.getState().dispatch(op);
  return [];
}
