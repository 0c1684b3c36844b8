/**
 * The one place with real time: while playing, advances the store's playback by the real
 * milliseconds between animation frames. Everything else reads the playback position.
 */
import { useEffect } from 'react';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';

/** Longest real-time step taken at once (a background tab must not jump ahead). */
const MAX_DT = 100;

export function usePlayback() {
  const api = useAppStoreApi();
  const playing = useApp((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      if (last !== null) api.getState().advance(Math.min(MAX_DT, now - last));
      last = now;
      if (api.getState().playing) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [api, playing]);
}
