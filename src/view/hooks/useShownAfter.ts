/**
 * Whether a status for work under way shows: only once the work has lasted `ms` (most runs
 * end sooner, and a banner flashing on each would be noise), or at once when `initially`
 * (work that was already under way, with progress, when the status was mounted).
 */
import { useEffect, useState } from 'react';

export function useShownAfter(active: boolean, ms: number, initially = false): boolean {
  const [shown, setShown] = useState(() => active && initially);
  useEffect(() => {
    if (!active) return;
    const id = setTimeout(() => setShown(true), ms);
    return () => {
      clearTimeout(id);
      setShown(false);
    };
  }, [active, ms]);
  return active && shown;
}
