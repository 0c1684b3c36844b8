/**
 * The stop marks on screen, shared by the SVG drawing (StopMarks.tsx) and the raster canvas
 * (raster/drawStopMarks.ts): which frames stopped where in the step on screen (where each
 * mark sits: stopPlace.ts).
 */
import { useMemo, useRef } from 'react';
import { useApp } from '../../store/StoreContext.tsx';
import type { StopMark } from '../../store/derive/timeline.ts';

/** [port id, the mark shown there]. */
export type VisibleStop = [string, StopMark];

/**
 * One mark per port: the latest frame stopped there (a drop outranks an ignore of the same
 * frame), over the stops of [stepFirst, cursor). Kept from update to update while the cursor
 * moves forward: a flood over a large topology records tens of thousands of stops, and only
 * the new ones are read (stops are in event order; a streamed run appends to the same array).
 * The list is the same array until a mark changes, so a drawing keyed on it redraws only then.
 */
export function useVisibleStops(stepFirst: number, cursor: number): VisibleStop[] {
  const stops = useApp((s) => s.timeline.stops);
  const seen = useRef<{ stops: StopMark[]; stepFirst: number; upTo: number; at: number; byPort: Map<string, StopMark>; list: VisibleStop[] } | null>(null);
  return useMemo(() => {
    let c = seen.current;
    let changed = false;
    if (!c || c.stops !== stops || c.stepFirst !== stepFirst || cursor < c.upTo) {
      let at = 0;
      let hi = stops.length;
      while (at < hi) {
        const mid = (at + hi) >> 1;
        if (stops[mid].index < stepFirst) at = mid + 1;
        else hi = mid;
      }
      c = seen.current = { stops, stepFirst, upTo: stepFirst, at, byPort: new Map(), list: [] };
      changed = true;
    }
    let i = c.at;
    for (; i < stops.length && stops[i].index < cursor; i++) {
      const m = stops[i];
      const id = `${m.host}.${m.dev}`;
      const cur = c.byPort.get(id);
      if (cur && cur.frameId === m.frameId && cur.verdict === 'drop') continue;
      c.byPort.set(id, m);
      changed = true;
    }
    c.at = i;
    c.upTo = cursor;
    if (changed) c.list = [...c.byPort.entries()];
    return c.list;
  }, [stops, cursor, stepFirst]);
}
