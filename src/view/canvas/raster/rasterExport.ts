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
 * theme's canvas colour. Drawn in horizontal slices, one task each, then encoded by the browser.
 */
export async function rasterPng(d: Drawing, wanted: number): Promise<RasterPng> {
  const box = drawingBounds(d.g);
  const scale = pngScale(box.width, box.height, wanted, PNG_MAX_PIXELS);
  const width = Math.max(1, Math.floor(box.width * scale));
  const height = Math.max(1, Math.floor(box.height * scale));
  const page = document.createElement('canvas');
  page.width = width;
  page.height = height;
  const out = page.getContext('2d');
  const slice = document.createElement('canvas');
  slice.width = width;
  slice.height = Math.max(64, Math.min(height, Math.floor(SLICE_PIXELS / width)));
  const ctx = slice.getContext('2d');
  if (!out || !ctx) throw new Error('no 2D canvas in this browser');
  out.fillStyle = d.colors.canvas;
  out.fillRect(0, 0, width, height);
  for (let top = 0; top < height; top += slice.height) {
    // The slice's view: the same drawing, moved up by `top` pixels (what lies outside is culled).
    drawTopology(ctx, { ...d, viewport: { x: -box.x * scale, y: -box.y * scale - top, k: scale }, width, height: slice.height, dpr: 1 });
    out.drawImage(slice, 0, top);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const blob = await new Promise<Blob>((resolve, reject) =>
    page.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'),
  );
  // Let go of the bitmaps at once (hundreds of MB) rather than at the next collection.
  page.width = page.height = slice.width = slice.height = 0;
  return { blob, width, height, scale };
}
