import { useEffect } from 'react';
import { useAppStoreApi } from '../store/StoreContext.tsx';

const editable = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName));

/**
 * Keyboard shortcuts outside form fields: Space play/pause, , and . step one event back /
 * forward, Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo, Escape clears the selection.
 */
export function useShortcuts() {
  const api = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const st = api.getState();
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !editable(e.target)) {
        e.preventDefault();
        if (e.shiftKey) st.redo();
        else st.undo();
        return;
      }
      if (mod && e.key.toLowerCase() === 'y' && !editable(e.target)) {
        e.preventDefault();
        st.redo();
        return;
      }
      if (mod || e.altKey || editable(e.target)) return;
      const onButton = e.target instanceof Element && e.target.closest('button, [role="button"], a');
      if (e.key === ' ' && !onButton) {
        e.preventDefault();
        st.togglePlay();
      } else if (e.key === ',') st.stepBack();
      else if (e.key === '.') st.stepForward();
      else if (e.key === 'Escape') st.select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api]);
}
