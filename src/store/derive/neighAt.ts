/**
 * Neighbour tables at any point of the playback, read back from the trace: the table at
 * the end of the previous step (recorded by the engine) plus the `neigh` events applied so
 * far in the current step. Timers are known exactly at a step's end; in between, an entry
 * that will not change again in this step counts down to its end-of-step value.
 *
 * A step's `neigh` events are found once (neighIndex): a step of a large topology holds
 * hundreds of thousands of deliveries and decisions, and the tables are asked for again as the
 * playback moves; each ask then costs the step's neighbour changes (or one host's), not the step.
 */
import type { Micros, NeighEvent, NeighRow, NudState, SimResult, StepResult, TraceEvents } from '../../engine/index.ts';
import { eachObjectEvent } from './objectEvents.ts';

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

/** A step's `neigh` events, in order, with where each host's are and when each entry last changes. */
interface NeighIndex {
  events: TraceEvents;
  first: number;
  last: number;
  /** Event index and event of each `neigh` event in [first, last). */
  at: number[];
  ev: NeighEvent[];
  /** Positions in at/ev of each host's events. */
  byHost: Map<string, number[]>;
  /** `host dev ip` → index of the entry's last change in the step. */
  lastTouch: Map<string, number>;
}

const indexes = new WeakMap<StepResult, NeighIndex>();

function neighIndex(sim: SimResult, st: StepResult): NeighIndex {
  const [first, last] = st.events;
  const cached = indexes.get(st);
  if (cached && cached.events === sim.events && cached.first === first && cached.last === last) return cached;
  const ix: NeighIndex = { events: sim.events, first, last, at: [], ev: [], byHost: new Map(), lastTouch: new Map() };
  eachObjectEvent(sim.events, first, last, (e, i) => {
    if (e.kind !== 'neigh') return;
    const n = ix.at.push(i) - 1;
    ix.ev.push(e);
    let mine = ix.byHost.get(e.host);
    if (!mine) ix.byHost.set(e.host, (mine = []));
    mine.push(n);
    ix.lastTouch.set(`${e.host} ${key(e.dev, e.ip)}`, i);
  });
  indexes.set(st, ix);
  return ix;
}

/**
 * Every host's table at `cursor` (simulated time `now` for the timers) in step `step`; with
 * `only`, that host's table alone (the other hosts are not computed).
 */
export function neighAt(sim: SimResult, cursor: number, now: Micros, step: number, only?: string): Record<string, NeighView[]> {
  const st = sim.steps[step];
  if (!st) return {};
  const [first, last] = st.events;
  const ix = neighIndex(sim, st);
  const out: Record<string, NeighView[]> = {};
  /** Positions in ix of the events to read: all of them, or one host's. */
  const positions = (from: number, to: number, visit: (e: NeighEvent, i: number) => void) => {
    if (only === undefined) {
      for (let n = 0; n < ix.at.length; n++) if (ix.at[n] >= from && ix.at[n] < to) visit(ix.ev[n], ix.at[n]);
    } else for (const n of ix.byHost.get(only) ?? []) if (ix.at[n] >= from && ix.at[n] < to) visit(ix.ev[n], ix.at[n]);
  };
  if (cursor >= last) {
    // At the step's end: the engine's own table, as `ip -s neigh` would show it then.
    const hosts = only === undefined ? Object.keys(st.neigh) : Object.hasOwn(st.neigh, only) ? [only] : [];
    for (const host of hosts) out[host] = st.neigh[host].map((r) => fromRow(r, r.timer, -1));
    // Rows whose last change happened in this step.
    positions(first, last, (e, i) => {
      const row = out[e.host]?.find((r) => r.ip === e.ip && r.dev === e.dev);
      if (row) row.changedAt = i;
    });
    return out;
  }
  const prev = step > 0 ? sim.steps[step - 1].neigh : {};
  const endRows = st.neigh;
  const tables = new Map<string, Map<string, NeighView>>();
  const hosts = only === undefined ? new Set([...Object.keys(prev), ...Object.keys(endRows)]) : Object.hasOwn(prev, only) || Object.hasOwn(endRows, only) ? [only] : [];
  for (const h of hosts) tables.set(h, new Map((prev[h] ?? []).map((r) => [key(r.dev, r.ip), fromRow(r, null, -1)])));
  positions(first, Math.min(cursor, last), (e, i) => {
    let tb = tables.get(e.host);
    if (!tb) tables.set(e.host, (tb = new Map()));
    const k = key(e.dev, e.ip);
    if (e.to === null) tb.delete(k);
    else tb.set(k, { ip: e.ip, dev: e.dev, lladdr: e.lladdr, state: e.to, timer: null, changedAt: i });
  });
  const t_end = Math.round(st.t_end * 1e6);
  for (const [host, tb] of tables) {
    const ends = new Map((endRows[host] ?? []).map((r) => [key(r.dev, r.ip), r]));
    out[host] = [...tb.entries()].map(([k, row]) => {
      const end = ends.get(k);
      // An entry that changes again later in this step has no timer to show yet.
      const touchedLater = (ix.lastTouch.get(`${host} ${k}`) ?? -1) >= cursor;
      const stable = end && !touchedLater && end.state === row.state && end.timer !== null;
      return stable ? { ...row, timer: Math.max(0, end.timer! + t_end - now) } : row;
    });
  }
  return out;
}

function fromRow(r: NeighRow, timer: Micros | null, changedAt: number): NeighView {
  return { ip: r.ip, dev: r.dev, lladdr: r.lladdr, state: r.state, timer, changedAt };
}
