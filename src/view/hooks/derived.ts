/**
 * Derived data for the view, memoised on the store's slices so that many components can
 * share it without recomputation: canvas geometry, neighbour tables at the cursor, the
 * current step, simulated "now".
 */
import { useMemo, useRef } from 'react';
import { macOwners } from '../../store/derive/changes.ts';
import { neighAt, type NeighView } from '../../store/derive/neighAt.ts';
import { simTimeAt, stepOfCursor } from '../../store/derive/timeline.ts';
import { useApp } from '../../store/StoreContext.tsx';
import type { AppState } from '../../store/types.ts';
import { computeGeometry, type Geometry } from '../canvas/geometry.ts';

export function useGeometry(): Geometry | null {
  const engine = useApp((s) => s.engineInput);
  const layout = useApp((s) => s.scenario.layout);
  return useMemo(() => (engine ? computeGeometry(engine, layout) : null), [engine, layout]);
}

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
 * while its rows do not change (so memoised host nodes do not re-render).
 */
export function useNeighTables(cursor: number): Record<string, NeighView[]> {
  const sim = useApp((s) => s.sim);
  const step = sim ? stepOfCursor(sim, cursor) : 0;
  const prev = useRef<Record<string, NeighView[]>>({});
  return useMemo(() => {
    if (!sim) return (prev.current = {});
    const now = neighAt(sim, cursor, 0, step);
    const out: Record<string, NeighView[]> = {};
    for (const [h, rows] of Object.entries(now)) out[h] = sameRows(prev.current[h], rows) ? prev.current[h] : rows;
    prev.current = out;
    return out;
  }, [sim, cursor, step]);
}
