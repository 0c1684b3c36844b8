/**
 * The LVS views, loaded on first use (they are not part of the first load: see the perf
 * budget): the canvas bar and the inspector's overview appear only in scenarios with real
 * servers or connections, the ipvsadm views only for hosts with IPVS tables.
 */
import { useMemo } from 'react';
import { useApp } from '../../store/StoreContext.tsx';
import { loadedOnUse } from '../loadedOnUse.tsx';

// Not React.lazy: see loadedOnUse.tsx (a Suspense retry can starve while playback runs).
const LvsBarLazy = loadedOnUse(() => import('./LvsBar.tsx').then((m) => m.LvsBar));
const LvsOverviewLazy = loadedOnUse(() => import('./LvsOverview.tsx').then((m) => m.LvsOverview));
const LvsEditorLazy = loadedOnUse(() => import('./LvsEditor.tsx').then((m) => m.LvsEditor));
const IpvsadmLazy = loadedOnUse(() => import('./IpvsadmView.tsx').then((m) => m.IpvsadmView));

/** Is this an LVS scenario: real servers, or a step that opened connections or recorded IPVS tables? */
export function useIsLvs(): boolean {
  const hosts = useApp((s) => s.scenario.hosts);
  const sim = useApp((s) => s.sim);
  return useMemo(
    () => Object.values(hosts).some((h) => h.kind === 'real-server') || !!sim?.steps.some((st) => st.connections || st.ipvs),
    [hosts, sim],
  );
}

export function LvsBarSlot() {
  const lvs = useIsLvs();
  return lvs ? <LvsBarLazy /> : null;
}

export function LvsOverviewSlot() {
  const lvs = useIsLvs();
  return lvs ? <LvsOverviewLazy /> : null;
}

export function IpvsadmSlot({ host }: { host: string }) {
  const sim = useApp((s) => s.sim);
  const has = useMemo(() => !!sim?.steps.some((st) => st.ipvs && Object.hasOwn(st.ipvs, host)), [sim, host]);
  return has ? <IpvsadmLazy host={host} /> : null;
}

/** The Configure tab's sockets and virtual services (every host can listen; directors have services). */
export function LvsEditorSlot({ host }: { host: string }) {
  return <LvsEditorLazy host={host} />;
}
