/**
 * Pointer gestures of the editor, as small state machines (idle → pointing → dragging)
 * driven by window listeners: link drags (from a port or a node's link handle), palette
 * drags onto the canvas, the rubber band (Shift + drag on the background) and group moves.
 * They report numbers and targets to the editor store; React draws the previews.
 * Escape cancels a link or palette drag.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { AppStore } from '../../store/createAppStore.ts';
import type { LinkEnd } from '../../ops/link.ts';
import type { PaletteKind } from '../../ops/templates.ts';
import type { EditorStore } from './editorStore.ts';
import { addItem, freeSpot, link, positions } from './commands.ts';
import { selectedNodes } from './selection.ts';

type Pt = { x: number; y: number };

/** Pixels the pointer must move before a press becomes a drag. */
const THRESHOLD = 4;

/** Client (screen) coordinates → canvas coordinates of `svg`, under the app's viewport. */
export function toCanvas(app: AppStore, svg: Element, clientX: number, clientY: number): Pt {
  const r = svg.getBoundingClientRect();
  const v = app.getState().viewport;
  return { x: (clientX - r.left - v.x) / v.k, y: (clientY - r.top - v.y) / v.k };
}

/**
 * The canvas element under a screen point, looking through notices and the legend drawn over
 * the canvas; null over the palette, the list view or a dialog (a drop there cancels).
 */
export function canvasElementAt(clientX: number, clientY: number): Element | null {
  const stack = document.elementsFromPoint(clientX, clientY);
  if (!stack.length || stack[0].closest('.palette, .topology-list, dialog')) return null;
  return stack.find((el) => el.closest('svg.canvas')) ?? null;
}

type Picker = (clientX: number, clientY: number) => LinkEnd | null;
let canvasPicker: Picker | null = null;

/** A large topology is drawn on a raster canvas (view/canvas/raster/): its picker names what is under a point there. */
export function setCanvasPicker(p: Picker | null) {
  canvasPicker = p;
}

/** The node under a screen point: a port, a switch or a host (by the data attributes the canvas draws, or the raster's picker). */
export function endAt(clientX: number, clientY: number): LinkEnd | null {
  const el = canvasElementAt(clientX, clientY);
  if (!el) return null;
  if (canvasPicker && !el.closest('[data-port], [data-segment], [data-host]')) return canvasPicker(clientX, clientY);
  const port = el.closest('[data-port]')?.getAttribute('data-port');
  if (port) {
    const dot = port.indexOf('.');
    return { kind: 'port', host: port.slice(0, dot), dev: port.slice(dot + 1) };
  }
  const seg = el.closest('[data-segment]')?.getAttribute('data-segment');
  if (seg) return { kind: 'segment', segment: seg };
  const host = el.closest('[data-host]')?.getAttribute('data-host');
  if (host) return { kind: 'host', host };
  return null;
}

export interface DragSpec {
  move(e: PointerEvent): void;
  end(e: PointerEvent, dragged: boolean): void;
  cancel(): void;
  /** Escape cancels (link and palette drags). */
  escapable: boolean;
}

/** Runs one press-drag-release on window listeners. */
export function track(down: { clientX: number; clientY: number; pointerId: number }, spec: DragSpec) {
  let dragged = false;
  const onMove = (e: PointerEvent) => {
    if (e.pointerId !== down.pointerId) return;
    if (!dragged && Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < THRESHOLD) return;
    dragged = true;
    spec.move(e);
  };
  const stop = () => {
    window.removeEventListener('pointermove', onMove);
    window.removeEventListener('pointerup', onUp);
    window.removeEventListener('pointercancel', onCancel);
    window.removeEventListener('keydown', onKey, true);
  };
  const onUp = (e: PointerEvent) => {
    if (e.pointerId !== down.pointerId) return;
    stop();
    spec.end(e, dragged);
  };
  const onCancel = () => {
    stop();
    spec.cancel();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !spec.escapable) return;
    e.preventDefault();
    e.stopPropagation();
    onCancel();
  };
  window.addEventListener('pointermove', onMove);
  window.addEventListener('pointerup', onUp);
  window.addEventListener('pointercancel', onCancel);
  window.addEventListener('keydown', onKey, true);
}

/**
 * A press on a port or a link handle: a click (no movement) is left to the element's own
 * click handler; a drag draws a link to the node under the pointer.
 */
