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
import { colorOf, makeSprite, readColors, type Sprite, type TokenColors } from './tokenDraw.ts';
import { eachTokenPoint, flightPath, type FlightPath } from './tokenPath.ts';
import type { Flight } from '../../store/derive/timeline.ts';
import { LabelCache, tokenLabelAt } from './packetLabel.ts';

/** Above this many frames in the air, tokens are drawn without their text label (shape and colour only). */
export const LABEL_LIMIT = 60;
/** Up to this many frames in the air, IP frames' labels name their ends (`SYN 10.0.1.2:40000 → 10.0.0.100:80`). */
export const LONG_LABEL_LIMIT = 8;
const HIT_RADIUS = 11;

/**
 * Where tokens were last drawn (canvas coordinates), for hit-testing clicks: `n` tokens, token i
 * at (xy[2i], xy[2i+1]) carrying frame ids[i]. Typed arrays reused from frame to frame: tens
 * of thousands of tokens cost no allocation.
 */
export interface TokenHits {
  n: number;
  xy: Float32Array;
  ids: Int32Array;
}

export const emptyHits = (): TokenHits => ({ n: 0, xy: new Float32Array(1024), ids: new Int32Array(512) });

function addHit(h: TokenHits, x: number, y: number, frameId: number) {
  if (h.n === h.ids.length) {
    const xy = new Float32Array(h.xy.length * 2);
    xy.set(h.xy);
    const ids = new Int32Array(h.ids.length * 2);
    ids.set(h.ids);
    h.xy = xy;
    h.ids = ids;
  }
  h.xy[2 * h.n] = x;
  h.xy[2 * h.n + 1] = y;
  h.ids[h.n++] = frameId;
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
    /** Token sprites by look; rebuilt when the theme changes. */
    const sprites = new Map<string, Sprite>();
    let size = { w: 0, h: 0, dpr: 1 };
    const labelCache = new LabelCache();
    /** Measured label widths (px) in the current font, and its height above the baseline. */
    const widths = new Map<string, number>();
    let widthsFont = '';
    let ascent = 10;
    let shown = -1;
    let shownFor: unknown = null;
    /** Each flight's route, resolved once for this geometry. */
    const paths = new WeakMap<Flight, FlightPath | null>();
    /** Sprites by look, numbered for the dedup grid. */
    const spriteIds = new Map<Sprite, number>();
    /**
     * One cell per CSS pixel: the draw stamp and sprite last drawn there. Identical tokens on the
     * same pixel (flooded copies of frames that share a path) are drawn once.
     */
    let stampGrid = new Uint32Array(0);
    let stamp = 0;

    const draw = (s: AppState) => {
      if (s.theme !== theme) {
        theme = s.theme;
        colors = readColors(canvas);
        sprites.clear();
        spriteIds.clear();
      }
      const { w, h, dpr } = size;
      const t0 = performance.now();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      const flights = flightsInAir(s.timeline, s.cursor, s.vtime);
      canvas.dataset.inAir = String(flights.length);
      hits.n = 0;
      if (s.timeline !== shownFor) {
        shownFor = s.timeline;
        shown = -1;
      }
      if (flights.length === 0 && shown !== 0) {
        shown = 0;
        canvas.dataset.labels = '';
      }
      if (flights.length === 0 || w === 0) return;
      const { x: vx, y: vy, k } = s.viewport;
      const labels = flights.length <= LABEL_LIMIT;
      const long = flights.length <= LONG_LABEL_LIMIT;
      const selected = s.selection?.kind === 'frame' ? s.selection.frameId : null;
      // Tokens keep a readable size when the view is zoomed far out.
      const z = Math.round(Math.max(k, 0.8) * 20) / 20;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.font = colors.font;
      if (colors.font !== widthsFont) {
        widthsFont = colors.font;
        widths.clear();
        ascent = ctx.measureText('M').actualBoundingBoxAscent || 10;
      }
      ctx.lineJoin = 'round';
      const gw = Math.ceil(w) + 1;
      const gh = Math.ceil(h) + 1;
      if (stampGrid.length !== gw * gh) {
        stampGrid = new Uint32Array(gw * gh);
        stamp = 0;
      }
      stamp = (stamp + 1) & 0x3ffffff;
      if (stamp === 0) {
        stampGrid.fill(0);
        stamp = 1;
      }
      hits.n = 0;
      let tokens = 0;
      let drawnCount = 0;
      for (const f of flights) {
        const st = FRAME_STYLES[f.kind];
        const isSel = f.frameId === selected;
        const key = `${f.kind} ${z} ${dpr} ${isSel ? 1 : 0}`;
        let sprite = sprites.get(key);
        if (!sprite) {
          sprite = makeSprite(st.shape, colorOf(colors, st.cls), isSel ? colors.focus : colors.outline, isSel ? 3 : 1.5, z, dpr);
          sprites.set(key, sprite);
          spriteIds.set(sprite, spriteIds.size % 64);
        }
        const sp = sprite;
        const tag = stamp * 64 + spriteIds.get(sp)!;
        const label = labels ? labelCache.get(s.timeline, f.frame, f.kind)[long ? 'long' : 'short'] : '';
        let path = paths.get(f);
        if (path === undefined) {
          path = flightPath(g, f);
          paths.set(f, path);
        }
        if (!path) continue;
        eachTokenPoint(path, f, s.vtime, TRAVEL_MS, (px, py) => {
          const x = Math.round(vx + px * k);
          const y = Math.round(vy + py * k);
          tokens++;
          // Outside the view: nothing to draw.
          if (x < -sp.half || y < -sp.half || x > w + sp.half || y > h + sp.half) return;
          addHit(hits, x, y, f.frameId);
          if (x >= 0 && y >= 0 && x < gw && y < gh) {
            const cell = y * gw + x;
            if (stampGrid[cell] === tag) return;
            stampGrid[cell] = tag;
          }
          drawnCount++;
          ctx.drawImage(sp.image, x - sp.half, y - sp.half, 2 * sp.half, 2 * sp.half);
          if (labels) {
            ctx.fillStyle = colorOf(colors, st.cls);
            ctx.lineWidth = 3;
            ctx.strokeStyle = colors.outline;
            // Kept inside the view: a long label near the right or top edge is not clipped.
            let width = widths.get(label);
            if (width === undefined) {
              if (widths.size >= 4096) widths.clear();
              widths.set(label, (width = ctx.measureText(label).width));
            }
            const pos = tokenLabelAt(x, y, width, ascent, w, h, z);
            ctx.strokeText(label, pos.x, pos.y);
            ctx.fillText(label, pos.x, pos.y);
          }
        });
      }
      canvas.dataset.tokens = String(tokens);
      // For the bench: this layer's share of the frame.
      canvas.dataset.drawMs = (performance.now() - t0).toFixed(2);
      canvas.dataset.drawn = String(drawnCount);
      // What the labels say, for tests (the canvas holds no text): rewritten only when the set of frames in the air changes.
      const shownKey = labels ? flights.length * 4 + (long ? 2 : 1) + flights[0].frameId * 1e4 + flights[flights.length - 1].frameId * 1e9 : 0;
      if (shownKey !== shown) {
        shown = shownKey;
        canvas.dataset.labels = labels ? flights.map((f) => labelCache.get(s.timeline, f.frame, f.kind)[long ? 'long' : 'short']).join('\n') : '';
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
  for (let i = 0; i < hits.n; i++) {
    const d = (hits.xy[2 * i] - x) ** 2 + (hits.xy[2 * i + 1] - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = hits.ids[i];
    }
  }
  return best;
}
