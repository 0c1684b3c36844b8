/**
 * Pictures of a topology drawn on the raster canvas, for the Share dialog's diagram exports:
 * its SVG has no cards to copy, so the drawing is made again from the geometry with
 * drawTopology, at a zoom where all its text shows — onto an SvgSurface for the SVG file, onto
 * an offscreen canvas for the PNG.
 *
 * RasterTopology registers what it draws with (setRasterDrawing) while it is on the page.
 */
import { pngScale, type ViewBox } from '../../../export/index.ts';
import { drawTopology, type TopologyState } from './drawTopology.ts';
import { SvgSurface, type MeasureText } from './svgSurface.ts';
import type { PngEncodeMessage, PngEncodeReply } from './pngEncode.worker.ts';

/** What the raster canvas draws, apart from where it looks: the geometry, colours, tables, marks, selection. */
export type Drawing = Omit<TopologyState, 'viewport' | 'width' | 'height' | 'dpr'>;

let current: (() => Drawing) | null = null;

export function setRasterDrawing(source: (() => Drawing) | null): void {
  current = source;
}

/** The raster canvas's drawing now, or null when the topology is drawn as SVG (or not at all). */
export function rasterDrawing(): Drawing | null {
  return current ? current() : null;
}

/** Space around the drawing in exported pictures (canvas units), as for the SVG drawing's exports. */
const MARGIN = 24;
/**
 * The PNG's largest bitmap. Chromium refuses canvases over 2^28 pixels (and 32,767 px a side),
 * but a canvas that large takes a gigabyte and encodes for many seconds; 64 M pixels (256 MB)
 * is what a page can hold and encode without trouble. Sides stay ≤ 16,384 (pngScale).
 */
export const PNG_MAX_PIXELS = 64 * 2 ** 20;
/** Pixels drawn per slice of the PNG: each slice is one task, so the page keeps answering. */
const SLICE_PIXELS = 2 * 2 ** 20;

/** The region the drawing covers (cards, switches, port labels), with a margin, in canvas units. */
export function drawingBounds(g: Drawing['g']): ViewBox {
  const b = g.bounds;
  return { x: Math.floor(b.x0 - MARGIN), y: Math.floor(b.y0 - MARGIN), width: Math.ceil(b.x1 - b.x0 + 2 * MARGIN), height: Math.ceil(b.y1 - b.y0 + 2 * MARGIN) };
}

/**
 * The whole drawing as an SVG document, at zoom 1 (where drawTopology draws every name, row
 * and port label), on the theme's canvas colour.
 */
export function rasterSvg(d: Drawing, measure: MeasureText): string {
  const box = drawingBounds(d.g);
  const svg = new SvgSurface(measure);
  drawTopology(svg, { ...d, viewport: { x: -box.x, y: -box.y, k: 1 }, width: box.width, height: box.height, dpr: 1 });
  return svg.toSvg({ x: 0, y: 0, width: box.width, height: box.height }, d.colors.canvas);
}

/** Text widths as this browser's canvas measures them (for the SVG's text narrowed to a card, as on screen). */
export function canvasMeasure(): MeasureText {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  return (font, text) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}

export interface RasterPng {
  blob: Blob;
  width: number;
  height: number;
  /** Pixels per canvas unit: `wanted`, or less when the bitmap would be too large. */
  scale: number;
}

/**
 * The whole drawing as a PNG at `wanted` pixels per canvas unit (less if too large), on the
 * theme's canvas colour. Drawn here in horizontal slices, one task each; the bitmap they make up
 * and its encoding are the worker's (pngEncode.worker.ts).
 */
export async function rasterPng(d: Drawing, wanted: number): Promise<RasterPng> {
  const box = drawingBounds(d.g);
  const scale = pngScale(box.width, box.height, wanted, PNG_MAX_PIXELS);
  const width = Math.max(1, Math.floor(box.width * scale));
  const height = Math.max(1, Math.floor(box.height * scale));
  const sliceHeight = Math.max(64, Math.min(height, Math.floor(SLICE_PIXELS / width)));
  const slice = new OffscreenCanvas(width, sliceHeight);
  const ctx = slice.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  const worker = new Worker(new URL('./pngEncode.worker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = new Promise<Blob>((resolve, reject) => {
      worker.onmessage = (ev: MessageEvent<PngEncodeReply>) => (ev.data.kind === 'png' ? resolve(ev.data.blob) : reject(new Error(ev.data.message)));
      worker.onerror = (ev) => reject(new Error(ev.message || 'the PNG worker failed'));
    });
    const send = (m: PngEncodeMessage, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
    send({ kind: 'start', width, height });
    for (let top = 0; top < height; top += sliceHeight) {
      // The slice's view: the same drawing, moved up by `top` pixels (what lies outside is culled).
      drawTopology(ctx, { ...d, viewport: { x: -box.x * scale, y: -box.y * scale - top, k: scale }, width, height: sliceHeight, dpr: 1 });
      // The canvas colour behind what was drawn.
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalCompositeOperation = 'destination-over';
      ctx.fillStyle = d.colors.canvas;
      ctx.fillRect(0, 0, width, sliceHeight);
      ctx.globalCompositeOperation = 'source-over';
      const bitmap = slice.transferToImageBitmap();
      send({ kind: 'slice', top, bitmap }, [bitmap]);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    send({ kind: 'encode' });
    return { blob: await reply, width, height, scale };
  } finally {
    worker.terminate();
  }
}
