import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/StoreContext.tsx';
import { FrameGlyph } from './FrameGlyph.tsx';
import { FRAME_STYLES } from './frameStyle.ts';
import type { FrameKind } from '../../engine/index.ts';

const SHOWN: FrameKind[] = ['arp-request', 'arp-reply', 'garp', 'dad-probe', 'icmp-echo-request'];
/** Shown only when the trace has them (LVS scenarios): TCP/UDP segments and IP-in-IP packets. */
const LVS_SHOWN: FrameKind[] = ['tcp', 'ipip'];

/** Key to the token shapes, and the two stop marks. */
export function Legend() {
  const { t } = useTranslation();
  const timeline = useApp((s) => s.timeline);
  const shown = useMemo(() => {
    const has = new Set<FrameKind>(timeline.flights.map((f) => (f.kind === 'udp' ? 'tcp' : f.kind)));
    return [...SHOWN, ...LVS_SHOWN.filter((k) => has.has(k))];
  }, [timeline]);
  return (
    <ul className="legend" aria-label={t('canvas.legend')}>
      {shown.map((k) => (
        <li key={k} className={FRAME_STYLES[k].cls}>
          <svg width="22" height="22" viewBox="-11 -11 22 22" aria-hidden="true">
            <FrameGlyph shape={FRAME_STYLES[k].shape} />
          </svg>
          {t(FRAME_STYLES[k].nameKey)}
        </li>
      ))}
      <li className="stop-drop">
        <svg width="22" height="22" viewBox="-11 -11 22 22" aria-hidden="true">
          <circle className="stop-disc" r={9} />
          <path className="stop-x" d="M-4,-4 L4,4 M4,-4 L-4,4" />
        </svg>
        {t('canvas.legendDrop')}
      </li>
      <li className="stop-ignore">
        <svg width="22" height="22" viewBox="-11 -11 22 22" aria-hidden="true">
          <circle className="stop-disc" r={9} />
          <path className="stop-x" d="M-5,5 L5,-5" />
        </svg>
        {t('canvas.legendIgnore')}
      </li>
    </ul>
  );
}
