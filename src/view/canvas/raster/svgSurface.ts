/**
 * A Surface2D that writes SVG text instead of pixels: drawTopology draws onto it as onto a
 * canvas, and the result is a vector file of the same drawing (the SVG export of topologies
 * drawn on the raster canvas, which have no SVG cards to copy).
 *
 * Each fill or stroke of the current path becomes one element: a path made of rectangles only
 * (the cards, ports, switches) is written as <rect>s in a group that carries the paint, so
 * each card stays an element of its own; anything else as one <path>. A fill and a stroke of
 * the same path are one element (with paint-order when the stroke came first, as a canvas
 * paints it). Fonts become classes of a <style> (a thousand cards repeat a few fonts), colours
 * attributes with the values they were given (the theme's, already resolved). Pure: no DOM.
 */
import type { Surface2D } from './surface.ts';

type Paint = string | CanvasGradient | CanvasPattern;
type Sub = { rect: [number, number, number, number, number] } | { d: string };
interface Style {
  font: string;
  fillStyle: Paint;
  strokeStyle: Paint;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  /** Clip groups opened since this state was saved (closed by restore). */
  clips: number;
}
interface PaintOp {
  kind: 'fill' | 'stroke';
  color: string;
  width: number;
  join: CanvasLineJoin;
}

/** Width of `text` in `font` (a canvas's measureText where there is one). */
export type MeasureText = (font: string, text: string) => number;

const num = (n: number) => String(Math.round(n * 100) / 100);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ANCHOR: Record<CanvasTextAlign, string> = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' };
const BASELINE: Partial<Record<CanvasTextBaseline, string>> = { top: 'text-before-edge', middle: 'central', bottom: 'text-after-edge', hanging: 'hanging' };

export class SvgSurface implements Surface2D {
  font = '10px sans-serif';
  fillStyle: Paint = '#000';
  strokeStyle: Paint = '#000';
  lineWidth = 1;
  lineJoin: CanvasLineJoin = 'miter';
  textAlign: CanvasTextAlign = 'start';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  private readonly out: string[] = [];
  private readonly stack: Style[] = [];
  private clips = 0;
  private clipIds = 0;
  private matrix = '';
  private inTransform = false;
  private path: Sub[] = [];
  /** The open subpath's commands, and where it is (for arc's line to its start). */
  private d = '';
  private at: [number, number] | null = null;
  private ops: PaintOp[] = [];
  private readonly fonts = new Map<string, string>();

