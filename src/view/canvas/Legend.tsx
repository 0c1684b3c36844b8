import { useMemo, useRef } from 'react';
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
  const flights = useApp((s) => s.timeline.flights);
  const count = useApp((s) => s.timeline.flights.length);
  // A streaming run grows one flights array (store/traceStream.ts): only the new flights are looked at.
  const seen = useRef<{ flights: unknown; upTo: number; has: Set<FrameKind> }>({ flights: null, upTo: 0, has: new Set() });
  const shown = useMemo(() => {
    let c = seen.current;
    if (c.flights !== flights) c = seen.current = { flights, upTo: 0, has: new Set() };
    for (let i = c.upTo; i < count; i++) c.has.add(flights[i].kind === 'udp' ? 'tcp' : flights[i].kind);
    c.upTo = count;
    const has = c.has;
    return [...SHOWN, ...LVS_SHOWN.filter((k) => has.has(k))];
  }, [flights, count]);
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
