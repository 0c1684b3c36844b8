/**
 * The editor's ephemeral state, in its own small store (one per app, provided through
 * context like the app store): the multi-selection, the link or rubber band being dragged,
 * the palette item being dragged, notices, the pending confirmation, the inspector tab,
 * the list view and an auto-layout under way. Nothing here is part of the scenario or its history.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScenarioIssue } from '../../scenario/load.ts';
import type { LeftOut } from '../../scenario/salvage.ts';
import type { ScenarioV1 } from '../../scenario/types.ts';
import type { LinkEnd } from '../../ops/link.ts';
import type { Removed } from '../../ops/removed.ts';
import type { PaletteKind } from '../../ops/templates.ts';
import type { ScenarioOp } from '../../ops/op.ts';
import type { Geometry } from '../canvas/geometry.ts';

type Pt = { x: number; y: number };

export interface LinkDrag {
  from: LinkEnd;
  /** Pointer, canvas coordinates. */
  at: Pt;
  /** What is under the pointer (a valid target or not). */
  over: LinkEnd | null;
}

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  /** i18n key under `editor.` and its values. */
  key: string;
  params?: Record<string, string | number>;
  /** Problems reported by the scenario's validation (English, with a translated headline). */
  issues?: ScenarioIssue[];
  /** Parts of a saved scenario left out when it was restored, each with its reason. */
  leftOut?: LeftOut[];
  /** localStorage key of a value set aside (offered for download). */
  setAside?: string;
  /** Stays until dismissed (otherwise replaced by the next notice). */
  sticky?: boolean;
  /** Choices offered as buttons (label: i18n key under `editor.`); each dismisses the notice. */
  choices?: { label: string; run(): void }[];
}

export interface PendingConfirm {
  kind: 'delete' | 'new' | 'example' | 'clear';
  op: ScenarioOp | null;
  /** What else goes with it (delete), shown as a list. */
  removed: Removed[];
  /** Names the user picked (delete). */
  names: string[];
  /** For 'new' / 'example': the scenario to open. */
  open?: ScenarioV1;
}

/** An auto-layout under way in its worker: the ticks done (of `total`, once the worker says), and its Cancel. */
export interface LayoutRun {
  done: number;
  total: number | null;
  cancel(): void;
}

export interface EditorState {
  /** Extra selected nodes (hosts, segments) for group moves and deletes; empty: the app selection only. */
  multi: string[];
  link: LinkDrag | null;
  band: { x0: number; y0: number; x1: number; y1: number } | null;
  ghost: { kind: PaletteKind; clientX: number; clientY: number; over: boolean } | null;
  notices: Notice[];
  confirm: PendingConfirm | null;
  tab: 'state' | 'config';
  listOpen: boolean;
  /** Last computed canvas geometry (positions for links, group moves, layout). */
  geometry: Geometry | null;
  /** The scenario restored from autosave at startup (replacing it needs a confirmation). */
  restored: ScenarioV1 | null;
  /** Embedded diagrams: no link drags. */
  readOnly: boolean;
  layout: LayoutRun | null;
}

export type EditorStore = StoreApi<EditorState>;

let nextId = 1;

export function createEditorStore(init: Partial<EditorState> = {}): EditorStore {
  return createStore<EditorState>()(() => ({
    multi: [],
    link: null,
    band: null,
    ghost: null,
    notices: [],
    confirm: null,
    tab: 'state',
    listOpen: false,
    geometry: null,
    restored: null,
    readOnly: false,
    layout: null,
    ...init,
  }));
}

/** Shows a notice; non-sticky notices replace each other. */
export function notify(ed: EditorStore, n: Omit<Notice, 'id'>): number {
  const id = nextId++;
  ed.setState((s) => ({ notices: [...s.notices.filter((x) => x.sticky), { ...n, id }] }));
  return id;
}

export function dismissNotice(ed: EditorStore, id: number) {
  ed.setState((s) => ({ notices: s.notices.filter((x) => x.id !== id) }));
}
