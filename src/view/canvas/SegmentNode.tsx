import { memo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { nudge } from '../editor/commands.ts';
import { useEditorApi } from '../editor/EditorContext.tsx';
import { clickNode } from '../editor/selection.ts';
import type { SegmentGeom } from './geometry.ts';
import { useNodeDrag } from './useNodeDrag.ts';
import { isolate } from '../../i18n/displayText.ts';

/** An L2 segment (a Linux bridge) drawn as a switch. */
export const SegmentNode = memo(function SegmentNode({ s }: { s: SegmentGeom }) {
  const api = useAppStoreApi();
  const ed = useEditorApi();
  const { t } = useTranslation();
  const ref = useRef<SVGGElement>(null);
  useNodeDrag(ref, s.name, s);
  const selected = useApp((st) => st.selection?.kind === 'segment' && st.selection.segment === s.name);
  const select = () => api.getState().select({ kind: 'segment', segment: s.name });
  const onKey = (e: KeyboardEvent) => {
    const d = { ArrowLeft: [-10, 0], ArrowRight: [10, 0], ArrowUp: [0, -10], ArrowDown: [0, 10] }[e.key];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select();
    } else if (d) {
      e.preventDefault();
      const k = e.shiftKey ? 5 : 1;
      nudge(api, ed, s.name, d[0] * k, d[1] * k);
    }
  };
  return (
    <g
      ref={ref}
      data-draggable
      data-segment={s.name}
      className={`segment${selected ? ' selected' : ''}`}
      tabIndex={0}
      role="button"
      aria-label={t('canvas.segment', { name: s.name, count: s.ports.length })}
      aria-pressed={selected}
      onClick={(e) => clickNode(api, ed, s.name, e.shiftKey)}
      onKeyDown={onKey}
    >
      <rect className="switch-box" x={s.x - s.w / 2} y={s.y - s.h / 2} width={s.w} height={s.h} rx={5} />
      <text className="switch-label" x={s.x} y={s.y + 5} textAnchor="middle">
        {isolate(s.name)} <tspan className="switch-kind">{t('canvas.bridge')}</tspan>
      </text>
    </g>
  );
});
