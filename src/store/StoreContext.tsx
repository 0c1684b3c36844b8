import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from './createAppStore.ts';
import type { AppState } from './types.ts';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for transient subscriptions (`store.subscribe`) and imperative reads. */
export function useAppStoreApi(): AppStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('useAppStore outside <StoreProvider>');
  return s;
}

/** Selects from the app store; re-renders only when the selected value changes (Object.is). */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
