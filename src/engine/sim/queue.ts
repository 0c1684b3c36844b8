/**
 * The event queue: a binary heap ordered by (time, sequence). Equal times run in the
 * order they were scheduled, which is how frames on one wire and timer handlers of one
 * instant keep their causal order.
 */
import type { Micros } from '../trace.ts';

export interface QueueItem {
  t: Micros;
  seq: number;
  run: () => void;
  cancelled?: boolean;
}

export class EventQueue {
  private heap: QueueItem[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(t: Micros, run: () => void): QueueItem {
    const item: QueueItem = { t, seq: this.seq++, run };
    const h = this.heap;
    h.push(item);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (less(h[p], item)) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = item;
    return item;
  }

  peekTime(): Micros | undefined {
    return this.heap[0]?.t;
  }

  pop(): QueueItem | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && less(h[r], h[l]) ? r : l;
        if (less(last, h[c])) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

function less(a: QueueItem, b: QueueItem): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq);
}
