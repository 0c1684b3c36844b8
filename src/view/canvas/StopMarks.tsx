import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import type { TFunction } from 'i18next';
import type { StopMark as StopMarkData } from '../../store/derive/timeline.ts';
import type { AppStore } from '../../store/createAppStore.ts';
import type { Geometry } from './geometry.ts';
import { STOP_R, stopPlace } from './stopPlace.ts';
import type { VisibleStop } from './visibleStops.ts';

/**
 * Marks where a frame stopped in the step on screen: ✕ for a drop (rp_filter, arp_filter…),
 * ⊘ for a request left unanswered (arp_ignore, not for us). Clicking one opens "why".
 * (A topology drawn on the raster canvas draws them there: raster/drawStopMarks.ts.)
 */
export const StopMarks = memo(function StopMarks({ g, marks }: { g: Geometry; marks: VisibleStop[] }) {
  const api = useAppStoreApi();
  const { t } = useTranslation();
  const selected = useApp((s) => (s.selection?.kind === 'frame' ? s.selection.frameId : null));
  return (
    <g className="stops">
      {marks.map(([id, m]) => (
        <StopMark key={id} id={id} m={m} g={g} selected={selected === m.frameId} t={t} api={api} />
      ))}
    </g>
  );
});

/**
 * One mark; memoised, so that as the playback moves only new marks render (a large
 * topology can show hundreds at once, each with a translated name). Its words come from the
 * list's `t`: a translation hook per mark costs ~0.1 ms apiece.
 */
const StopMark = memo(function StopMark({ id, m, g, selected, t, api }: { id: string; m: StopMarkData; g: Geometry; selected: boolean; t: TFunction; api: AppStore }) {
  const at = stopPlace(g, id);
  if (!at) return null;
  const { x, y, slanted, side } = at;
  const open = () => api.getState().select({ kind: 'frame', frameId: m.frameId, at: { host: m.host, dev: m.dev } });
  return (
    <g
      className={`stop stop-${m.verdict}${selected ? ' selected' : ''}`}
      transform={`translate(${x},${y})`}
      tabIndex={0}
      role="button"
      data-stop={id}
      data-rule={m.rule}
      aria-label={t(m.verdict === 'drop' ? 'canvas.dropMark' : 'canvas.ignoreMark', { port: id, rule: m.rule })}
      onClick={(e) => {
        e.stopPropagation();
        open();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          open();
        }
      }}
    >
      <circle className="stop-disc" r={STOP_R} />
      {m.verdict === 'drop' ? <path className="stop-x" d="M-5,-5 L5,5 M5,-5 L-5,5" /> : <path className="stop-x" d="M-6,6 L6,-6" />}
      <text className="stop-label" x={slanted ? 0 : side * 14} y={slanted ? 24 : 4} textAnchor={slanted ? 'middle' : side === 1 ? 'start' : 'end'}>
        {m.rule}
      </text>
    </g>
  );
});
