/**
 * d3-zoom wrapped as a small {setTransform, destroy} factory (xyflow's XYPanZoom pattern):
 * d3 handles the gesture and reports numbers; React renders the transform from the store.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import type { Viewport } from '../../store/types.ts';

export interface PanZoom {
  setTransform(v: Viewport, animate: boolean): void;
  destroy(): void;
}

export function createPanZoom(svg: SVGSVGElement, onChange: (v: Viewport) => void): PanZoom {
  const sel = select<SVGSVGElement, unknown>(svg);
  const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.02, 4])
    // Wheel zooms, drag on the background pans; gestures that start on a node are the node's.
    .filter((e: Event) => {
      const t = e.target as Element | null;
      if (e.type === 'mousedown' && t?.closest('[data-draggable]')) return false;
      return (!(e as MouseEvent).ctrlKey || e.type === 'wheel') && !(e as MouseEvent).button;
    })
    .on('zoom', (e: D3ZoomEvent<SVGSVGElement, unknown>) => onChange({ x: e.transform.x, y: e.transform.y, k: e.transform.k }));
  sel.call(behavior).on('dblclick.zoom', null);
  return {
    setTransform(v, animate) {
      const t = zoomIdentity.translate(v.x, v.y).scale(v.k);
      if (animate) sel.transition().duration(350).call(behavior.transform, t);
      else sel.call(behavior.transform, t);
    },
    destroy() {
      sel.on('.zoom', null);
    },
  };
}

/** The transform that fits `bounds` into a `w`×`h` view, leaving the given margins free. */
export function fitTransform(
  bounds: { x0: number; y0: number; x1: number; y1: number },
  w: number,
  h: number,
  m: { top: number; right: number; bottom: number; left: number } = { top: 24, right: 24, bottom: 24, left: 24 },
): Viewport {
  const bw = Math.max(1, bounds.x1 - bounds.x0);
  const bh = Math.max(1, bounds.y1 - bounds.y0);
  const aw = Math.max(10, w - m.left - m.right);
  const ah = Math.max(10, h - m.top - m.bottom);
  const k = Math.min(1.6, Math.max(0.02, Math.min(aw / bw, ah / bh)));
  return { k, x: m.left + (aw - bw * k) / 2 - bounds.x0 * k, y: m.top + (ah - bh * k) / 2 - bounds.y0 * k };
}
