/**
 * Editor commands used by the palette, the canvas gestures, the keyboard and the
 * inspector: add, link, delete (with what depends on it), duplicate, nudge, auto-layout,
 * new / open example / clear. Every change is one op through the store's checked `dispatch`
 * (validated like a loaded scenario), so it is one undo step.
 */
import twoNic from '../../examples/twoNic.json';
import { serializeScenario } from '../../scenario/serialize.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { AppStore } from '../../store/createAppStore.ts';
import { model } from '../../store/lazyModel.ts';
import { duplicateHost } from '../../ops/duplicate.ts';
import { endId, planLink, type LinkEnd } from '../../ops/link.ts';
import { describeRemoval, sideEffects } from '../../ops/removed.ts';
import { addFromPalette, type PaletteKind } from '../../ops/templates.ts';
import type { ScenarioOp } from '../../ops/op.ts';
import type { Geometry } from '../canvas/geometry.ts';
import { notify, type EditorStore, type Notice } from './editorStore.ts';
import type { LayoutProgress } from './forceLayout.ts';
import { layoutInWorker } from './layoutInWorker.ts';
import { selectedNodes, selectionFor } from './selection.ts';

type Pt = { x: number; y: number };

export const BUILT_IN_EXAMPLE = twoNic as ScenarioV1;
export const EMPTY_SCENARIO: ScenarioV1 = { version: 2, hosts: {} };

/** Node positions as drawn (layout, or the fallback layout for nodes without one). */
export function positions(g: Geometry | null): Record<string, Pt> {
  const out: Record<string, Pt> = {};
  for (const h of g?.hosts ?? []) out[h.name] = { x: h.x, y: h.y };
  for (const s of g?.segments ?? []) out[s.name] = { x: s.x, y: s.y };
  return out;
}

/** Dispatches `op` if valid; otherwise shows what validation said. Returns true if applied. */
export function run(app: AppStore, ed: EditorStore, op: ScenarioOp, failKey = 'notice.refused'): boolean {
  const issues = app.getState().dispatch(op, { quiet: true });
  if (issues.length === 0) return true;
  notify(ed, { tone: 'error', key: failKey, issues });
  return false;
}

/** A free spot near `at`: moves right/down until no node is within 60 px. */
export function freeSpot(g: Geometry | null, at: Pt): Pt {
  const pos = Object.values(positions(g));
  const p = { x: Math.round(at.x), y: Math.round(at.y) };
  for (let i = 0; i < 40 && pos.some((q) => Math.abs(q.x - p.x) < 60 && Math.abs(q.y - p.y) < 60); i++) {
    p.x += 50;
    p.y += 30;
  }
  return p;
}

export function addItem(app: AppStore, ed: EditorStore, kind: PaletteKind, at: Pt): string | null {
  const s = app.getState().scenario;
  const { op, name } = addFromPalette(s, kind, at);
  if (!run(app, ed, op)) return null;
  const sel = selectionFor(app.getState(), name);
  ed.setState({ multi: [] });
  app.getState().select(sel);
  notify(ed, { tone: 'info', key: kind === 'switch' ? 'notice.addedSwitch' : 'notice.added', params: { name } });
  return name;
}

/** Finishes a link gesture from `from` to `to`. */
export function link(app: AppStore, ed: EditorStore, from: LinkEnd, to: LinkEnd | null): boolean {
  if (!to) return false;
  const st = app.getState();
  const plan = planLink(st.scenario, from, to, positions(ed.getState().geometry));
  if (!plan.ok) {
    if (plan.reason !== 'same') notify(ed, { tone: 'error', key: `notice.link_${plan.reason}`, params: { a: endId(from), b: endId(to) } });
    return false;
  }
  if (!run(app, ed, plan.op, 'notice.linkRefused')) return false;
  // Show the new interface of the side the drag started from (where its address goes next).
  const port = plan.ports[0] ?? plan.ports[1];
  if (port) {
    const dot = port.indexOf('.');
    app.getState().select({ kind: 'iface', host: port.slice(0, dot), dev: port.slice(dot + 1) });
  }
  notify(ed, { tone: 'info', key: 'notice.linked', params: { ports: plan.ports.filter(Boolean).join(', '), segment: plan.segment } });
  return true;
}

