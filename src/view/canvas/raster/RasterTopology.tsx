/**
 * A large topology (Canvas.tsx switches at RASTER_FROM hosts) drawn on a 2D canvas under the
 * SVG layer, instead of one SVG subtree per host: a thousand cards with their text would cost
 * the page seconds of style and layout when they appear and tens of milliseconds per pan.
 * The SVG above keeps the few interactive things (stop marks, editing handles, the band); this
 * module draws, picks and drags what the canvas shows:
 *  - drawing (drawTopology.ts) runs once per animation frame at most, when the viewport, the
 *    selection, the theme, the pointer's host or the neighbour tables change;
 *  - picking (pick.ts) answers clicks, hover, drags and link drops from the geometry; the stop
 *    marks (drawStopMarks.ts) answer clicks before what lies under them, as SVG marks on top would;
 *  - keyboard users get a list of every host and switch as buttons (visually hidden, in the tab
 *    order), with the selected host's interfaces: Enter selects, arrows move, as on the SVG cards;
 *    the focused one is outlined and named on the canvas; the selected host's stop marks follow.
 */
import { memo, useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeighOf } from '../../hooks/derived.ts';
import { useProgressive } from '../../hooks/useProgressive.ts';
import { useApp, useAppStoreApi } from '../../../store/StoreContext.tsx';
import type { AppState } from '../../../store/types.ts';
import { nudge } from '../../editor/commands.ts';
import { useEditorApi } from '../../editor/EditorContext.tsx';
import { beginLinkDrag, groupDragHandlers, setCanvasPicker, swallowClick, toCanvas, track } from '../../editor/gestures.ts';
import { clickNode, selectionFor } from '../../editor/selection.ts';
import type { Geometry, HostGeom } from '../geometry.ts';
import { drawTopology, readTopologyColors, type TopologyColors } from './drawTopology.ts';
import { setRasterDrawing, type Drawing } from './rasterExport.ts';
import { nextPickIndex, pickAt, type Picked, type PickIndex } from './pick.ts';
import { pickStopMark } from './drawStopMarks.ts';
import type { VisibleStop } from '../visibleStops.ts';
import type { StopMark } from '../../../store/derive/timeline.ts';
import type { PointerEvent as ReactPointerEvent } from 'react';

export interface RasterProps {
  g: Geometry;
  svgRef: RefObject<SVGSVGElement | null>;
  /** Set to this canvas's picker, for the SVG's click handler. */
  pickRef: { current: ((clientX: number, clientY: number) => RasterPicked | null) | null };
  /** A host's neighbour table at the playback position (computed when asked: only hosts drawn with their rows). */
  neighOf: NeighOf;
  owners: Record<string, string>;
  stepFirst: number;
  /** Where frames stopped in the step on screen (visibleStops.ts). */
  marks: VisibleStop[];
}

/** What a click on the canvas hits: a stop mark, or what pick.ts finds. */
export type RasterPicked = Picked | { kind: 'stop'; mark: StopMark };

const NUDGE = 10;
/** Hosts added to the keyboard list per animation frame while a topology appears. */
const LIST_PER_FRAME = 200;

function selectionParts(s: AppState) {
  const sel = s.selection;
  return {
    host: sel?.kind === 'host' || sel?.kind === 'iface' ? sel.host : null,
    port: sel?.kind === 'iface' ? `${sel.host}.${sel.dev}` : null,
    segment: sel?.kind === 'segment' ? sel.segment : null,
  };
}

