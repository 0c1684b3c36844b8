import { memo, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeighView } from '../../store/derive/neighAt.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { nudge } from '../editor/commands.ts';
import { useEditorApi } from '../editor/EditorContext.tsx';
import { kindOf, KindGlyph } from '../editor/KindIcon.tsx';
import { clickNode } from '../editor/selection.ts';
import type { HostGeom } from './geometry.ts';
import { PortNode } from './PortNode.tsx';
import { useNodeDrag } from './useNodeDrag.ts';
import { isolate } from '../../i18n/displayText.ts';

const MAX_ROWS = 3;
const NUDGE = 10;
/** Shift+arrow moves this many times further. */
const NUDGE_BIG = 5;

interface Props {
  g: HostGeom;
  neigh: NeighView[] | undefined;
  owners: Record<string, string>;
  /** First event index of the step on screen: rows changed since then are highlighted. */
  stepFirst: number;
  /** Animate the highlight of changed rows. */
  flash: boolean;
}

/** A host: a card with its name, VIPs on lo, its neighbour table, and its interfaces as ports. */
export const HostNode = memo(function HostNode({ g, neigh, owners, stepFirst, flash }: Props) {
  const api = useAppStoreApi();
  const ed = useEditorApi();
  const { t } = useTranslation();
  const ref = useRef<SVGGElement>(null);
  useNodeDrag(ref, g.name, g);
  const sel = useApp((s) => (s.selection?.kind === 'host' && s.selection.host === g.name ? '' : s.selection?.kind === 'iface' && s.selection.host === g.name ? s.selection.dev : null));
  const onKey = (e: KeyboardEvent) => {
    const d = { ArrowLeft: [-NUDGE, 0], ArrowRight: [NUDGE, 0], ArrowUp: [0, -NUDGE], ArrowDown: [0, NUDGE] }[e.key];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      api.getState().select({ kind: 'host', host: g.name });
    } else if (d && e.target === e.currentTarget) {
      e.preventDefault();
      const k = e.shiftKey ? NUDGE_BIG : 1;
      nudge(api, ed, g.name, d[0] * k, d[1] * k);
    }
  };
  const rows = neigh ?? [];
  const clipId = `card-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const x0 = g.x - g.w / 2;
  const y0 = g.y - g.h / 2;
  return (
    <g className={`host${sel === '' ? ' selected' : ''}`} data-host={g.name}>
      <g
        ref={ref}
        data-draggable
        tabIndex={0}
        role="button"
        aria-label={t('canvas.host', { host: g.name })}
        aria-pressed={sel === ''}
        onClick={(e) => clickNode(api, ed, g.name, e.shiftKey)}
        onKeyDown={onKey}
        className="host-body"
      >
        <rect className="host-card" x={x0} y={y0} width={g.w} height={g.h} rx={8} />
        {g.kind && g.kind !== 'host' ? (
          <g className="host-icon">
            <title>{t(`hostKind.${g.kind}`)}</title>
            <KindGlyph kind={kindOf(g.kind)} x={x0 + 10} y={y0 + 8} size={18} />
          </g>
        ) : null}
        <text className="host-name" x={x0 + (g.kind && g.kind !== 'host' ? 34 : 12)} y={y0 + 22}>
          {isolate(g.name)}
          {g.kind && g.kind !== 'host' && g.loAddresses.length === 0 ? <tspan className="host-kind"> {t(`hostKind.${g.kind}`)}</tspan> : null}
        </text>
        {g.loAddresses.length > 0 ? (
          <text className="host-lo" x={x0 + g.w - 12} y={y0 + 22} textAnchor="end">
            lo {g.loAddresses.join(' ')}
          </text>
        ) : null}
        {/* A row longer than the card is cut at its edge (the whole row is in its tooltip). */}
        <clipPath id={clipId}>
          <rect x={x0 + 4} y={y0} width={g.w - 8} height={g.h} />
        </clipPath>
        <g className="neigh-mini" data-neigh-host={g.name}>
          {rows.length === 0 ? (
            <text className="neigh-empty" x={x0 + 12} y={y0 + 44}>{t('canvas.neighEmpty')}</text>
          ) : (
            rows.slice(0, MAX_ROWS).map((r, i) => {
              // As `ip neigh` says it: the device is what tells a two-NIC host's entries apart.
              const who = isolate(r.lladdr ? (owners[r.lladdr] ?? r.lladdr) : '—');
              const dev = isolate(r.dev);
              return (
                <text
                  key={`${r.dev} ${r.ip} ${r.changedAt}`}
                  className={`neigh-row st-${r.state.toLowerCase()}${r.changedAt >= stepFirst ? ` changed${flash ? ' flash' : ''}` : ''}`}
                  x={x0 + 12}
                  y={y0 + 44 + i * 16}
                  data-ip={r.ip}
                  data-dev={r.dev}
                  clipPath={`url(#${clipId})`}
                >
                  <title>{`${r.ip} dev ${dev} lladdr ${r.lladdr ?? '—'} ${r.state} (${who})`}</title>
                  {r.ip} <tspan className="neigh-dev">dev {dev}</tspan> → {who} <tspan className="neigh-state">{r.state}</tspan>
                </text>
              );
            })
          )}
          {rows.length > MAX_ROWS ? (
            <text className="neigh-more" x={x0 + g.w - 12} y={y0 + g.h - 8} textAnchor="end">{t('canvas.moreRows', { count: rows.length - MAX_ROWS })}</text>
          ) : null}
        </g>
      </g>
      {g.ports.map((p) => (
        <PortNode key={p.id} p={p} selected={sel === p.dev} />
      ))}
    </g>
  );
});
