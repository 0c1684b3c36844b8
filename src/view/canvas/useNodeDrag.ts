import { useEffect, useRef, type RefObject } from 'react';
import { useAppStoreApi } from '../../store/StoreContext.tsx';
import { useEditorApi } from '../editor/EditorContext.tsx';
import { groupDragHandlers } from '../editor/gestures.ts';
import { createNodeDrag } from './nodeDrag.ts';

/** Makes the element drag the canvas node `id` (a host or a segment). */
export function useNodeDrag(ref: RefObject<SVGGElement | null>, id: string, pos: { x: number; y: number }) {
  const api = useAppStoreApi();
  const ed = useEditorApi();
  const posRef = useRef(pos);
  useEffect(() => {
    posRef.current = pos;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // One gesture (one history entry); a node of the multi-selection moves the whole selection.
    const d = createNodeDrag(el, { position: () => posRef.current, ...groupDragHandlers(api, ed, id) });
    return d.destroy;
  }, [api, ed, ref, id]);
}
