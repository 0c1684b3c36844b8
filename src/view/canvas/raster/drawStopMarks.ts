/**
 * Stop marks on the raster canvas (the SVG drawing's StopMarks.tsx, for topologies drawn on
 * the canvas): a flood over a thousand hosts stops frames at hundreds of ports within a few
 * frames, and as SVG groups with text each of those appeared at a cost of 50–65 ms in one
 * animation frame (Chrome profile of bench:ui's 1,000-host playback). Here they are two paths
 * and their rule names, drawn with the topology; picking is by distance to the mark.
 */
import { isolate } from '../../../i18n/displayText.ts';
import type { Geometry } from '../geometry.ts';
import { STOP_R, stopPlace } from '../stopPlace.ts';
import type { VisibleStop } from '../visibleStops.ts';
import type { TopologyColors } from './drawTopology.ts';
import type { Surface2D } from './surface.ts';

/** A mark stays at least this many screen pixels in radius however far the view is zoomed out: where frames stop shows at any zoom. */
const MIN_SCREEN_R = 3;
/** Below this zoom the rule's name is not drawn (the SVG drawing's level of detail, Canvas.tsx LOD_ZOOM). */
const LABEL_ZOOM = 0.35;

const radius = (k: number) => Math.max(STOP_R, MIN_SCREEN_R / k);

export interface MarkDraw {
  g: Geometry;
  marks: VisibleStop[];
  k: number;
  colors: TopologyColors;
  selectedFrame: number | null;
  /** The mark focused from the keyboard list (port id): outlined. */
  focused: string | null;
  inView(x0: number, y0: number, x1: number, y1: number): boolean;
}

/** Draws the marks in view (the context in canvas units); returns how many. */
export function drawStopMarks(ctx: Surface2D, d: MarkDraw): number {
  const { g, k, colors: c } = d;
  const r = radius(k);
  const crosses = STOP_R * k >= 4;
  const placed: { id: string; verdict: 'drop' | 'ignore'; rule: string; frameId: number; x: number; y: number; slanted: boolean; side: 1 | -1 }[] = [];
  for (const [id, m] of d.marks) {
    const at = stopPlace(g, id);
    if (!at || !d.inView(at.x - r, at.y - r, at.x + r, at.y + r)) continue;
    placed.push({ id, verdict: m.verdict, rule: m.rule, frameId: m.frameId, ...at });
  }
  /** A width in canvas units that stays visible (1.5 screen pixels) when zoomed far out. */
  const px = (w: number) => Math.max(w, 1.5 / k);
  for (const verdict of ['drop', 'ignore'] as const) {
    const color = verdict === 'drop' ? c.fail : c.warn;
    ctx.beginPath();
    for (const m of placed) {
      if (m.verdict !== verdict) continue;
      ctx.moveTo(m.x + r, m.y);
      ctx.arc(m.x, m.y, r, 0, Math.PI * 2);
    }
    ctx.fillStyle = c.panel;
    ctx.fill();
    ctx.strokeStyle = color;
    ctx.lineWidth = crosses ? 2 : r * 0.6;
    ctx.stroke();
    if (crosses) {
      // ✕ for a drop, ⊘'s stroke for a request left unanswered (as in StopMarks.tsx).
      ctx.beginPath();
      for (const m of placed) {
        if (m.verdict !== verdict) continue;
        if (verdict === 'drop') {
          ctx.moveTo(m.x - 5, m.y - 5);
          ctx.lineTo(m.x + 5, m.y + 5);
          ctx.moveTo(m.x + 5, m.y - 5);
          ctx.lineTo(m.x - 5, m.y + 5);
        } else {
          ctx.moveTo(m.x - 6, m.y + 6);
          ctx.lineTo(m.x + 6, m.y - 6);
        }
      }
      ctx.lineWidth = 2.5;
      ctx.stroke();
    }
  }
  // The selected frame's marks and the keyboard's focus, outlined.
  for (const m of placed) {
    const sel = m.frameId === d.selectedFrame;
    if (!sel && m.id !== d.focused) continue;
    ctx.beginPath();
    ctx.arc(m.x, m.y, r, 0, Math.PI * 2);
    ctx.strokeStyle = m.id === d.focused ? c.focus : m.verdict === 'drop' ? c.fail : c.warn;
    ctx.lineWidth = px(4);
    ctx.stroke();
  }
  if (k >= LABEL_ZOOM) {
    ctx.font = `700 11px ${c.sans}`;
    ctx.textBaseline = 'alphabetic';
    ctx.lineJoin = 'round';
    for (const m of placed) {
      ctx.textAlign = m.slanted ? 'center' : m.side === 1 ? 'left' : 'right';
      const x = m.x + (m.slanted ? 0 : m.side * 14);
      const y = m.y + (m.slanted ? 24 : 4);
      const text = isolate(m.rule);
      // The rule's name over a halo of the canvas's colour (the SVG label's paint-order stroke).
      ctx.strokeStyle = c.canvas;
      ctx.lineWidth = 3;
      ctx.strokeText(text, x, y);
      ctx.fillStyle = m.verdict === 'drop' ? c.fail : c.warn;
      ctx.fillText(text, x, y);
    }
  }
  return placed.length;
}

/** The mark under the canvas point (x, y) at zoom k: the nearest within its drawn radius (plus a little slack). */
export function pickStopMark(g: Geometry, marks: VisibleStop[], x: number, y: number, k: number): VisibleStop | null {
  const reach = radius(k) + 2 / k;
  let best: VisibleStop | null = null;
  let bestD = reach * reach;
  for (const vm of marks) {
    const at = stopPlace(g, vm[0]);
    if (!at) continue;
    const d = (at.x - x) ** 2 + (at.y - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = vm;
    }
  }
  return best;
}
