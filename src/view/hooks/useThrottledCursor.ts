/**
 * The playback cursor for views that need not follow every animation frame (event list,
 * neighbour tables, marks): while playing it changes at most once per `ms`; when paused or
 * stepping it is exact at once.
 */
import { useEffect, useRef, useState } from 'react';
import { useAppStoreApi } from '../../store/StoreContext.tsx';

export function useThrottledCursor(ms: number): number {
  const api = useAppStoreApi();
  const [cursor, setCursor] = useState(() => api.getState().cursor);
  const shown = useRef(cursor);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const show = (c: number) => {
      last = performance.now();
      shown.current = c;
      setCursor(c);
    };
    const onChange = () => {
      const s = api.getState();
      if (s.cursor === shown.current) return;
      const since = performance.now() - last;
      if (!s.playing || since >= ms) {
        if (timer) clearTimeout(timer);
        timer = null;
        show(s.cursor);
      } else if (!timer) {
        timer = setTimeout(() => {
          timer = null;
          show(api.getState().cursor);
        }, ms - since);
      }
    };
    onChange();
    const unsub = api.subscribe(onChange);
    return () => {
      unsub();
      if (timer) clearTimeout(timer);
    };
  }, [api, ms]);
  return cursor;
}
