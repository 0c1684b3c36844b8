/**
 * Derived data for the view, memoised on the store's slices so that many components can
 * share it without recomputation: canvas geometry, neighbour tables at the cursor, the
 * current step, simulated "now".
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { macOwners } from '../../store/derive/changes.ts';
import { neighAt, type NeighView } from '../../store/derive/neighAt.ts';
import { simTimeAt, stepOfCursor } from '../../store/derive/timeline.ts';
import { useApp } from '../../store/StoreContext.tsx';
import type { AppState } from '../../store/types.ts';
import { placeLabelsUntil, type Geometry, type GeometryState } from '../canvas/geometry.ts';
import { nextGeometry } from '../canvas/geometryMove.ts';

/**
 * The canvas geometry. A change of the layout alone (a drag, a nudge, an undone move) updates the
 * last one (moveGeometry: the moved nodes and what is near them) instead of computing it whole,
 * which on 1,000 hosts took 50–100 ms per pointer move. From `labelsLaterFrom` hosts on (the
 * raster canvas, which draws port labels only zoomed in), a new topology's port labels are placed
 * in slices of SLICE_MS after it is first drawn (120–250 ms of placement for 1,000 hosts was one
 * task), and the geometry is given again with them.
 */
export function useGeometry(labelsLaterFrom = Infinity): Geometry | null {
  const engine = useApp((s) => s.engineInput);
  const layout = useApp((s) => s.scenario.layout);
  const last = useRef<GeometryState | null>(null);
  // Set when the slices have placed every label: the memo below then gives the complete geometry.
  const [placed, setPlaced] = useState<GeometryState | null>(null);
  const g = useMemo(() => {
    // The slices finished the labels of the geometry still waiting for them (not of an earlier one).
    if (placed && last.current?.geometry.labelsPending && placed.labels === last.current.labels) last.current = placed;
    last.current = engine ? nextGeometry(last.current, engine, layout, engine.hosts.length >= labelsLaterFrom) : null;
    return last.current?.geometry ?? null;
  }, [engine, layout, placed, labelsLaterFrom]);
  useEffect(() => {
    const state = last.current;
    if (!g?.labelsPending || !state || state.geometry !== g) return;
    let timer = 0;
    const slice = () => {
      const done = placeLabelsUntil(state, performance.now() + SLICE_MS);
      if (done) setPlaced(done);
      else timer = window.setTimeout(slice, 0);
    };
    timer = window.setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [g]);
  return g;
}

/** Label placement per task while a large topology's labels are placed in slices. */
const SLICE_MS = 30;

export function useOwners(): Record<string, string> {
  const engine = useApp((s) => s.engineInput);
  // The same owners as before (a new input with the same MACs: an edit, a new run) keep their
  // identity, so that every host card does not re-render for nothing.
  const prev = useRef<Record<string, string>>({});
  return useMemo(() => {
    const next = engine ? macOwners(engine) : {};
    const a = Object.keys(next);
    const same = a.length === Object.keys(prev.current).length && a.every((k) => prev.current[k] === next[k]);
    return same ? prev.current : (prev.current = next);
  }, [engine]);
}

/** Index of the step the cursor is in. */
export function useStep(): number {
  return useApp((s) => (s.sim ? stepOfCursor(s.sim, s.cursor) : 0));
}

/** Simulated time (µs) at the playback position, rounded to `resolution` µs to limit re-renders. */
export function useSimNow(resolution = 100_000): number {
  return useApp((s) => (s.sim ? Math.floor(simTimeAt(s.sim, s.timeline, s.vtime) / resolution) * resolution : 0));
}

export const selectSimNowExact = (s: AppState) => (s.sim ? simTimeAt(s.sim, s.timeline, s.vtime) : 0);

const sameRows = (a: NeighView[] | undefined, b: NeighView[]) =>
  !!a && a.length === b.length && a.every((r, i) => r.ip === b[i].ip && r.dev === b[i].dev && r.lladdr === b[i].lladdr && r.state === b[i].state && r.changedAt === b[i].changedAt);

/**
 * Neighbour tables at `cursor`, without timers, with each host's array kept identical
 * while its rows do not change (so memoised host nodes do not re-render). With a null
 * cursor, none (a raster topology asks per host: useNeighOf).
 */
export function useNeighTables(cursor: number | null): Record<string, NeighView[]> {
  const sim = useApp((s) => s.sim);
  const step = sim && cursor !== null ? stepOfCursor(sim, cursor) : 0;
  const prev = useRef<Record<string, NeighView[]>>({});
  return useMemo(() => {
    if (!sim || cursor === null) return (prev.current = {});
    const now = neighAt(sim, cursor, 0, step);
    const out: Record<string, NeighView[]> = {};
    for (const [h, rows] of Object.entries(now)) out[h] = sameRows(prev.current[h], rows) ? prev.current[h] : rows;
    prev.current = out;
    return out;
  }, [sim, cursor, step]);
}

/** One host's neighbour table at a playback position, computed when first asked. */
export type NeighOf = (host: string) => NeighView[];

const NO_ROWS: NeighView[] = [];
const noNeigh: NeighOf = () => NO_ROWS;

/**
 * Neighbour tables at `cursor` (null: none), host by host as they are asked for: a raster
 * topology draws rows only for the hosts in view, and only when zoomed in enough to read
 * them, so a thousand tables are not computed on every playback update for nothing.
 */
export function useNeighOf(cursor: number | null): NeighOf {
  const sim = useApp((s) => s.sim);
  const step = sim && cursor !== null ? stepOfCursor(sim, cursor) : 0;
  return useMemo(() => {
    if (!sim || cursor === null) return noNeigh;
    const known = new Map<string, NeighView[]>();
    return (host: string) => {
      let rows = known.get(host);
      if (!rows) known.set(host, (rows = neighAt(sim, cursor, 0, step, host)[host] ?? NO_ROWS));
      return rows;
    };
  }, [sim, cursor, step]);
}