export function beginLinkDrag(e: ReactPointerEvent, from: LinkEnd, app: AppStore, ed: EditorStore) {
  if (e.button !== 0 || e.shiftKey || ed.getState().readOnly) return;
  const svg = (e.currentTarget as Element).closest('svg');
  if (!svg) return;
  // No pan (d3-zoom) and no node move (d3-drag) for this press.
  e.stopPropagation();
  e.preventDefault();
  track(e, {
    escapable: true,
    move: (m) => ed.setState({ link: { from, at: toCanvas(app, svg, m.clientX, m.clientY), over: endAt(m.clientX, m.clientY) } }),
    end: (u, dragged) => {
      const cur = ed.getState().link;
      ed.setState({ link: null });
      if (!dragged) return;
      swallowClick();
      if (cur) link(app, ed, from, endAt(u.clientX, u.clientY));
    },
    cancel: () => ed.setState({ link: null }),
  });
}

/** After a drag, the click the browser may still send (released over the button) is not a click. */
export function swallowClick() {
  const stop = (e: Event) => {
    e.stopPropagation();
    e.preventDefault();
  };
  window.addEventListener('click', stop, { capture: true, once: true });
  setTimeout(() => window.removeEventListener('click', stop, { capture: true }), 0);
}

/** A press on a palette item: dragging it onto the canvas adds it there. */
export function beginPaletteDrag(e: ReactPointerEvent, kind: PaletteKind, app: AppStore, ed: EditorStore) {
  if (e.button !== 0) return;
  e.preventDefault();
  const overCanvas = (x: number, y: number) => canvasElementAt(x, y)?.closest('svg.canvas') ?? null;
  track(e, {
    escapable: true,
    move: (m) => ed.setState({ ghost: { kind, clientX: m.clientX, clientY: m.clientY, over: overCanvas(m.clientX, m.clientY) !== null } }),
    end: (u, dragged) => {
      ed.setState({ ghost: null });
      if (!dragged) return; // a click: the button's onClick adds it in view
      swallowClick();
      const svg = overCanvas(u.clientX, u.clientY);
      if (svg) addItem(app, ed, kind, freeSpot(ed.getState().geometry, toCanvas(app, svg, u.clientX, u.clientY)));
    },
    cancel: () => ed.setState({ ghost: null }),
  });
}

/** Shift + press on the canvas background: a rubber band that selects the nodes inside it. */
export function beginBand(e: ReactPointerEvent<SVGSVGElement>, app: AppStore, ed: EditorStore) {
  const t = e.target as Element;
  if (e.button !== 0 || !e.shiftKey || t.closest('[data-host], [data-segment], [data-port]')) return;
  const svg = e.currentTarget;
  e.preventDefault();
  const a = toCanvas(app, svg, e.clientX, e.clientY);
  track(e, {
    escapable: true,
    move: (m) => {
      const b = toCanvas(app, svg, m.clientX, m.clientY);
      ed.setState({ band: { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) } });
    },
    end: (_u, dragged) => {
      const band = ed.getState().band;
      ed.setState({ band: null });
      if (!dragged || !band) return;
      swallowClick();
      const inside = Object.entries(positions(ed.getState().geometry))
        .filter(([, p]) => p.x >= band.x0 && p.x <= band.x1 && p.y >= band.y0 && p.y <= band.y1)
        .map(([id]) => id);
      const st = app.getState();
      const prev = selectedNodes(st, ed.getState().multi);
      const all = [...new Set([...prev, ...inside])];
      if (!all.length) return;
      const first = all[all.length - 1];
      st.select(Object.hasOwn(st.scenario.hosts, first) ? { kind: 'host', host: first } : { kind: 'segment', segment: first });
      ed.setState({ multi: all.length > 1 ? all : [] });
    },
    cancel: () => ed.setState({ band: null }),
  });
}

/**
 * Handlers for d3-drag on node `id`: one gesture (one history entry); when `id` is part of
 * the multi-selection, the whole selection moves with it.
 */
export function groupDragHandlers(app: AppStore, ed: EditorStore, id: string) {
  let group: { id: string; x: number; y: number }[] = [];
  let origin: Pt = { x: 0, y: 0 };
  return {
    start() {
      const pos = positions(ed.getState().geometry);
      const sel = selectedNodes(app.getState(), ed.getState().multi);
      const ids = sel.length > 1 && sel.includes(id) ? sel : [id];
      group = ids.filter((n) => pos[n]).map((n) => ({ id: n, ...pos[n] }));
      origin = pos[id] ?? { x: 0, y: 0 };
      app.getState().beginGesture();
    },
    move(x: number, y: number) {
      if (group.length <= 1) {
        app.getState().dispatch({ type: 'moveNode', id, x, y });
        return;
      }
      const dx = x - origin.x;
      const dy = y - origin.y;
      for (const n of group) app.getState().dispatch({ type: 'moveNode', id: n.id, x: Math.round(n.x + dx), y: Math.round(n.y + dy) });
    },
    end() {
      app.getState().endGesture();
    },
  };
}
