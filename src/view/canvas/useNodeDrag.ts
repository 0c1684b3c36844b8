import { useEffect, useRef, type RefObject } from 'react';
import { useAppStoreApi } from '../../store/StoreContext.tsx';
import { createNodeDrag } from './nodeDrag.ts';

/** Makes the element drag the canvas node `id` (a host or a segment). */
export function useNodeDrag(ref: RefObject<SVGGElement | null>, id: string, pos: { x: number; y: number }) {
  const api = useAppStoreApi();
  const posRef = useRef(pos);
  useEffect(() => {
    posRef.current = pos;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const d = createNodeDrag(el, {
      position: () => posRef.current,
      start: () => api.getState().beginGesture(),
      move: (x, y) => api.getState().dispatch({ type: 'moveNode', id, x, y }),
      end: () => api.getState().endGesture(),
    });
    return d.destroy;
  }, [api, ref, id]);
}
