import type { TraceEvent, TraceEvents } from '../../engine/index.ts';

/**
 * Calls `fn` for each event of [first, last) that is not a delivery or a decision — tx, neigh,
 * step and output events — with its index. On the engine's compact log (sim/traceLog.ts) the
 * deliveries and decisions, most of a large run, are skipped without being made into objects;
 * on a plain array every event is looked at.
 */
export function eachObjectEvent(events: TraceEvents, first: number, last: number, fn: (e: TraceEvent, i: number) => void): void {
  const log = events as TraceEvents & { forEachObject?(a: number, b: number, fn: (e: TraceEvent, i: number) => void): void };
  if (typeof log.forEachObject === 'function') {
    log.forEachObject(first, last, fn);
    return;
  }
  const end = Math.min(last, events.length);
  for (let i = Math.max(0, first); i < end; i++) {
    const e = events.at(i)!;
    if (e.kind !== 'rx' && e.kind !== 'decision') fn(e, i);
  }
}
