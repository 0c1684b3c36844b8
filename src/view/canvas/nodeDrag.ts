/**
 * d3-drag for a canvas node as a {destroy} factory. The drag is one gesture: moveNode ops
 * while moving (no history), one history entry when released.
 */
import { drag, type D3DragEvent } from 'd3-drag';
import { select } from 'd3-selection';

export interface NodeDragHandlers {
  position(): { x: number; y: number };
  start(): void;
  move(x: number, y: number): void;
  end(): void;
}

export function createNodeDrag(el: SVGGElement, h: NodeDragHandlers): { destroy(): void } {
  const sel = select<SVGGElement, unknown>(el);
  const behavior = drag<SVGGElement, unknown>()
    .subject(() => h.position())
    .on('start', () => h.start())
    .on('drag', (e: D3DragEvent<SVGGElement, unknown, { x: number; y: number }>) => h.move(Math.round(e.x), Math.round(e.y)))
    .on('end', () => h.end());
  sel.call(behavior);
  return { destroy: () => void sel.on('.drag', null) };
}
