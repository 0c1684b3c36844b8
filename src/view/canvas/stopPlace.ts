/** Where a stop mark sits on the drawing (pure: shared by the SVG marks, the raster canvas and the tests). */
import { switchAnchor, type Geometry } from './geometry.ts';

/** Radius of a mark's disc, in canvas units. */
export const STOP_R = 10;

export interface StopPlace {
  x: number;
  y: number;
  /** On a slanted link the rule's name goes under the mark, else beside it… */
  slanted: boolean;
  /** …on this side (1: right), away from the port's label. */
  side: 1 | -1;
}

/** Where the mark of port `id` sits: on the port's link, beyond the port's own label. */
export function stopPlace(g: Geometry, id: string): StopPlace | null {
  const p = g.ports[id];
  if (!p) return null;
  const seg = p.segment === null ? undefined : g.segments[g.segmentIndex[p.segment]];
  const to = seg ? switchAnchor(seg, p) : { x: p.x, y: p.y + 1 };
  const len = Math.hypot(to.x - p.x, to.y - p.y) || 1;
  const off = Math.min(60, len * 0.45);
  return {
    x: p.x + ((to.x - p.x) / len) * off,
    y: p.y + ((to.y - p.y) / len) * off,
    slanted: Math.abs(to.x - p.x) > 8 && Math.abs(to.y - p.y) > 8,
    side: p.label.anchor === 'end' ? 1 : -1,
  };
}
