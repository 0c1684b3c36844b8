import { useEffect, useState } from 'react';

/**
 * How many of `total` items to mount now: `perFrame` at first, then `perFrame` more each
 * animation frame until all are there, so that a thousand rows, cards or buttons appear over a
 * few frames instead of in one long task the page cannot answer during. When `total` drops to
 * 0 (the list closes), the next opening starts small again.
 */
export function useProgressive(total: number, perFrame: number): number {
  const [shown, setShown] = useState(perFrame);
  useEffect(() => {
    if (total === 0) {
      setShown(perFrame);
      return;
    }
    if (shown >= total) return;
    const id = requestAnimationFrame(() => setShown((n) => n + perFrame));
    return () => cancelAnimationFrame(id);
  }, [shown, total, perFrame]);
  return Math.min(shown, total);
}
