/**
 * Which of a director's recorded IPVS tables belongs to the playback position: the engine
 * records them at the end of every step (StepResult.ipvs), so the cursor shows the last
 * step it has completed (step 0, the set-up, before any action).
 */
import type { IpvsTable, SimResult } from '../../engine/index.ts';

export function ipvsTableAt(sim: SimResult, cursor: number, host: string): { step: number; table: IpvsTable } | null {
  for (let i = sim.steps.length - 1; i >= 0; i--) {
    const st = sim.steps[i];
    if (i > 0 && cursor < st.events[1]) continue;
    const table = st.ipvs?.[host];
    return table ? { step: i, table } : null;
  }
  return null;
}
