/**
 * What the layout worker does with a request, apart from the messaging (so that a test runs
 * it in Node): forceLayout tick by tick, the ticks done posted at most every PROGRESS_MS
 * (the first at once), then the edit — the very one forceLayout returns for that input.
 */
import { forceLayoutSteps } from './forceLayout.ts';
import type { LayoutReply, LayoutRequest } from './layoutProtocol.ts';

/** The page re-renders its status on each progress message: ten a second is enough to see it move. */
export const PROGRESS_MS = 100;

export function layoutWork(req: LayoutRequest, post: (m: LayoutReply) => void, now: () => number = () => performance.now()): void {
  try {
    const it = forceLayoutSteps(req.scenario, req.pos, req.size);
    let last = -Infinity;
    for (;;) {
      const n = it.next();
      if (n.done) {
        post({ kind: 'done', op: n.value });
        return;
      }
      const t = now();
      if (t - last < PROGRESS_MS) continue;
      last = t;
      post({ kind: 'progress', ...n.value });
    }
  } catch (e) {
    post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
