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
import { colorOf, makeSprite, readColors, SPRITE_HALF, type Sprite, type TokenColors } from './tokenDraw.ts';
import { eachTokenPoint, PathResolver, tokenCount, type FlightPath } from './tokenPath.ts';
import type { Flight } from '../../store/derive/timeline.ts';
import { LabelCache, tokenLabelAt } from './packetLabel.ts';

/** Above this many frames in the air, tokens are drawn without their text label (shape and colour only). */
export const LABEL_LIMIT = 60;
/** Up to this many frames in the air, IP frames' labels name their ends (`SYN 10.0.1.2:40000 → 10.0.0.100:80`). */
export const LONG_LABEL_LIMIT = 8;
const HIT_RADIUS = 11;

/**
 * Hit-testing of the tokens on screen, for clicks on the topology: set by the layer, it
 * computes the tokens' positions for the playback position when asked (one pass over the
 * frames in the air), so that drawing keeps no per-token record from frame to frame.
 */
export interface TokenHits {
  /** The frame whose token is nearest (x, y) in canvas (CSS pixel) coordinates, within HIT_RADIUS. */
  at(x: number, y: number): number | null;
}

export const emptyHits = (): TokenHits => ({ at: () => null });

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
    /** Each flight's route, resolved once for this geometry; flights over one route share it. */
    const routes = new PathResolver(g);
    const pathOf = (f: Flight) => routes.of(f);
    /**
     * Per route, the last draw (stamp), start and sprite its tokens were drawn with: a flight
     * over the same route that started at the same time has the same tokens (a burst of
     * frames flooded together), already on the canvas.
     */
    const routeDrawn = new WeakMap<FlightPath, { stamp: number; start: number; sprite: number }>();
    /** Sprites by look, numbered for the dedup grid. */
    const spriteIds = new Map<Sprite, number>();
    /** This draw's sprite for each kind of frame (not selected). */
    const looks = new Map<string, Sprite>();
    /**
     * One cell per CSS pixel: the draw stamp and sprite last drawn there. Identical tokens on the
     * same pixel (flooded copies of frames that share a path) are drawn once.
     */
    let stampGrid = new Uint32Array(0);
    let stamp = 0;
    /** What the last draw showed, to skip store updates that change none of it. */
    let last: { timeline: unknown; cursor: number; vtime: number; viewport: unknown; selection: unknown; theme: unknown } | null = null;

    const draw = (s: AppState) => {
      if (last && last.timeline === s.timeline && last.cursor === s.cursor && last.vtime === s.vtime && last.viewport === s.viewport && last.selection === s.selection && last.theme === s.theme) return;
      last = { timeline: s.timeline, cursor: s.cursor, vtime: s.vtime, viewport: s.viewport, selection: s.selection, theme: s.theme };
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
      const v = s.vtime;
      const labels = flights.length <= LABEL_LIMIT;
      const long = flights.length <= LONG_LABEL_LIMIT;
      const selected = s.selection?.kind === 'frame' ? s.selection.frameId : null;
      // Tokens keep a readable size when the view is zoomed far out.
      const z = Math.round(Math.max(k, 0.8) * 20) / 20;
      /** How far beyond its centre a token is drawn, at most (a sprite's half side, rounded up to device pixels). */
      const margin = SPRITE_HALF * z + 2;
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
      let tokens = 0;
      let drawnCount = 0;
      // The token being drawn: its sprite, grid tag, label and colour (set per flight, read by put).
      let sp: Sprite = { image: canvas, half: 0 };
      let tag = 0;
      let label = '';
      let fill = '';
      /** Draws one token at canvas point (px, py), unless one identical to it is on that pixel. */
      const put = (px: number, py: number) => {
        const x = Math.round(vx + px * k);
        const y = Math.round(vy + py * k);
        tokens++;
        // Outside the view: nothing to draw.
        if (x < -sp.half || y < -sp.half || x > w + sp.half || y > h + sp.half) return;
        if (x >= 0 && y >= 0 && x < gw && y < gh) {
          const cell = y * gw + x;
          if (stampGrid[cell] === tag) return;
          stampGrid[cell] = tag;
        }
        drawnCount++;
        ctx.drawImage(sp.image, x - sp.half, y - sp.half, 2 * sp.half, 2 * sp.half);
        if (labels) {
          ctx.fillStyle = fill;
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
      };
      looks.clear();
      for (const f of flights) {
        const path = pathOf(f);
        if (!path) continue;
        // A route wholly out of view (zoomed in): none of its tokens is drawn.
        if (vx + path.x1 * k < -margin || vx + path.x0 * k > w + margin || vy + path.y1 * k < -margin || vy + path.y0 * k > h + margin) {
          tokens += tokenCount(path, f, v, TRAVEL_MS);
          continue;
        }
        const st = FRAME_STYLES[f.kind];
        const isSel = f.frameId === selected;
        // This draw's sprite per kind (the selected frame's looks its own).
        let sprite = isSel ? undefined : looks.get(f.kind);
        if (!sprite) {
          const key = `${f.kind} ${z} ${dpr} ${isSel ? 1 : 0}`;
          sprite = sprites.get(key);
          if (!sprite) {
            sprite = makeSprite(st.shape, colorOf(colors, st.cls), isSel ? colors.focus : colors.outline, isSel ? 3 : 1.5, z, dpr);
            sprites.set(key, sprite);
            spriteIds.set(sprite, spriteIds.size % 64);
          }
          if (!isSel) looks.set(f.kind, sprite);
        }
        const id = spriteIds.get(sprite)!;
        if (!labels) {
          // Same route, same start, same look: the same tokens as a flight already drawn.
          const seen = routeDrawn.get(path);
          if (seen && seen.stamp === stamp && seen.start === f.start && seen.sprite === id) {
            tokens += tokenCount(path, f, v, TRAVEL_MS);
            continue;
          }
          if (seen) {
            seen.stamp = stamp;
            seen.start = f.start;
            seen.sprite = id;
          } else routeDrawn.set(path, { stamp, start: f.start, sprite: id });
        }
        sp = sprite;
        tag = stamp * 64 + id;
        if (labels) {
          label = labelCache.get(s.timeline, f.frame, f.kind)[long ? 'long' : 'short'];
          fill = colorOf(colors, st.cls);
        }
        eachTokenPoint(path, f, v, TRAVEL_MS, put);
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

    // Clicks: the nearest token at the playback position, among those in view (the last of equals, as drawn last).
    hits.at = (x, y) => {
      const s = api.getState();
      const { w, h } = size;
      const { x: vx, y: vy, k } = s.viewport;
      let best: number | null = null;
      let bestD = HIT_RADIUS * HIT_RADIUS;
      let id = 0;
      const near = (px: number, py: number) => {
        const tx = Math.round(vx + px * k);
        const ty = Math.round(vy + py * k);
        if (tx < -HIT_RADIUS || ty < -HIT_RADIUS || tx > w + HIT_RADIUS || ty > h + HIT_RADIUS) return;
        const d = (tx - x) ** 2 + (ty - y) ** 2;
        if (d <= bestD) {
          bestD = d;
          best = id;
        }
      };
      for (const f of flightsInAir(s.timeline, s.cursor, s.vtime)) {
        const path = pathOf(f);
        if (!path) continue;
        id = f.frameId;
        eachTokenPoint(path, f, s.vtime, TRAVEL_MS, near);
      }
      return best;
    };

    const resize = () => {
      const r = canvas.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      size = { w: r.width, h: r.height, dpr };
      canvas.width = Math.round(r.width * dpr);
      canvas.height = Math.round(r.height * dpr);
      last = null;
      draw(api.getState());
    };
    const ro = new ResizeObserver(resize);
    ro.observe(canvas);
    resize();
    const unsub = api.subscribe(draw);
    // The routes of the trace's flights are resolved while the page is idle, in start order,
    // so that the frame in which thousands of frames take off does not resolve them all.
    let idle = 0;
    let prepared = { timeline: null as unknown, upTo: 0 };
    const prepare = (deadline: IdleDeadline) => {
      idle = 0;
      const tl = api.getState().timeline;
      if (prepared.timeline !== tl) prepared = { timeline: tl, upTo: 0 };
      prepared.upTo = routes.prepare(tl.flights, prepared.upTo, performance.now() + Math.min(8, deadline.timeRemaining()));
      if (prepared.upTo < tl.flights.length) idle = requestIdleCallback(prepare);
    };
    const prepareLater = () => {
      if (!idle && typeof requestIdleCallback === 'function') idle = requestIdleCallback(prepare);
    };
    prepareLater();
    const unsubTimeline = api.subscribe((s, prev) => {
      if (s.timeline !== prev.timeline) prepareLater();
    });
    return () => {
      unsub();
      unsubTimeline();
      if (idle) cancelIdleCallback(idle);
      ro.disconnect();
      hits.at = () => null;
    };
  }, [api, g, hits]);

  return <canvas ref={ref} className="canvas-overlay" aria-hidden="true" data-testid="tokens" />;
});

/** The frame whose token is under (x, y) (canvas coordinates), if any. */
export function hitToken(hits: TokenHits, x: number, y: number): number | null {
  return hits.at(x, y);
}
