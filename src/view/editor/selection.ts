/**
 * The editor's selection: the app's selection (what the inspector shows) plus the extra
 * nodes of a multi-selection (shift-click, rubber band). Node ids are host and segment names.
 */
import type { AppStore } from '../../store/createAppStore.ts';
import type { AppState, Selection } from '../../store/types.ts';
import type { EditorStore } from './editorStore.ts';

export function nodeOfSelection(sel: Selection): string | null {
  if (!sel) return null;
  if (sel.kind === 'host' || sel.kind === 'iface') return sel.host;
  if (sel.kind === 'segment') return sel.segment;
  return null;
}

/** The selected nodes: the multi-selection if any, else the app's selected node. */
export function selectedNodes(app: AppState, multi: readonly string[]): string[] {
  if (multi.length) return [...multi];
  const n = nodeOfSelection(app.selection);
  return n === null ? [] : [n];
}

export function selectionFor(app: AppState, id: string): Selection {
  if (Object.hasOwn(app.scenario.hosts, id)) return { kind: 'host', host: id };
  if (Object.hasOwn(app.scenario.segments ?? {}, id)) return { kind: 'segment', segment: id };
  return null;
}

/**
 * A click on a node: selects it alone, or with Shift adds it to (or removes it from) the
 * multi-selection.
 */
export function clickNode(app: AppStore, ed: EditorStore, id: string, shift: boolean, sel?: Selection) {
  const st = app.getState();
  const target = sel ?? selectionFor(st, id);
  if (!shift) {
    ed.setState({ multi: [] });
    st.select(target);
    return;
  }
  const cur = selectedNodes(st, ed.getState().multi);
  const next = cur.includes(id) ? cur.filter((n) => n !== id) : [...cur, id];
  ed.setState({ multi: next.length > 1 ? next : [] });
  const primary = next.includes(id) ? id : next[next.length - 1];
  st.select(primary === undefined ? null : primary === id ? target : selectionFor(st, primary));
}

/** Keeps the multi-selection consistent when the app selection changes elsewhere. */
export function syncSelection(app: AppStore, ed: EditorStore): () => void {
  return app.subscribe((s, prev) => {
    const { multi } = ed.getState();
    if (!multi.length) return;
    if (s.selection !== prev.selection) {
      const n = nodeOfSelection(s.selection);
      if (n === null || !multi.includes(n)) ed.setState({ multi: [] });
    }
    if (s.scenario !== prev.scenario) {
      const alive = multi.filter((id) => Object.hasOwn(s.scenario.hosts, id) || Object.hasOwn(s.scenario.segments ?? {}, id));
      if (alive.length !== multi.length) ed.setState({ multi: alive.length > 1 ? alive : [] });
    }
  });
}
