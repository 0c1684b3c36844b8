/**
 * The score of a step: partial credit per goal reached, scaled by how the learner's number
 * of changes compares with the reference solution's (Learn Git Branching's "par"): as few
 * changes as the reference or fewer keeps every point; more changes cost in proportion.
 * A step solved by replaying the reference solution scores nothing.
 */
export interface StepScore {
  met: number;
  total: number;
  changes: number;
  reference: number;
  /** 0–100. */
  points: number;
}

export function scoreStep(met: number, total: number, changes: number, reference: number, usedSolution = false): StepScore {
  const credit = total > 0 ? met / total : 0;
  const par = changes <= reference || changes === 0 ? 1 : reference / changes;
  return { met, total, changes, reference, points: usedSolution ? 0 : Math.round(100 * credit * par) };
}
