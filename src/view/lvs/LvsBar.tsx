import './lvs.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/StoreContext.tsx';
import { ArpFixToggle } from './ArpFixToggle.tsx';
import { stepConnections } from './connections.ts';

/**
 * Over the canvas, in a scenario with real servers: the ARP-fix switch, and what the last
 * connect step the playback has completed did (through the director or past it).
 */
export function LvsBar() {
  const { t } = useTranslation();
  const sim = useApp((s) => s.sim);
  const all = useMemo(() => (sim ? stepConnections(sim) : []), [sim]);
  const done = useApp((s) => {
    for (let i = all.length - 1; i >= 0; i--) if (s.cursor >= all[i].end) return i;
    return -1;
  });
  const sc = done >= 0 ? all[done] : null;
  const failed = sc ? Object.values(sc.failed).reduce((x, y) => x + (y ?? 0), 0) : 0;
  return (
    <div className="lvs-bar" data-testid="lvs-bar">
      <ArpFixToggle />
      {sc ? (
        <p className={`lvs-bar-summary${sc.bypassed ? ' bypassed' : ''}`} role="status" data-bypassed={sc.bypassed} data-via={sc.viaDirector}>
          {t('lvs.conns.summary', { total: sc.rows.length, via: sc.viaDirector, bypassed: sc.bypassed, failed })}
        </p>
      ) : null}
    </div>
  );
}
