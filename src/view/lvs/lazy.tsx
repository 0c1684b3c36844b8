/**
 * The LVS views, loaded on first use (they are not part of the first load: see the perf
 * budget): the canvas bar and the inspector's overview appear only in scenarios with real
 * servers or connections, the ipvsadm views only for hosts with IPVS tables.
 */
import { lazy, Suspense, useMemo } from 'react';
import { useApp } from '../../store/StoreContext.tsx';

const LvsBarLazy = lazy(() => import('./LvsBar.tsx').then((m) => ({ default: m.LvsBar })));
const LvsOverviewLazy = lazy(() => import('./LvsOverview.tsx').then((m) => ({ default: m.LvsOverview })));
const LvsEditorLazy = lazy(() => import('./LvsEditor.tsx').then((m) => ({ default: m.LvsEditor })));
const IpvsadmLazy = lazy(() => import('./IpvsadmView.tsx').then((m) => ({ default: m.IpvsadmView })));

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
  return lvs ? <Suspense fallback={null}><LvsBarLazy /></Suspense> : null;
}

export function LvsOverviewSlot() {
  const lvs = useIsLvs();
  return lvs ? <Suspense fallback={null}><LvsOverviewLazy /></Suspense> : null;
}

export function IpvsadmSlot({ host }: { host: string }) {
  const sim = useApp((s) => s.sim);
  const has = useMemo(() => !!sim?.steps.some((st) => st.ipvs && Object.hasOwn(st.ipvs, host)), [sim, host]);
  return has ? <Suspense fallback={null}><IpvsadmLazy host={host} /></Suspense> : null;
}

/** The Configure tab's sockets and virtual services (every host can listen; directors have services). */
export function LvsEditorSlot({ host }: { host: string }) {
  return <Suspense fallback={null}><LvsEditorLazy host={host} /></Suspense>;
}
