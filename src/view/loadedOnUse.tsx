/**
 * A component whose code loads on first use, without Suspense.
 *
 * React.lazy under <Suspense> re-renders a resolved boundary in a *retry* lane, and retry lanes
 * never expire: while playback updates the store every animation frame on a busy machine, the
 * retry can wait indefinitely (seen in CI: a host's Configure tab stayed empty for over 20 s after
 * its chunk had arrived). Here the loaded module is put into state by an ordinary update, which
 * React's starvation guard does expire, so the component shows on the next commit.
 */
import { useEffect, useState, type ComponentType, type ReactElement } from 'react';

export function loadedOnUse<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => ReactElement | null {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const get = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        pending = null; // a failed chunk fetch may succeed on the next mount
        throw e;
      },
    ));
  return function LoadedOnUse(props: P) {
    const [C, setC] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (C) return;
      let live = true;
      get().then(
        (c) => { if (live) setC(() => c); },
        (e: unknown) => console.error('ARP Lab: a part of the app failed to load', e),
      );
      return () => { live = false; };
    }, [C]);
    return C ? <C {...props} /> : null;
  };
}
