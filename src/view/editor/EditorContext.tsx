import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createEditorStore, type EditorState, type EditorStore } from './editorStore.ts';

const EditorContext = createContext<EditorStore | null>(null);
/** Used by components rendered without the provider (unit tests of a single panel). */
let fallback: EditorStore | null = null;

export function EditorProvider({ store, children }: { store?: EditorStore; children: ReactNode }) {
  const [own] = useState(() => store ?? createEditorStore());
  return <EditorContext.Provider value={own}>{children}</EditorContext.Provider>;
}

export function useEditorApi(): EditorStore {
  const s = useContext(EditorContext);
  if (s) return s;
  fallback ??= createEditorStore();
  return fallback;
}

export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorApi(), selector);
}
