import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { stepOfCursor } from '../../store/derive/timeline.ts';
import { useGeometry, useNeighOf, useNeighTables, useOwners } from '../hooks/derived.ts';
import { useThrottledCursor } from '../hooks/useThrottledCursor.ts';
import { useProgressive } from '../hooks/useProgressive.ts';
import { useLoadGeneration } from '../share/loadGeneration.ts';
import { useEditorApi } from '../editor/EditorContext.tsx';
import { EditLayer } from '../editor/EditLayer.tsx';
import { beginBand } from '../editor/gestures.ts';
import { HostNode } from './HostNode.tsx';
import { Legend } from './Legend.tsx';
import { Links } from './Links.tsx';
import { createPanZoom, fitTransform, type PanZoom } from './panZoom.ts';
import { SegmentNode } from './SegmentNode.tsx';
import { StopMarks } from './StopMarks.tsx';
import { emptyHits, hitToken, TokenLayer, type TokenHits } from './TokenLayer.tsx';
import type { RasterPicked } from './raster/RasterTopology.tsx';
import { useVisibleStops } from './visibleStops.ts';
import { clickNode } from '../editor/selection.ts';

/**
 * From this many hosts on, the topology is drawn on a 2D canvas (raster/RasterTopology.tsx,
 * loaded when first needed) instead of as SVG nodes: each SVG card costs style and layout
 * (128 of them took 0.3–0.5 s to appear on a busy 2-core machine), the canvas costs a few
 * milliseconds per frame whatever the count. Smaller topologies stay SVG, every node an element.
 */
export const RASTER_FROM = 48;
const RasterTopology = lazy(() => import('./raster/RasterTopology.tsx'));

/** Width of the editor's palette on the canvas's left edge (kept free when fitting). */
const PALETTE_W = 84;

/** Below this zoom, labels too small to read are not drawn (level of detail). */
const LOD_ZOOM = 0.35;

/** The only component that re-renders on pan/zoom: it applies the viewport transform. */
function Viewport({ children }: { children: ReactNode }) {
  const v = useApp((s) => s.viewport);
  return (
    <g className="viewport" transform={`translate(${v.x},${v.y}) scale(${v.k})`} data-lod={v.k < LOD_ZOOM ? 'low' : 'high'}>
      {children}
    </g>
  );
}

/** Host cards drawn per animation frame when a large topology appears (128 cards at once block the page for 0.2–0.6 s). */
const HOSTS_PER_FRAME = 24;

