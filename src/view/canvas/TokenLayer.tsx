/**
 * Frames on the wire, drawn on a canvas layer above the SVG topology. This is playback's
 * per-frame work, so it runs outside React: a store subscription (zustand's transient
 * updates) redraws the layer whenever the playback position, the viewport, the selection
 * or the theme changes. Tokens are hit-tested here for clicks on the topology.
 */
import { memo, useEffect, useRef } from 'react';
import { flightsInAir, TRAVEL_MS } from '../../store/derive/timeline.ts';
import { useAppStoreApi } from '../../store/StoreContext.tsx';
import type { AppState } from '../../store/types.ts';
import { FRAME_STYLES } from './frameStyle.ts';
import type { Geometry } from './geometry.ts';
import type { Shape } from './frameStyle.ts';
import { colorOf, readColors, shapePath, type TokenColors } from './tokenDraw.ts';
import { tokenPositions, type Point } from './tokenPath.ts';

/** Above this many frames in the air, tokens are drawn without their text label (shape and colour only). */
export const LABEL_LIMIT = 60;
const HIT_RADIUS = 11;

/** Where tokens were last drawn (canvas coordinates), for hit-testing clicks. */
export interface TokenHits {
  points: { x: number; y: number; frameId: number }[];
}

export const TokenLayer = memo(function TokenLayer({ g, hits }: { g: Geometry; hits: TokenHits }) {
  const api = useAppStoreApi();
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let colors: TokenColors = readColors(canvas);
    let theme = api.getState().theme;
    let size = { w: 0, h: 0, dpr: 1 };

    const draw = (s: AppState) => {
      if (s.theme !== theme) {
        theme = s.theme;
        colors = readColors(canvas);
      }
      const { w, dpr } = size;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const flights = flightsInAir(s.timeline, s.cursor, s.vtime);
      canvas.dataset.inAir = String(flights.length);
      hits.points = [];
      if (flights.length === 0 || w === 0) return;
      const { x: vx, y: vy, k } = s.viewport;
      const labels = flights.length <= LABEL_LIMIT;
      const selected = s.selection?.kind === 'frame' ? s.selection.frameId : null;
      // Group tokens by look, so that each group is one path: one fill and one stroke.
      const groups = new Map<string, { shape: Shape; cls: string; label: string; pts: Point[] }>();
      const sel: { shape: Shape; pts: Point[] } = { shape: 'circle', pts: [] };
      for (const f of flights) {
        const st = FRAME_STYLES[f.kind];
        const { pts } = tokenPositions(g, f, s.vtime, TRAVEL_MS);
        const key = f.kind;
        let grp = groups.get(key);
        if (!grp) groups.set(key, (grp = { shape: st.shape, cls: st.cls, label: st.label, pts: [] }));
        for (const p of pts) {
          grp.pts.push(p);
          hits.points.push({ x: vx + p.x * k, y: vy + p.y * k, frameId: f.frameId });
        }
        if (f.frameId === selected) Object.assign(sel, { shape: st.shape, pts });
      }
      // Tokens keep a readable size when the view is zoomed far out.
      const z = Math.max(k, 0.8);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.lineJoin = 'round';
      ctx.font = colors.font;
      const trace = (shape: Shape, pts: Point[]) => {
        ctx.beginPath();
        for (const p of pts) shapePath(ctx, shape, vx + p.x * k, vy + p.y * k, z);
      };
      for (const grp of groups.values()) {
        trace(grp.shape, grp.pts);
        ctx.fillStyle = colorOf(colors, grp.cls);
        ctx.fill();
        ctx.lineWidth = 1.5;
        ctx.strokeStyle = colors.outline;
        ctx.stroke();
        if (labels) {
          ctx.lineWidth = 3;
          for (const p of grp.pts) {
            const x = vx + (p.x + 12) * k;
            const y = vy + (p.y - 8) * k;
            ctx.strokeText(grp.label, x, y);
            ctx.fillText(grp.label, x, y);
          }
        }
      }
      if (sel.pts.length) {
        trace(sel.shape, sel.pts);
        ctx.lineWidth = 3;
        ctx.strokeStyle = colors.focus;
        ctx.stroke();
      }
    };

    const resize = () => {
      const r = canvas.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      size = { w: r.width, h: r.height, dpr };
      canvas.width = Math.round(r.width * dpr);
      canvas.height = Math.round(r.height * dpr);
      draw(api.getState());
    };
    const ro = new ResizeObserver(resize);
    ro.observe(canvas);
    resize();
    const unsub = api.subscribe(draw);
    return () => {
      unsub();
      ro.disconnect();
    };
  }, [api, g, hits]);

  return <canvas ref={ref} className="canvas-overlay" aria-hidden="true" data-testid="tokens" />;
});

/** The frame whose token is under (x, y) (canvas coordinates), if any. */
export function hitToken(hits: TokenHits, x: number, y: number): number | null {
  let best: number | null = null;
  let bestD = HIT_RADIUS * HIT_RADIUS;
  for (const p of hits.points) {
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = p.frameId;
    }
  }
  return best;
}
