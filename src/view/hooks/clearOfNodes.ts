/**
 * Toasts out of the way of the drawing: a notice goes to the first of a few spots over the
 * canvas (top centre, bottom centre, the corners) that covers no host card, link handle, switch
 * or port label as they are on screen now, nor a panel over the canvas (palette, zoom buttons,
 * legend, list view). When every spot covers something, it goes below the canvas, over the
 * event list, where it hides rows of text but nothing of the drawing. It moves again when the
 * view is panned or zoomed, the topology changes, a panel opens or the window is resized.
 */
import { useLayoutEffect, useState, type CSSProperties, type RefObject } from 'react';
import { useAppStoreApi } from '../../store/StoreContext.tsx';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const MARGIN = 8;
/** The palette on the canvas's left edge and the zoom buttons at its top right. */
const PALETTE_W = 92;
const TOOLS_H = 44;

/** Candidate top-left corners for a `w`×`h` notice inside `area`, in order of preference. */
export function spots(area: Box, w: number, h: number, legendH: number): { x: number; y: number }[] {
  const cx = area.x + PALETTE_W + (area.w - PALETTE_W - w) / 2;
  const top = area.y + TOOLS_H;
  const bottom = area.y + area.h - h - legendH - MARGIN;
  const left = area.x + PALETTE_W;
  const right = area.x + area.w - w - MARGIN;
  return [
    { x: cx, y: top },
    { x: cx, y: bottom },
    { x: right, y: top },
    { x: left, y: top },
    { x: right, y: bottom },
    { x: left, y: bottom },
  ].map((p) => ({ x: Math.max(area.x + MARGIN, p.x), y: Math.max(area.y + MARGIN, p.y) }));
}

const covered = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

/** The first spot that covers none of `nodes`, else `fallback`. */
export function clearSpot(candidates: { x: number; y: number }[], w: number, h: number, nodes: Box[], fallback: { x: number; y: number }): { x: number; y: number } {
  return candidates.find((c) => nodes.every((n) => covered({ x: c.x, y: c.y, w, h }, n) === 0)) ?? fallback;
}

const boxOf = (r: DOMRect): Box => ({ x: r.left, y: r.top, w: r.width, h: r.height });

/** Fixed-position style that keeps the element at the clearest spot over the canvas. */
export function useClearOfNodes(ref: RefObject<HTMLElement | null>, deps: unknown): CSSProperties | undefined {
  const api = useAppStoreApi();
  const [pos, setPos] = useState<{ x: number; y: number } | null>(null);
  useLayoutEffect(() => {
    const place = () => {
      const el = ref.current;
      const wrap = document.querySelector('.canvas-wrap');
      if (!el || !wrap) return;
      const area = boxOf(wrap.getBoundingClientRect());
      const me = el.getBoundingClientRect();
      const legendH = wrap.querySelector('.legend')?.getBoundingClientRect().height ?? 0;
      const nodes = [...(wrap.parentElement ?? wrap).querySelectorAll('.host-card, .switch-box, .port-label, [data-link-handle], .palette, .canvas-tools, .legend, .topology-list')].map((n) =>
        boxOf(n.getBoundingClientRect()),
      );
      const below = { x: Math.max(MARGIN, (window.innerWidth - me.width) / 2), y: Math.max(MARGIN, window.innerHeight - me.height - MARGIN) };
      const next = clearSpot(spots(area, me.width, me.height, legendH), me.width, me.height, nodes, below);
      setPos((p) => (p && Math.abs(p.x - next.x) < 1 && Math.abs(p.y - next.y) < 1 ? p : next));
    };
    place();
    let frame = 0;
    const later = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    const unsub = api.subscribe((s, prev) => {
      if (s.viewport !== prev.viewport || s.scenario !== prev.scenario) later();
    });
    window.addEventListener('resize', later);
    // A panel opening over the canvas (the list view) is a new child of the canvas's parent.
    const panels = new MutationObserver(later);
    const host = document.querySelector('.canvas-wrap')?.parentElement;
    if (host) panels.observe(host, { childList: true });
    return () => {
      cancelAnimationFrame(frame);
      unsub();
      panels.disconnect();
      window.removeEventListener('resize', later);
    };
  }, [api, ref, deps]);
  return pos ? { position: 'fixed', left: pos.x, top: pos.y, right: 'auto', bottom: 'auto', transform: 'none' } : undefined;
}