export function RasterTopology({ g, svgRef, pickRef, neighOf, owners, stepFirst, marks }: RasterProps) {
  const api = useAppStoreApi();
  const ed = useEditorApi();
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  // Updated, not rebuilt, when a drag moves a few cards (nextPickIndex).
  const lastIndex = useRef<PickIndex | null>(null);
  const index = useMemo(() => (lastIndex.current = nextPickIndex(lastIndex.current, g)), [g]);
  // What React knows that the drawing needs; the rest is read from the store when drawing.
  const data = useRef({ g, neighOf, owners, stepFirst, marks, hovered: null as string | null, focusedMark: null as string | null, drewRows: false, words: { bridge: '', neighEmpty: '', more: (n: number) => `+${n}` } });
  data.current = { ...data.current, g, neighOf, owners, stepFirst, marks, words: { bridge: t('canvas.bridge'), neighEmpty: t('canvas.neighEmpty'), more: (n: number) => t('canvas.moreRows', { count: n }) } };
  const schedule = useRef<() => void>(() => {});

  // The drawing loop: at most one draw per animation frame, whatever asked for it.
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let colors: TopologyColors = readTopologyColors(canvas);
    let theme = api.getState().theme;
    let size = { w: 0, h: 0, dpr: 1 };
    let frame = 0;
    let drawnG: Geometry | null = null;
    let geometries = 0;
    const currentColors = () => {
      const now = api.getState().theme;
      if (now !== theme) {
        theme = now;
        colors = readTopologyColors(canvas);
      }
      return colors;
    };
    /** What is drawn, wherever the view looks: the screen's with its pointer and focus, the exports' without. */
    const drawing = (hovered: string | null, focusedMark: string | null): Drawing => {
      const s = api.getState();
      const sel = selectionParts(s);
      const d = data.current;
      return {
        g: d.g, colors: currentColors(),
        selectedHost: sel.host, selectedPort: sel.port, selectedSegment: sel.segment, hovered,
        neighOf: d.neighOf, owners: d.owners, stepFirst: d.stepFirst, words: d.words,
        marks: d.marks, selectedFrame: s.selection?.kind === 'frame' ? s.selection.frameId : null, focusedMark,
      };
    };
    setRasterDrawing(() => drawing(null, null));
    const draw = () => {
      frame = 0;
      if (size.w === 0) return;
      const s = api.getState();
      const t0 = performance.now();
      const sel = selectionParts(s);
      const d = data.current;
      const stats = drawTopology(ctx, { ...drawing(d.hovered, d.focusedMark), viewport: s.viewport, width: size.w, height: size.h, dpr: size.dpr });
      d.drewRows = stats.rows;
      // For tests and the bench: what was drawn, for which viewport and selection, in how long.
      canvas.dataset.hostsDrawn = String(stats.hosts);
      canvas.dataset.texts = String(stats.texts);
      canvas.dataset.marks = String(stats.marks);
      canvas.dataset.viewport = `${s.viewport.x.toFixed(1)},${s.viewport.y.toFixed(1)},${s.viewport.k.toFixed(4)}`;
      canvas.dataset.selected = sel.port ?? sel.host ?? sel.segment ?? '';
      canvas.dataset.hovered = d.hovered ?? '';
      // How many geometries have been drawn: each pointer move of a drag makes a new one.
      if (d.g !== drawnG) {
        drawnG = d.g;
        geometries++;
      }
      canvas.dataset.geometry = String(geometries);
      canvas.dataset.drawMs = (performance.now() - t0).toFixed(2);
    };
    const request = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    schedule.current = request;
    const resize = () => {
      const r = canvas.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      size = { w: r.width, h: r.height, dpr };
      canvas.width = Math.round(r.width * dpr);
      canvas.height = Math.round(r.height * dpr);
      draw();
    };
    const ro = new ResizeObserver(resize);
    ro.observe(canvas);
    resize();
    const unsub = api.subscribe((s, prev) => {
      if (s.viewport !== prev.viewport || s.selection !== prev.selection || s.theme !== prev.theme) request();
    });
    return () => {
      setRasterDrawing(null);
      unsub();
      ro.disconnect();
      if (frame) cancelAnimationFrame(frame);
      schedule.current = () => {};
    };
  }, [api]);

  // New data from React (geometry, owners, language): drawn on the next frame.
  useEffect(() => schedule.current(), [g, owners, t, marks]);
  // The playback moved: the tables and the step's changes show only where rows are drawn (zoomed in);
  // far out the drawing does not depend on them and is left as it is.
  useEffect(() => {
    if (data.current.drewRows) schedule.current();
  }, [neighOf, stepFirst]);

  // Picking for the SVG's clicks, for link drops (gestures.endAt) and for the pointer's own gestures below.
  useEffect(() => {
    const at = (clientX: number, clientY: number): Picked | null => {
      const svg = svgRef.current;
      if (!svg) return null;
      const p = toCanvas(api, svg, clientX, clientY);
      return pickAt(index, p.x, p.y, api.getState().viewport.k);
    };
    const markAt = (clientX: number, clientY: number): StopMark | null => {
      const svg = svgRef.current;
      if (!svg) return null;
      const p = toCanvas(api, svg, clientX, clientY);
      return pickStopMark(g, data.current.marks, p.x, p.y, api.getState().viewport.k)?.[1] ?? null;
    };
    pickRef.current = (clientX, clientY) => {
      const mark = markAt(clientX, clientY);
      return mark ? { kind: 'stop', mark } : at(clientX, clientY);
    };
    setCanvasPicker(at);
    const svg = svgRef.current;
    if (!svg) return;
    const hover = (name: string | null) => {
      if (data.current.hovered === name) return;
      data.current.hovered = name;
      svg.style.cursor = name === null ? '' : 'pointer';
      schedule.current();
    };
    const onMove = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      if (markAt(e.clientX, e.clientY)) {
        hover(null);
        svg.style.cursor = 'pointer';
        return;
      }
      const p = at(e.clientX, e.clientY);
      hover(p === null ? null : p.kind === 'segment' ? p.segment : p.host);
    };
    const onLeave = () => hover(null);
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 || e.shiftKey || ed.getState().readOnly) return;
      // A stop mark is on top: a press on it is the start of its click, not a drag of what lies under it.
      if (markAt(e.clientX, e.clientY)) return;
      const p = at(e.clientX, e.clientY);
      if (!p) return;
      if (p.kind === 'port') {
        // Dragging from a port draws a link, as from an SVG port (a click selects it).
        beginLinkDrag(e as unknown as ReactPointerEvent, { kind: 'port', host: p.host, dev: p.dev }, api, ed);
        return;
      }
      // A node: no pan (preventing the pointer's default withholds the mouse events d3-zoom listens to).
      e.preventDefault();
      const id = p.kind === 'segment' ? p.segment : p.host;
      const h = groupDragHandlers(api, ed, id);
      const from = toCanvas(api, svg, e.clientX, e.clientY);
      const item = p.kind === 'segment' ? g.segments[g.segmentIndex[id]] : g.hosts[g.hostIndex[id]];
      let started = false;
      track(e, {
        escapable: false,
        move: (m) => {
          if (!started) {
            started = true;
            h.start();
          }
          const to = toCanvas(api, svg, m.clientX, m.clientY);
          h.move(Math.round(item.x + to.x - from.x), Math.round(item.y + to.y - from.y));
        },
        end: (_u, dragged) => {
          if (!dragged) return;
          swallowClick();
          h.end();
        },
        cancel: () => {
          if (started) h.end();
        },
      });
    };
    svg.addEventListener('pointermove', onMove);
    svg.addEventListener('pointerleave', onLeave);
    svg.addEventListener('pointerdown', onDown);
    return () => {
      svg.removeEventListener('pointermove', onMove);
      svg.removeEventListener('pointerleave', onLeave);
      svg.removeEventListener('pointerdown', onDown);
      svg.style.cursor = '';
      setCanvasPicker(null);
      pickRef.current = null;
    };
  }, [api, ed, g, index, pickRef, svgRef]);

  const focus = useCallback((name: string | null) => {
    data.current.hovered = name;
    schedule.current();
  }, []);
  const focusMark = useCallback((id: string | null) => {
    data.current.focusedMark = id;
    schedule.current();
  }, []);

  return (
    <>
      <canvas ref={ref} className="canvas-raster" aria-hidden="true" data-testid="topology-raster" data-hosts={g.hosts.length} />
      <KeyboardList g={g} onFocusNode={focus} />
      <MarkList marks={marks} onFocusMark={focusMark} />
    </>
  );
}

