/**
 * A picture of an SVG drawing as a file: a standalone SVG string, or a PNG made from it.
 *
 * The app styles its SVG with CSS classes and custom properties (themes), which a file
 * opened elsewhere does not have. So the serializer copies the computed values of the
 * properties that change how SVG paints (fill, stroke, fonts, …) onto each element's
 * style. DOM-generic: it takes any SVGSVGElement, knows nothing of React or the canvas.
 */

export const SVG_MIME = 'image/svg+xml';
const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Properties that decide what an SVG element looks like, whether they inherit, and their
 * initial value. Inherited ones are written only where they differ from the parent's
 * (the copy keeps the tree, so children inherit them as in the page); the others only
 * where they differ from the initial value. Layout properties (width, transform, …) are
 * attributes in SVG and are copied with the element.
 */
const PAINT_PROPERTIES: readonly { name: string; inherited: boolean; initial?: string }[] = [
  { name: 'fill', inherited: true },
  { name: 'fill-opacity', inherited: true },
  { name: 'fill-rule', inherited: true },
  { name: 'stroke', inherited: true },
  { name: 'stroke-width', inherited: true },
  { name: 'stroke-opacity', inherited: true },
  { name: 'stroke-dasharray', inherited: true },
  { name: 'stroke-dashoffset', inherited: true },
  { name: 'stroke-linecap', inherited: true },
  { name: 'stroke-linejoin', inherited: true },
  { name: 'paint-order', inherited: true },
  { name: 'marker-start', inherited: true },
  { name: 'marker-mid', inherited: true },
  { name: 'marker-end', inherited: true },
  { name: 'color', inherited: true },
  { name: 'font-family', inherited: true },
  { name: 'font-size', inherited: true },
  { name: 'font-weight', inherited: true },
  { name: 'font-style', inherited: true },
  { name: 'letter-spacing', inherited: true },
  { name: 'text-anchor', inherited: true },
  { name: 'dominant-baseline', inherited: true },
  { name: 'visibility', inherited: true },
  { name: 'opacity', inherited: false, initial: '1' },
  { name: 'display', inherited: false, initial: 'inline' },
];

/** Attributes that only make sense in the live page (keyboard focus), dropped from the copy. */
const LIVE_ONLY_ATTRIBUTES = ['tabindex'];

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SerializeSvgOptions {
  /**
   * Region of the drawing to export, in user units. Default: the element's viewBox
   * attribute, else its width and height attributes, else its bounding box.
   */
  viewBox?: ViewBox;
  /** Size of the picture in px; default the viewBox's size. */
  width?: number;
  height?: number;
  /** A CSS colour painted behind the drawing (the page background the SVG is drawn on); default transparent. */
  background?: string;
  /**
   * CSS selector of elements whose `transform` attribute is dropped in the copy: the
   * pan/zoom layer, so that `viewBox` is in drawing coordinates whatever the view.
   */
  resetTransform?: string;
}

