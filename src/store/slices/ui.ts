import type { StateCreator } from 'zustand';
import type { AppState, Lang, Theme, UiSlice } from '../types.ts';

export const createUiSlice =
  (lang: Lang, theme: Theme): StateCreator<AppState, [], [], UiSlice> =>
  (set, get) => ({
    selection: null,
    lang,
    theme,
    filter: { arpOnly: false, dropsOnly: false, host: null },
    viewport: { x: 0, y: 0, k: 1 },
    padFrames: false,
    editingAction: null,
    consoles: [],
    activeConsole: null,
    openConsole(host) {
      const { consoles } = get();
      set({ consoles: consoles.includes(host) ? consoles : [...consoles, host], activeConsole: host });
    },
    closeConsole(host) {
      const { consoles, activeConsole } = get();
      const i = consoles.indexOf(host);
      if (i < 0) return;
      const rest = consoles.filter((h) => h !== host);
      set({ consoles: rest, activeConsole: activeConsole === host ? (rest[Math.min(i, rest.length - 1)] ?? null) : activeConsole });
    },
    lesson: null,
    select(selection) {
      set({ selection });
    },
    setLesson(lesson) {
      set({ lesson });
    },
    setEditingAction(editingAction) {
      set({ editingAction });
    },
    setLang(l) {
      set({ lang: l });
    },
    setTheme(t) {
      set({ theme: t });
    },
    setFilter(patch) {
      set({ filter: { ...get().filter, ...patch } });
    },
    setViewport(v) {
      const cur = get().viewport;
      if (cur.x !== v.x || cur.y !== v.y || cur.k !== v.k) set({ viewport: v });
    },
    setPadFrames(padFrames) {
      set({ padFrames });
    },
  });
