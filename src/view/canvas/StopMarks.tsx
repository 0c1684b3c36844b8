import { memo, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import type { TFunction } from 'i18next';
import type { StopMark as StopMarkData } from '../../store/derive/timeline.ts';
import type { AppStore } from '../../store/createAppStore.ts';
import { switchAnchor, type Geometry } from './geometry.ts';

/**
 * Marks where a frame stopped in the step on screen: ✕ for a drop (rp_filter, arp_filter…),
 * ⊘ for a request left unanswered (arp_ignore, not for us). Clicking one opens "why".
 */
export const StopMarks = memo(function StopMarks({ g, stepFirst, cursor }: { g: Geometry; stepFirst: number; cursor: number }) {
  const api = useAppStoreApi();
  const { t } = useTranslation();
  const stops = useApp((s) => s.timeline.stops);
  const selected = useApp((s) => (s.selection?.kind === 'frame' ? s.selection.frameId : null));
  // One mark per port: the latest frame stopped there (a drop outranks an ignore of the same
  // frame), over the stops of [stepFirst, cursor). Kept from update to update while the cursor
  // moves forward: a flood over a large topology records tens of thousands of stops, and only
  // the new ones are read (stops are in event order; a streamed run appends to the same array).
  const seen = useRef<{ stops: StopMarkData[]; stepFirst: number; upTo: number; at: number; byPort: Map<string, StopMarkData> } | null>(null);
  const visible = useMemo(() => {
    let c = seen.current;
    if (!c || c.stops !== stops || c.stepFirst !== stepFirst || cursor < c.upTo) {
      let at = 0;
      let hi = stops.length;
      while (at < hi) {
        const mid = (at + hi) >> 1;
        if (stops[mid].index < stepFirst) at = mid + 1;
        else hi = mid;
      }
      c = seen.current = { stops, stepFirst, upTo: stepFirst, at, byPort: new Map() };
    }
    let i = c.at;
    for (; i < stops.length && stops[i].index < cursor; i++) {
      const m = stops[i];
      const id = `${m.host}.${m.dev}`;
      const cur = c.byPort.get(id);
      if (cur && cur.frameId === m.frameId && cur.verdict === 'drop') continue;
      c.byPort.set(id, m);
    }
    c.at = i;
    c.upTo = cursor;
    return [...c.byPort.entries()];
  }, [stops, cursor, stepFirst]);
  return (
    <g className="stops">
      {visible.map(([id, m]) => (
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
  const p = g.ports[id];
  if (!p) return null;
  // On the port's link, beyond the port's own label.
  const seg = p.segment === null ? undefined : g.segments[g.segmentIndex[p.segment]];
  const to = seg ? switchAnchor(seg, p) : { x: p.x, y: p.y + 1 };
  const len = Math.hypot(to.x - p.x, to.y - p.y) || 1;
  const off = Math.min(60, len * 0.45);
  const x = p.x + ((to.x - p.x) / len) * off;
  const y = p.y + ((to.y - p.y) / len) * off;
  // The rule's name under the mark on a slanted link, else beside it, away from the port's label.
  const slanted = Math.abs(to.x - p.x) > 8 && Math.abs(to.y - p.y) > 8;
  const side = p.label.anchor === 'end' ? 1 : -1;
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
      <circle className="stop-disc" r={10} />
      {m.verdict === 'drop' ? <path className="stop-x" d="M-5,-5 L5,5 M5,-5 L-5,5" /> : <path className="stop-x" d="M-6,6 L6,-6" />}
      <text className="stop-label" x={slanted ? 0 : side * 14} y={slanted ? 24 : 4} textAnchor={slanted ? 'middle' : side === 1 ? 'start' : 'end'}>
        {m.rule}
      </text>
    </g>
  );
});
