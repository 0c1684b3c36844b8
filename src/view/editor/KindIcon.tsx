/** Line icons for the palette items and the host kinds (24×24, stroke = currentColor). */
import type { PaletteKind } from '../../ops/templates.ts';

const PATHS: Record<PaletteKind, string> = {
  // a monitor
  host: 'M3 4h18v12H3zM9 20h6M12 16v4',
  // a round router with two crossing arrows
  router: 'M12 3a9 9 0 1 0 0.01 0zM7 10h9M13.5 7.5 16 10l-2.5 2.5M17 14H8M10.5 11.5 8 14l2.5 2.5',
  // a switch with its port row
  switch: 'M2 8h20v8H2zM5.5 12h1M9.5 12h1M13.5 12h1M17.5 12h1',
  // a laptop
  client: 'M5 5h14v10H5zM2.5 19h19L19 15H5z',
  // a load balancer: one line in, three out
  director: 'M12 21v-8M12 13 5 5M12 13V4M12 13l7-8M3 5h4M10 4h4M17 5h4',
  // a two-unit server
  'real-server': 'M4 3h16v7H4zM4 14h16v7H4zM7.5 6.5h1M7.5 17.5h1M12 6.5h5M12 17.5h5',
  // the same server, crossed: it answers ARP for the VIP (no arp_ignore/arp_announce)
  'real-server-nofix': 'M4 3h16v7H4zM4 14h16v7H4zM7.5 6.5h1M7.5 17.5h1M12 6.5h5M12 17.5h5M2 22 22 2',
};

export function kindOf(kind: string | undefined): PaletteKind {
  return kind && kind in PATHS ? (kind as PaletteKind) : 'host';
}

/** The icon's path, for use inside an SVG (the canvas) at any position. */
export function KindGlyph({ kind, x = 0, y = 0, size = 24, className }: { kind: PaletteKind; x?: number; y?: number; size?: number; className?: string }) {
  const k = size / 24;
  return (
    <path
      className={className}
      d={PATHS[kind]}
      transform={`translate(${x},${y}) scale(${k})`}
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      vectorEffect="non-scaling-stroke"
      aria-hidden="true"
    />
  );
}

/** The icon as an inline HTML image. */
export function KindIcon({ kind, size = 24 }: { kind: PaletteKind; size?: number }) {
  return (
    <svg className="kind-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <KindGlyph kind={kind} />
    </svg>
  );
}