  constructor(private readonly measure: MeasureText) {}

  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    const m = a === 1 && b === 0 && c === 0 && d === 1 && e === 0 && f === 0 ? '' : [a, b, c, d, e, f].map(num).join(' ');
    if (m === this.matrix) return;
    // The transform is a group around what follows; a clip group inside it would have to be closed first.
    if (this.clips > 0) throw new Error('SvgSurface: setTransform inside a clip is not supported');
    this.flush();
    if (this.inTransform) this.out.push('</g>');
    this.matrix = m;
    this.inTransform = m !== '';
    if (this.inTransform) this.out.push(`<g transform="matrix(${m})">`);
  }

  /** The document starts empty: drawTopology clears only before it draws. */
  clearRect(): void {}

  fillRect(x: number, y: number, w: number, h: number): void {
    this.flush();
    this.out.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="${esc(String(this.fillStyle))}"/>`);
  }

  save(): void {
    const { font, fillStyle, strokeStyle, lineWidth, lineJoin, textAlign, textBaseline, clips } = this;
    this.stack.push({ font, fillStyle, strokeStyle, lineWidth, lineJoin, textAlign, textBaseline, clips });
    this.clips = 0;
  }

  restore(): void {
    const s = this.stack.pop();
    if (!s) return;
    this.flush();
    for (let i = 0; i < this.clips; i++) this.out.push('</g>');
    ({ font: this.font, fillStyle: this.fillStyle, strokeStyle: this.strokeStyle, lineWidth: this.lineWidth, lineJoin: this.lineJoin, textAlign: this.textAlign, textBaseline: this.textBaseline, clips: this.clips } = s);
  }

  beginPath(): void {
    this.flush();
    this.path = [];
    this.d = '';
    this.at = null;
  }

  moveTo(x: number, y: number): void {
    this.endRects();
    this.d += `M${num(x)} ${num(y)}`;
    this.at = [x, y];
  }

  lineTo(x: number, y: number): void {
    this.endRects();
    this.d += `${this.at ? 'L' : 'M'}${num(x)} ${num(y)}`;
    this.at = [x, y];
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.roundRect(x, y, w, h, 0);
  }

  roundRect(x: number, y: number, w: number, h: number, radius: number): void {
    this.endPath();
    this.path.push({ rect: [x, y, w, h, radius] });
    // A canvas starts a new subpath at the rectangle's corner.
    this.at = [x, y];
  }

  arc(x: number, y: number, r: number, start: number, end: number): void {
    this.endRects();
    const p0: [number, number] = [x + r * Math.cos(start), y + r * Math.sin(start)];
    this.d += `${this.at ? 'L' : 'M'}${num(p0[0])} ${num(p0[1])}`;
    const sweep = Math.min(end - start, Math.PI * 2);
    // A full turn is two half turns: an SVG arc from a point to itself draws nothing.
    const steps = sweep >= Math.PI * 2 - 1e-9 ? [start + Math.PI, start + Math.PI * 2] : [end];
    let from = start;
    for (const to of steps) {
      this.d += `A${num(r)} ${num(r)} 0 ${to - from > Math.PI ? 1 : 0} 1 ${num(x + r * Math.cos(to))} ${num(y + r * Math.sin(to))}`;
      from = to;
    }
    this.at = [x + r * Math.cos(end), y + r * Math.sin(end)];
  }

  fill(): void {
    this.ops.push({ kind: 'fill', color: String(this.fillStyle), width: 0, join: this.lineJoin });
  }

  stroke(): void {
    this.ops.push({ kind: 'stroke', color: String(this.strokeStyle), width: this.lineWidth, join: this.lineJoin });
  }

  clip(): void {
    this.flush();
    const id = `clip${this.clipIds++}`;
    this.out.push(`<clipPath id="${id}">${this.shapes()}</clipPath><g clip-path="url(#${id})">`);
    this.clips++;
  }

  fillText(text: string, x: number, y: number, maxWidth?: number): void {
    this.flush();
    // A canvas narrows text wider than maxWidth; SVG does it with textLength.
    const w = maxWidth === undefined ? 0 : this.measure(this.font, text);
    const fit = maxWidth !== undefined && w > maxWidth ? ` textLength="${num(Math.max(0, maxWidth))}" lengthAdjust="spacingAndGlyphs"` : '';
    this.out.push(`<text${this.textAttrs(x, y)} fill="${esc(String(this.fillStyle))}"${fit}>${esc(text)}</text>`);
  }

  strokeText(text: string, x: number, y: number): void {
    this.flush();
    this.out.push(`<text${this.textAttrs(x, y)} fill="none" stroke="${esc(String(this.strokeStyle))}" stroke-width="${num(this.lineWidth)}" stroke-linejoin="${this.lineJoin}">${esc(text)}</text>`);
  }

  measureText(text: string): { width: number } {
    return { width: this.measure(this.font, text) };
  }

  /**
   * The SVG document: `box` (in the drawing's final coordinates, after the transforms) as its
   * viewBox and size, on `background` when given.
   */
  toSvg(box: { x: number; y: number; width: number; height: number }, background?: string): string {
    this.flush();
    const body = [...this.out];
    for (let i = 0; i < this.clips; i++) body.push('</g>');
    if (this.inTransform) body.push('</g>');
    const style = [...this.fonts].map(([font, cls]) => `.${cls}{${fontCss(font)}}`).join('\n');
    const vb = [box.x, box.y, box.width, box.height].map(num).join(' ');
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${vb}" width="${num(box.width)}" height="${num(box.height)}">`,
      `<style>\n${style}\n</style>`,
      background ? `<rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" fill="${esc(background)}"/>` : '',
      ...body,
      '</svg>',
      '',
    ].join('\n');
  }

  private textAttrs(x: number, y: number): string {
    let cls = this.fonts.get(this.font);
    if (cls === undefined) this.fonts.set(this.font, (cls = `f${this.fonts.size}`));
    const anchor = ANCHOR[this.textAlign];
    const baseline = BASELINE[this.textBaseline];
    return ` class="${cls}" x="${num(x)}" y="${num(y)}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}${baseline ? ` dominant-baseline="${baseline}"` : ''}`;
  }

  /** The open subpath's commands join the path (a rectangle starts a new one). */
  private endPath(): void {
    if (this.d) this.path.push({ d: this.d });
    this.d = '';
  }

  /** Line commands after rectangles: the rectangles stay subpaths of their own. */
  private endRects(): void {
    if (this.d === '' && this.path.length > 0 && 'rect' in this.path[this.path.length - 1]) this.at = null;
  }

  /** The current path as SVG shapes: <rect>s when it is only rectangles, else one <path>. */
  private shapes(): string {
    this.endPath();
    if (this.path.every((s) => 'rect' in s))
      return this.path
        .map((s) => {
          const [x, y, w, h, r] = (s as { rect: [number, number, number, number, number] }).rect;
          return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}"${r > 0 ? ` rx="${num(r)}"` : ''}/>`;
        })
        .join('');
    const d = this.path
      .map((s) => {
        if ('d' in s) return s.d;
        // Rounded rectangles only come alone (cards); in a mixed path they are drawn square.
        const [x, y, w, h] = s.rect;
        return `M${num(x)} ${num(y)}h${num(w)}v${num(h)}h${num(-w)}Z`;
      })
      .join('');
    return `<path d="${d}"/>`;
  }

  /** Writes the fills and strokes asked of the current path, then forgets them (the path stays). */
  private flush(): void {
    if (this.ops.length === 0) return;
    const ops = this.ops;
    this.ops = [];
    const empty = this.path.length === 0 && this.d === '';
    if (empty) return;
    const shapes = this.shapes();
    const paint = (fill: PaintOp | undefined, stroke: PaintOp | undefined, strokeFirst: boolean) =>
      ` fill="${fill ? esc(fill.color) : 'none'}"` +
      (stroke ? ` stroke="${esc(stroke.color)}" stroke-width="${num(stroke.width)}"${stroke.join === 'miter' ? '' : ` stroke-linejoin="${stroke.join}"`}` : '') +
      (strokeFirst && fill && stroke ? ' paint-order="stroke"' : '');
    for (let i = 0; i < ops.length; i++) {
      const a = ops[i];
      const b = ops[i + 1];
      let attrs: string;
      // A fill and a stroke in a row paint one element; otherwise one element per paint.
      if (b && a.kind !== b.kind) {
        attrs = a.kind === 'fill' ? paint(a, b, false) : paint(b, a, true);
        i++;
      } else attrs = a.kind === 'fill' ? paint(a, undefined, false) : paint(undefined, a, false);
      this.out.push(shapes.startsWith('<path ') ? shapes.replace('<path ', `<path${attrs} `) : `<g${attrs}>${shapes}</g>`);
    }
  }
}

/** "700 16px system-ui, sans-serif" as SVG font properties (a canvas font is CSS's font shorthand). */
function fontCss(font: string): string {
  const m = /^(?:(normal|italic)\s+)?(?:(\d+|bold|normal)\s+)?([\d.]+)px\s+(.+)$/.exec(font.trim());
  if (!m) return `font:${font}`;
  return `font-family:${m[4]};font-size:${m[3]}px;font-weight:${m[2] ?? 'normal'}${m[1] ? `;font-style:${m[1]}` : ''}`;
}
