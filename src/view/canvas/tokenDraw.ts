/**
 * Draws frame tokens on a 2D canvas layer above the SVG topology: the same shapes as the
 * SVG glyphs (FrameGlyph.tsx) and the legend, in the theme's colours. Hundreds of moving
 * tokens cost a few milliseconds here, where as SVG nodes they cost a style, layout and
 * layerisation pass per frame.
 */
import type { Shape } from './frameStyle.ts';

export interface TokenColors {
  req: string;
  rep: string;
  garp: string;
  dad: string;
  icmp: string;
  outline: string;
  focus: string;
  font: string;
}

const CLS_VAR: Record<string, keyof TokenColors> = { 'f-req': 'req', 'f-rep': 'rep', 'f-garp': 'garp', 'f-dad': 'dad', 'f-icmp': 'icmp' };

export function readColors(el: Element): TokenColors {
  const cs = getComputedStyle(el);
  const v = (n: string) => cs.getPropertyValue(n).trim();
  return {
    req: v('--f-req'), rep: v('--f-rep'), garp: v('--f-garp'), dad: v('--f-dad'), icmp: v('--f-icmp'),
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
  }
}