/** Every host and switch as a button, for the keyboard and screen readers (the canvas is an image to them). */
const KeyboardList = memo(function KeyboardList({ g, onFocusNode }: { g: Geometry; onFocusNode(name: string | null): void }) {
  const api = useAppStoreApi();
  const ed = useEditorApi();
  const { t } = useTranslation();
  const selHost = useApp((s) => selectionParts(s).host);
  const selPort = useApp((s) => selectionParts(s).port);
  const selSeg = useApp((s) => selectionParts(s).segment);
  // A thousand buttons are added a few hundred per frame, so the page answers while they appear.
  const shown = useProgressive(g.hosts.length, LIST_PER_FRAME);
  const keys = useCallback((id: string) => (e: KeyboardEvent) => {
    const d = { ArrowLeft: [-NUDGE, 0], ArrowRight: [NUDGE, 0], ArrowUp: [0, -NUDGE], ArrowDown: [0, NUDGE] }[e.key];
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      api.getState().select(selectionFor(api.getState(), id));
    } else if (d && !ed.getState().readOnly) {
      e.preventDefault();
      const k = e.shiftKey ? 5 : 1;
      nudge(api, ed, id, d[0] * k, d[1] * k);
    }
  }, [api, ed]);
  const onClick = useCallback((id: string, shift: boolean) => clickNode(api, ed, id, shift), [api, ed]);
  const onPort = useCallback((p: HostGeom['ports'][number]) => api.getState().select({ kind: 'iface', host: p.host, dev: p.dev }), [api]);
  const portLabel = useCallback((p: HostGeom['ports'][number]) => t('canvas.port', { port: p.id, mac: p.mac, addrs: p.addresses.join(', ') || t('canvas.noAddress') }), [t]);
  // Named once per host and language: not on every selection, nor on every geometry (each
  // pointer move of a drag makes one, and naming a thousand buttons again was ~5 ms a move).
  const names = useRef({ t, byName: new Map<string, string>() });
  if (names.current.t !== t) names.current = { t, byName: new Map() };
  const labelOf = (host: string) => {
    const known = names.current.byName;
    let label = known.get(host);
    if (label === undefined) known.set(host, (label = t('canvas.host', { host })));
    return label;
  };
  const selected = selHost === null ? undefined : g.hosts[g.hostIndex[selHost]];
  return (
    <div className="sr-only raster-list" role="group" aria-label={t('canvas.label')}>
      {g.segments.map((s) => (
        <button
          key={s.name}
          type="button"
          data-segment={s.name}
          aria-pressed={selSeg === s.name}
          onClick={(e) => clickNode(api, ed, s.name, e.shiftKey)}
          onKeyDown={keys(s.name)}
          onFocus={() => onFocusNode(s.name)}
          onBlur={() => onFocusNode(null)}
        >
          {t('canvas.segment', { name: s.name, count: s.ports.length })}
        </button>
      ))}
      {g.hosts.slice(0, Math.max(shown, (selected ? g.hostIndex[selected.name] : 0) + 1)).map((h) => (
        <HostButton
          key={h.name}
          h={h}
          label={labelOf(h.name)}
          pressed={selHost === h.name && selPort === null}
          ports={h === selected}
          selPort={h === selected ? selPort : null}
          keys={keys}
          onFocusNode={onFocusNode}
          onClick={onClick}
          portLabel={portLabel}
          onPort={onPort}
        />
      ))}
    </div>
  );
}, (a, b) => a.g === b.g);

