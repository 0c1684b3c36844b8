import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/StoreContext.tsx';
import { ChangesPanel } from './ChangesPanel.tsx';
import { HostInspector } from './HostInspector.tsx';
import { ScenarioInfo } from './ScenarioInfo.tsx';
import { SegmentInspector } from './SegmentInspector.tsx';
import { LvsOverviewSlot } from '../lvs/lazy.tsx';
import { loadedOnUse } from '../loadedOnUse.tsx';

// A frame's Why and bytes: shown once a frame or a mark is clicked, loaded then (README "First load").
// Loaded when a frame is first selected; not React.lazy, whose Suspense retry can starve while
// playback updates every frame (see ../loadedOnUse.tsx).
const WhyPanel = loadedOnUse(() => import('./WhyPanel.tsx').then((m) => m.WhyPanel));
const FrameInspector = loadedOnUse(() => import('./FrameInspector.tsx').then((m) => m.FrameInspector));

/** The right-hand panel: what is selected on the canvas or in the event list. */
export function Inspector() {
  const { t } = useTranslation();
  const sel = useApp((s) => s.selection);
  const ref = useRef<HTMLElement>(null);
  // A new selection starts at the top of the panel, or at the interface it points at.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.scrollTop = 0;
    el.querySelector('.why-port.focus')?.scrollIntoView({ block: 'nearest' });
  }, [sel]);
  return (
    <aside ref={ref} className="inspector" aria-label={t('inspector.label')}>
      <ChangesPanel />
      {sel === null ? <ScenarioInfo /> : null}
      {sel === null ? <LvsOverviewSlot /> : null}
      {sel?.kind === 'host' ? <HostInspector host={sel.host} dev={null} /> : null}
      {sel?.kind === 'iface' ? <HostInspector host={sel.host} dev={sel.dev} /> : null}
      {sel?.kind === 'segment' ? <SegmentInspector segment={sel.segment} /> : null}
      {sel?.kind === 'frame' ? (
        <>
          <WhyPanel frameId={sel.frameId} at={sel.at ?? null} />
          <FrameInspector frameId={sel.frameId} />
        </>
      ) : null}
    </aside>
  );
}
