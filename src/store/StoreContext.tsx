import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './createAppStore.ts';
import type { AppState } from './types.ts';

/** The store, and the view of it components render from (the same unless an open holds it: heldView.ts). */
const StoreContext = createContext<{ api: AppStore; view: AppStore } | null>(null);

export function StoreProvider({ store, view = store, children }: { store: AppStore; view?: AppStore; children: ReactNode }) {
  const value = useMemo(() => ({ api: store, view }), [store, view]);
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
}

function useStoreContext() {
  const s = useContext(StoreContext);
  if (!s) throw new Error('useAppStore outside <StoreProvider>');
  return s;
}

/** The store itself, for transient subscriptions (`store.subscribe`) and imperative reads. */
export function useAppStoreApi(): AppStore {
  return useStoreContext().api;
}

/** Selects from the app store; re-renders only when the selected value changes (Object.is). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useStoreContext().view, selector);
}