/** The topology: hosts, ports, switches and links, with the trace's frames animated on top. */
export function Canvas() {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const ed = useEditorApi();
  const svgRef = useRef<SVGSVGElement>(null);
  const pz = useRef<PanZoom | null>(null);
  const hits = useRef<TokenHits>(emptyHits());
  const g = useGeometry(RASTER_FROM);
  const raster = (g?.hosts.length ?? 0) >= RASTER_FROM;
  const shownHosts = useProgressive(raster ? 0 : (g?.hosts.length ?? 0), HOSTS_PER_FRAME);
  const rasterPick = useRef<((clientX: number, clientY: number) => RasterPicked | null) | null>(null);
  const animate = useApp((s) => s.animate);
  // Tables and marks follow the playback a few times a second, not on every animation frame.
  const cursor = useThrottledCursor(80);
  // SVG cards show every host's table; the raster canvas asks for the tables of the hosts it draws rows for.
  const neigh = useNeighTables(raster ? null : cursor);
  const neighOf = useNeighOf(raster ? cursor : null);
  const owners = useOwners();
  const step = useApp((s) => (s.sim ? stepOfCursor(s.sim, cursor) : 0));
  const stepFirst = useApp((s) => s.sim?.steps[step]?.events[0] ?? 0);
  const marks = useVisibleStops(stepFirst, cursor);
  // Flash changed cache rows only when few change at once (a flash is an animation per row).
  const flash = useMemo(() => {
    let n = 0;
    for (const rows of Object.values(neigh)) for (const r of rows) if (r.changedAt >= stepFirst) n++;
    return animate && n <= 24;
  }, [neigh, stepFirst, animate]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    pz.current = createPanZoom(svg, (v) => api.getState().setViewport(v));
    return () => pz.current?.destroy();
  }, [api]);

  const fit = useCallback(
    (smooth: boolean) => {
      const svg = svgRef.current;
      if (!svg || !g) return;
      const r = svg.getBoundingClientRect();
      if (r.width < 10 || r.height < 10) return;
      const legend = svg.parentElement?.querySelector('.legend')?.getBoundingClientRect().height ?? 0;
      pz.current?.setTransform(fitTransform(g.bounds, r.width, r.height, { top: 48, right: 16, bottom: legend + 20, left: PALETTE_W + 16 }), smooth);
    },
    [g],
  );

  // Fit once the topology is known, and whenever a different scenario is loaded.
  const loads = useLoadGeneration();
  const hostsKey = g ? `${loads}:${g.hosts.map((h) => h.name).join(',')}` : '';
  const fitted = useRef('');
  useEffect(() => {
    if (!g || fitted.current === hostsKey) return;
    const first = fitted.current === '';
    fitted.current = hostsKey;
    // An edit (add, rename, delete, undo) keeps the view where the user is working.
    if (!first && api.getState().dirty) return;
    fit(false);
  }, [g, hostsKey, fit, api]);
  // Entering, leaving or turning a lesson's step changes the scenario and the canvas's width:
  // the new drawing is fitted once the column widths have settled.
  const lessonKey = useApp((s) => (s.lesson ? `${s.lesson.id}/${s.lesson.step}/${s.lesson.trainer}` : ''));
  const lessonSeen = useRef(lessonKey);
  const lessonFit = useRef(false);
  useEffect(() => {
    if (lessonSeen.current !== lessonKey) {
      lessonSeen.current = lessonKey;
      lessonFit.current = true;
    } else if (!lessonFit.current) return;
    // Fitted now, and again when the step's drawing (g) arrives.
    const id = requestAnimationFrame(() => fit(false));
    return () => cancelAnimationFrame(id);
  }, [lessonKey, fit]);
  useEffect(() => {
    if (lessonFit.current && !api.getState().dirty) lessonFit.current = false;
  }, [g, api]);

  const zoomBy = (f: number) => {
    const v = api.getState().viewport;
    const svg = svgRef.current;
    if (!svg) return;
    const r = svg.getBoundingClientRect();
    const cx = r.width / 2;
    const cy = r.height / 2;
    const k = Math.min(4, Math.max(0.02, v.k * f));
    pz.current?.setTransform({ k, x: cx - ((cx - v.x) * k) / v.k, y: cy - ((cy - v.y) * k) / v.k }, animate);
  };

  return (
    <div className="canvas-wrap">
      {g && raster ? (
        <Suspense fallback={null}>
          <RasterTopology g={g} svgRef={svgRef} pickRef={rasterPick} neighOf={neighOf} owners={owners} stepFirst={stepFirst} marks={marks} />
        </Suspense>
      ) : null}
      <svg ref={svgRef} className="canvas" role="group" aria-label={t('canvas.label')} onPointerDown={(e) => beginBand(e, api, ed)} onClick={(e) => {
        // A click on a frame token (drawn on the layer above) selects the frame; on the background, nothing.
        const r = e.currentTarget.getBoundingClientRect();
        const frameId = hitToken(hits.current, e.clientX - r.left, e.clientY - r.top);
        if (frameId !== null) return api.getState().select({ kind: 'frame', frameId });
        if (e.target !== e.currentTarget) return;
        // On a raster topology, what the canvas drew under the pointer.
        const p = rasterPick.current?.(e.clientX, e.clientY) ?? null;
        if (p?.kind === 'stop') api.getState().select({ kind: 'frame', frameId: p.mark.frameId, at: { host: p.mark.host, dev: p.mark.dev } });
        else if (p?.kind === 'port') api.getState().select({ kind: 'iface', host: p.host, dev: p.dev });
        else if (p) clickNode(api, ed, p.kind === 'host' ? p.host : p.segment, e.shiftKey);
        else api.getState().select(null);
      }}>
        {g ? (
          <Viewport>
            {raster ? null : <Links g={g} />}
            {raster
              ? null
              : g.segments.map((s) => (
                  <SegmentNode key={s.name} s={s} />
                ))}
            {g.hosts.slice(0, shownHosts).map((h) => (
              <HostNode key={h.name} g={h} neigh={neigh[h.name]} owners={owners} stepFirst={stepFirst} flash={flash} />
            ))}
            {raster ? null : <StopMarks g={g} marks={marks} />}
            <EditLayer g={g} handles={raster ? 'selected' : 'all'} />
          </Viewport>
        ) : null}
      </svg>
      {/* Frames in flight on their own layer: moving them repaints only this layer, not the topology. */}
      {g ? <TokenLayer g={g} hits={hits.current} /> : null}
      <div className="canvas-tools" role="toolbar" aria-label={t('canvas.zoomTools')}>
        <button type="button" onClick={() => zoomBy(1.25)} aria-label={t('canvas.zoomIn')} title={t('canvas.zoomIn')}>+</button>
        <button type="button" onClick={() => zoomBy(0.8)} aria-label={t('canvas.zoomOut')} title={t('canvas.zoomOut')}>−</button>
        <button type="button" onClick={() => fit(animate)}>{t('canvas.fit')}</button>
      </div>
      <Legend />
    </div>
  );
}