/** The SVG as a standalone document (UTF-8 text with an XML declaration). */
export function serializeSvg(svg: SVGSVGElement, options: SerializeSvgOptions = {}): string {
  const view = svg.ownerDocument.defaultView;
  if (!view) throw new Error('serializeSvg: the SVG element is not in a window (no computed styles)');
  const box = options.viewBox ?? defaultViewBox(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy, view);

  if (options.resetTransform) for (const el of copy.querySelectorAll(options.resetTransform)) el.removeAttribute('transform');
  for (const name of LIVE_ONLY_ATTRIBUTES) {
    copy.removeAttribute(name);
    for (const el of copy.querySelectorAll(`[${name}]`)) el.removeAttribute(name);
  }

  // As a namespace declaration (not a plain attribute), so the serializer does not write it twice.
  copy.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  copy.setAttribute('viewBox', `${num(box.x)} ${num(box.y)} ${num(box.width)} ${num(box.height)}`);
  copy.setAttribute('width', num(options.width ?? box.width));
  copy.setAttribute('height', num(options.height ?? box.height));
  // The page sizes the live SVG with CSS (width: 100%); the file has its own size.
  copy.style.removeProperty('width');
  copy.style.removeProperty('height');
  if (options.background) {
    const rect = copy.ownerDocument.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('x', num(box.x));
    rect.setAttribute('y', num(box.y));
    rect.setAttribute('width', num(box.width));
    rect.setAttribute('height', num(box.height));
    rect.setAttribute('fill', options.background);
    copy.insertBefore(rect, copy.firstChild);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new view.XMLSerializer().serializeToString(copy)}\n`;
}

/** Copies the computed paint properties of each element of `src` onto the same element of `dst` (a clone). */
function inlineStyles(src: SVGSVGElement, dst: SVGSVGElement, view: Window): void {
  const from: Element[] = [src, ...src.querySelectorAll('*')];
  const to: Element[] = [dst, ...dst.querySelectorAll('*')];
  const computed = new Map<Element, Record<string, string>>();
  from.forEach((el, i) => {
    const cs = view.getComputedStyle(el);
    const values: Record<string, string> = {};
    for (const p of PAINT_PROPERTIES) {
      const v = resolveVars(cs.getPropertyValue(p.name).trim(), el, view);
      // jsdom reports font-family's initial value as this sentence, which is no CSS value.
      values[p.name] = v === 'depends on user agent' ? '' : v;
    }
    computed.set(el, values);
    const parent = el === src ? undefined : computed.get(el.parentElement as Element);
    const target = to[i] as SVGElement;
    for (const p of PAINT_PROPERTIES) {
      const v = values[p.name];
      if (!v) continue;
      // Inherited values equal to the parent's flow down in the copy as in the page.
      if (p.inherited && parent && parent[p.name] === v) continue;
      if (!p.inherited && v === p.initial) continue;
      target.style.setProperty(p.name, v);
    }
  });
}

/**
 * Browsers compute var() away; DOM implementations without a full cascade (jsdom) may
 * leave it in. Resolve it from the element and its ancestors, with var()'s fallback.
 */
function resolveVars(value: string, el: Element, view: Window, depth = 0): string {
  if (!value.includes('var(') || depth > 8) return value;
  return value.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_m, name: string, fallback: string | undefined) => {
    for (let n: Element | null = el; n; n = n.parentElement) {
      const v = view.getComputedStyle(n).getPropertyValue(name).trim();
      if (v) return resolveVars(v, n, view, depth + 1);
    }
    return fallback?.trim() ?? '';
  });
}

function defaultViewBox(svg: SVGSVGElement): ViewBox {
  const vb = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (vb.length === 4 && vb.every(Number.isFinite) && vb[2] > 0 && vb[3] > 0) return { x: vb[0], y: vb[1], width: vb[2], height: vb[3] };
  const wa = svg.getAttribute('width') ?? '';
  const ha = svg.getAttribute('height') ?? '';
  const w = parseFloat(wa);
  const h = parseFloat(ha);
  // A percentage is relative to the page, not a size of the drawing.
  if (w > 0 && h > 0 && !wa.includes('%') && !ha.includes('%')) return { x: 0, y: 0, width: w, height: h };
  const b = typeof svg.getBBox === 'function' ? svg.getBBox() : null;
  if (b && b.width > 0 && b.height > 0) return { x: b.x, y: b.y, width: b.width, height: b.height };
  throw new Error('serializeSvg: the SVG has no size (no viewBox, width/height or bounding box); pass options.viewBox');
}

/** Numbers as SVG attributes: no exponent, at most 3 decimals. */
function num(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** Browsers refuse canvases beyond about 16384 px a side or 2^28 pixels; stay inside both. */
const MAX_SIDE = 16384;
const MAX_PIXELS = 2 ** 28;

/**
 * The scale at which a picture of width × height fits a canvas: `scale`, or less where the
 * canvas would be too large (at most `maxPixels`).
 */
export function pngScale(width: number, height: number, scale: number, maxPixels = MAX_PIXELS): number {
  if (!(width > 0 && height > 0 && scale > 0)) throw new Error(`svgToPngBlob: bad size ${width}×${height} at scale ${scale}`);
  return Math.min(scale, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(maxPixels / (width * height)));
}

/** Pixel size of the PNG for a picture of width × height at `scale`, reduced to what a canvas can hold. */
export function pngSize(width: number, height: number, scale: number, maxPixels = MAX_PIXELS): { width: number; height: number } {
  const s = pngScale(width, height, scale, maxPixels);
  return { width: Math.max(1, Math.floor(width * s)), height: Math.max(1, Math.floor(height * s)) };
}

/**
 * Renders a standalone SVG (from serializeSvg) to a PNG. Browser only: it draws the SVG
 * through an Image onto a canvas. `scale` 2 gives a sharp picture on high-density screens.
 * Fonts are the ones installed on the system: an SVG drawn as an image loads nothing.
 */
export async function svgToPngBlob(svgString: string, width: number, height: number, scale = 2): Promise<Blob> {
  const size = pngSize(width, height, scale);
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('svgToPngBlob: the browser could not draw the SVG as an image'));
    // A data: URL rather than a blob: URL: no URL to revoke, and the canvas is never tainted.
    img.src = `data:${SVG_MIME};charset=utf-8,${encodeURIComponent(svgString)}`;
  });
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('svgToPngBlob: no 2D canvas in this browser');
  ctx.drawImage(img, 0, 0, size.width, size.height);
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('svgToPngBlob: the canvas could not be encoded as PNG'))), 'image/png');
  });
}
