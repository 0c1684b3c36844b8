import { useEffect, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { nodeOfSelection } from './selection.ts';
import { endId, type LinkEnd } from '../../ops/link.ts';
import type { Geometry } from '../canvas/geometry.ts';
import { useShare } from '../share/shareContext.ts';
import { useEditor, useEditorApi } from './EditorContext.tsx';
import { beginLinkDrag } from './gestures.ts';

type Box = { x: number; y: number; w: number; h: number };

function boxOf(g: Geometry, e: LinkEnd): Box | null {
  if (e.kind === 'host') {
    const h = g.hosts[g.hostIndex[e.host]];
    return h ? { x: h.x - h.w / 2, y: h.y - h.h / 2, w: h.w, h: h.h } : null;
  }
  if (e.kind === 'segment') {
    const s = g.segments[g.segmentIndex[e.segment]];
    return s ? { x: s.x - s.w / 2, y: s.y - s.h / 2, w: s.w, h: s.h } : null;
  }
  const p = g.ports[`${e.host}.${e.dev}`];
  return p ? { x: p.x - 9, y: p.y - 9, w: 18, h: 18 } : null;
}

const center = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
/** Where a link starts: a port's centre, or the handle (top-right corner) of a host or switch. */
const start = (e: LinkEnd, b: Box) => (e.kind === 'port' ? center(b) : { x: b.x + b.w, y: b.y });

/**
 * Drawn above the topology, inside the viewport: link handles on every host and switch,
 * the link being dragged (with its target outlined), the rubber band, and the
 * multi-selection's outlines. Also tells the editor where things are drawn.
 */
export function EditLayer({ g, handles = 'all' }: { g: Geometry; handles?: 'all' | 'selected' }) {
  const { t } = useTranslation();
  const app = useAppStoreApi();
  const ed = useEditorApi();
  const linkDrag = useEditor((s) => s.link);
  const band = useEditor((s) => s.band);
  const multi = useEditor((s) => s.multi);
  const embed = useShare()?.embed ?? false;
  // A large topology (drawn on the raster canvas) shows the handles of the selected nodes only: a
  // thousand handles would be a thousand SVG elements again.
  const selectedNode = useApp((s) => (handles === 'selected' ? nodeOfSelection(s.selection) : null));
  const withHandle = (id: string) => handles === 'all' || id === selectedNode || multi.includes(id);
  useEffect(() => {
    ed.setState({ geometry: g, readOnly: embed });
  }, [ed, g, embed]);
  // Embedded diagrams are read-only.
  if (embed) return null;
  const press = (from: LinkEnd) => (e: ReactPointerEvent) => beginLinkDrag(e, from, app, ed);
  const from = linkDrag ? boxOf(g, linkDrag.from) : null;
  const over = linkDrag?.over && endId(linkDrag.over) !== endId(linkDrag.from) ? boxOf(g, linkDrag.over) : null;
  return (
    <g className="edit-layer">
      {multi.map((id) => {
        const b = boxOf(g, g.hostIndex[id] !== undefined ? { kind: 'host', host: id } : { kind: 'segment', segment: id });
        return b ? <rect key={id} className="multi-outline" x={b.x - 6} y={b.y - 6} width={b.w + 12} height={b.h + 12} rx={10} /> : null;
      })}
      {g.hosts.filter((h) => withHandle(h.name)).map((h) => (
        <g
          key={h.name}
          className="link-handle"
          data-link-handle={h.name}
          transform={`translate(${h.x + h.w / 2},${h.y - h.h / 2})`}
          onPointerDown={press({ kind: 'host', host: h.name })}
        >
          <title>{t('editor.linkHandle', { name: h.name })}</title>
          <circle r={9} />
          <path d="M-4 0H4M0 -4V4" />
        </g>
      ))}
      {g.segments.filter((s) => withHandle(s.name)).map((s) => (
        <g
          key={s.name}
          className="link-handle"
          data-link-handle={s.name}
          transform={`translate(${s.x + s.w / 2},${s.y - s.h / 2})`}
          onPointerDown={press({ kind: 'segment', segment: s.name })}
        >
          <title>{t('editor.linkHandle', { name: s.name })}</title>
          <circle r={9} />
          <path d="M-4 0H4M0 -4V4" />
        </g>
      ))}
      {linkDrag && from ? (
        <g className="link-preview" data-testid="link-preview">
          {over ? <rect className="link-target" x={over.x - 5} y={over.y - 5} width={over.w + 10} height={over.h + 10} rx={8} /> : null}
          <line x1={start(linkDrag.from, from).x} y1={start(linkDrag.from, from).y} x2={over ? center(over).x : linkDrag.at.x} y2={over ? center(over).y : linkDrag.at.y} />
        </g>
      ) : null}
      {band ? <rect className="band" data-testid="band" x={band.x0} y={band.y0} width={band.x1 - band.x0} height={band.y1 - band.y0} /> : null}
    </g>
  );
}
