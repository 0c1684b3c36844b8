/**
 * Frames on the wire. React renders one element per frame in the air (the set changes only
 * when a frame is sent or arrives); their positions change on every animation frame and are
 * written straight to the DOM from a store subscription (zustand's transient updates), so
 * playback does not re-render React 60 times a second.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flightsInAir, TRAVEL_MS, type Flight } from '../../store/derive/timeline.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import type { AppState } from '../../store/types.ts';
import { FrameGlyph } from './FrameGlyph.tsx';
import { FRAME_STYLES } from './frameStyle.ts';
import type { Geometry } from './geometry.ts';
import { tokenPositions } from './tokenPath.ts';

function place(els: Map<number, SVGGElement>, g: Geometry, flights: Flight[], v: number) {
  for (const f of flights) {
    const el = els.get(f.frameId);
    if (!el) continue;
    const { outbound, pts } = tokenPositions(g, f, v, TRAVEL_MS);
    const kids = el.children;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i] as SVGGElement;
      const pt = outbound ? (i === 0 ? pts[0] : undefined) : i === 0 ? undefined : pts[i - 1];
      if (pt) {
        k.setAttribute('transform', `translate(${pt.x.toFixed(1)},${pt.y.toFixed(1)})`);
        k.removeAttribute('visibility');
      } else k.setAttribute('visibility', 'hidden');
    }
  }
}

export const TokenLayer = memo(function TokenLayer({ g }: { g: Geometry }) {
  const api = useAppStoreApi();
  const [flights, setFlights] = useState<Flight[]>([]);
  const els = useRef(new Map<number, SVGGElement>());
  const selected = useApp((s) => (s.selection?.kind === 'frame' ? s.selection.frameId : null));

  useEffect(() => {
    let key = '';
    let shown: Flight[] = [];
    const update = (s: AppState) => {
      const list = flightsInAir(s.timeline, s.cursor, s.vtime);
      const k = list.map((f) => f.frameId).join(',');
      if (k !== key) {
        key = k;
        shown = list;
        setFlights(list);
      } else place(els.current, g, shown, s.vtime);
    };
    update(api.getState());
    return api.subscribe(update);
  }, [api, g]);

  useLayoutEffect(() => {
    place(els.current, g, flights, api.getState().vtime);
  }, [flights, g, api]);

  return (
    <g className="tokens">
      {flights.map((f) => {
        const st = FRAME_STYLES[f.kind];
        const n = Math.max(1, f.deliveries.length);
        return (
          <g
            key={f.frameId}
            ref={(el) => {
              if (el) els.current.set(f.frameId, el);
              else els.current.delete(f.frameId);
            }}
            className={`token ${st.cls}${selected === f.frameId ? ' selected' : ''}`}
            data-frame-id={f.frameId}
            data-kind={f.kind}
            onClick={(e) => {
              e.stopPropagation();
              api.getState().select({ kind: 'frame', frameId: f.frameId });
            }}
          >
            {Array.from({ length: n + 1 }, (_, i) => (
              <g key={i} visibility="hidden" data-to={i === 0 ? 'switch' : `${f.deliveries[i - 1]?.host}.${f.deliveries[i - 1]?.dev}`}>
                <FrameGlyph shape={st.shape} />
                <text className="token-label" x={12} y={-8}>{st.label}</text>
              </g>
            ))}
          </g>
        );
      })}
    </g>
  );
});
