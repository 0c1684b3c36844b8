/**
 * A director's IPVS tables at the playback cursor. At a step's end (and at the start) they
 * are the ones the engine recorded (StepResult.ipvs); inside a step they come from the
 * engine simulated again up to the cursor (engine/sim/haltAt.ts), so `ipvsadm -Lnc` shows a
 * connection from the moment the director scheduled it, its state as it moves, and its time
 * left at the cursor's simulated time.
 */
import { ipvsTableIn, worldAtEvent, type EngineScenario, type IpvsTable, type SimResult } from '../../engine/index.ts';

/** The table recorded at the end of the last step the cursor has completed (step 0: the set-up). */
export function ipvsTableAt(sim: SimResult, cursor: number, host: string): { step: number; table: IpvsTable } | null {
  for (let i = sim.steps.length - 1; i >= 0; i--) {
    const st = sim.steps[i];
    if (i > 0 && cursor < st.events[1]) continue;
    const table = st.ipvs?.[host];
    return table ? { step: i, table } : null;
  }
  return null;
}

export interface IpvsAtCursor {
  /** The last step completed at the cursor. */
  step: number;
  /** The step the cursor is inside of, or null at a step's end. */
  within: number | null;
  /** The simulated time the table is shown at (µs). */
  t: number;
  table: IpvsTable;
}

type Halted = ReturnType<typeof worldAtEvent>;

/**
 * Re-simulations, kept per (input, point): the table changes only when the director itself
 * does something (a trace event of its own), so playing a step re-simulates once per such
 * event, not once per frame. A few kept: the cursor moves back and forth.
 */
export class IpvsCursorCache {
  private input: EngineScenario | null = null;
  private readonly worlds = new Map<number, Halted>();

  world(input: EngineScenario, events: number): Halted {
    if (input !== this.input) {
      this.input = input;
      this.worlds.clear();
    }
    let w = this.worlds.get(events);
    if (!w) {
      w = worldAtEvent(input, events);
      if (this.worlds.size >= 8) this.worlds.delete(this.worlds.keys().next().value!);
      this.worlds.set(events, w);
    }
    return w;
  }
}

/**
 * Longest trace re-simulated for a point inside a step (events up to the cursor): a few ms
 * for an LVS cluster; beyond it (a heavy scenario) the view keeps the last step's tables.
 */
export const RESIM_MAX_EVENTS = 200_000;

export function ipvsTableAtCursor(input: EngineScenario, sim: SimResult, cursor: number, host: string, cache: IpvsCursorCache, maxEvents = RESIM_MAX_EVENTS): IpvsAtCursor | null {
  const done = ipvsTableAt(sim, cursor, host);
  if (!done) return null;
  const next = sim.steps[done.step + 1];
  // At a step's end, before the next step has applied any event, or too far into a heavy
  // trace: the recorded table.
  const stepEnd = sim.steps[done.step];
  if (!next || cursor <= next.events[0] + 1 || cursor > maxEvents) return { ...done, within: null, t: Math.round(stepEnd.t_end * 1e6) };
  const ev = sim.events;
  // The director's last event before the cursor, within this step.
  let k = cursor - 1;
  while (k > next.events[0] && (ev.at(k) as { host?: string }).host !== host) k--;
  const w = cache.world(input, k + 1);
  const t = ev.at(cursor - 1)!.t;
  const table = ipvsTableIn(w, host, t);
  return table ? { step: done.step, within: done.step + 1, t, table } : null;
}
