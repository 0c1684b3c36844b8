/**
 * The work budget: how much one simulation may do. Every list in a scenario has a ceiling
 * (src/scenario/limits.ts), but not their product: 128 hosts × 1,000 `arping -U` is a small
 * link and billions of bytes of trace. The engine counts its work as it goes and stops with
 * a BudgetExceeded (plain data, so a worker can post it and the UI/CLI word it) naming the
 * limit and the action that crossed it, long before memory runs out.
 */
import type { AnyAction } from '../input.ts';

export interface WorkBudget {
  /** Frame deliveries (one frame reaching one port): the simulation's work. */
  deliveries: number;
  /** Trace events recorded: the trace's size (each costs ~100–400 bytes). */
  events: number;
  /** Neighbour-table rows recorded in the steps (every host's table after every step). */
  neighRows: number;
}

/**
 * Defaults: a lesson needs a few thousand deliveries; the largest gallery scenario about
 * 200. At the limits the trace takes a few hundred MB in the CLI and the browser still
 * plays it back.
 */
export const DEFAULT_BUDGET: WorkBudget = { deliveries: 500_000, events: 1_000_000, neighRows: 1_000_000 };

export const NO_BUDGET: WorkBudget = { deliveries: Infinity, events: Infinity, neighRows: Infinity };

export type BudgetLimit = keyof WorkBudget;

/** Which limit was crossed, at which step, by which action (plain data). */
export interface BudgetExceeded {
  limit: BudgetLimit;
  max: number;
  /** Step (1-based action number) running when the limit was crossed; 0 = setup. */
  step: number;
  action: AnyAction | null;
  /** Actions in the scenario. */
  steps: number;
}

export class BudgetError extends Error {
  readonly budget: BudgetExceeded;
  constructor(b: BudgetExceeded) {
    super(`work budget exceeded: more than ${b.max} ${b.limit} (step ${b.step} of ${b.steps})`);
    this.name = 'BudgetError';
    this.budget = b;
  }
}

/** How far a simulation has got (for a progress bar). */
export interface SimProgress {
  /** Steps finished, of `steps`. */
  step: number;
  steps: number;
  deliveries: number;
  events: number;
  /** The budget the simulation runs under (to show how close it is). */
  budget: WorkBudget;
}
