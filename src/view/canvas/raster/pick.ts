/**
 * Picking on the raster canvas: which port, switch or host is under a point, from the same
 * geometry the canvas is drawn from (nothing is read back from pixels). A uniform grid of
 * buckets (about one host card per cell) holds every item's box, so a pick looks at one cell's
 * few items whatever the topology's size: exact, and constant time for 1,000 hosts.
 * Order where items overlap, as in the SVG drawing: a port (on a card's edge, drawn over it)
 * wins over a switch, a switch over a host card.
 */
import { CARD_H, CARD_MIN_W, type Geometry } from '../geometry.ts';

export type Picked = { kind: 'port'; host: string; dev: string } | { kind: 'segment'; segment: string } | { kind: 'host'; host: string };

/** Half the side of a port's square as drawn (14), plus a little slack for the pointer. */
export const PORT_HALF = 9;
/** On screen a port stays at least this many pixels wide for the pointer, however far the view is zoomed out. */
const PORT_MIN_SCREEN = 6;

const enum Kind {
  Port = 0,
  Segment = 1,
  Host = 2,
}

interface Item {
  kind: Kind;
  /** Index into geometry's hosts / segments, or the port's id. */
  ref: number | string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PickIndex {
  g: Geometry;
  cell: number;
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  cells: Item[][];
}

/** The grid over the geometry; built once per geometry (a few ms for 1,000 hosts). */
export function buildPickIndex(g: Geometry): PickIndex {
  const cell = Math.max(CARD_MIN_W, CARD_H * 2);
  // Ports get room for their largest pick radius at the smallest zoom (0.02 → 6 px = 300 units): kept
  // out of the grid's boxes, they are found by a search around the point instead (see pickAt).
  const { x0, y0, x1, y1 } = g.bounds;
  const cols = Math.max(1, Math.ceil((x1 - x0) / cell) + 1);
  const rows = Math.max(1, Math.ceil((y1 - y0) / cell) + 1);
  const cells: Item[][] = Array.from({ length: cols * rows }, () => []);
  const idx: PickIndex = { g, cell, x0, y0, cols, rows, cells };
  const add = (it: Item) => {
    const c0 = clamp(Math.floor((it.x0 - x0) / cell), cols);
    const c1 = clamp(Math.floor((it.x1 - x0) / cell), cols);
    const r0 = clamp(Math.floor((it.y0 - y0) / cell), rows);
    const r1 = clamp(Math.floor((it.y1 - y0) / cell), rows);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells[r * cols + c].push(it);
  };
  g.hosts.forEach((h, i) => {
    add({ kind: Kind.Host, ref: i, x0: h.x - h.w / 2, y0: h.y - h.h / 2, x1: h.x + h.w / 2, y1: h.y + h.h / 2 });
    for (const p of h.ports) add({ kind: Kind.Port, ref: p.id, x0: p.x - PORT_HALF, y0: p.y - PORT_HALF, x1: p.x + PORT_HALF, y1: p.y + PORT_HALF });
  });
  g.segments.forEach((s, i) => add({ kind: Kind.Segment, ref: i, x0: s.x - s.w / 2, y0: s.y - s.h / 2, x1: s.x + s.w / 2, y1: s.y + s.h / 2 }));
  return idx;
}

const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));

/**
 * What is under the canvas point (x, y) at zoom k. A port is hit within PORT_HALF canvas
 * units of its centre, or PORT_MIN_SCREEN / 2 screen pixels when zoomed far out; the nearest
 * port wins. Then a switch, then a host card (the last drawn on top where cards overlap).
 */
export function pickAt(idx: PickIndex, x: number, y: number, k = 1): Picked | null {
  const { g, cell, cols, rows, cells } = idx;
  const portR = Math.max(PORT_HALF, PORT_MIN_SCREEN / 2 / k);
  // Ports: every cell the port radius reaches around the point.
  let best: string | null = null;
  let bestD = Infinity;
  const c0 = clamp(Math.floor((x - portR - idx.x0) / cell), cols);
  const c1 = clamp(Math.floor((x + portR - idx.x0) / cell), cols);
  const r0 = clamp(Math.floor((y - portR - idx.y0) / cell), rows);
  const r1 = clamp(Math.floor((y + portR - idx.y0) / cell), rows);
  for (let r = r0; r <= r1; r++)
    for (let c = c0; c <= c1; c++)
      for (const it of cells[r * cols + c]) {
        if (it.kind !== Kind.Port) continue;
        const p = g.ports[it.ref as string];
        const dx = Math.abs(p.x - x);
        const dy = Math.abs(p.y - y);
        if (dx > portR || dy > portR) continue;
        const d = dx * dx + dy * dy;
        if (d < bestD) {
          bestD = d;
          best = p.id;
        }
      }
  if (best !== null) {
    const p = g.ports[best];
    return { kind: 'port', host: p.host, dev: p.dev };
  }
  const c = Math.floor((x - idx.x0) / cell);
  const r = Math.floor((y - idx.y0) / cell);
  if (c < 0 || r < 0 || c >= cols || r >= rows) return null;
  let host = -1;
  for (const it of cells[r * cols + c]) {
    if (x < it.x0 || x > it.x1 || y < it.y0 || y > it.y1) continue;
    if (it.kind === Kind.Segment) return { kind: 'segment', segment: g.segments[it.ref as number].name };
    if (it.kind === Kind.Host) host = Math.max(host, it.ref as number);
  }
  return host >= 0 ? { kind: 'host', host: g.hosts[host].name } : null;
}
