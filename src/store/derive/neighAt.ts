/**
 * Neighbour tables at any point of the playback, read back from the trace: the table at
 * the end of the previous step (recorded by the engine) plus the `neigh` events applied so
 * far in the current step. Timers are known exactly at a step's end; in between, an entry
 * that will not change again in this step counts down to its end-of-step value.
 */
import type { Micros, NeighRow, NudState, SimResult } from '../../engine/index.ts';

export interface NeighView {
  ip: string;
  dev: string;
  lladdr: string | null;
  state: NudState;
  /** Microseconds until the entry's timer fires, or null when none or unknown. */
  timer: Micros | null;
  /** Event index of the last change seen (for the "just changed" flash), or -1. */
  changedAt: number;
}

const key = (dev: string, ip: string) => `${dev} ${ip}`;

export function neighAt(sim: SimResult, cursor: number, now: Micros, step: number): Record<string, NeighView[]> {
  const st = sim.steps[step];
  if (!st) return {};
  const [first, last] = st.events;
  const out: Record<string, NeighView[]> = {};
  if (cursor >= last) {
    // At the step's end: the engine's own table, as `ip -s neigh` would show it then.
    for (const [host, rows] of Object.entries(st.neigh)) out[host] = rows.map((r) => fromRow(r, r.timer, -1));
    markChanges(sim, first, last, out);
    return out;
  }
  const prev = step > 0 ? sim.steps[step - 1].neigh : {};
  const endRows = st.neigh;
  const tables = new Map<string, Map<string, NeighView>>();
  const hosts = new Set([...Object.keys(prev), ...Object.keys(endRows)]);
  for (const h of hosts) tables.set(h, new Map((prev[h] ?? []).map((r) => [key(r.dev, r.ip), fromRow(r, null, -1)])));
  const touchedLater = new Set<string>();
  for (let i = Math.max(first, cursor); i < last; i++) {
    const e = sim.events.at(i)!;
    if (e.kind === 'neigh') touchedLater.add(`${e.host} ${key(e.dev, e.ip)}`);
  }
  for (let i = first; i < Math.min(cursor, last); i++) {
    const e = sim.events.at(i)!;
    if (e.kind !== 'neigh') continue;
    let tb = tables.get(e.host);
    if (!tb) tables.set(e.host, (tb = new Map()));
    const k = key(e.dev, e.ip);
    if (e.to === null) tb.delete(k);
    else tb.set(k, { ip: e.ip, dev: e.dev, lladdr: e.lladdr, state: e.to, timer: null, changedAt: i });
  }
  const t_end = Math.round(st.t_end * 1e6);
  for (const [host, tb] of tables) {
    const ends = new Map((endRows[host] ?? []).map((r) => [key(r.dev, r.ip), r]));
    out[host] = [...tb.entries()].map(([k, row]) => {
      const end = ends.get(k);
      const stable = end && !touchedLater.has(`${host} ${k}`) && end.state === row.state && end.timer !== null;
      return stable ? { ...row, timer: Math.max(0, end.timer! + t_end - now) } : row;
    });
  }
  return out;
}

function fromRow(r: NeighRow, timer: Micros | null, changedAt: number): NeighView {
  return { ip: r.ip, dev: r.dev, lladdr: r.lladdr, state: r.state, timer, changedAt };
}

/** Marks rows whose last change happened in events [first, last). */
function markChanges(sim: SimResult, first: number, last: number, out: Record<string, NeighView[]>) {
  for (let i = first; i < last; i++) {
    const e = sim.events.at(i)!;
    if (e.kind !== 'neigh') continue;
    const row = out[e.host]?.find((r) => r.ip === e.ip && r.dev === e.dev);
    if (row) row.changedAt = i;
  }
}