export type DeleteTarget = { hosts: string[]; segments: string[] } | { iface: { host: string; dev: string } };

/** What the Delete key deletes: the selected interface, else the selected nodes. */
export function deleteTargetOf(app: AppStore, ed: EditorStore): DeleteTarget | null {
  const st = app.getState();
  const multi = ed.getState().multi;
  if (!multi.length && st.selection?.kind === 'iface' && st.selection.dev !== 'lo') return { iface: { host: st.selection.host, dev: st.selection.dev } };
  const ids = selectedNodes(st, multi);
  if (!ids.length) return null;
  return { hosts: ids.filter((id) => Object.hasOwn(st.scenario.hosts, id)), segments: ids.filter((id) => Object.hasOwn(st.scenario.segments ?? {}, id)) };
}

/**
 * Deletes the target: at once when nothing else depends on it, else after a confirmation
 * that lists what goes with it.
 */
export function requestDelete(app: AppStore, ed: EditorStore, target: DeleteTarget | null) {
  if (!target) return;
  const s = app.getState().scenario;
  let op: ScenarioOp;
  let names: string[];
  if ('iface' in target) {
    op = { type: 'removeInterface', host: target.iface.host, dev: target.iface.dev };
    names = [`${target.iface.host}.${target.iface.dev}`];
  } else {
    if (!target.hosts.length && !target.segments.length) return;
    op = { type: 'batch', label: 'delete', ops: [...target.segments.map((segment): ScenarioOp => ({ type: 'deleteSegment', segment })), ...target.hosts.map((host): ScenarioOp => ({ type: 'deleteHost', host }))] };
    names = [...target.hosts, ...target.segments];
  }
  let after: ScenarioV1;
  try {
    after = model().applyOp(s, op);
  } catch {
    return;
  }
  const removed = sideEffects(describeRemoval(s, after), 'iface' in target ? { iface: target.iface } : target);
  if (removed.length === 0) {
    performDelete(app, ed, op, names);
    return;
  }
  ed.setState({ confirm: { kind: 'delete', op, removed, names } });
}

export function performDelete(app: AppStore, ed: EditorStore, op: ScenarioOp, names: string[]) {
  if (!run(app, ed, op)) return;
  ed.setState({ multi: [] });
  const sel = app.getState().selection;
  if (sel?.kind === 'iface' && op.type === 'removeInterface') app.getState().select({ kind: 'host', host: sel.host });
  else if (sel && sel.kind !== 'frame') app.getState().select(null);
  notify(ed, { tone: 'info', key: 'notice.deleted', params: { names: names.join(', ') } });
}

export function duplicate(app: AppStore, ed: EditorStore, host: string) {
  const st = app.getState();
  const p = positions(ed.getState().geometry)[host];
  const d = duplicateHost(st.scenario, host, p ? freeSpot(ed.getState().geometry, { x: p.x + 60, y: p.y + 60 }) : undefined);
  if (!d || !run(app, ed, d.op)) return;
  ed.setState({ multi: [] });
  app.getState().select({ kind: 'host', host: d.name });
  notify(ed, { tone: 'info', key: 'notice.duplicated', params: { from: host, name: d.name } });
}

/** Arrow keys: moves the selected nodes (or `id`) by (dx, dy) as one edit. */
export function nudge(app: AppStore, ed: EditorStore, id: string, dx: number, dy: number) {
  const st = app.getState();
  const sel = selectedNodes(st, ed.getState().multi);
  const ids = sel.includes(id) ? sel : [id];
  const pos = positions(ed.getState().geometry);
  const ops: ScenarioOp[] = ids.filter((n) => pos[n]).map((n) => ({ type: 'moveNode', id: n, x: pos[n].x + dx, y: pos[n].y + dy }));
  if (ops.length) st.dispatch(ops.length === 1 ? ops[0] : { type: 'batch', ops, label: 'move' });
}

/**
 * Lays the nodes out with d3-force, in a worker (on a thousand hosts its ticks take seconds:
 * a frozen page on this thread); its progress and Cancel show in the topology menu. The
 * result is one edit, applied only to the scenario it was computed for: an edit meanwhile,
 * an undo or another scenario opened stops the layout, and a notice says that nothing moved.
 */
