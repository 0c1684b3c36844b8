/**
 * Draws frame tokens on a 2D canvas layer above the SVG topology: the same shapes as the
 * SVG glyphs (FrameGlyph.tsx) and the legend, in the theme's colours. Each look is drawn
 * once into a small sprite and then copied per token: hundreds of moving tokens cost a
 * few milliseconds, where as SVG nodes (or as one big path) they cost far more per frame.
 */
import type { Shape } from './frameStyle.ts';

export interface TokenColors {
  req: string;
  rep: string;
  garp: string;
  dad: string;
  icmp: string;
  tcp: string;
  ipip: string;
  outline: string;
  focus: string;
  font: string;
}

const CLS_VAR: Record<string, keyof TokenColors> = { 'f-req': 'req', 'f-rep': 'rep', 'f-garp': 'garp', 'f-dad': 'dad', 'f-icmp': 'icmp', 'f-tcp': 'tcp', 'f-ipip': 'ipip' };

export function readColors(el: Element): TokenColors {
  const cs = getComputedStyle(el);
  const v = (n: string) => cs.getPropertyValue(n).trim();
  return {
    req: v('--f-req'), rep: v('--f-rep'), garp: v('--f-garp'), dad: v('--f-dad'), icmp: v('--f-icmp'), tcp: v('--f-tcp'), ipip: v('--f-ipip'),
    outline: v('--canvas'), focus: v('--focus'), font: `bold 10.5px ${v('--sans') || 'sans-serif'}`,
  };
}

export function colorOf(c: TokenColors, cls: string): string {
  return c[CLS_VAR[cls] ?? 'req'];
}

/**
 * Adds the shape's outline centred on (x, y) at scale z, as FrameGlyph draws it at z = 1,
 * to the current path (callers batch many tokens of one colour into one path).
 */
export function shapePath(ctx: CanvasRenderingContext2D, shape: Shape, x: number, y: number, z = 1) {
  switch (shape) {
    case 'circle':
      ctx.moveTo(x + 8 * z, y);
      ctx.arc(x, y, 8 * z, 0, Math.PI * 2);
      break;
    case 'square':
      ctx.rect(x - 7.5 * z, y - 7.5 * z, 15 * z, 15 * z);
      break;
    case 'diamond':
      ctx.moveTo(x, y - 10 * z);
      ctx.lineTo(x + 10 * z, y);
      ctx.lineTo(x, y + 10 * z);
      ctx.lineTo(x - 10 * z, y);
      ctx.closePath();
      break;
    case 'triangle':
      ctx.moveTo(x, y - 10 * z);
      ctx.lineTo(x + 9 * z, y + 7 * z);
      ctx.lineTo(x - 9 * z, y + 7 * z);
      ctx.closePath();
      break;
    case 'pill':
      ctx.moveTo(x + 4.5 * z, y - 5.5 * z);
      ctx.roundRect(x - 10 * z, y - 5.5 * z, 20 * z, 11 * z, 5.5 * z);
      break;
    case 'nested':
      // The outer packet, then the inner one as a hole (even-odd fill): a pill inside a pill.
      ctx.moveTo(x + 7 * z, y - 7 * z);
      ctx.roundRect(x - 11 * z, y - 7 * z, 22 * z, 14 * z, 7 * z);
      ctx.moveTo(x + 3.5 * z, y - 3.5 * z);
      ctx.roundRect(x - 7 * z, y - 3.5 * z, 14 * z, 7 * z, 3.5 * z);
      break;
  }
}

/** Half the side of a sprite, in CSS pixels at scale 1 (the largest shape plus its outline). */
export const SPRITE_HALF = 12;

export interface Sprite {
  /** A static image (ImageBitmap where supported: copying it needs no snapshot of a live canvas). */
  image: CanvasImageSource;
  /** CSS pixels from the sprite's corner to the token's centre. */
  half: number;
}

/**
 * A token's look (shape, fill, outline) rendered once at scale z for a device pixel ratio. Its
 * side is a whole, even number of device pixels, drawn unscaled at a whole pixel: a plain
 * copy per token, where a fractional size would be resampled (filtered) for every token.
 */
export function makeSprite(shape: Shape, fill: string, outline: string, lineWidth: number, z: number, dpr: number): Sprite {
  const halfPx = Math.ceil(SPRITE_HALF * z * dpr);
  const side = 2 * halfPx;
  const half = halfPx / dpr;
  const off = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(side, side) : null;
  const el = off ? null : Object.assign(document.createElement('canvas'), { width: side, height: side });
  const ctx = (off ? off.getContext('2d') : el!.getContext('2d')) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  ctx.scale(dpr, dpr);
  ctx.beginPath();
  shapePath(ctx as CanvasRenderingContext2D, shape, half, half, z);
  ctx.fillStyle = fill;
  ctx.fill('evenodd');
  ctx.lineJoin = 'round';
  ctx.lineWidth = lineWidth;
  ctx.strokeStyle = outline;
  ctx.stroke();
  return { image: off ? off.transferToImageBitmap() : el!, half };
}
