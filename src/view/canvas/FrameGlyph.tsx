import type { Shape } from './frameStyle.ts';

/** The token shape of a frame kind, centred on (0,0). */
export function FrameGlyph({ shape }: { shape: Shape }) {
  switch (shape) {
    case 'circle':
      return <circle className="glyph" r={8} />;
    case 'square':
      return <rect className="glyph" x={-7.5} y={-7.5} width={15} height={15} />;
    case 'diamond':
      return <path className="glyph" d="M0,-10 L10,0 L0,10 L-10,0 Z" />;
    case 'triangle':
      return <path className="glyph" d="M0,-10 L9,7 L-9,7 Z" />;
    case 'pill':
      return <rect className="glyph" x={-10} y={-5.5} width={20} height={11} rx={5.5} />;
    case 'nested':
      return <path className="glyph" fillRule="evenodd" d="M-4,-7 H4 A7,7 0 0 1 4,7 H-4 A7,7 0 0 1 -4,-7 Z M-3.5,-3.5 H3.5 A3.5,3.5 0 0 1 3.5,3.5 H-3.5 A3.5,3.5 0 0 1 -3.5,-3.5 Z" />;
  }
}