/**
 * The stop marks of the selected host's interfaces, as buttons that open "why" (the SVG drawing's
 * marks are buttons themselves). Only that host's: a flood marks hundreds of ports within a few
 * frames, and the event list holds every stop for the keyboard too.
 */
function MarkList({ marks, onFocusMark }: { marks: VisibleStop[]; onFocusMark(id: string | null): void }) {
  const api = useAppStoreApi();
  const { t } = useTranslation();
  // Still that host's once a mark's frame is selected (its Why opens), so the focus stays on the list.
  const host = useApp((s) => (s.selection?.kind === 'frame' ? (s.selection.at?.host ?? null) : selectionParts(s).host));
  const selFrame = useApp((s) => (s.selection?.kind === 'frame' ? s.selection.frameId : null));
  const mine = host === null ? [] : marks.filter(([, m]) => m.host === host);
  if (mine.length === 0) return null;
  return (
    <div className="sr-only raster-marks" role="group" aria-label={t('canvas.marksOf', { host })}>
      {mine.map(([id, m]) => (
        <button
          key={id}
          type="button"
          data-stop={id}
          data-rule={m.rule}
          aria-pressed={selFrame === m.frameId}
          onClick={() => api.getState().select({ kind: 'frame', frameId: m.frameId, at: { host: m.host, dev: m.dev } })}
          onFocus={() => onFocusMark(id)}
          onBlur={() => onFocusMark(null)}
        >
          {t(m.verdict === 'drop' ? 'canvas.dropMark' : 'canvas.ignoreMark', { port: id, rule: m.rule })}
        </button>
      ))}
    </div>
  );
}

/**
 * One host of the keyboard list, with its interfaces when it is the selected host. Its words and
 * handlers come from the list: a thousand buttons with a translation hook each cost ~0.1 ms apiece.
 */
const HostButton = memo(function HostButton({ h, label, pressed, ports, selPort, keys, onFocusNode, onClick, portLabel, onPort }: {
  h: HostGeom;
  label: string;
  pressed: boolean;
  ports: boolean;
  selPort: string | null;
  keys(id: string): (e: KeyboardEvent) => void;
  onFocusNode(name: string | null): void;
  onClick(id: string, shift: boolean): void;
  portLabel(p: HostGeom['ports'][number]): string;
  onPort(p: HostGeom['ports'][number]): void;
}) {
  return (
    <span>
      <button
        type="button"
        data-host={h.name}
        aria-pressed={pressed}
        onClick={(e) => onClick(h.name, e.shiftKey)}
        onKeyDown={keys(h.name)}
        onFocus={() => onFocusNode(h.name)}
        onBlur={() => onFocusNode(null)}
      >
        {label}
      </button>
      {ports
        ? h.ports.map((p) => (
            <button key={p.id} type="button" data-port={p.id} aria-pressed={selPort === p.id} onClick={() => onPort(p)} onFocus={() => onFocusNode(h.name)} onBlur={() => onFocusNode(null)}>
              {portLabel(p)}
            </button>
          ))
        : null}
    </span>
  );
});

export default RasterTopology;