export function autoLayout(app: AppStore, ed: EditorStore) {
  if (ed.getState().layout) return;
  const scenario = app.getState().scenario;
  const g = ed.getState().geometry;
  const size: Record<string, { w: number; h: number }> = {};
  for (const n of [...(g?.hosts ?? []), ...(g?.segments ?? [])]) size[n.name] = { w: n.w, h: n.h };
  const ctl = new AbortController();
  const end = (notice?: Omit<Notice, 'id'>) => {
    unsubscribe();
    ed.setState({ layout: null });
    if (notice) notify(ed, notice);
  };
  const unsubscribe = app.subscribe((st) => {
    if (st.scenario === scenario || ctl.signal.aborted) return;
    ctl.abort();
    end({ tone: 'info', key: 'notice.layoutStale' });
  });
  const cancel = () => {
    if (ctl.signal.aborted) return;
    ctl.abort();
    end({ tone: 'info', key: 'notice.layoutCancelled' });
  };
  // A notice about an earlier layout (cancelled, stopped) would contradict this one's status.
  ed.setState((s) => ({ layout: { done: 0, total: null, cancel }, notices: s.notices.filter((n) => !n.key.startsWith('notice.layout')) }));
  const onProgress = (p: LayoutProgress) => {
    const cur = ed.getState().layout;
    if (cur?.cancel === cancel) ed.setState({ layout: { ...cur, ...p } });
  };
  layoutInWorker({ scenario, pos: positions(g), size }, { signal: ctl.signal, onProgress }).then(
    (op) => {
      // Stopped after the worker answered, before this ran: the answer is for another scenario.
      if (ctl.signal.aborted) return;
      end();
      if (op) run(app, ed, op);
    },
    (e: unknown) => {
      // Aborted: cancelled or stale, already said.
      if (!ctl.signal.aborted) end({ tone: 'error', key: 'notice.layoutFailed', params: { message: e instanceof Error ? e.message : String(e) } });
    },
  );
}

/** Is there work that replacing the scenario would lose (beyond the undo history)? */
export function hasWork(app: AppStore, ed: EditorStore): boolean {
  const st = app.getState();
  const s = st.scenario;
  if (Object.keys(s.hosts).length === 0 && Object.keys(s.segments ?? {}).length === 0) return false;
  if (serializeScenario(s) === serializeScenario(BUILT_IN_EXAMPLE)) return false;
  return st.dirty || s === ed.getState().restored;
}

/** Opens `scenario` as one undoable step (like the share links do). */
export function openScenario(app: AppStore, ed: EditorStore, scenario: ScenarioV1) {
  const st = app.getState();
  st.pause();
  st.setEditingAction(null);
  st.select(null);
  ed.setState({ multi: [], confirm: null });
  st.dispatch({ type: 'replaceScenario', scenario });
  st.dismissChanges();
  st.reset();
}

/** Removes every node (and so every action naming one): an ordinary, undoable edit. */
export function clearOp(s: ScenarioV1): ScenarioOp {
  return {
    type: 'batch',
    label: 'clear',
    ops: [
      ...Object.keys(s.segments ?? {}).map((segment): ScenarioOp => ({ type: 'deleteSegment', segment })),
      ...Object.keys(s.hosts).map((host): ScenarioOp => ({ type: 'deleteHost', host })),
    ],
  };
}

/** New, open example, clear: asks first when there is work to lose. */
export function requestReplace(app: AppStore, ed: EditorStore, kind: 'new' | 'example' | 'clear') {
  const open = kind === 'new' ? EMPTY_SCENARIO : kind === 'example' ? BUILT_IN_EXAMPLE : undefined;
  const op = kind === 'clear' ? clearOp(app.getState().scenario) : null;
  if (hasWork(app, ed)) {
    ed.setState({ confirm: { kind, op, removed: [], names: [], ...(open ? { open } : {}) } });
    return;
  }
  performReplace(app, ed, kind, op, open);
}

export function performReplace(app: AppStore, ed: EditorStore, kind: 'new' | 'example' | 'clear', op: ScenarioOp | null, open?: ScenarioV1) {
  ed.setState({ confirm: null });
  if (kind === 'clear' && op) {
    if (run(app, ed, op)) {
      app.getState().select(null);
      ed.setState({ multi: [] });
    }
    return;
  }
  if (open) openScenario(app, ed, open);
}
