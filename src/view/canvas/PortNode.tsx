import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStoreApi } from '../../store/StoreContext.tsx';
import { useEditorApi } from '../editor/EditorContext.tsx';
import { beginLinkDrag } from '../editor/gestures.ts';
import type { PortGeom } from './geometry.ts';
import { LINE } from './labelPlacement.ts';
import { isolate } from '../../i18n/displayText.ts';


/** An interface as a port on the host card's edge, labelled with name, addresses and MAC. */
export const PortNode = memo(function PortNode({ p, selected }: { p: PortGeom; selected: boolean }) {
  const api = useAppStoreApi();
  const ed = useEditorApi();
  const { t } = useTranslation();
  const select = () => api.getState().select({ kind: 'iface', host: p.host, dev: p.dev });
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      select();
    }
  };
  const lines = [isolate(p.dev), ...p.addresses, p.mac];
  // Placed by geometry (labelPlacement.ts) clear of cards, switches, links and other labels.
  const { dx: lx, dy: ly, anchor } = p.label;
  return (
    <g
      className={`port${selected ? ' selected' : ''}`}
      transform={`translate(${p.x},${p.y})`}
      tabIndex={0}
      role="button"
      aria-label={t('canvas.port', { port: p.id, mac: p.mac, addrs: p.addresses.join(', ') || t('canvas.noAddress') })}
      aria-pressed={selected}
      data-port={p.id}
      onClick={(e) => {
        e.stopPropagation();
        select();
      }}
      onKeyDown={onKey}
      // Dragging from a port connects it (to a switch, a host or another port); a click selects it.
      onPointerDown={(e) => beginLinkDrag(e, { kind: 'port', host: p.host, dev: p.dev }, api, ed)}
    >
      <rect className="port-box" x={-7} y={-7} width={14} height={14} rx={2} />
      <text className="port-label" textAnchor={anchor} x={lx} y={ly}>
        {lines.map((l, i) => (
          <tspan key={i} x={lx} dy={i === 0 ? 0 : LINE} className={i === 0 ? 'port-name' : i === lines.length - 1 ? 'port-mac' : 'port-addr'}>
            {l}
          </tspan>
        ))}
      </text>
    </g>
  );
});
